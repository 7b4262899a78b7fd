/**
 * Population figures (lib/profile/populationFigures.ts, scoreRfm.ts): quintile edges give exactly the mid-rank
 * quintile score of every value of the population; the stored figures round-trip through JSON; bad, missing or
 * other-version figures are errors naming the field.
 */
import fc from 'fast-check';
import type { CustomerProfile, LifecycleEvent } from '../../../lib';
import {
	assignRfmScores,
	assignRfmScoresFromEdges,
	buildProfiles,
	LifecycleInputError,
	populationAfterUpdate,
	profilePopulationFigures,
	quintileEdges,
	quintileScores,
	readProfilePopulationFigures,
	scoreFromEdges,
	updateStoredProfiles,
} from '../../../lib';
import { DAY, START } from '../../support/profileStreams';

function errorOf(work: () => unknown): LifecycleInputError {
	let caught: unknown;
	try {
		work();
	} catch (error) {
		caught = error;
	}
	expect(caught).toBeInstanceOf(LifecycleInputError);
	return caught as LifecycleInputError;
}

describe('quintileEdges and scoreFromEdges', () => {
	it('give every value of the population its mid-rank quintile score (fast-check, 500 runs, ties included)', () => {
		fc.assert(
			fc.property(fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { maxLength: 60 }), (values) => {
				const edges = quintileEdges(values);
				const scores = quintileScores(values);
				values.forEach((value, k) => expect(scoreFromEdges(value, edges)).toBe(scores[k]));
			}),
			{ numRuns: 500 },
		);
	});

	it('are the smallest value of each score 2..5, null when no value reaches it', () => {
		expect(quintileEdges([1, 2, 3, 4, 5])).toEqual([2, 3, 4, 5]);
		expect(quintileEdges([])).toEqual([null, null, null, null]);
		// One value: mid-rank 0.5 gives score 3, so the edges of 2 and 3 are that value.
		expect(quintileEdges([7])).toEqual([7, 7, null, null]);
		// A value between two of the population gets the score of the one below it.
		expect(scoreFromEdges(3.5, [2, 3, 4, 5])).toBe(3);
		expect(scoreFromEdges(-1, [2, 3, 4, 5])).toBe(1);
	});
});

const event = (fields: Partial<LifecycleEvent> & Pick<LifecycleEvent, 'type'>, day: number, sourceIndex: number) => ({ timestamp: START + day * DAY, sourceIndex, ...fields }) as LifecycleEvent;

/** Twelve customers with different order counts, revenues and last purchases; one without orders. */
function population(): LifecycleEvent[] {
	const events: LifecycleEvent[] = [];
	for (let c = 0; c < 12; c++) {
		for (let o = 0; o <= c % 5; o++) events.push(event({ customerId: `C${c}`, type: 'purchase', value: 10 + ((c * 7) % 11), orderId: `O${c}-${o}` }, c + o * 3, events.length));
	}
	events.push(event({ customerId: 'N1', type: 'view', productId: 'P1' }, 2, events.length));
	return events;
}

describe('assignRfmScoresFromEdges', () => {
	it('gives each customer of the population the scores assignRfmScores gave them', () => {
		const { profiles } = buildProfiles(population());
		const figures = readProfilePopulationFigures(JSON.stringify(profilePopulationFigures(profiles[0].observationEnd, profiles)));
		const copies = profiles.map((profile) => ({ ...profile, rfmRecency: 1, rfmScore: 'x' }) as CustomerProfile);
		assignRfmScoresFromEdges(copies, figures.rfm);
		expect(JSON.stringify(copies)).toBe(JSON.stringify(profiles));
		expect(copies.find((profile) => profile.profileId === 'N1')).toMatchObject({ rfmRecency: null, rfmScore: null, rfmSegment: null });
	});

	it('matches assignRfmScores ranking among others (the untouched rows of an update)', () => {
		const { profiles } = buildProfiles(population());
		const [mine, others] = [profiles.slice(0, 3).map((profile) => ({ ...profile })), profiles.slice(3)];
		assignRfmScores(mine, others);
		const edges = readProfilePopulationFigures(profilePopulationFigures(profiles[0].observationEnd, profiles)).rfm;
		const fromEdges = profiles.slice(0, 3).map((profile) => ({ ...profile }));
		assignRfmScoresFromEdges(fromEdges, edges);
		expect(fromEdges).toEqual(mine);
	});
});

