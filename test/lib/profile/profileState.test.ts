/**
 * The profile core is a fold (issue 14, item 3): an empty state, events added in batches, states merged, profiles
 * read. Properties over random streams (test/support/profileStreams), each under several settings:
 * - folding batches from empty reads back exactly what buildProfiles gives for the whole stream;
 * - merge is commutative in the profiles it reads back, and associative exactly;
 * - a stream split anywhere, each part added to its own state and the states merged, reads back exactly one add.
 * Streams stay under OUTLIER_MIN_EVENTS, so the outlier rule's bulk (judged per batch) never applies.
 */
import fc from 'fast-check';
import type { BuildProfilesOptions, BuildProfilesResult, LifecycleEvent, ProfileState } from '../../../lib';
import { addEvents, buildProfiles, emptyProfileState, LifecycleInputError, mergeProfileStates, readProfiles } from '../../../lib';
import { DAY, eventStreams, START } from '../../support/profileStreams';

const streamArbitrary = eventStreams({ maxLength: 50 });

const SETTINGS: Array<[string, BuildProfilesOptions]> = [
	['defaults (observation end from the data)', {}],
	['an observation end, later events ignored, converted currencies, a history of 2', {
		observationEnd: START + 20 * DAY,
		afterObservationEnd: 'ignore',
		currency: { mode: 'convert', baseCurrency: 'USD', rates: { EUR: 1.1 } },
		defaultCurrency: 'USD',
		historyLimit: 2,
	}],
	['an observation end that refuses later events', { observationEnd: START + 10 * DAY }],
	['refunds ignored, zero-value purchases ignored, no deduplication', { refunds: 'ignore', zeroValuePurchases: 'ignore', dedupeByEventId: false }],
];

/** The stream cut at the given fractions (sorted, each in [0, 1]). */
function cut(events: LifecycleEvent[], fractions: number[]): LifecycleEvent[][] {
	const positions = fractions.map((fraction) => Math.floor(fraction * events.length)).sort((a, b) => a - b);
	const parts: LifecycleEvent[][] = [];
	let from = 0;
	for (const position of [...positions, events.length]) {
		parts.push(events.slice(from, position));
		from = position;
	}
	return parts;
}

const stateOf = (events: LifecycleEvent[], options: BuildProfilesOptions) => addEvents(emptyProfileState(options), events);

/** What a read gives, as text: profiles, summary and issues exactly as listed. */
const exactly = (result: BuildProfilesResult) => JSON.stringify(result);

/** What a read gives with its lists in a fixed order: profiles by id, issues by item. */
function inAnyOrder(result: BuildProfilesResult): string {
	return JSON.stringify({
		profiles: [...result.profiles].sort((a, b) => (a.profileId < b.profileId ? -1 : 1)),
		summary: result.summary,
		issues: [...result.issues].sort((a, b) => a.itemIndex - b.itemIndex || (a.message < b.message ? -1 : 1)),
	});
}

const fractionsArbitrary = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 });

