/**
 * Builds a recommender model from interactions (order lines, carts, views) and an optional catalog: item-to-item
 * neighbours for personalised lists, bought-together rules, popularity and trending (overall and per country and
 * segment), and catalog attribute vectors for similar items. The model is plain JSON (sparse lists, no
 * product x product matrix), validated by RecommenderModelSchema, so it can be stored and applied later.
 *
 *   pipeline: readInteractions -> buildCustomerItemMatrix (decay, baskets) -> computeItemNeighbours (cosine,
 *   Jaccard or lift with shrinkage) -> computeBoughtTogether (support, confidence, lift) -> computeItemPopularity
 *   -> computeGroupTrending -> buildTextVectors (catalog words, category, brand, tags, price band)
 * Reference: Sarwar et al. (2001), WWW, https://doi.org/10.1145/371920.372071; Deshpande & Karypis (2004), "Item-based
 * top-N recommendation algorithms", ACM TOIS 22(1), https://doi.org/10.1145/963770.963776
 *
 * Cost: O(n + sum_c |I_c|^2 + sum over baskets |b|^2 + products N log N) for n interactions, |I_c| capped by
 * maxItemsPerCustomer; memory O(n + products N).
 * @example buildRecommender([{ customerId: 'c1', productId: 'p1', orderId: 'o1' }, { customerId: 'c1', productId: 'p2', orderId: 'o1' }]).products.ids // ['p1', 'p2']
 */
import { LifecycleInputError } from '../errors';
import { parseTimestamp } from '../profile/parseTimestamp';
import { roundTo } from '../stats/roundTo';
import { buildCustomerItemMatrix } from './buildCustomerItemMatrix';
import type { AttributeWeights } from './buildTextVectors';
import { buildTextVectors, DEFAULT_ATTRIBUTE_WEIGHTS } from './buildTextVectors';
import { computeBoughtTogether } from './computeBoughtTogether';
import { computeGroupTrending } from './computeGroupTrending';
import type { CustomerWeighting, ItemSimilarity } from './computeItemNeighbours';
import { computeItemNeighbours } from './computeItemNeighbours';
import { computeItemPopularity } from './computeItemPopularity';
import { resolveEventWeights } from './eventWeights';
import { priceBand } from './priceBand';
import type { CatalogItem } from './readCatalog';
import { readCatalog } from './readCatalog';
import type { Interaction } from './readInteractions';
import { readInteractions } from './readInteractions';
import type { RecommenderModel } from './recommenderModelSchema';
import { recommenderModelFingerprint } from './recommenderModelFingerprint';
import { RECOMMENDER_MODEL_VERSION, RecommenderModelSchema } from './recommenderModelSchema';
import { tokenizeText } from './tokenizeText';
import { transposeCustomerItems } from './transposeCustomerItems';

export interface BuildRecommenderOptions {
	/** The model's present: later interactions are skipped; default the latest interaction. */
	asOf?: number | string | Date;
	/** Weight per event type (default purchase 1, cart 0.5, view 0.2; 0 switches a type off). */
	eventWeights?: Readonly<Record<string, number>>;
	/** Half-life of old interactions in days (default none: no decay). */
	halfLifeDays?: number | null;
	similarity?: ItemSimilarity;
	/** Neighbours kept per product (default 20). */
	neighbours?: number;
	/** n_ab / (n_ab + shrinkage) damps similarities resting on few customers (default 0). */
	shrinkage?: number;
	customerWeighting?: CustomerWeighting;
	/** Pairs bought by fewer customers are not neighbours (default 2). */
	minCoCustomers?: number;
	maxItemsPerCustomer?: number;
	boughtTogether?: { minSupport?: number; minConfidence?: number; minLift?: number; neighbours?: number; maxBasketSize?: number };
	trending?: { windowDays?: number; halfLifeDays?: number | null; groupListSize?: number };
	catalog?: ReadonlyArray<CatalogItem>;
	/** Field of the catalog items holding the product id (default productId). */
	catalogIdField?: string;
	/** Keep only interactions with catalog products (default false: they are counted as outside the catalog). */
	onlyCatalogProducts?: boolean;
	attributeWeights?: Partial<AttributeWeights>;
}

