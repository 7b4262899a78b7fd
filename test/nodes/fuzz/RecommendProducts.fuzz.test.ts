/**
 * Fuzz suite of Recommend Products. Population-dependent fields: when the model is built from the input
 * items (Build From the Input Items) every recommendation depends on the whole batch (recommendations,
 * recommendationCount, recommendationFallback, recN*), so (b) runs with a stored model, where each item's
 * list depends on that item only: nothing is excluded there.
 */
import fc from 'fast-check';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { RecommendProducts } from '../../../nodes/RecommendProducts/RecommendProducts.node';
import { recommendProductsProperties } from '../../../nodes/RecommendProducts/properties';
import type { NodeFuzzCase, Row } from './support/fuzzHarness';
import { assertNoProblems, isRunLevelNodeError, checkGoodBesideBad, fuzzParameters, outcomeViolations, prototypeChanges, runNode, slotsArbitrary, snapshotPrototypes, TEST_TIMEOUT_MS } from './support/fuzzHarness';
import { hostileValue, mutated, spelled } from './support/hostileValues';

const node = new RecommendProducts();
const DEFAULTS: Record<string, unknown> = Object.fromEntries(recommendProductsProperties.map((property) => [property.name, property.default]));
const PRODUCTS = Array.from({ length: 12 }, (_, k) => `P${k + 1}`);
const PROFILE_FIELDS = ['customerId', 'productsPurchased', 'productsViewed', 'productsInCart', 'country', 'lastPurchaseAt', 'cart'];
const LINE_FIELDS = ['customerId', 'productId', 'type', 'timestamp', 'orderId', 'title', 'price', 'country'];

/** 40 customers' order lines, fixed: customer c buys P(c mod 12 + 1) with the next two products. */
const orderLines: Row[] = Array.from({ length: 40 }, (_, c) => [0, 1, 2].map((k) => ({
	customerId: `train-${c}`,
	productId: PRODUCTS[(c + k * (1 + (c % 3))) % PRODUCTS.length],
	orderId: `o-${c}`,
	timestamp: `2024-0${1 + (c % 6)}-1${k}T10:00:00Z`,
	title: `Product ${(c + k) % 12}`,
	price: 5 + (c % 7),
}))).flat();
const catalog: Row[] = PRODUCTS.map((productId, k) => ({ productId, title: `Product ${k}`, category: ['Lighting', 'Kitchen', 'Garden'][k % 3], price: 2 + k, inStock: true }));

function withCatalog(rows: Row[]) {
	return (context: IExecuteFunctions) => {
		const main = context.getInputData();
		const second: INodeExecutionData[] = rows.map((json) => ({ json: json as IDataObject }));
		Object.assign(context, { getInputData: (input = 0) => (input === 1 ? second : main) });
	};
}

const goodProfile = (index: number): fc.Arbitrary<Row> =>
	fc
		.record({ purchased: fc.subarray(PRODUCTS, { maxLength: 4 }), viewed: fc.subarray(PRODUCTS, { maxLength: 2 }), cart: fc.subarray(PRODUCTS, { maxLength: 2 }) })
		.map(({ purchased, viewed, cart }) => ({ customerId: `good-${index}`, productsPurchased: purchased, productsViewed: viewed, productsInCart: cart }));
const goodProfiles = fc.integer({ min: 1, max: 6 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => goodProfile(index))));
/** Good profiles that each bought something, so a model built from the input always has data to learn from. */
const buyingProfiles = fc.integer({ min: 1, max: 6 }).chain((count) =>
	fc.tuple(...Array.from({ length: count }, (_, index) => goodProfile(index).chain((row) => fc.constantFrom(...PRODUCTS).map((product) => ({ ...row, productsPurchased: [...new Set([product, ...(row.productsPurchased as string[])])] }))))),
);
const badProfiles = fc.integer({ min: 1, max: 4 }).chain((count) =>
	fc.tuple(...Array.from({ length: count }, (_, index) => mutated({ customerId: `bad-${index}`, productsPurchased: ['P1'], productsViewed: [], productsInCart: [] }, PROFILE_FIELDS))),
);

/** Stock values meaning "sold out" in the vocabularies n8n's shop nodes return (WooCommerce, Shopify, CSV exports). */
const OUT_OF_STOCK = ['outofstock', 'out of stock', 'Out of stock', 'OUTOFSTOCK', 'none', 'N', 'n', 'no', 'false', '0', 0, -3, false, 'sold out'];

