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

	it('evaluates by time split against MostPopular, one item per strategy', async () => {
		const later = [{ customerId: 'c4', productId: 'A', orderId: 'o9', timestamp: '2024-02-01T10:00:00Z', title: 'A' }];
		const { output } = await run({ operation: 'evaluate', splitAt: '2024-01-15T00:00:00Z', count: 2, options: { minCoCustomers: 1 } }, [...orderLines, ...later]);
		expect(output.map((item) => item.json.strategy)).toEqual(['personalised', 'boughtTogether', 'trending', 'mostPopular']);
		expect(output[0].json).toMatchObject({ k: 2, customers: 1, precisionAt2: 0.5, recallAt2: 1, ndcgAt2: 1 });
	});
});
