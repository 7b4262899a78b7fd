/**
 * Recommendations for one customer (or one product or cart) from a model of buildRecommender, with business
 * rules, a reason in words for every item, and a cold-start fallback chain that never pads with random items.
 *
 *   personalised(j)   = sum over history items h of w_h * sim(h, j)            (w_h: event weight of h)
 *   boughtTogether(j) = sum over anchors a of confidence(a -> j)
 *   similar(j)        = max over anchors a of cosine(attributes(a), attributes(j))
 *   trending(j)       = decayed interactions inside the window;  popular(j) = customers of j
 *   score'(j) = score(j) * boost(j); allowed by the rules; ranked by score' (ties: product order);
 *   fallback when short: trending in the customer's segment -> in their country -> trending -> popular.
 * Reference: Deshpande & Karypis (2004), ACM TOIS 22(1) (item-based top-N scoring),
 * https://doi.org/10.1145/963770.963776
 *
 * Cost: O(sum over history of N) for personalised (N neighbours per item), O(products x terms) for similar,
 * O(products log k) for the ranking; createRecommender does the O(products) preparation once per model.
 * @example recommend(model, { productsPurchased: ['85123A'] }, { count: 3 })[0]
 *   // { productId: '71053', title: 'WHITE METAL LANTERN', score: 0.41, reason: 'customers who bought WHITE HANGING HEART T-LIGHT HOLDER also bought it (412 customers)', strategy: 'personalised', rank: 1 }
 */
import { LifecycleInputError } from '../errors';
import { parseTimestamp } from '../profile/parseTimestamp';
import type { BusinessRules, ResolvedRules } from './businessRules';
import { isAllowed, resolveBusinessRules } from './businessRules';
import type { CustomerHistory, RecommendCustomer } from './readCustomerHistory';
import { productIndexOf, readCustomerHistory } from './readCustomerHistory';
import type { RecommenderModel } from './recommenderModelSchema';
import { roundSignificant } from './roundSignificant';

export type RecommendStrategy = 'personalised' | 'boughtTogether' | 'similar' | 'trending' | 'popular';

export const RECOMMEND_STRATEGIES: ReadonlyArray<RecommendStrategy> = ['personalised', 'boughtTogether', 'similar', 'trending', 'popular'];

export interface RecommendOptions {
	strategy?: RecommendStrategy;
	/** Length of the list (default 10). */
	count?: number;
	/** Anchor products for boughtTogether and similar (default: the cart, else the purchases). */
	products?: ReadonlyArray<string>;
	rules?: BusinessRules;
	/** The time the rules are judged at (repurchase window); default the model's asOf. */
	now?: number | string | Date;
	/** Fill a short list from the cold-start chain (default true). */
	fallback?: boolean;
	/** Personalised: a history item's weight halves every this many days before `now` (default: no decay). */
	historyHalfLifeDays?: number | null;
	/** Personalised: divide each history item's neighbour scores by their largest, so every item votes on the same scale (default false; it did not help on Online Retail). */
	normalizeNeighbours?: boolean;
}

export interface Recommendation {
	productId: string;
	title: string | null;
	score: number;
	reason: string;
	strategy: RecommendStrategy | 'pinned' | 'trendingInSegment' | 'trendingInCountry';
	rank: number;
}

export interface RecommendResult {
	recommendations: Recommendation[];
	/** History or anchor products the model does not know. */
	unknownProducts: number;
	/** The fallback levels used, in order. */
	fallbackUsed: string[];
}

export type Recommender = (customer: RecommendCustomer, options?: RecommendOptions) => RecommendResult;

const VERB: Record<string, string> = { purchase: 'bought', cart: 'added to their cart', view: 'viewed' };

/** "1 customer", "12 customers": reasons are read by people. */
function customerCount(count: number): string {
	return `${count} customer${count === 1 ? '' : 's'}`;
}

