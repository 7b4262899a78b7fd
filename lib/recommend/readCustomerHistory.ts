/**
 * What a customer has done, in the model's product numbers: from Build Profile's fields (productsPurchased,
 * productsViewed, productsInCart, country, rfmSegment or segment) or from an explicit history of
 * { productId, type, at }. Products the model does not know are counted (new products, typos), never guessed.
 *
 *   weight(p) = max over the customer's events on p of eventWeight(type)   (purchase > cart > view by default)
 *
 * Cost: O(h) for h history entries (one Map lookup each).
 * @example readCustomerHistory(model, { productsPurchased: ['85123A'] }).entries // [{ product: 0, weight: 1, type: 'purchase', at: null }]
 */
import { LifecycleInputError } from '../errors';
import { describeValue } from '../fieldValues';
import { parseTimestamp } from '../profile/parseTimestamp';
import type { RecommenderModel } from './recommenderModelSchema';

export interface HistoryEntry {
	productId: string | number;
	/** purchase (default), cart or view. */
	type?: string;
	/** When it happened (for the repurchase window). */
	at?: string | number | Date | null;
	/** Multiplies the event weight, e.g. 1 + ln(times bought) for a product bought often (default 1). */
	weight?: number | null;
}

/** A customer as Recommend Products reads it: a profile, an explicit history, or both. */
export interface RecommendCustomer {
	customerId?: string | number | null;
	productsPurchased?: ReadonlyArray<string> | null;
	productsViewed?: ReadonlyArray<string> | null;
	productsInCart?: ReadonlyArray<string> | null;
	history?: ReadonlyArray<HistoryEntry> | null;
	country?: string | null;
	segment?: string | null;
	rfmSegment?: string | null;
}

export interface CustomerHistory {
	entries: Array<{ product: number; weight: number; type: string; at: number | null }>;
	/** Products purchased, with the latest purchase time (null when unknown). */
	purchased: Map<number, number | null>;
	inCart: Set<number>;
	unknownProducts: number;
	country: string | null;
	segment: string | null;
}

function readList(value: unknown, field: string): string[] {
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value)) throw new LifecycleInputError(`Recommend Products requires ${field} to be a list of product ids; got ${typeof value}`, { field, hint: 'Use Build Profile\'s output or map a list field' });
	return value.map((id, position) => {
		if (typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id))) return String(id);
		throw new LifecycleInputError(`Recommend Products requires ${field}[${position}] to be a product id (text or a number); got ${describeValue(id)}`, { field: `${field}[${position}]`, hint: 'Use Build Profile\'s output or map a list of product ids' });
	});
}

export function productIndexOf(model: RecommenderModel): Map<string, number> {
	return new Map(model.products.ids.map((id, index) => [id, index]));
}

export function readCustomerHistory(model: RecommenderModel, customer: RecommendCustomer, index: Map<string, number> = productIndexOf(model)): CustomerHistory {
	if (customer === null || typeof customer !== 'object') throw new LifecycleInputError('Recommend Products requires each customer to be an object', { field: 'customer' });
	const weights = new Map(model.settings.eventWeights);
	const byProduct = new Map<number, { weight: number; type: string; at: number | null }>();
	const purchased = new Map<number, number | null>();
	const inCart = new Set<number>();
	let unknownProducts = 0;
	const add = (productId: string, type: string, at: number | null, factor = 1) => {
		const product = index.get(productId.trim());
		if (product === undefined) {
			unknownProducts++;
			return;
		}
		const weight = (weights.get(type) ?? 0) * factor;
		const previous = byProduct.get(product);
		if (!previous || weight > previous.weight) byProduct.set(product, { weight, type, at });
		if (type === 'purchase') {
			const known = purchased.get(product);
			purchased.set(product, known === undefined ? at : known === null || at === null ? (known ?? at) : Math.max(known, at));
		}
		if (type === 'cart') inCart.add(product);
	};
	for (const id of readList(customer.productsPurchased, 'productsPurchased')) add(id, 'purchase', null);
	for (const id of readList(customer.productsInCart, 'productsInCart')) add(id, 'cart', null);
	for (const id of readList(customer.productsViewed, 'productsViewed')) add(id, 'view', null);
	if (customer.history !== undefined && customer.history !== null) {
		if (!Array.isArray(customer.history)) throw new LifecycleInputError('Recommend Products requires history to be a list of { productId, type, at }', { field: 'history' });
		customer.history.forEach((entry, position) => {
			if (entry === null || typeof entry !== 'object' || (typeof entry.productId !== 'string' && typeof entry.productId !== 'number')) {
				throw new LifecycleInputError(`Recommend Products requires history[${position}].productId`, { field: `history[${position}].productId` });
			}
			const at = entry.at === undefined || entry.at === null || entry.at === '' ? null : (parseTimestamp(entry.at) ?? Number.NaN);
			if (at !== null && Number.isNaN(at)) throw new LifecycleInputError(`Recommend Products cannot read history[${position}].at: ${describeValue(entry.at)}`, { field: `history[${position}].at` });
			const factor = entry.weight ?? 1;
			if (!(typeof factor === 'number' && Number.isFinite(factor) && factor >= 0)) {
				throw new LifecycleInputError(`Recommend Products requires history[${position}].weight >= 0; got ${describeValue(entry.weight)}`, { field: `history[${position}].weight` });
			}
			add(String(entry.productId), typeof entry.type === 'string' ? entry.type.trim().toLowerCase() : 'purchase', at, factor);
		});
	}
	const entries = [...byProduct.entries()].map(([product, value]) => ({ product, ...value })).filter((entry) => entry.weight > 0);
	const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
	return { entries, purchased, inCart, unknownProducts, country: text(customer.country), segment: text(customer.segment) ?? text(customer.rfmSegment) };
}
