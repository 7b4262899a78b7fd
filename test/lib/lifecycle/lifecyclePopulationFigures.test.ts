/**
 * Assign Lifecycle Stage with stored population figures (lib/lifecycle/lifecyclePopulationFigures.ts): one customer
 * alone gets the stage and reason of the whole run; bad or mismatched figures are errors naming the field.
 */
import type { LifecycleProfile } from '../../../lib';
import { assignLifecycleStages, LifecycleInputError } from '../../../lib';

const END = '2024-06-30T00:00:00.000Z';
const buyer = (id: string, orders: number, first: string, last: string, revenue: number): LifecycleProfile => ({
	profileId: id,
	observationEnd: END,
	orders,
	frequency: orders - 1,
	firstPurchaseAt: first,
	lastPurchaseAt: last,
	revenue,
	referrals: 0,
	reviews: 0,
});
const PROFILES: LifecycleProfile[] = [
	buyer('A', 1, '2024-05-01T00:00:00.000Z', '2024-05-01T00:00:00.000Z', 20),
	buyer('B', 3, '2024-01-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z', 90),
	buyer('C', 4, '2024-03-01T00:00:00.000Z', '2024-06-20T00:00:00.000Z', 300),
	buyer('D', 2, '2024-02-01T00:00:00.000Z', '2024-06-01T00:00:00.000Z', 50),
	buyer('E', 5, '2024-01-15T00:00:00.000Z', '2024-06-25T00:00:00.000Z', 500),
];

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

describe('assignLifecycleStages with stored population figures', () => {
	const weekly = assignLifecycleStages(PROFILES);
	const figures = JSON.stringify(weekly.summary.populationFigures);

	it('reports the population it used as figures to store', () => {
		expect(weekly.summary.populationFigures).toEqual({
			kind: 'populationFigures',
			version: 1,
			lifecycle: {
				gapDays: weekly.summary.populationGapDays,
				gapSource: 'median of repeat buyers',
				buyers: 5,
				repeatBuyers: 4,
				loyalPurchaseCutoff: weekly.summary.loyalPurchaseCutoff,
				loyalRevenueCutoff: weekly.summary.loyalRevenueCutoff,
				loyalTopPercent: 20,
				populationGapDays: null,
			},
		});
	});

	it('gives each customer alone the stage, reason and entry time of the whole run', () => {
		PROFILES.forEach((profile, index) => {
			const alone = assignLifecycleStages([profile], { populationFigures: figures });
			expect({ ...alone.assignments[0], itemIndex: index }).toEqual(weekly.assignments[index]);
			expect(alone.summary.populationFigures).toEqual(weekly.summary.populationFigures);
		});
		// Without the figures the one-time buyer alone has no population gap at all.
		expect(() => assignLifecycleStages([PROFILES[0]])).toThrow(/populationGapDays/);
	});

	it('accepts the figures as an object, and the merged object holding Build Profile\'s part too', () => {
		const merged = { ...weekly.summary.populationFigures, observationEnd: END, rfm: { recency: [], frequency: [], monetary: [] } };
		expect(assignLifecycleStages([PROFILES[2]], { populationFigures: merged }).assignments[0].lifecycleStage).toBe(weekly.assignments[2].lifecycleStage);
	});

	const part = weekly.summary.populationFigures.lifecycle as Record<string, unknown>;
	it.each<[string, unknown, Record<string, unknown>, string, RegExp]>([
		['only Build Profile\'s part', { kind: 'populationFigures', version: 1, observationEnd: END, rfm: {} }, {}, 'populationFigures.lifecycle', /Assign Lifecycle Stage/],
		['another version', { kind: 'populationFigures', version: 0, lifecycle: part }, {}, 'populationFigures.version', /to be 1/],
		['an unknown gap source', { kind: 'populationFigures', version: 1, lifecycle: { ...part, gapSource: 'mean' } }, {}, 'populationFigures.lifecycle.gapSource', /one of/],
		['a gap with source none', { kind: 'populationFigures', version: 1, lifecycle: { ...part, gapSource: 'none' } }, {}, 'populationFigures.lifecycle.gapDays', /null/],
		['a missing buyer count', { kind: 'populationFigures', version: 1, lifecycle: { ...part, buyers: undefined } }, {}, 'populationFigures.lifecycle.buyers', /whole number/],
		['another Loyal: Top Percent', { kind: 'populationFigures', version: 1, lifecycle: part }, { loyalTopPercent: 10 }, 'populationFigures.lifecycle.loyalTopPercent', /\(10\)/],
		['another Population Gap (Days)', { kind: 'populationFigures', version: 1, lifecycle: part }, { populationGapDays: 30 }, 'populationFigures.lifecycle.populationGapDays', /\(30\)/],
	])('refuses %s, naming the field', (_name, value, options, field, message) => {
		const error = errorOf(() => assignLifecycleStages([PROFILES[0]], { ...options, populationFigures: value }));
		expect(error.field).toBe(field);
		expect(error.message).toMatch(message);
	});

	it('keeps today\'s behaviour without figures (empty text or null)', () => {
		expect(assignLifecycleStages(PROFILES, { populationFigures: '' })).toEqual(weekly);
		expect(assignLifecycleStages(PROFILES, { populationFigures: null })).toEqual(weekly);
	});
});
