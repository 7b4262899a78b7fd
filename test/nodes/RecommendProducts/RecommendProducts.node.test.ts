import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { RecommendProducts } from '../../../nodes/RecommendProducts/RecommendProducts.node';
import { recommendProductsProperties } from '../../../nodes/RecommendProducts/properties';
import type { ParameterValue } from '../support/mockExecuteFunctions';
import { itemsOf, mockExecuteFunctions } from '../support/mockExecuteFunctions';

const node = new RecommendProducts();
const DEFAULTS: Record<string, unknown> = Object.fromEntries(recommendProductsProperties.map((property) => [property.name, property.default]));

const catalog = [
	{ productId: 'A', title: 'WHITE METAL LANTERN', category: 'Lighting', price: 3.75, inStock: true },
	{ productId: 'B', title: 'RED METAL LANTERN', category: 'Lighting', price: 4.15, inStock: true },
	{ productId: 'C', title: 'PAPER NAPKINS', category: 'Kitchen', price: 0.85, inStock: 0 },
	{ productId: 'D', title: 'TEA CUP', category: 'Kitchen', price: 2.1, inStock: 'true' },
];
const profiles = [
	{ customerId: 'c1', productsPurchased: ['A', 'B'] },
	{ customerId: 'c2', productsPurchased: ['A', 'B', 'D'] },
	{ customerId: 'c3', productsPurchased: ['A', 'C'] },
	{ customerId: 'c4', productsPurchased: ['B', 'D'] },
	{ customerId: 'c5', productsPurchased: [] },
];
const orderLines = [
	['c1', 'A', 'o1'],
	['c1', 'B', 'o1'],
	['c2', 'A', 'o2'],
	['c2', 'B', 'o2'],
	['c3', 'A', 'o3'],
	['c3', 'D', 'o3'],
	['c4', 'B', 'o4'],
].map(([customerId, productId, orderId], i) => ({ customerId, productId, orderId, timestamp: `2024-01-0${i + 1}T10:00:00Z`, title: productId }));

function contextFor(overrides: Record<string, ParameterValue>, rows: Array<Record<string, unknown>>, catalogRows: Array<Record<string, unknown>> = [], continueOnFail = false) {
	const mock = mockExecuteFunctions({ ...DEFAULTS, ...overrides }, itemsOf(rows), { continueOnFail });
	const main = itemsOf(rows);
	Object.assign(mock.context, { getInputData: (input = 0) => (input === 1 ? itemsOf(catalogRows) : main) });
	return mock;
}

async function run(overrides: Record<string, ParameterValue>, rows: Array<Record<string, unknown>>, catalogRows: Array<Record<string, unknown>> = [], continueOnFail = false) {
	const mock = contextFor(overrides, rows, catalogRows, continueOnFail);
	const [output] = await node.execute.call(mock.context);
	return { output, hints: mock.hints };
}