describe.each(SETTINGS)('the profile fold with %s', (_name, options) => {
	it('reads back what buildProfiles gives, events added in batches cut anywhere (fast-check, 200 runs)', () => {
		fc.assert(
			fc.property(streamArbitrary, fractionsArbitrary, (events, fractions) => {
				const state = emptyProfileState(options);
				for (const batch of cut(events, fractions)) addEvents(state, batch);
				expect(exactly(readProfiles(state))).toBe(exactly(buildProfiles(events, options)));
			}),
			{ numRuns: 200 },
		);
	});

	it('merges commutatively: merge(a, b) and merge(b, a) read back the same profiles, summary and issues (fast-check, 200 runs)', () => {
		fc.assert(
			fc.property(streamArbitrary, fractionsArbitrary, (events, fractions) => {
				const [a, b] = cut(events, fractions.slice(0, 1)).map((part) => stateOf(part, options));
				const ab = readProfiles(mergeProfileStates(a, b));
				const ba = readProfiles(mergeProfileStates(b, a));
				expect(inAnyOrder(ba)).toBe(inAnyOrder(ab));
			}),
			{ numRuns: 200 },
		);
	});

	it('merges associatively: merge(merge(a, b), c) and merge(a, merge(b, c)) read back exactly the same (fast-check, 200 runs)', () => {
		fc.assert(
			fc.property(streamArbitrary, fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), (events, [x, y]) => {
				const [a, b, c] = cut(events, [x, y]).map((part) => stateOf(part, options));
				const left = readProfiles(mergeProfileStates(mergeProfileStates(a, b), c));
				const right = readProfiles(mergeProfileStates(a, mergeProfileStates(b, c)));
				expect(exactly(right)).toBe(exactly(left));
				expect(exactly(readProfiles(mergeProfileStates(a, b, c)))).toBe(exactly(left));
			}),
			{ numRuns: 200 },
		);
	});

	it('reads back one add when the stream is split anywhere and the parts merged, inputs left unchanged (fast-check, 200 runs)', () => {
		fc.assert(
			fc.property(streamArbitrary, fc.double({ min: 0, max: 1, noNaN: true }), (events, fraction) => {
				const [first, second] = cut(events, [fraction]);
				const a = stateOf(first, options);
				const b = stateOf(second, options);
				const before = [exactly(readProfiles(a)), exactly(readProfiles(b))];
				expect(exactly(readProfiles(mergeProfileStates(a, b)))).toBe(exactly(readProfiles(stateOf(events, options))));
				expect([exactly(readProfiles(a)), exactly(readProfiles(b))]).toEqual(before);
			}),
			{ numRuns: 200 },
		);
	});
});

describe('profile states', () => {
	const purchase = (customerId: string, value: number, day: number, sourceIndex: number) =>
		({ type: 'purchase', customerId, value, timestamp: START + day * DAY, sourceIndex }) as LifecycleEvent;

	it('keeps folding after a read: the profiles read earlier stay as they were', () => {
		const state = addEvents(emptyProfileState(), [purchase('C1', 10, 0, 0)]);
		const [early] = readProfiles(state).profiles;
		addEvents(state, [purchase('C1', 5, 3, 1)]);
		const [late] = readProfiles(state).profiles;
		expect([early.orders, early.revenue, early.sourceIndexes]).toEqual([1, 10, [0]]);
		expect([late.orders, late.revenue, late.sourceIndexes]).toEqual([2, 15, [0, 1]]);
	});

	it('lets a later batch take back a copy: the earlier copy of an event id counts whichever state it arrived in', () => {
		const corrected = { ...purchase('C1', 12, 1, 0), eventId: 'E1' };
		const first = { ...purchase('C1', 10, 0, 1), eventId: 'E1' };
		const merged = readProfiles(mergeProfileStates(stateOf([corrected], {}), stateOf([first], {})));
		expect([merged.profiles[0].revenue, merged.profiles[0].skippedReasons]).toEqual([10, { duplicateEventId: 1 }]);
	});

	it('joins two stored halves when a link arrives in a later state', () => {
		const halves = mergeProfileStates(
			stateOf([purchase('C1', 10, 0, 0)], {}),
			stateOf([{ type: 'view', anonymousId: 'cookie-1', productId: 'P1', timestamp: START, sourceIndex: 1 } as LifecycleEvent], {}),
		);
		expect(readProfiles(halves).profiles).toHaveLength(2);
		const linked = mergeProfileStates(halves, stateOf([{ type: 'identify', customerId: 'C1', anonymousId: 'cookie-1', timestamp: START, sourceIndex: 2 } as LifecycleEvent], {}));
		const [profile] = readProfiles(linked).profiles;
		expect([profile.identities, profile.productsViewed, profile.orders]).toEqual([['a:cookie-1', 'c:C1'], ['P1'], 1]);
	});

	it('refuses to merge states built with other options', () => {
		const weekly: ProfileState = emptyProfileState({ periodUnit: 'week' });
		expect(() => mergeProfileStates(weekly, emptyProfileState({ periodUnit: 'day' }))).toThrow(LifecycleInputError);
		expect(() => mergeProfileStates(weekly, emptyProfileState({ periodUnit: 'day' }))).toThrow('mergeProfileStates requires states built with the same options');
	});
});
