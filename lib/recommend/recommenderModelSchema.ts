/**
 * The stored recommender model: plain JSON (arrays and numbers, no Maps or typed arrays), versioned, and
 * checked in full on load, structure by zod and consistency by hand: every product number inside
 * 0 .. products - 1, every CSR offsets array starting at 0, never decreasing and ending at its list's length,
 * parallel arrays of equal length, scores finite, product ids distinct.
 *
 *   model = { kind: 'recommender', version: 1, asOf, settings, summary, products, personalised,
 *             boughtTogether, text, groups }
 *
 * Reference: https://zod.dev (object, strict, superRefine); CSR layout: Saad (2003), section 3.4,
 * https://www-users.cse.umn.edu/~saad/IterMethBook_2ndEd.pdf
 *
 * Cost: O(size of the model) to validate.
 * @example RecommenderModelSchema.safeParse(JSON.parse(JSON.stringify(model))).success // true
 */
import { z } from 'zod';

export const RECOMMENDER_MODEL_VERSION = 1;

const finiteNumbers = z.custom<number[]>((value) => Array.isArray(value) && value.every((x) => typeof x === 'number' && Number.isFinite(x)), {
	message: 'Expected an array of finite numbers',
});
const counts = z.custom<number[]>((value) => Array.isArray(value) && value.every((x) => Number.isInteger(x) && x >= 0), {
	message: 'Expected an array of whole numbers >= 0',
});
const nullableStrings = z.custom<Array<string | null>>((value) => Array.isArray(value) && value.every((x) => x === null || typeof x === 'string'), {
	message: 'Expected an array of strings or nulls',
});
const nullablePrices = z.custom<Array<number | null>>((value) => Array.isArray(value) && value.every((x) => x === null || (typeof x === 'number' && Number.isFinite(x) && x >= 0)), {
	message: 'Expected an array of prices >= 0 or nulls',
});
const nullableBooleans = z.custom<Array<boolean | null>>((value) => Array.isArray(value) && value.every((x) => x === null || typeof x === 'boolean'), {
	message: 'Expected an array of booleans or nulls',
});
const count = z.number().int().nonnegative();
const halfLife = z.number().positive().nullable();

const SettingsSchema = z
	.object({
		eventWeights: z.array(z.tuple([z.string().min(1), z.number().finite().nonnegative()])),
		halfLifeDays: halfLife,
		personalised: z
			.object({
				method: z.enum(['ease', 'itemKnn']),
				similarity: z.enum(['cosine', 'jaccard', 'lift']),
				neighbours: count,
				shrinkage: z.number().finite().nonnegative(),
				customerWeighting: z.enum(['equal', 'inverseSqrt', 'inverse']),
				minCoCustomers: count,
				maxItemsPerCustomer: count,
				easeItems: count,
				easeRegularisation: z.number().finite().positive(),
				tailWeight: z.number().finite().nonnegative(),
			})
			.strict(),
		boughtTogether: z
			.object({
				minSupport: count,
				minConfidence: z.number().min(0).max(1),
				minLift: z.number().finite().nonnegative(),
				neighbours: count,
				maxBasketSize: count,
			})
			.strict(),
		trending: z.object({ windowDays: z.number().finite().positive(), halfLifeDays: halfLife, groupListSize: count }).strict(),
		attributeWeights: z
			.object({
				words: z.number().finite().nonnegative(),
				category: z.number().finite().nonnegative(),
				brand: z.number().finite().nonnegative(),
				tags: z.number().finite().nonnegative(),
				priceBand: z.number().finite().nonnegative(),
			})
			.strict(),
	})
	.strict();

const SummarySchema = z
	.object({
		interactions: z
			.object({
				read: count,
				used: count,
				duplicates: count,
				withoutTimestamp: count,
				outsideCatalog: count,
				withoutBasket: count,
				skipped: z
					.object({
						notAnObject: count,
						missingCustomer: count,
						missingProduct: count,
						unknownType: count,
						ignoredType: count,
						invalidTimestamp: count,
						invalidWeight: count,
						afterAsOf: count,
						notInCatalog: count,
					})
					.strict(),
			})
			.strict(),
		catalog: z
			.object({
				read: count,
				used: count,
				skipped: z.object({ notAnObject: count, missingId: count, duplicateId: count, invalidPrice: count }).strict(),
			})
			.strict()
			.nullable(),
		customers: count,
		products: count,
		productsWithInteractions: count,
		baskets: count,
		largeBaskets: count,
		easeItems: count,
	})
	.strict();

const ProductsSchema = z
	.object({
		ids: z.array(z.string().min(1)),
		titles: nullableStrings,
		categories: nullableStrings,
		brands: nullableStrings,
		prices: nullablePrices,
		inStock: nullableBooleans,
		customers: counts,
		popularity: finiteNumbers,
		trending: finiteNumbers,
		trendingCustomers: counts,
	})
	.strict();

const PersonalisedSchema = z
	.object({ method: z.enum(['ease', 'itemKnn']), headItems: count, offsets: counts, items: counts, scores: finiteNumbers, support: counts })
	.strict();
