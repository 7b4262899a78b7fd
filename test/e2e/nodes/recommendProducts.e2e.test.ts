/**
 * Recommend Products inside a real n8n 2.41.1: (1) orders and a catalog from CSV files -> Build Profile ->
 * Recommend Products (catalog on its second input) -> a Set node writing an email body from rec1Title...;
 * (2) Build Model written to a file by n8n's file node; (3) a webhook that recommends for one cart with that
 * stored model, answered by the running server.
 */
import type { N8nHost as Host } from '../harness/n8nHost';
import { N8nHost } from '../harness/n8nHost';
import { loadWorkflow, outputOf } from '../harness/workflows';

const TITLES: Record<string, string> = { P1: 'WHITE METAL LANTERN', P2: 'T-LIGHT HOLDER', P3: 'PAPER NAPKINS', P4: 'TEA CUP', P5: 'SAUCER', P6: 'JUMBO BAG' };
const BASKETS: Array<[string, string, string[]]> = [
	['C1', 'O1', ['P1', 'P2']],
	['C1', 'O2', ['P3']],
	['C2', 'O3', ['P1', 'P2', 'P4']],
	['C3', 'O4', ['P1', 'P2']],
	['C4', 'O5', ['P4', 'P5']],
	['C5', 'O6', ['P4', 'P5']],
	['C5', 'O7', ['P6']],
	['C6', 'O8', ['P2', 'P6']],
	['C7', 'O9', ['P1']],
	['C8', 'O10', ['P3', 'P6']],
];
const ORDERS = [
	'customer_id,order_id,timestamp,event_type,amount,product_id,title,country',
	...BASKETS.flatMap(([customer, order, products], b) =>
		products.map((product) => `${customer},${order},2024-03-${String(b + 1).padStart(2, '0')}T10:00:00Z,order,5,${product},${TITLES[product]},United Kingdom`),
	),
].join('\n');
const CATALOG = [
	'product_id,title,category,price,in_stock',
	'P1,WHITE METAL LANTERN,Lighting,3.75,true',
	'P2,T-LIGHT HOLDER,Lighting,2.95,true',
	'P3,PAPER NAPKINS,Kitchen,0.85,true',
	'P4,TEA CUP,Kitchen,2.10,true',
	'P5,SAUCER,Kitchen,1.25,false',
	'P6,JUMBO BAG,Bags,1.95,true',
].join('\n');

let host: Host;
let orders: string;

beforeAll(async () => {
	host = await N8nHost.create('recommend-products');
	orders = host.writeFile('orders.csv', `${ORDERS}\n`);
});

afterAll(async () => {
	await host?.stop();
	host?.dispose();
});

describe('Recommend Products in real n8n', () => {
	it('recommends for every profile with the catalog on the second input, and a Set node builds the email body', () => {
		const catalog = host.writeFile('catalog.csv', `${CATALOG}\n`);
		const workflow = loadWorkflow('recommend-email', { 'Read Orders CSV': { fileSelector: orders }, 'Read Catalog CSV': { fileSelector: catalog } });
		host.importWorkflow(workflow);
		const run = host.execute(workflow.id);
		expect(run.ok).toBe(true);
		const recommended = outputOf(run.result!, 'Recommend Products');
		expect(recommended).toHaveLength(8);
		const purchases = new Map<string, Set<string>>();
		for (const [customer, , products] of BASKETS) for (const product of products) purchases.set(customer, (purchases.get(customer) ?? new Set()).add(product));
		for (const item of recommended) {
			const ids = (item.json.recommendations as Array<{ productId: string }>).map((entry) => entry.productId);
			expect(ids.length).toBeGreaterThan(0);
			expect(ids).not.toContain('P5'); // out of stock in the catalog
			for (const id of ids) expect(purchases.get(item.json.customerId as string)!.has(id)).toBe(false);
		}
		const c7 = recommended.find((item) => item.json.customerId === 'C7')!.json;
		// C7 bought the lantern; three of the lantern's four buyers also bought the holder.
		expect(c7).toMatchObject({ rec1Id: 'P2', rec1Title: 'T-LIGHT HOLDER', rec1Reason: 'customers who bought WHITE METAL LANTERN also bought it (3 customers)' });
		const emails = outputOf(run.result!, 'Email Body');
		const c7Email = emails.find((item) => item.json.to === 'C7@example.com')!.json;
		expect(c7Email.subject).toBe('Picked for you: T-LIGHT HOLDER');
		expect(c7Email.body).toContain('1. T-LIGHT HOLDER (customers who bought WHITE METAL LANTERN also bought it (3 customers))');
		expect(Object.keys(c7Email).sort()).toEqual(['body', 'subject', 'to']);
	});

	it('answers a webhook with what is bought together with a cart, from the model Build Model stored in a file', async () => {
		const modelFile = host.file('recommender-model.json');
		const build = loadWorkflow('recommend-build-model', { 'Read Orders CSV': { fileSelector: orders }, 'Write Model File': { fileName: modelFile } });
		host.importWorkflow(build);
		const built = host.execute(build.id);
		expect(built.ok).toBe(true);
		expect(JSON.parse(host.readFile('recommender-model.json'))).toMatchObject({ kind: 'recommender', version: 1 });

		const hook = loadWorkflow('recommend-webhook', { 'Read Model File': { fileSelector: modelFile } });
		host.importWorkflow(hook);
		host.publishWorkflow(hook.id);
		await host.start();
		const response = await host.webhook('recommend', { customerId: 'NEW-1', cart: ['P4'] });
		expect(response.status).toBe(200);
		const json = response.data as Record<string, unknown>;
		// Tea cup baskets: with the saucer for 2 of its 3 customers (lift 2.7); lantern and holder only once (lift below 1).
		expect(json).toMatchObject({ customerId: 'NEW-1', rec1Id: 'P5', rec1Title: 'SAUCER', recommendationStrategy: 'boughtTogether' });
		expect(json.rec1Reason).toBe('bought together with TEA CUP by 2 customers (confidence 66.7%, lift 2.7)');
		expect((json.recommendations as unknown[]).length).toBe(3);
	});
});
