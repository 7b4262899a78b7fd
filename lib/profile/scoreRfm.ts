/**
 * RFM scores 1-5 and the named RFM segment.
 *
 * Each score is the quintile of the customer among all purchasers of the run, by mid-rank so that ties
 * share a score: p = (count below + count equal / 2) / n, score = min(5, floor(5 p) + 1). Recency is
 * scored in reverse (more recent purchase = higher score). Frequency is the number of orders, monetary
 * the revenue. The segment comes from the recency and frequency scores, the common 10-segment map
 * (e.g. Champions = R 5 and F 4-5; Hibernating = R 1-2 and F 1-2).
 * Reference: Hughes (1994), "Strategic Database Marketing"; segment map as published in
 * https://www.putler.com/rfm-analysis/ (R x F grid).
 *
 * Stored population (real time): the quintile edges of a run, edge(s) = the smallest value of the run whose score
 * is s or more (s = 2..5), give score(v) = 1 + the number of edges at or below v. For every value of the run this
 * is exactly its mid-rank score (the score never falls as the value rises); a value the run did not hold gets the
 * score of the largest run value at or below it.
 *
 * Cost: O(n log n) for n purchasers; a score from edges O(1).
 * @example rfmSegment(5, 5) // 'Champions'
 * @example quintileEdges([1, 2, 3, 4, 5]) // [2, 3, 4, 5]; scoreFromEdges(3.5, [2, 3, 4, 5]) // 3
 */
import type { CustomerProfile, RfmSegment } from './schemas';

/** What RFM scores are computed from: orders, revenue (null when in several currencies) and the last purchase. */
export type RfmFigures = Pick<CustomerProfile, 'orders' | 'revenue' | 'lastPurchaseAt'>;

/** Quintile score of each value, 1 (lowest) to 5 (highest); ties share a score. */
export function quintileScores(values: ArrayLike<number>): Int8Array {
	const n = values.length;
	const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b]);
	const scores = new Int8Array(n);
	let start = 0;
	while (start < n) {
		let end = start + 1;
		while (end < n && values[order[end]] === values[order[start]]) end++;
		const midRank = (start + (end - start) / 2) / n;
		const score = Math.min(5, Math.floor(5 * midRank) + 1);
		for (let k = start; k < end; k++) scores[order[k]] = score;
		start = end;
	}
	return scores;
}

/**
 * The quintile edges of `values` (scores as quintileScores): edges[s - 2] is the smallest value whose score is s or
 * more, for s = 2..5, or null when no value reaches s.
 */
export function quintileEdges(values: ArrayLike<number>): Array<number | null> {
	const scores = quintileScores(values);
	const edges: Array<number | null> = [null, null, null, null];
	for (let k = 0; k < values.length; k++) {
		for (let score = 2; score <= scores[k]; score++) {
			const edge = edges[score - 2];
			if (edge === null || values[k] < edge) edges[score - 2] = values[k];
		}
	}
	return edges;
}

/** The score of `value` against quintile edges: 1 + the number of edges at or below it. */
export function scoreFromEdges(value: number, edges: ReadonlyArray<number | null>): number {
	let score = 1;
	for (const edge of edges) if (edge !== null && value >= edge) score++;
	return score;
}

/** Quintile edges of recency (last purchase, ms), frequency (orders) and monetary (revenue) of a run's purchasers. */
export interface RfmEdges {
	recency: Array<number | null>;
	frequency: Array<number | null>;
	monetary: Array<number | null>;
}

/** The RFM quintile edges of a population (purchasers only; monetary among those with revenue in one currency). */
export function rfmEdges(population: readonly RfmFigures[]): RfmEdges {
	const purchasers = population.filter((figures) => figures.orders > 0);
	return {
		recency: quintileEdges(purchasers.map((figures) => Date.parse(figures.lastPurchaseAt as string))),
		frequency: quintileEdges(purchasers.map((figures) => figures.orders)),
		monetary: quintileEdges(purchasers.filter((figures) => figures.revenue !== null).map((figures) => figures.revenue as number)),
	};
}

export function rfmSegment(recencyScore: number, frequencyScore: number): RfmSegment {
	const r = recencyScore;
	const f = frequencyScore;
	if (r >= 5 && f >= 4) return 'Champions';
	if (r >= 3 && f >= 4) return 'Loyal Customers';
	if (r >= 4 && f >= 2) return 'Potential Loyalists';
	if (r >= 5 && f === 1) return 'New Customers';
	if (r === 4 && f === 1) return 'Promising';
	if (r === 3 && f === 3) return 'Need Attention';
	if (r === 3 && f <= 2) return 'About To Sleep';
	if (r <= 2 && f === 5) return "Can't Lose Them";
	if (r <= 2 && f >= 3) return 'At Risk';
	return 'Hibernating';
}

/**
 * Sets the RFM scores and segment of each purchaser in `profiles`, ranked among the purchasers of `profiles`
 * and `others` together (others: customers of the same population not being rebuilt, e.g. stored profiles that
 * new events did not touch). Monetary only where revenue is in one currency.
 */
export function assignRfmScores(profiles: CustomerProfile[], others: readonly RfmFigures[] = []): void {
	const population: RfmFigures[] = [...profiles, ...others].filter((figures) => figures.orders > 0);
	const recencyScores = quintileScores(population.map((figures) => Date.parse(figures.lastPurchaseAt as string)));
	const frequencyScores = quintileScores(population.map((figures) => figures.orders));
	const valued = population.filter((figures) => figures.revenue !== null);
	const monetaryScores = quintileScores(valued.map((figures) => figures.revenue as number));
	const monetaryOf = new Map<RfmFigures, number>(valued.map((figures, k) => [figures, monetaryScores[k]]));
	const scored = new Set<RfmFigures>(profiles);
	population.forEach((figures, k) => {
		if (!scored.has(figures)) return;
		const profile = figures as CustomerProfile;
		profile.rfmRecency = recencyScores[k];
		profile.rfmFrequency = frequencyScores[k];
		profile.rfmSegment = rfmSegment(recencyScores[k], frequencyScores[k]);
		const monetary = monetaryOf.get(figures);
		if (monetary === undefined) return;
		profile.rfmMonetary = monetary;
		profile.rfmScore = `${profile.rfmRecency}${profile.rfmFrequency}${profile.rfmMonetary}`;
	});
}

/**
 * Sets the RFM scores and segment of each purchaser in `profiles` from stored quintile edges (rfmEdges of the
 * scheduled run), so one customer scored in real time gets the scores the whole run gave them. Customers without
 * orders keep empty scores; monetary and the RFM score only where revenue is in one currency.
 */
export function assignRfmScoresFromEdges(profiles: CustomerProfile[], edges: RfmEdges): void {
	for (const profile of profiles) {
		profile.rfmRecency = null;
		profile.rfmFrequency = null;
		profile.rfmMonetary = null;
		profile.rfmScore = null;
		profile.rfmSegment = null;
		if (!(profile.orders > 0)) continue;
		profile.rfmRecency = scoreFromEdges(Date.parse(profile.lastPurchaseAt as string), edges.recency);
		profile.rfmFrequency = scoreFromEdges(profile.orders, edges.frequency);
		profile.rfmSegment = rfmSegment(profile.rfmRecency, profile.rfmFrequency);
		if (profile.revenue === null) continue;
		profile.rfmMonetary = scoreFromEdges(profile.revenue, edges.monetary);
		profile.rfmScore = `${profile.rfmRecency}${profile.rfmFrequency}${profile.rfmMonetary}`;
	}
}