const BoughtTogetherSchema = z.object({ offsets: counts, items: counts, customers: counts, confidence: finiteNumbers, lift: finiteNumbers }).strict();
const TextSchema = z.object({ terms: z.array(z.string()), offsets: counts, termIds: counts, weights: finiteNumbers }).strict();
const GroupSchema = z
	.object({ kind: z.enum(['segment', 'country']), key: z.string().min(1), customers: count, items: counts, scores: finiteNumbers, buyers: counts })
	.strict();

export const RecommenderModelBaseSchema = z
	.object({
		kind: z.literal('recommender'),
		version: z.literal(RECOMMENDER_MODEL_VERSION),
		asOf: z.string().datetime().nullable(),
		settings: SettingsSchema,
		summary: SummarySchema,
		products: ProductsSchema,
		personalised: PersonalisedSchema,
		boughtTogether: BoughtTogetherSchema,
		text: TextSchema,
		groups: z.array(GroupSchema),
		/** recommenderModelFingerprint of the rest; parseRecommenderModel requires it and checks it. */
		fingerprint: z.string().regex(/^sha256:[0-9a-f]{64}$/, 'Expected sha256: and 64 hex digits').optional(),
	})
	.strict();

export type RecommenderModel = z.infer<typeof RecommenderModelBaseSchema>;
export type RecommenderSettings = RecommenderModel['settings'];

type Issue = { path: Array<string | number>; message: string };

function checkCsr(issues: Issue[], name: string, offsets: number[], rows: number, columns: ReadonlyArray<readonly [string, number[]]>): void {
	if (offsets.length !== rows + 1) {
		issues.push({ path: [name, 'offsets'], message: `has ${offsets.length} entries; the model has ${rows} rows, so ${rows + 1} are needed` });
		return;
	}
	if (offsets[0] !== 0) issues.push({ path: [name, 'offsets', 0], message: 'must be 0' });
	for (let i = 1; i < offsets.length; i++) {
		if (offsets[i] < offsets[i - 1]) {
			issues.push({ path: [name, 'offsets', i], message: 'offsets must never decrease' });
			return;
		}
	}
	const length = columns[0][1].length;
	if (offsets[rows] !== length) issues.push({ path: [name, 'offsets', rows], message: `must equal the list length ${length}` });
	for (const [column, values] of columns) {
		if (values.length !== length) issues.push({ path: [name, column], message: `has ${values.length} entries; expected ${length} like ${columns[0][0]}` });
	}
}

function checkIndexes(issues: Issue[], path: Array<string | number>, values: number[], limit: number, what: string): void {
	for (let i = 0; i < values.length; i++) {
		if (values[i] >= limit) {
			issues.push({ path: [...path, i], message: `${what} ${values[i]} is outside 0..${limit - 1}` });
			return;
		}
	}
}

export const RecommenderModelSchema = RecommenderModelBaseSchema.superRefine((model, context) => {
	const issues: Issue[] = [];
	const products = model.products.ids.length;
	const columns = ['titles', 'categories', 'brands', 'prices', 'inStock', 'customers', 'popularity', 'trending', 'trendingCustomers'] as const;
	for (const column of columns) {
		if (model.products[column].length !== products) issues.push({ path: ['products', column], message: `has ${model.products[column].length} entries; expected one per product (${products})` });
	}
	if (new Set(model.products.ids).size !== products) issues.push({ path: ['products', 'ids'], message: 'product ids must be distinct' });
	const personalised = model.personalised;
	checkCsr(issues, 'personalised', personalised.offsets, products, [
		['items', personalised.items],
		['scores', personalised.scores],
		['support', personalised.support],
	]);
	checkIndexes(issues, ['personalised', 'items'], personalised.items, products, 'product number');
	if (personalised.headItems > products) issues.push({ path: ['personalised', 'headItems'], message: `exceeds the ${products} products` });
	const together = model.boughtTogether;
	checkCsr(issues, 'boughtTogether', together.offsets, products, [
		['items', together.items],
		['customers', together.customers],
		['confidence', together.confidence],
		['lift', together.lift],
	]);
	checkIndexes(issues, ['boughtTogether', 'items'], together.items, products, 'product number');
	const text = model.text;
	checkCsr(issues, 'text', text.offsets, products, [
		['termIds', text.termIds],
		['weights', text.weights],
	]);
	checkIndexes(issues, ['text', 'termIds'], text.termIds, text.terms.length, 'term number');
	model.groups.forEach((group, g) => {
		if (group.scores.length !== group.items.length || group.buyers.length !== group.items.length) {
			issues.push({ path: ['groups', g], message: 'items, scores and buyers must have the same length' });
		}
		checkIndexes(issues, ['groups', g, 'items'], group.items, products, 'product number');
	});
	for (const issue of issues.slice(0, 5)) context.addIssue({ code: z.ZodIssueCode.custom, path: issue.path, message: issue.message });
});
