/**
 * Offline evaluation with a time split: build on interactions before `splitAt`, recommend top-k for every
 * customer present in both periods (already-seen items removed), and score against the products each bought
 * after the split, for each strategy and for MostPopular (train counts) under the same split.
 *
 *   P@k = mean hits / k;  R@k = mean hits / |test_u|;  nDCG@k = mean DCG / IDCG, DCG = sum over hits of
 *   1 / log2(1 + rank), IDCG over min(k, |test_u|);  MAP = mean (sum over hits of j / rank_j) / |test_u|;
 *   coverage = distinct products recommended / products in the model.
 * Reference: ../shared/docs/references.md (offline evaluation); Cremonesi, Koren & Turrin (2010), RecSys,
 * https://doi.org/10.1145/1864708.1864721 (MostPopular baseline).
 *
 * Cost: one buildRecommender on the training part plus one recommendation per test customer and strategy.
 * @example evaluateRecommender(lines, { splitAt: '2011-09-01', k: 10 }).results[0] // { strategy: 'personalised', precision: ..., ndcg: ..., ... }
 */
import { LifecycleInputError } from '../errors';
import { parseTimestamp } from '../profile/parseTimestamp';
import type { BuildRecommenderOptions } from './buildRecommender';
import { buildRecommender } from './buildRecommender';
import type { Interaction } from './readInteractions';
import type { RecommendStrategy } from './recommend';
import { createRecommender } from './recommend';

export interface EvaluateRecommenderOptions {
	/** First instant of the test period; interactions before it train the model. */
	splitAt: number | string | Date;
	/** End of the test period (exclusive); default none. */
	endAt?: number | string | Date;
	k?: number;
	strategies?: ReadonlyArray<RecommendStrategy>;
	build?: BuildRecommenderOptions;
	/** Event types whose test interactions count as relevant (default purchase). */
	relevantTypes?: ReadonlyArray<string>;
	/** Passed to recommend: weight of a history item halves every this many days before the split. */
	historyHalfLifeDays?: number | null;
	normalizeNeighbours?: boolean;
	/** Weigh each history product by sqrt(orders with it) (default true): what a customer buys again says more. */
	weighRepeats?: boolean;
}

export interface RankingMetrics {
	strategy: RecommendStrategy | 'mostPopular';
	customers: number;
	precision: number;
	recall: number;
	ndcg: number;
	map: number;
	coverage: number;
}

export interface RecommenderEvaluation {
	k: number;
	trainInteractions: number;
	testCustomers: number;
	results: RankingMetrics[];
}

/** Metrics of one ranked list against the relevant set (references.md conventions). */
export function rankingScores(ranked: ReadonlyArray<string>, relevant: ReadonlySet<string>, k: number): { hits: number; precision: number; recall: number; ndcg: number; averagePrecision: number } {
	let hits = 0;
	let dcg = 0;
	let precisionSum = 0;
	for (let i = 0; i < Math.min(k, ranked.length); i++) {
		if (!relevant.has(ranked[i])) continue;
		hits++;
		dcg += 1 / Math.log2(i + 2);
		precisionSum += hits / (i + 1);
	}
	let ideal = 0;
	for (let i = 0; i < Math.min(k, relevant.size); i++) ideal += 1 / Math.log2(i + 2);
	return { hits, precision: hits / k, recall: relevant.size ? hits / relevant.size : 0, ndcg: ideal ? dcg / ideal : 0, averagePrecision: relevant.size ? precisionSum / relevant.size : 0 };
}

function instant(value: number | string | Date, field: string): number {
	const parsed = parseTimestamp(value);
	if (parsed === undefined || Number.isNaN(parsed)) throw new LifecycleInputError(`evaluateRecommender requires ${field} to be a date; got ${String(value)}`, { field });
	return parsed;
}

export function evaluateRecommender(interactions: ReadonlyArray<Interaction>, options: EvaluateRecommenderOptions): RecommenderEvaluation {
	const splitAt = instant(options.splitAt, 'splitAt');
	const endAt = options.endAt === undefined ? Number.POSITIVE_INFINITY : instant(options.endAt, 'endAt');
	const k = options.k ?? 10;
	if (!Number.isInteger(k) || k < 1) throw new LifecycleInputError(`evaluateRecommender requires k >= 1; got ${String(k)}`, { field: 'k' });
	const relevantTypes = new Set(options.relevantTypes ?? ['purchase']);
	const train: Interaction[] = [];
	const history = new Map<string, Map<string, { type: string; at: number; orders: Set<string> }>>();
	const relevant = new Map<string, Set<string>>();
	for (const interaction of interactions) {
		const time = parseTimestamp(interaction.timestamp);
		if (time === undefined) continue;
		const customer = String(interaction.customerId);
		const product = String(interaction.productId);
		const type = String(interaction.type ?? 'purchase').toLowerCase();
		if (time < splitAt) {
			train.push(interaction);
			let seen = history.get(customer);
			if (!seen) history.set(customer, (seen = new Map()));
			const previous = seen.get(product);
			const order = String(interaction.orderId ?? time);
			if (!previous || (type === 'purchase' && previous.type !== 'purchase')) seen.set(product, { type, at: time, orders: new Set([order]) });
			else if (type === previous.type) {
				if (time > previous.at) previous.at = time;
				previous.orders.add(order);
			}
		} else if (time < endAt && relevantTypes.has(type)) {
			let set = relevant.get(customer);
			if (!set) relevant.set(customer, (set = new Set()));
			set.add(product);
		}
	}
	const model = buildRecommender(train, { ...options.build, asOf: splitAt - 1 });
	const recommender = createRecommender(model);
	const testCustomers = [...relevant.keys()].filter((customer) => history.has(customer)).sort();
	const strategies = options.strategies ?? ['personalised'];
	const results: RankingMetrics[] = [];
	for (const strategy of [...strategies, 'mostPopular' as const]) {
		const totals = { precision: 0, recall: 0, ndcg: 0, map: 0 };
		const recommended = new Set<string>();
		for (const customer of testCustomers) {
			const seen = history.get(customer)!;
			const repeats = options.weighRepeats ?? true;
			const entries = [...seen.entries()].map(([productId, { type, at, orders }]) => ({ productId, type, at, weight: repeats ? Math.sqrt(orders.size) : 1 }));
			const ranked = recommender(
				{ history: entries },
				{
					strategy: strategy === 'mostPopular' ? 'popular' : strategy,
					count: k,
					fallback: strategy !== 'mostPopular',
					now: splitAt,
					historyHalfLifeDays: options.historyHalfLifeDays,
					normalizeNeighbours: options.normalizeNeighbours,
					rules: { excludePurchased: false, excludeProducts: [...seen.keys()], excludeOutOfStock: false },
				},
			).recommendations.map((item) => item.productId);
			for (const id of ranked) recommended.add(id);
			const scores = rankingScores(ranked, relevant.get(customer)!, k);
			totals.precision += scores.precision;
			totals.recall += scores.recall;
			totals.ndcg += scores.ndcg;
			totals.map += scores.averagePrecision;
		}
		const n = testCustomers.length || 1;
		const round = (value: number) => Math.round((value / n) * 1e6) / 1e6;
		results.push({
			strategy,
			customers: testCustomers.length,
			precision: round(totals.precision),
			recall: round(totals.recall),
			ndcg: round(totals.ndcg),
			map: round(totals.map),
			coverage: Math.round((recommended.size / model.products.ids.length) * 1e6) / 1e6,
		});
	}
	return { k, trainInteractions: train.length, testCustomers: testCustomers.length, results };
}