function positiveInteger(value: number | undefined, fallback: number, name: string): number {
	const result = value ?? fallback;
	if (!Number.isInteger(result) || result < 0) throw new LifecycleInputError(`buildRecommender requires ${name} to be a whole number >= 0; got ${String(value)}`, { field: name });
	return result;
}

function nonNegative(value: number | undefined, fallback: number, name: string): number {
	const result = value ?? fallback;
	if (!(typeof result === 'number' && Number.isFinite(result) && result >= 0)) throw new LifecycleInputError(`buildRecommender requires ${name} >= 0; got ${String(value)}`, { field: name });
	return result;
}

function halfLifeOf(value: number | null | undefined, fallback: number | null, name: string): number | null {
	if (value === undefined) return fallback;
	if (value === null) return null;
	if (!(value > 0 && Number.isFinite(value))) throw new LifecycleInputError(`buildRecommender requires ${name} > 0 days, or null for no decay; got ${String(value)}`, { field: name });
	return value;
}

export function buildRecommender(interactions: Iterable<Interaction>, options: BuildRecommenderOptions = {}): RecommenderModel {
	const eventWeights = resolveEventWeights(options.eventWeights);
	const catalog = options.catalog ? readCatalog(options.catalog, options.catalogIdField ?? 'productId', 'buildRecommender') : null;
	let asOf: number | undefined;
	if (options.asOf !== undefined) {
		const parsed = parseTimestamp(options.asOf);
		if (parsed === undefined || Number.isNaN(parsed)) throw new LifecycleInputError(`buildRecommender requires asOf to be a date; got ${String(options.asOf)}`, { field: 'asOf' });
		asOf = parsed;
	}
	const table = readInteractions(interactions, {
		eventWeights,
		asOf,
		knownProducts: catalog?.entries.map((entry) => entry.id),
		onlyKnownProducts: options.onlyCatalogProducts ?? false,
	});
	if (table.count === 0) {
		throw new LifecycleInputError(`buildRecommender found no usable interaction among ${table.read} (skipped: ${JSON.stringify(table.skipped)})`, {
			field: 'interactions',
			hint: 'Each interaction needs customerId and productId; check the mapped fields and the event types',
		});
	}
	const present = asOf ?? (Number.isFinite(table.latestTime) ? table.latestTime : 0);
	const halfLifeDays = halfLifeOf(options.halfLifeDays, null, 'halfLifeDays');
	const trendingWindowDays = nonNegative(options.trending?.windowDays, 30, 'trending.windowDays') || 30;
	const trendingHalfLifeDays = halfLifeOf(options.trending?.halfLifeDays, 7, 'trending.halfLifeDays');
	const groupListSize = positiveInteger(options.trending?.groupListSize, 50, 'trending.groupListSize');
	const maxItemsPerCustomer = positiveInteger(options.maxItemsPerCustomer, 500, 'maxItemsPerCustomer');
	const similarity = options.similarity ?? 'cosine';
	if (!['cosine', 'jaccard', 'lift'].includes(similarity)) throw new LifecycleInputError(`buildRecommender requires similarity cosine, jaccard or lift; got ${String(similarity)}`, { field: 'similarity' });
	const customerWeighting = options.customerWeighting ?? 'equal';
	const neighbours = positiveInteger(options.neighbours, 20, 'neighbours');
	const shrinkage = nonNegative(options.shrinkage, 0, 'shrinkage');
	const minCoCustomers = positiveInteger(options.minCoCustomers, 2, 'minCoCustomers');
	const together = {
		minSupport: positiveInteger(options.boughtTogether?.minSupport, 2, 'boughtTogether.minSupport'),
		minConfidence: nonNegative(options.boughtTogether?.minConfidence, 0.01, 'boughtTogether.minConfidence'),
		minLift: nonNegative(options.boughtTogether?.minLift, 1, 'boughtTogether.minLift'),
		neighbours: positiveInteger(options.boughtTogether?.neighbours, 20, 'boughtTogether.neighbours'),
		maxBasketSize: positiveInteger(options.boughtTogether?.maxBasketSize, 200, 'boughtTogether.maxBasketSize'),
	};
	const attributeWeights: AttributeWeights = { ...DEFAULT_ATTRIBUTE_WEIGHTS, ...(options.attributeWeights ?? {}) };

	const matrix = buildCustomerItemMatrix(table, { asOf: present, halfLifeDays, trendingWindowDays, trendingHalfLifeDays, maxItemsPerCustomer });
	const transposed = transposeCustomerItems(matrix);
	const itemNeighbours = computeItemNeighbours(matrix, transposed, { similarity, neighbours, shrinkage, customerWeighting, minCoCustomers });
	const boughtTogether = computeBoughtTogether(matrix, together);
	const popularity = computeItemPopularity(matrix);
	const groups = [
		...computeGroupTrending(matrix, table.countries, 'country', groupListSize),
		...computeGroupTrending(matrix, table.segments, 'segment', groupListSize),
	];

	const products = table.productIds.length;
	const entryOf = new Map((catalog?.entries ?? []).map((entry) => [entry.id, entry]));
	const titles: Array<string | null> = [];
	const categories: Array<string | null> = [];
	const brands: Array<string | null> = [];
	const prices: Array<number | null> = [];
	const inStock: Array<boolean | null> = [];
	const attributes = [];
	for (let p = 0; p < products; p++) {
		const entry = entryOf.get(table.productIds[p]);
		const title = entry?.title ?? table.titles[p] ?? null;
		const price = entry?.price ?? table.prices[p] ?? null;
		titles.push(title);
		categories.push(entry?.category ?? null);
		brands.push(entry?.brand ?? null);
		prices.push(price);
		inStock.push(entry?.inStock ?? null);
		attributes.push({
			words: tokenizeText(`${title ?? ''} ${entry?.description ?? ''}`),
			category: entry?.category ?? null,
			brand: entry?.brand ?? null,
			tags: entry?.tags ?? [],
			priceBand: priceBand(price),
		});
	}
	const text = buildTextVectors(attributes, attributeWeights);
	let productsWithInteractions = 0;
	for (let p = 0; p < products; p++) if (popularity.customers[p] > 0) productsWithInteractions++;

	const content: RecommenderModel = {
		kind: 'recommender',
		version: RECOMMENDER_MODEL_VERSION,
		asOf: Number.isFinite(present) && present > 0 ? new Date(present).toISOString() : null,
		settings: {
			eventWeights: [...eventWeights.entries()],
			halfLifeDays,
			personalised: {
				method: 'itemKnn',
				similarity,
				neighbours,
				shrinkage,
				customerWeighting,
				minCoCustomers,
				maxItemsPerCustomer,
				easeItems: 0,
				easeRegularisation: 1,
				tailWeight: 1,
			},
			boughtTogether: together,
			trending: { windowDays: trendingWindowDays, halfLifeDays: trendingHalfLifeDays, groupListSize },
			attributeWeights,
		},
		summary: {
			interactions: {
				read: table.read,
				used: table.count - matrix.duplicates,
				duplicates: matrix.duplicates,
				withoutTimestamp: table.withoutTimestamp,
				outsideCatalog: catalog ? table.outsideKnownProducts : 0,
				withoutBasket: matrix.withoutBasket,
				skipped: table.skipped,
			},
			catalog: catalog ? { read: catalog.read, used: catalog.entries.length, skipped: catalog.skipped } : null,
			customers: table.customerIds.length,
			products,
			productsWithInteractions,
			baskets: boughtTogether.baskets,
			largeBaskets: boughtTogether.largeBaskets,
			easeItems: 0,
		},
		products: {
			ids: table.productIds,
			titles,
			categories,
			brands,
			prices,
			inStock,
			customers: Array.from(popularity.customers),
			popularity: Array.from(popularity.popularity, (value) => roundTo(value, 6)),
			trending: Array.from(popularity.trending, (value) => roundTo(value, 6)),
			trendingCustomers: Array.from(popularity.trendingCustomers),
		},
		personalised: { method: 'itemKnn', headItems: 0, ...itemNeighbours },
		boughtTogether: boughtTogether.lists,
		text,
		groups,
	};
	return RecommenderModelSchema.parse({ ...content, fingerprint: recommenderModelFingerprint(content as unknown as Record<string, unknown>) });
}