describe('Recommend Products node (mocked context)', () => {
	it('recommends from the profiles\' product lists with the catalog on the second input: flat rec fields, rules, reasons', async () => {
		const { output } = await run({ count: 3, options: { minCoCustomers: 1 } }, profiles, catalog);
		expect(output).toHaveLength(5);
		output.forEach((item, index) => expect(item.pairedItem).toEqual({ item: index }));
		const c3 = output[2].json;
		// c3 bought A and C; B is A's strongest neighbour; C is out of stock (0) in the catalog and already bought anyway.
		expect(c3).toMatchObject({ customerId: 'c3', rec1Id: 'B', rec1Title: 'RED METAL LANTERN', recommendationStrategy: 'personalised' });
		expect(c3.rec1Reason).toContain('customers who bought WHITE METAL LANTERN also bought it');
		for (const item of output) {
			const ids = (item.json.recommendations as IDataObject[]).map((entry) => entry.productId);
			expect(ids).not.toContain('C');
			for (const id of (item.json.productsPurchased as string[]) ?? []) expect(ids).not.toContain(id);
		}
		// The new customer gets the cold-start chain, not random items.
		expect(output[4].json.recommendationFallback).toBe('popular');
		expect(output[4].json.rec1Reason).toMatch(/^popular: bought by \d customers$/);
	});

	it('builds a model from order lines, and recommends what is bought together with a product from the stored model', async () => {
		const built = await run({ operation: 'buildModel', options: { minCoCustomers: 1, minSupport: 1, minLift: 0 } }, orderLines);
		expect(built.output).toHaveLength(1);
		const model = built.output[0].json;
		expect(model).toMatchObject({ kind: 'recommender', modelItem: true });
		const { output } = await run(
			{ strategy: 'boughtTogether', modelFrom: 'stored', storedModel: JSON.stringify(model), productsField: 'productId', count: 2, rules: { excludePurchased: false } },
			[{ productId: 'A' }],
		);
		expect(output[0].json.rec1Id).toBe('B');
		expect(output[0].json.rec1Reason).toBe('bought together with A by 2 customers (confidence 66.7%, lift 0.9)');
	});

	it('names a bad item and keeps the others with Continue on fail; refuses a broken stored model', async () => {
		const rows = [...profiles.slice(0, 4), { customerId: 'bad', productsPurchased: 'A,B' }];
		const failure = await node.execute.call(contextFor({ options: { minCoCustomers: 1 } }, rows).context).catch((error: unknown) => error);
		expect(failure).toBeInstanceOf(NodeOperationError);
		expect((failure as Error).message).toContain('productsPurchased to be a list of product ids');
		const { output } = await run({ options: { minCoCustomers: 1 } }, rows, [], true);
		expect(output[4].json.error).toContain('productsPurchased');
		expect(output[4].pairedItem).toEqual({ item: 4 });
		expect(output.slice(0, 4).every((item) => Array.isArray(item.json.recommendations))).toBe(true);
		const broken = await node.execute.call(contextFor({ modelFrom: 'stored', storedModel: '{"kind":"recommender","version":1}' }, profiles).context).catch((error: unknown) => error);
		expect((broken as Error).message).toContain('parseRecommenderModel rejected the model');
	});

	it('refuses a stored model edited after Build Model, by its fingerprint, with what to do', async () => {
		const built = await run({ operation: 'buildModel', options: { minCoCustomers: 1, minSupport: 1, minLift: 0 } }, orderLines);
		const model = JSON.parse(JSON.stringify(built.output[0].json)) as { fingerprint: string; products: { titles: string[] } };
		expect(model.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
		model.products.titles[0] = 'EDITED';
		const failure = await node.execute.call(contextFor({ modelFrom: 'stored', storedModel: JSON.stringify(model), productsField: 'productId' }, [{ productId: 'A' }]).context).catch((error: unknown) => error);
		expect(failure).toBeInstanceOf(NodeOperationError);
		expect((failure as NodeOperationError).message).toContain('it was changed after it was built, its content does not match its fingerprint');
		expect((failure as NodeOperationError).description).toBe('Rebuild the model with Build Model, or pass it unchanged');
	});

	it('evaluates by time split against MostPopular, one item per strategy', async () => {
		const later = [{ customerId: 'c4', productId: 'A', orderId: 'o9', timestamp: '2024-02-01T10:00:00Z', title: 'A' }];
		const { output } = await run({ operation: 'evaluate', splitAt: '2024-01-15T00:00:00Z', count: 2, options: { minCoCustomers: 1 } }, [...orderLines, ...later]);
		expect(output.map((item) => item.json.strategy)).toEqual(['personalised', 'boughtTogether', 'trending', 'mostPopular']);
		expect(output[0].json).toMatchObject({ k: 2, customers: 1, precisionAt2: 0.5, recallAt2: 1, ndcgAt2: 1 });
	});
});

describe('Recommend Products: stock and prices as the shop nodes return them', () => {
	/** Every product bought by enough customers to be recommended to c5 (no history) by popularity. */
	const shopProfiles = [
		{ customerId: 'c1', productsPurchased: ['A', 'B', 'C', 'D'] },
		{ customerId: 'c2', productsPurchased: ['A', 'B', 'C', 'D'] },
		{ customerId: 'c5', productsPurchased: [] },
	];
	const recommendedTo = (output: Array<{ json: IDataObject }>, customerId: string) =>
		(output.find((item) => item.json.customerId === customerId)?.json.recommendations as IDataObject[]).map((entry) => entry.productId);

	it('never recommends a WooCommerce product whose stock_status is outofstock, "out of stock", "none" or "N"', async () => {
		const woo = [
			{ productId: 'A', stock_status: 'outofstock' },
			{ productId: 'B', stock_status: 'out of stock' },
			{ productId: 'C', stock_status: 'instock' },
			{ productId: 'D', stock_status: 'onbackorder' },
		];
		const { output } = await run({ count: 4, catalogFields: { inStock: 'stock_status' } }, shopProfiles, woo);
		expect(recommendedTo(output, 'c5').sort()).toEqual(['C', 'D']);
		for (const text of ['none', 'N', 'outofstock', 'false', '0']) {
			const mapped = await run({ count: 4, catalogFields: { inStock: 'available' } }, shopProfiles, [{ productId: 'A', available: text }, { productId: 'C', available: 'yes' }]);
			expect(recommendedTo(mapped.output, 'c5')).not.toContain('A');
		}
	});

	it('reads stock_status, Shopify variants and inventory without a mapped field', async () => {
		const variant = (quantity: number, policy = 'deny') => ({ inventory_quantity: quantity, inventory_policy: policy, inventory_management: 'shopify' });
		const catalogRows = [
			{ productId: 'A', stock_status: 'outofstock' },
			{ productId: 'B', variants: [variant(0), variant(0)] },
			{ productId: 'C', variants: [variant(0), variant(0, 'continue')] },
			{ productId: 'D', inventory_quantity: 0, inventory_policy: 'deny' },
		];
		const { output } = await run({ count: 4 }, shopProfiles, catalogRows);
		expect(recommendedTo(output, 'c5')).toEqual(['C']);
	});

	it('stops on unrecognised stock text naming the catalog item and field; with Continue on fail gives an error item and never recommends that product', async () => {
		const catalogRows = [
			{ productId: 'A', stock_status: 'instock' },
			{ productId: 'B', stock_status: 'maybe' },
			{ productId: 'C', stock_status: 'instock' },
		];
		const failure = await node.execute.call(contextFor({ count: 4 }, shopProfiles, catalogRows).context).catch((error: unknown) => error);
		expect(failure).toBeInstanceOf(NodeOperationError);
		expect((failure as NodeOperationError).message).toBe('Catalog item 1 (second input) has "maybe" in stock_status, which is not a stock status');
		expect((failure as NodeOperationError).description).toContain('Field: stock_status');
		const { output } = await run({ count: 4 }, shopProfiles, catalogRows, true);
		const errors = output.filter((item) => item.json.error);
		expect(errors).toHaveLength(1);
		expect(errors[0].pairedItem).toEqual({ item: 1, input: 1 });
		expect(errors[0].json.error).toContain('Catalog item 1');
		expect(output.filter((item) => !item.json.error)).toHaveLength(3);
		expect(recommendedTo(output, 'c5')).not.toContain('B');
	});

	it('never recommends a product from a stored model that the catalog now says is out of stock', async () => {
		const built = await run({ operation: 'buildModel', options: { minCoCustomers: 1, minSupport: 1, minLift: 0 } }, orderLines, [{ productId: 'B', stock_status: 'instock' }]);
		const storedModel = JSON.stringify(built.output[0].json);
		const recommendWith = async (catalogRows: Array<Record<string, unknown>>) =>
			(await run({ strategy: 'boughtTogether', modelFrom: 'stored', storedModel, productsField: 'productId', count: 2, rules: { excludePurchased: false } }, [{ productId: 'A' }], catalogRows)).output[0].json.rec1Id;
		expect(await recommendWith([])).toBe('B');
		expect(await recommendWith([{ productId: 'B', stock_status: 'outofstock' }])).not.toBe('B');
		expect(await recommendWith([{ productId: 'B', title: 'no stock field' }])).toBe('B');
	});

	it('counts unparsable catalog and interaction prices in an execution hint and reads numeric text', async () => {
		const catalogRows = [
			{ productId: 'A', price: '3.75' },
			{ productId: 'B', price: '4,15' },
			{ productId: 'C', price: 'about 1' },
			{ productId: 'D', price: '' },
		];
		const lines = orderLines.map((line, i) => ({ ...line, price: i === 0 ? 'n/a' : '2.10' }));
		const { output, hints } = await run({ operation: 'buildModel', options: { minCoCustomers: 1 } }, lines, catalogRows);
		const products = (output[0].json as unknown as { products: { ids: string[]; prices: Array<number | null> } }).products;
		expect(products.prices[products.ids.indexOf('A')]).toBe(3.75);
		expect(hints.map((hint) => hint.message)).toContain('3 prices could not be read (2 in the catalog, 1 in the interactions): write them as numbers such as 12.50; those products have no price, so price rules leave them out');
	});
});