describe('Recommend Products fuzz (Continue on fail off and on)', () => {
	let storedModel: IDataObject;
	beforeAll(async () => {
		const built = await runNode({ node, parameters: { ...DEFAULTS, operation: 'buildModel', inputForm: 'interactions', options: {} }, extend: withCatalog(catalog) }, orderLines, false);
		if (!built.output) throw built.failure;
		storedModel = built.output[0].json;
	});

	it('(a)(b)(c) stored model: hostile profiles beside good ones give node errors naming item and field, good lists unchanged, prototypes clean (200 runs)', async () => {
		const recommending: NodeFuzzCase = {
			setup: { node, parameters: () => ({ ...DEFAULTS, operation: 'recommend', strategy: 'personalised', modelFrom: 'stored', storedModel, count: 3 }) },
			populationFields: [],
			keyOf: (item) => String(item.json.customerId),
		};
		await fc.assert(
			fc.asyncProperty(goodProfiles, badProfiles, slotsArbitrary, async (good, bad, slots) => checkGoodBesideBad(recommending, good, bad, slots)),
			fuzzParameters(1341, 200),
		);
	}, TEST_TIMEOUT_MS);

	it('(a)(c) every strategy on hostile profiles with a model built from the input never crashes or pollutes (150 runs)', async () => {
		const strategy = fc.constantFrom('personalised', 'boughtTogether', 'popular', 'similar', 'trending');
		await fc.assert(
			fc.asyncProperty(buyingProfiles, badProfiles, strategy, fc.boolean(), async (good, bad, chosen, continueOnFail) => {
				const before = snapshotPrototypes();
				const rows = [...good, ...bad];
				const result = await runNode({ node, parameters: { ...DEFAULTS, operation: 'recommend', strategy: chosen, modelFrom: 'input', count: 3 }, extend: withCatalog(catalog) }, rows, continueOnFail);
				assertNoProblems([...outcomeViolations(result, rows, continueOnFail), ...prototypeChanges(before)]);
			}),
			fuzzParameters(1342, 150),
		);
	}, TEST_TIMEOUT_MS);

	it('(a)(c) Build Model from hostile order lines beside good ones never crashes or pollutes (150 runs)', async () => {
		const badLines = fc.array(mutated({ customerId: 'bad', productId: 'P1', orderId: 'ob', timestamp: '2024-02-01T00:00:00Z', price: 3 }, LINE_FIELDS), { minLength: 1, maxLength: 4 });
		await fc.assert(
			fc.asyncProperty(badLines, fc.boolean(), async (bad, continueOnFail) => {
				const before = snapshotPrototypes();
				const rows = [...orderLines.slice(0, 30), ...bad];
				const result = await runNode({ node, parameters: { ...DEFAULTS, operation: 'buildModel', inputForm: 'interactions', options: {} } }, rows, continueOnFail);
				assertNoProblems([...outcomeViolations(result, rows, continueOnFail), ...prototypeChanges(before)]);
			}),
			fuzzParameters(1343, 150),
		);
	}, TEST_TIMEOUT_MS);

	it('(a) a product the catalog marks out of stock in any shop vocabulary is never recommended (100 runs)', async () => {
		const stock = fc.oneof(fc.constantFrom<unknown>(...OUT_OF_STOCK), fc.constantFrom('outofstock', 'out of stock', 'sold out').chain(spelled));
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(...PRODUCTS), stock, fc.constantFrom('personalised', 'popular', 'similar', 'trending'), fc.boolean(), async (soldOut, stockValue, strategy, continueOnFail) => {
				const before = snapshotPrototypes();
				const shelf = catalog.map((row) => (row.productId === soldOut ? { ...row, inStock: stockValue } : row));
				const profiles = Array.from({ length: 8 }, (_, k) => ({ customerId: `c${k}`, productsPurchased: [PRODUCTS[k % 12], PRODUCTS[(k + 5) % 12]] }));
				const result = await runNode({ node, parameters: { ...DEFAULTS, operation: 'recommend', strategy, modelFrom: 'input', count: 11 }, extend: withCatalog(shelf) }, profiles, continueOnFail);
				const problems = outcomeViolations(result, profiles, continueOnFail, { extraFields: ['inStock', 'stock'], secondInput: shelf });
				for (const item of result.output ?? []) {
					const listed = ((item.json.recommendations ?? []) as Array<{ productId?: unknown }>).map((entry) => entry.productId);
					if (listed.includes(soldOut)) problems.push(`${String(item.json.customerId)} is recommended ${soldOut}, whose stock is ${JSON.stringify(stockValue)}`);
				}
				problems.push(...prototypeChanges(before));
				assertNoProblems(problems);
			}),
			fuzzParameters(1344, 100),
		);
	}, TEST_TIMEOUT_MS);

	it('(a)(c) hostile catalog rows (ids, prices, stock, tags) never crash or pollute (150 runs)', async () => {
		const catalogFields = ['productId', 'title', 'description', 'category', 'brand', 'tags', 'price', 'inStock'];
		const badShelf = fc.array(mutated({ productId: 'PX', title: 'x', category: 'Kitchen', price: 3, inStock: true }, catalogFields, hostileValue), { minLength: 1, maxLength: 4 });
		await fc.assert(
			fc.asyncProperty(badShelf, fc.boolean(), async (bad, continueOnFail) => {
				const before = snapshotPrototypes();
				const profiles = Array.from({ length: 4 }, (_, k) => ({ customerId: `c${k}`, productsPurchased: [PRODUCTS[k]] }));
				const shelf = [...catalog, ...bad];
				const result = await runNode({ node, parameters: { ...DEFAULTS, operation: 'recommend', strategy: 'similar', modelFrom: 'input', count: 3 }, extend: withCatalog(shelf) }, profiles, continueOnFail);
				// Catalog rows are items of the second input: a bad one may stop the run (a node error), or be an error item paired with { item, input: 1 }.
				const problems = isRunLevelNodeError(result.failure) ? [] : outcomeViolations(result, profiles, continueOnFail, { secondInput: shelf });
				assertNoProblems([...problems, ...prototypeChanges(before)]);
			}),
			fuzzParameters(1345, 150),
		);
	}, TEST_TIMEOUT_MS);
});