describe('profilePopulationFigures and readProfilePopulationFigures', () => {
	const { profiles, summary } = buildProfiles(population());
	const figures = profilePopulationFigures(summary.observationEnd, profiles);

	it('writes a versioned object with the observation end and the RFM edges', () => {
		expect(figures).toMatchObject({ kind: 'populationFigures', version: 1, observationEnd: summary.observationEnd, rfm: { purchasers: 12, valued: 12 } });
		expect(figures.rfm?.recency.every((edge) => edge === null || /^\d{4}-\d{2}-\d{2}T/.test(edge))).toBe(true);
		expect(readProfilePopulationFigures(JSON.stringify(figures)).observationEnd).toBe(Date.parse(summary.observationEnd));
	});

	it.each<[string, unknown, string, RegExp]>([
		['empty text', '', 'populationFigures', /population figures of the scheduled run/],
		['text that is not JSON', '{"kind":', 'populationFigures', /valid JSON/],
		['a list', [], 'populationFigures', /an object/],
		['another kind', { kind: 'churnModel', version: 1 }, 'populationFigures.kind', /"populationFigures"/],
		['another version', { kind: 'populationFigures', version: 2 }, 'populationFigures.version', /to be 1 .*got 2/],
		['no observation end', { kind: 'populationFigures', version: 1, rfm: {} }, 'populationFigures.observationEnd', /missing/],
		['no RFM part (only the lifecycle part stored)', { kind: 'populationFigures', version: 1, observationEnd: '2024-01-01T00:00:00.000Z', lifecycle: {} }, 'populationFigures.rfm', /Build Profile/],
		['three edges', { ...figures, rfm: { ...figures.rfm, frequency: [1, 2, 3] } }, 'populationFigures.rfm.frequency', /4 edges/],
		['falling edges', { ...figures, rfm: { ...figures.rfm, monetary: [5, 4, null, null] } }, 'populationFigures.rfm.monetary', /rising/],
		['a number where a date belongs', { ...figures, rfm: { ...figures.rfm, recency: [1, 2, 3, 4] } }, 'populationFigures.rfm.recency', /dates/],
	])('refuses %s, naming the field', (_name, value, field, message) => {
		const error = errorOf(() => readProfilePopulationFigures(value));
		expect(error.field).toBe(field);
		expect(error.message).toMatch(message);
		expect(error.hint).toBeTruthy();
	});
});

describe('updateStoredProfiles with stored population figures', () => {
	it('ranks one stored row by the stored edges and ends no earlier than the figures', () => {
		const weekly = updateStoredProfiles([], population(), { everyCustomer: true });
		const figures = profilePopulationFigures(weekly.summary.observationEnd, weekly.profiles);
		const later = new Date(Date.parse(weekly.summary.observationEnd) + 5 * DAY).toISOString();
		const row = weekly.rows.find((candidate) => candidate.profileId === 'C4')!;
		const alone = updateStoredProfiles([row], [], { everyCustomer: true, populationFigures: readProfilePopulationFigures({ ...figures, observationEnd: later }) });
		const inWeekly = weekly.profiles.find((profile) => profile.profileId === 'C4')!;
		expect(alone.profiles[0]).toMatchObject({ observationEnd: later, rfmScore: inWeekly.rfmScore, rfmSegment: inWeekly.rfmSegment });
		expect(alone.rows[0].rfmSegment).toBe(inWeekly.rfmSegment);
	});

	it('populationAfterUpdate: the updated profiles and the untouched rows, not the rebuilt ones twice', () => {
		const weekly = updateStoredProfiles([], population(), { everyCustomer: true });
		const next = updateStoredProfiles(weekly.rows, [event({ customerId: 'C1', type: 'purchase', value: 99, orderId: 'O-new' }, 20, 0)]);
		const figures = populationAfterUpdate(weekly.rows, next.profiles, next.retiredProfileIds);
		expect(figures).toHaveLength(weekly.rows.length);
		// C1 had 2 orders of 17: its stored figures are replaced by the updated profile (3 orders, 133).
		expect(figures.filter((entry) => entry.orders === 2 && entry.revenue === 34)).toHaveLength(0);
		expect(next.profiles[0]).toMatchObject({ profileId: 'C1', orders: 3, revenue: 133 });
		expect(figures).toContain(next.profiles[0]);
	});
});
