/**
 * Business rules on recommendations: which products may be shown at all, and how many per category.
 *
 *   allowed(p) = not excluded by id, not already purchased (unless the last purchase is older than the
 *                repurchase window), in stock (unknown stock counts as in stock), price within [min, max]
 *                (unknown price fails a price rule), category in the include list (when given) and not in the
 *                exclude list; then at most maxPerCategory per category, walking the ranked list in order.
 * Pinned products go first (in the given order) when they are allowed; boosted products have their score
 * multiplied before ranking. Rules never add unrelated products to fill a list.
 *
 * Cost: O(1) per product checked; O(k) for the category limit.
 * @example resolveBusinessRules({ maxPerCategory: 2, minPrice: 5 }).maxPerCategory // 2
 */
import { LifecycleInputError } from '../errors';
import type { CustomerHistory } from './readCustomerHistory';
import type { RecommenderModel } from './recommenderModelSchema';

export interface BusinessRules {
	/** Leave out products the customer bought (default true). */
	excludePurchased?: boolean;
	/** Days after which a purchased product may be recommended again (consumables); default never. */
	repurchaseDays?: number | null;
	/** Leave out products marked out of stock in the catalog (default true). */
	excludeOutOfStock?: boolean;
	minPrice?: number | null;
	maxPrice?: number | null;
	includeCategories?: ReadonlyArray<string>;
	excludeCategories?: ReadonlyArray<string>;
	maxPerCategory?: number | null;
	excludeProducts?: ReadonlyArray<string>;
	pinned?: ReadonlyArray<string>;
	/** productId -> multiplier of the score (e.g. 1.5 for a margin-rich product). */
	boosted?: Readonly<Record<string, number>>;
}

export interface ResolvedRules {
	excludePurchased: boolean;
	repurchaseMs: number | null;
	excludeOutOfStock: boolean;
	minPrice: number | null;
	maxPrice: number | null;
	includeCategories: Set<string> | null;
	excludeCategories: Set<string>;
	maxPerCategory: number | null;
	excludeProducts: Set<string>;
	pinned: string[];
	boosted: Map<string, number>;
}

function optionalNumber(value: number | null | undefined, name: string, test: (value: number) => boolean, expected: string): number | null {
	if (value === undefined || value === null) return null;
	if (typeof value !== 'number' || !Number.isFinite(value) || !test(value)) throw new LifecycleInputError(`Recommend Products requires ${name} ${expected}; got ${String(value)}`, { field: name });
	return value;
}

export function resolveBusinessRules(rules: BusinessRules = {}): ResolvedRules {
	const minPrice = optionalNumber(rules.minPrice, 'minPrice', (v) => v >= 0, '>= 0');
	const maxPrice = optionalNumber(rules.maxPrice, 'maxPrice', (v) => v >= 0, '>= 0');
	if (minPrice !== null && maxPrice !== null && minPrice > maxPrice) throw new LifecycleInputError(`Recommend Products requires minPrice <= maxPrice; got ${minPrice} and ${maxPrice}`, { field: 'minPrice' });
	const repurchaseDays = optionalNumber(rules.repurchaseDays, 'repurchaseDays', (v) => v > 0, '> 0');
	const maxPerCategory = optionalNumber(rules.maxPerCategory, 'maxPerCategory', (v) => Number.isInteger(v) && v >= 1, 'to be a whole number >= 1');
	const boosted = new Map<string, number>();
	for (const [id, factor] of Object.entries(rules.boosted ?? {})) {
		if (!(typeof factor === 'number' && Number.isFinite(factor) && factor > 0)) throw new LifecycleInputError(`Recommend Products requires a boost factor > 0 for ${id}; got ${String(factor)}`, { field: 'boosted' });
		boosted.set(id, factor);
	}
	const lower = (list: ReadonlyArray<string> | undefined) => new Set((list ?? []).map((entry) => entry.trim().toLowerCase()).filter(Boolean));
	const include = lower(rules.includeCategories);
	return {
		excludePurchased: rules.excludePurchased ?? true,
		repurchaseMs: repurchaseDays === null ? null : repurchaseDays * 86_400_000,
		excludeOutOfStock: rules.excludeOutOfStock ?? true,
		minPrice,
		maxPrice,
		includeCategories: include.size > 0 ? include : null,
		excludeCategories: lower(rules.excludeCategories),
		maxPerCategory,
		excludeProducts: new Set((rules.excludeProducts ?? []).map((id) => id.trim())),
		pinned: (rules.pinned ?? []).map((id) => id.trim()).filter(Boolean),
		boosted,
	};
}

/** Whether product p may be shown to this customer at time `now` (ms; null when unknown). */
export function isAllowed(model: RecommenderModel, p: number, rules: ResolvedRules, history: CustomerHistory, now: number | null): boolean {
	const { products } = model;
	if (rules.excludeProducts.has(products.ids[p])) return false;
	if (rules.excludePurchased && history.purchased.has(p)) {
		const last = history.purchased.get(p) ?? null;
		if (rules.repurchaseMs === null || last === null || now === null || now - last < rules.repurchaseMs) return false;
	}
	if (rules.excludeOutOfStock && products.inStock[p] === false) return false;
	const price = products.prices[p];
	if (rules.minPrice !== null && (price === null || price < rules.minPrice)) return false;
	if (rules.maxPrice !== null && (price === null || price > rules.maxPrice)) return false;
	const category = products.categories[p]?.toLowerCase() ?? null;
	if (rules.includeCategories && (category === null || !rules.includeCategories.has(category))) return false;
	if (category !== null && rules.excludeCategories.has(category)) return false;
	return true;
}
