/**
 * What the stage rules compare a customer with: the run's population of buyers.
 *
 * - Population gap (usual gap of one-time buyers, who have no rhythm of their own): the option
 *   populationGapDays, else the median own gap of the run's repeat buyers:
 *   median(g_1..g_m), g_i = (last - first purchase day) / (purchase days - 1), the middle value (the mean
 *   of the two middle values for even m). None when the run has no repeat buyer.
 * - Loyal cutoffs: the k-th largest purchase-day count and revenue among the run's buyers,
 *   k = max(1, ceil(n * topPercent / 100)); a customer at or above both is in the top share (ties included).
 * Items that failed to read are left out.
 * Reference: median inter-purchase time as the population default, as in Wübben & von Wangenheim (2008),
 * Journal of Marketing 72(3) (see lifecycleStages.ts).
 *
 * Cost: O(n log n) for n buyers (sorting).
 * @example lifecyclePopulation(facts, revenues, resolved).gapDays // 21 for own gaps 14, 21, 30
 */
import type { LifecycleFacts } from './readLifecycleFacts';
import type { ResolvedLifecycleOptions } from './resolveLifecycleOptions';

export interface LifecyclePopulation {
	/** Usual gap of one-time buyers in days (before the minimum is applied); null when unknown. */
	gapDays: number | null;
	gapSource: 'option' | 'median of repeat buyers' | 'none';
	buyers: number;
	repeatBuyers: number;
	/** Purchase days and revenue at the loyal top-share cutoff (null without buyers or revenue). */
	loyalPurchaseCutoff: number | null;
	loyalRevenueCutoff: number | null;
}

function median(sorted: readonly number[]): number | null {
	const n = sorted.length;
	if (n === 0) return null;
	const middle = Math.floor(n / 2);
	return n % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function kthLargest(values: number[], percent: number): number | null {
	if (values.length === 0) return null;
	values.sort((a, b) => b - a);
	const k = Math.max(1, Math.ceil((values.length * percent) / 100));
	return values[Math.min(k, values.length) - 1];
}

/**
 * @param facts the read facts of the items that read without error
 * @param revenues revenue of each of those items (same order), NaN when missing or not a number
 */
export function lifecyclePopulation(facts: readonly LifecycleFacts[], revenues: ArrayLike<number>, options: ResolvedLifecycleOptions): LifecyclePopulation {
	const gaps: number[] = [];
	const purchaseDays: number[] = [];
	const revenue: number[] = [];
	facts.forEach((fact, position) => {
		if (fact.purchaseDays === 0) return;
		purchaseDays.push(fact.purchaseDays);
		if (!Number.isNaN(revenues[position])) revenue.push(revenues[position]);
		if (fact.ownGapDays !== null) gaps.push(fact.ownGapDays);
	});
	gaps.sort((a, b) => a - b);
	const medianGap = median(gaps);
	return {
		gapDays: options.populationGapDays ?? medianGap,
		gapSource: options.populationGapDays !== null ? 'option' : medianGap !== null ? 'median of repeat buyers' : 'none',
		buyers: purchaseDays.length,
		repeatBuyers: gaps.length,
		loyalPurchaseCutoff: kthLargest(purchaseDays, options.loyalTopPercent),
		loyalRevenueCutoff: kthLargest(revenue, options.loyalTopPercent),
	};
}
