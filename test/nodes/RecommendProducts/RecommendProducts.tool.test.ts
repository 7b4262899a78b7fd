import { NodeOperationError } from 'n8n-workflow';
import { RecommendProducts } from '../../../nodes/RecommendProducts/RecommendProducts.node';
import { recommendProductsProperties } from '../../../nodes/RecommendProducts/properties';
import type { ParameterValue } from '../support/mockExecuteFunctions';
import { itemsOf, mockExecuteFunctions } from '../support/mockExecuteFunctions';

const node = new RecommendProducts();
const DEFAULTS: Record<string, unknown> = Object.fromEntries(recommendProductsProperties.map((property) => [property.name, property.default]));
const TOOL = 'n8n-nodes-lifecycle.recommendProductsTool';

const catalog = [
	{ productId: 'A', title: 'WHITE METAL LANTERN', category: 'Lighting', price: 3.75, inStock: true },
	{ productId: 'B', title: 'RED METAL LANTERN', category: 'Lighting', price: 4.15, inStock: true },
	{ productId: 'C', title: 'PAPER NAPKINS', category: 'Kitchen', price: 0.85, inStock: true },
	{ productId: 'D', title: 'TEA CUP', category: 'Kitchen', price: 2.1, inStock: true },
];
const profiles = [
	{ customerId: 'c1', productsPurchased: ['A', 'B'] },
	{ customerId: 'c2', productsPurchased: ['A', 'B', 'D'] },
	{ customerId: 'c3', productsPurchased: ['A', 'C'] },
	{ customerId: 'c4', productsPurchased: ['B', 'D'] },
	{ customerId: 'c5', productsPurchased: ['A'] },
];

async function run(overrides: Record<string, ParameterValue>, rows: Array<Record<string, unknown>>, nodeType?: string, catalogRows: Array<Record<string, unknown>> = []) {
	const mock = mockExecuteFunctions({ ...DEFAULTS, ...overrides }, itemsOf(rows), { nodeType });
	const main = itemsOf(rows);
	// As a tool n8n connects no second input: the catalog only reaches a batch run.
	Object.assign(mock.context, { getInputData: (input = 0) => (input === 1 ? itemsOf(nodeType ? [] : catalogRows) : main) });
	const [output] = await node.execute.call(mock.context);
	return output;
}

describe('Recommend Products as an AI agent tool', () => {
	it('refuses to build or evaluate a recommender, or to learn from the one customer it is given', async () => {
		for (const overrides of [{ operation: 'buildModel' }, { operation: 'evaluate', splitAt: '2024-01-01' }, { operation: 'recommend' }]) {
			const failure = await run(overrides, [profiles[4]], TOOL).catch((error: unknown) => error);
			expect(failure).toBeInstanceOf(NodeOperationError);
			expect((failure as Error).message).toMatch(/^As an AI tool Recommend Products sees one customer/);
		}
	});

	it('recommends from a stored model (built with the catalog in a batch) as the batch would, in a compact answer', async () => {
		const options = { minCoCustomers: 1, minSupport: 1, minLift: 0 };
		const orderLines = profiles.flatMap((profile, index) => profile.productsPurchased.map((productId) => ({ customerId: profile.customerId, productId, orderId: `o${index}`, timestamp: '2024-01-0' + String(index + 1) + 'T10:00:00Z' })));
		const [built] = await run({ operation: 'buildModel', options }, orderLines, undefined, catalog);
		const stored = { modelFrom: 'stored', storedModel: JSON.stringify(built.json), count: 3 };
		const batch = await run(stored, profiles);
		const [answer] = await run(stored, [profiles[4]], TOOL);
		expect(Object.keys(answer.json).length).toBeLessThanOrEqual(15);
		const full = batch[4].json;
		const titles = [full.rec1Title, full.rec2Title, full.rec3Title].filter((title) => title !== null);
		expect(titles.length).toBeGreaterThan(0);
		expect(answer.json).toMatchObject({ customerId: 'c5', nextProducts: titles.join(', '), nextProductReason: full.rec1Reason });
		expect(String(answer.json.answer)).toBe(`next best products: ${titles.join(', ')}`);
		// The catalog's titles came with the stored model, not from a second input.
		expect(titles.every((title) => catalog.some((product) => product.title === title))).toBe(true);
	});
});
