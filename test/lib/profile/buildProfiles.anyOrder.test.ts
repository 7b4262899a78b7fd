/**
 * The same events in any order give the same profiles, bit for bit: the first half of "exact" for stored
 * profiles (issue 14), where batches arrive late, duplicated and out of order. Random streams from small pools,
 * so that ties (same time, same event id with other content, two customer ids sharing an email, consent granted
 * and withdrawn at once) are common rather than rare.
 */
import fc from 'fast-check';
import type { BuildProfilesOptions, BuildProfilesResult, LifecycleEvent } from '../../../lib';
import { buildProfiles, EVENT_TYPES } from '../../../lib';

const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1);
const maybe = <T>(values: T[]) => fc.constantFrom<T | undefined>(undefined, ...values);

const eventArbitrary = fc.record(
	{
		customerId: maybe(['C1', 'C2', 'C3', 'n/a']),
		email: maybe(['ana@example.com', ' ANA@example.com', 'bo@example.com', 'unknown']),
		phone: maybe(['+1 555 0100', '-']),
		anonymousId: maybe(['cookie-1', 'cookie-2']),
		type: fc.constantFrom(...EVENT_TYPES),
		timestamp: fc.tuple(fc.integer({ min: 0, max: 30 }), fc.constantFrom(0, 0, 0.5)).map(([day, part]) => START + (day + part) * DAY),
		value: maybe([0, 0.1, 0.2, 0.3, 19.99, 1234.56, 7]),
		currency: maybe(['USD', 'EUR']),
		eventId: maybe(['E1', 'E2', 'E3']),
		orderId: maybe(['O1', 'O2', 'O3']),
		orderUpdatedAt: maybe([START, START + DAY]),
		productId: maybe(['P1', 'P2', 'P3']),
		channel: maybe(['email', 'E-Mail', 'sms', 'push', 'all', 'pigeon']),
		consentGranted: maybe([true, false]),
		consent: maybe([{ email: true }, { email: false, sms: true }]),
		attributes: maybe([{ firstName: 'Ana' }, { firstName: 'Bo', country: 'PT' }]),
	},
	{ requiredKeys: ['type', 'timestamp'] },
);

const streamArbitrary = fc.array(eventArbitrary, { minLength: 1, maxLength: 60 }).map((drafts) =>
	drafts.map((draft, sourceIndex) => {
		const event = { ...draft, sourceIndex } as Record<string, unknown>;
		for (const key of Object.keys(event)) if (event[key] === undefined) delete event[key];
		return event as unknown as LifecycleEvent;
	}),
);

/** The result with its lists in a fixed order: profiles by id, issues by item. Everything else must match as is. */
function comparable(result: BuildProfilesResult) {
	return {
		profiles: [...result.profiles].sort((a, b) => (a.profileId < b.profileId ? -1 : 1)),
		summary: result.summary,
		issues: [...result.issues].sort((a, b) => a.itemIndex - b.itemIndex || (a.message < b.message ? -1 : 1)),
	};
}

function shuffled<T>(values: T[], keys: number[]): T[] {
	return values.map((value, i) => ({ value, key: keys[i % keys.length] * 1000 + i })).sort((a, b) => a.key - b.key).map(({ value }) => value);
}

describe('buildProfiles gives the same profiles whatever the order of the events', () => {
	it.each<[string, BuildProfilesOptions]>([
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
	])('with %s (fast-check, 400 runs)', (_name, options) => {
		fc.assert(
			fc.property(streamArbitrary, fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 1, maxLength: 60 }), (events, keys) => {
				const reference = comparable(buildProfiles(events, options));
				const reordered = comparable(buildProfiles(shuffled(events, keys), options));
				expect(reordered).toEqual(reference);
				expect(JSON.stringify(reordered)).toBe(JSON.stringify(reference));
			}),
			{ numRuns: 400 },
		);
	});

	it('keeps the earlier copy of an event id whichever copy arrives first', () => {
		const first = { eventId: 'E1', customerId: 'C1', type: 'purchase', value: 10, timestamp: START, sourceIndex: 0 } as LifecycleEvent;
		const corrected = { ...first, value: 12, timestamp: START + DAY, sourceIndex: 1 } as LifecycleEvent;
		for (const events of [[first, corrected], [corrected, first]]) {
			const [profile] = buildProfiles(events).profiles;
			expect([profile.revenue, profile.skippedReasons]).toEqual([10, { duplicateEventId: 1 }]);
		}
	});

	it('lets the earlier link win when two customer ids claim one email, whichever arrives first', () => {
		const early = { customerId: 'C2', email: 'shared@example.com', type: 'identify', timestamp: START, sourceIndex: 0 } as LifecycleEvent;
		const late = { customerId: 'C1', email: 'shared@example.com', type: 'identify', timestamp: START + DAY, sourceIndex: 1 } as LifecycleEvent;
		for (const events of [[early, late], [late, early]]) {
			const owner = buildProfiles(events).profiles.find((profile) => profile.email === 'shared@example.com');
			expect(owner?.customerId).toBe('C2');
		}
	});

	it('suppresses when consent is granted and withdrawn at the same time, in either order (fail closed)', () => {
		const granted = { customerId: 'C1', type: 'consent', channel: 'email', consentGranted: true, timestamp: START, sourceIndex: 0 } as LifecycleEvent;
		const unsubscribed = { customerId: 'C1', type: 'unsubscribe', channel: 'email', timestamp: START, sourceIndex: 1 } as LifecycleEvent;
		for (const events of [[granted, unsubscribed], [unsubscribed, granted]]) {
			const [profile] = buildProfiles(events).profiles;
			expect([profile.consentEmail, profile.unsubscribed]).toEqual([false, ['email']]);
		}
	});
});