/** "category:lighting" -> "category lighting"; "word:lantern" -> "lantern". */
function describeTerm(term: string): string {
	const [kind, ...rest] = term.split(':');
	const value = rest.join(':');
	if (kind === 'word') return value;
	if (kind === 'price') return `price band ${value}`;
	return `${kind} ${value}`;
}

export function createRecommender(model: RecommenderModel): Recommender {
	const products = model.products.ids.length;
	const index = productIndexOf(model);
	const scores = new Float64Array(products);
	const cause = new Int32Array(products).fill(-1);
	const causeValue = new Float64Array(products);
	/** The history or anchor product behind the largest contribution, and its support (customers). */
	const causeSource = new Int32Array(products);
	const touched: number[] = [];
	const textNorm = new Float64Array(products);
	const { text } = model;
	for (let p = 0; p < products; p++) {
		let sum = 0;
		for (let k = text.offsets[p]; k < text.offsets[p + 1]; k++) sum += text.weights[k] * text.weights[k];
		textNorm[p] = Math.sqrt(sum);
	}
	const byTrending = [...Array(products).keys()].filter((p) => model.products.trending[p] > 0).sort((a, b) => model.products.trending[b] - model.products.trending[a] || a - b);
	const byPopularity = [...Array(products).keys()].filter((p) => model.products.customers[p] > 0).sort((a, b) => model.products.customers[b] - model.products.customers[a] || a - b);
	const title = (p: number) => model.products.titles[p] ?? model.products.ids[p];
	const windowDays = model.settings.trending.windowDays;

	const reset = () => {
		for (const p of touched) {
			scores[p] = 0;
			cause[p] = -1;
			causeValue[p] = 0;
		}
		touched.length = 0;
	};
	const add = (p: number, value: number, from: number, source: number, contribution: number) => {
		if (scores[p] === 0 && cause[p] === -1) touched.push(p);
		scores[p] += value;
		if (contribution > causeValue[p] || cause[p] === -1) {
			causeValue[p] = contribution;
			cause[p] = from;
			causeSource[p] = source;
		}
	};

	const anchorsOf = (history: CustomerHistory, options: RecommendOptions): { anchors: number[]; unknown: number } => {
		if (options.products && options.products.length > 0) {
			const anchors: number[] = [];
			let unknown = 0;
			for (const id of options.products) {
				const p = index.get(String(id).trim());
				if (p === undefined) unknown++;
				else anchors.push(p);
			}
			return { anchors, unknown };
		}
		const fromCart = [...history.inCart];
		return { anchors: fromCart.length > 0 ? fromCart : [...history.purchased.keys()], unknown: 0 };
	};

	return (customer, options = {}) => {
		const strategy = options.strategy ?? 'personalised';
		if (!RECOMMEND_STRATEGIES.includes(strategy)) throw new LifecycleInputError(`Recommend Products requires strategy ${RECOMMEND_STRATEGIES.join(', ')}; got ${String(strategy)}`, { field: 'strategy' });
		const count = options.count ?? 10;
		if (!Number.isInteger(count) || count < 1 || count > 1000) throw new LifecycleInputError(`Recommend Products requires count from 1 to 1000; got ${String(count)}`, { field: 'count' });
		const rules: ResolvedRules = resolveBusinessRules(options.rules);
		const nowValue = options.now ?? model.asOf;
		const now = nowValue === null || nowValue === undefined ? null : (parseTimestamp(nowValue) ?? null);
		const history = readCustomerHistory(model, customer, index);
		const { anchors, unknown } = strategy === 'boughtTogether' || strategy === 'similar' ? anchorsOf(history, options) : { anchors: [], unknown: 0 };
		const anchorSet = new Set(anchors);
		reset();

		const reasons = new Map<number, { strategy: Recommendation['strategy']; reason: string }>();
		if (strategy === 'personalised') {
			const { personalised } = model;
			const halfLife = options.historyHalfLifeDays ?? null;
			if (halfLife !== null && !(halfLife > 0)) throw new LifecycleInputError(`Recommend Products requires historyHalfLifeDays > 0; got ${String(halfLife)}`, { field: 'historyHalfLifeDays' });
			const normalize = options.normalizeNeighbours ?? false;
			for (const entry of history.entries) {
				let rowMax = 0;
				if (normalize) for (let k = personalised.offsets[entry.product]; k < personalised.offsets[entry.product + 1]; k++) rowMax = Math.max(rowMax, personalised.scores[k]);
				const scale = normalize && rowMax > 0 ? 1 / rowMax : 1;
				const decay = scale * (halfLife !== null && now !== null && entry.at !== null ? 0.5 ** (Math.max(0, now - entry.at) / (halfLife * 86_400_000)) : 1);
				for (let k = personalised.offsets[entry.product]; k < personalised.offsets[entry.product + 1]; k++) {
					const contribution = entry.weight * decay * personalised.scores[k];
					add(personalised.items[k], contribution, k, entry.product, contribution);
				}
			}
			const typeOf = new Map(history.entries.map((entry) => [entry.product, entry.type]));
			for (const p of touched) {
				const k = cause[p];
				const source = causeSource[p];
				const type = typeOf.get(source) ?? 'purchase';
				const support = personalised.support[k];
				reasons.set(p, {
					strategy: 'personalised',
					reason: `customers who ${VERB[type] ?? 'bought'} ${title(source)} also bought it${support > 0 ? ` (${customerCount(support)})` : ''}`,
				});
			}
		} else if (strategy === 'boughtTogether') {
			const together = model.boughtTogether;
			for (const a of anchors) {
				for (let k = together.offsets[a]; k < together.offsets[a + 1]; k++) add(together.items[k], together.confidence[k], k, a, together.confidence[k]);
			}
			for (const p of touched) {
				const k = cause[p];
				const source = causeSource[p];
				reasons.set(p, {
					strategy: 'boughtTogether',
					reason: `bought together with ${title(source)} by ${customerCount(together.customers[k])} (confidence ${Math.round(together.confidence[k] * 1000) / 10}%, lift ${Math.round(together.lift[k] * 10) / 10})`,
				});
			}
		} else if (strategy === 'similar') {
			for (const a of anchors) {
				if (textNorm[a] === 0) continue;
				const anchorTerms = new Map<number, number>();
				for (let k = text.offsets[a]; k < text.offsets[a + 1]; k++) anchorTerms.set(text.termIds[k], text.weights[k]);
				for (let p = 0; p < products; p++) {
					if (p === a || textNorm[p] === 0) continue;
					let dot = 0;
					for (let k = text.offsets[p]; k < text.offsets[p + 1]; k++) {
						const weight = anchorTerms.get(text.termIds[k]);
						if (weight !== undefined) dot += weight * text.weights[k];
					}
					if (dot <= 0) continue;
					const cosine = dot / (textNorm[a] * textNorm[p]);
					if (cosine > scores[p]) {
						if (scores[p] === 0 && cause[p] === -1) touched.push(p);
						scores[p] = cosine;
						cause[p] = a;
					}
				}
			}
			for (const p of touched) {
				const a = cause[p];
				const shared: string[] = [];
				const own = new Set<number>();
				for (let k = text.offsets[p]; k < text.offsets[p + 1]; k++) own.add(text.termIds[k]);
				for (let k = text.offsets[a]; k < text.offsets[a + 1] && shared.length < 4; k++) if (own.has(text.termIds[k])) shared.push(describeTerm(text.terms[text.termIds[k]]));
				reasons.set(p, { strategy: 'similar', reason: `similar to ${title(a)}: ${shared.join(', ')}` });
			}
		} else {
			const list = strategy === 'trending' ? byTrending : byPopularity;
			for (const p of list.slice(0, Math.min(list.length, count * 20 + history.purchased.size + rules.excludeProducts.size))) {
				add(p, strategy === 'trending' ? model.products.trending[p] : model.products.customers[p], -1, -1, 0);
				reasons.set(p, strategy === 'trending'
					? { strategy: 'trending', reason: `trending: ${customerCount(model.products.trendingCustomers[p])} in the last ${windowDays} days` }
					: { strategy: 'popular', reason: `popular: bought by ${customerCount(model.products.customers[p])}` });
			}
		}

		// Rank the candidates: boosts, rules, category limit.
		const candidates = touched.filter((p) => scores[p] > 0 && !anchorSet.has(p) && isAllowed(model, p, rules, history, now));
		const boostedScore = (p: number) => scores[p] * (rules.boosted.get(model.products.ids[p]) ?? 1);
		candidates.sort((a, b) => boostedScore(b) - boostedScore(a) || a - b);
		const chosen: Recommendation[] = [];
		const taken = new Set<number>();
		const perCategory = new Map<string, number>();
		const take = (p: number, score: number, strategyName: Recommendation['strategy'], reason: string): boolean => {
			if (taken.has(p) || anchorSet.has(p) || chosen.length >= count) return false;
			const category = model.products.categories[p]?.toLowerCase() ?? null;
			if (rules.maxPerCategory !== null && category !== null && (perCategory.get(category) ?? 0) >= rules.maxPerCategory) return false;
			if (category !== null) perCategory.set(category, (perCategory.get(category) ?? 0) + 1);
			taken.add(p);
			chosen.push({ productId: model.products.ids[p], title: model.products.titles[p], score: roundSignificant(score), reason, strategy: strategyName, rank: chosen.length + 1 });
			return true;
		};
		for (const id of rules.pinned) {
			const p = index.get(id);
			if (p !== undefined && isAllowed(model, p, rules, history, now)) take(p, 1, 'pinned', 'pinned by the business rules');
		}
		for (const p of candidates) {
			if (chosen.length >= count) break;
			const why = reasons.get(p)!;
			take(p, boostedScore(p), why.strategy, rules.boosted.has(model.products.ids[p]) ? `${why.reason}; boosted x${rules.boosted.get(model.products.ids[p])}` : why.reason);
		}

		// Cold start and short lists: segment, country, trending, popular; never random.
		const fallbackUsed: string[] = [];
		if ((options.fallback ?? true) && chosen.length < count) {
			const groupLevel = (kind: 'segment' | 'country', key: string | null) => {
				if (key === null) return;
				const group = model.groups.find((entry) => entry.kind === kind && entry.key === key);
				if (!group) return;
				const before = chosen.length;
				group.items.forEach((p, position) => {
					if (chosen.length < count && isAllowed(model, p, rules, history, now)) {
						take(p, group.scores[position], kind === 'segment' ? 'trendingInSegment' : 'trendingInCountry', `trending among ${kind === 'segment' ? 'the segment' : 'customers in'} ${key}: ${group.buyers[position]} customers in the last ${windowDays} days`);
					}
				});
				if (chosen.length > before) fallbackUsed.push(`${kind}:${key}`);
			};
			groupLevel('segment', history.segment);
			groupLevel('country', history.country);
			for (const [name, list] of [
				['trending', byTrending],
				['popular', byPopularity],
			] as const) {
				if (chosen.length >= count || name === strategy) continue;
				const before = chosen.length;
				for (const p of list) {
					if (chosen.length >= count) break;
					if (!isAllowed(model, p, rules, history, now)) continue;
					if (name === 'trending') take(p, model.products.trending[p], 'trending', `trending: ${customerCount(model.products.trendingCustomers[p])} in the last ${windowDays} days`);
					else take(p, model.products.customers[p], 'popular', `popular: bought by ${customerCount(model.products.customers[p])}`);
				}
				if (chosen.length > before) fallbackUsed.push(name);
			}
		}
		return { recommendations: chosen, unknownProducts: history.unknownProducts + unknown, fallbackUsed };
	};
}

export function recommend(model: RecommenderModel, customer: RecommendCustomer, options: RecommendOptions = {}): RecommendResult {
	return createRecommender(model)(customer, options);
}
