/**
 * Assign Lifecycle Stage's part of the stored population figures (lib/profile/populationFigures.ts): the run's
 * population (lifecyclePopulation: the population gap of one-time buyers, the loyal top-share cut-offs, the counts
 * the reasons quote) and the options that shaped it, so a real-time run for one customer classifies them against
 * the scheduled run's population, not a batch of one.
 *
 *   "lifecycle": { "gapDays": 30.5, "gapSource": "median of repeat buyers", "buyers": 2357, "repeatBuyers": 1205,
 *                  "loyalPurchaseCutoff": 4, "loyalRevenueCutoff": 112.3, "loyalTopPercent": 20, "populationGapDays": null }
 * Reading checks every field and that Loyal: Top Percent and Population Gap (Days), when set, match the figures
 * (other cut-offs would be needed): an error naming the field otherwise.
 *
 * Cost: O(1).
 * @example readLifecyclePopulationFigures(lifecyclePopulationFigures(population, resolved), resolved) // population
 */
import type { PopulationFigures } from '../profile/populationFigures';
import { POPULATION_FIGURES_KIND, POPULATION_FIGURES_VERSION, populationFiguresPart, readPopulationFigures } from '../profile/populationFigures';
import { LifecycleInputError } from '../errors';
import { describeValue } from '../fieldValues';
import type { LifecyclePopulation } from './lifecyclePopulation';
import type { ResolvedLifecycleOptions } from './resolveLifecycleOptions';

const GAP_SOURCES: ReadonlyArray<LifecyclePopulation['gapSource']> = ['option', 'median of repeat buyers', 'none'];

/** The lifecycle part of the figures, in an envelope of its own (merge it with Build Profile's part to store). */
export function lifecyclePopulationFigures(population: LifecyclePopulation, options: Pick<ResolvedLifecycleOptions, 'loyalTopPercent' | 'populationGapDays'>): PopulationFigures {
	return {
		kind: POPULATION_FIGURES_KIND,
		version: POPULATION_FIGURES_VERSION,
		lifecycle: {
			gapDays: population.gapDays,
			gapSource: population.gapSource,
			buyers: population.buyers,
			repeatBuyers: population.repeatBuyers,
			loyalPurchaseCutoff: population.loyalPurchaseCutoff,
			loyalRevenueCutoff: population.loyalRevenueCutoff,
			loyalTopPercent: options.loyalTopPercent,
			populationGapDays: options.populationGapDays,
		},
	};
}

/** The stored population for a run with `options`; every field checked, an error naming the field otherwise. */
export function readLifecyclePopulationFigures(
	value: unknown,
	options: Pick<ResolvedLifecycleOptions, 'functionName' | 'loyalTopPercent' | 'populationGapDays'>,
): LifecyclePopulation {
	const fn = options.functionName;
	const part = populationFiguresPart(readPopulationFigures(value, fn), 'lifecycle', fn, 'Assign Lifecycle Stage');
	const fail = (field: string, need: string, hint = 'Store the populationFigures of the scheduled run unchanged') =>
		new LifecycleInputError(`${fn} requires populationFigures.lifecycle.${field} ${need}; got ${part[field] === undefined ? 'nothing (the field is missing)' : describeValue(part[field])}`, {
			field: `populationFigures.lifecycle.${field}`,
			hint,
		});
	const count = (field: string): number => {
		const entry = part[field];
		if (typeof entry !== 'number' || !Number.isInteger(entry) || entry < 0) throw fail(field, 'to be a whole number, 0 or more');
		return entry;
	};
	const numberOrNull = (field: string, check: (n: number) => boolean, need: string): number | null => {
		const entry = part[field];
		if (entry === null) return null;
		if (typeof entry !== 'number' || !Number.isFinite(entry) || !check(entry)) throw fail(field, need);
		return entry;
	};
	const gapSource = part.gapSource as LifecyclePopulation['gapSource'];
	if (!GAP_SOURCES.includes(gapSource)) throw fail('gapSource', `to be one of ${GAP_SOURCES.map((source) => `"${source}"`).join(', ')}`);
	const gapDays = numberOrNull('gapDays', (n) => n > 0, 'to be a number of days above 0, or null');
	if ((gapDays === null) !== (gapSource === 'none')) throw fail('gapDays', `to be ${gapSource === 'none' ? 'null' : 'a number'} when gapSource is "${gapSource}"`);
	const population: LifecyclePopulation = {
		gapDays,
		gapSource,
		buyers: count('buyers'),
		repeatBuyers: count('repeatBuyers'),
		loyalPurchaseCutoff: numberOrNull('loyalPurchaseCutoff', (n) => n >= 1, 'to be a number of purchase days, or null'),
		loyalRevenueCutoff: numberOrNull('loyalRevenueCutoff', () => true, 'to be a number, or null'),
	};
	if (part.loyalTopPercent !== options.loyalTopPercent) {
		throw fail('loyalTopPercent', `to equal this run's Loyal: Top Percent (${options.loyalTopPercent}); the cut-offs were taken at the stored percent`, 'Set Loyal: Top Percent as in the scheduled run, or store figures of a run with this percent');
	}
	const storedGap = part.populationGapDays;
	if (storedGap !== null && (typeof storedGap !== 'number' || !(storedGap > 0))) throw fail('populationGapDays', 'to be a number of days above 0, or null');
	if (options.populationGapDays !== null && options.populationGapDays !== storedGap) {
		throw fail('populationGapDays', `to equal this run's Population Gap (Days) (${options.populationGapDays})`, 'Leave Population Gap (Days) empty to use the stored figures, or set it as in the scheduled run');
	}
	return population;
}
