/**
 * The example "real-time cart abandoned" in a started n8n 2.41.1: a webhook receives one event -> the customer's
 * stored events plus this one -> Build Profile -> Recommend Products (bought together with the cart, stored model
 * written by Build Model) -> Choose Channel -> the response.
 */
import type { N8nHost as Host } from '../harness/n8nHost';
import { N8nHost } from '../harness/n8nHost';
import { loadWorkflow } from '../harness/workflows';

const TITLES: Record<string, string> = { P1: 'WHITE METAL LANTERN', P2: 'T-LIGHT HOLDER', P3: 'PAPER NAPKINS', P4: 'TEA CUP', P5: 'SAUCER', P6: 'JUMBO BAG' };
const BASKETS: Array<[string, string, string[]]> = [
	['C1', 'O1', ['P1', 'P2']],
	['C2', 'O3', ['P1', 'P2', 'P4']],
	['C3', 'O4', ['P1', 'P2']],
	['C4', 'O5', ['P4', 'P5']],
	['C5', 'O6', ['P4', 'P5']],
	['C6', 'O8', ['P2', 'P6']],
	['C7', 'O9', ['P1']],
	['C8', 'O10', ['P3', 'P6']],
];
const HEADER = 'customer_id,email,first_name,time_zone,timestamp,event_type,amount,order_id,product_id,title,channel,consent_granted,country';
const person = (id: string) => `${id},${id.toLowerCase()}@example.com,Customer ${id},Europe/Berlin`;
const EVENTS = [
	HEADER,
	...BASKETS.flatMap(([customer, order, products], b) => [
		`${person(customer)},2024-02-0${b + 1}T09:00:00Z,consent,,,,,email,true,United Kingdom`,
		...products.map((product) => `${person(customer)},2024-03-${String(b + 1).padStart(2, '0')}T10:00:00Z,order,5,${order},${product},${TITLES[product]},,,United Kingdom`),
	]),
].join('\n');

let host: Host;

beforeAll(async () => {
	host = await N8nHost.create('example-realtime');
});

afterAll(async () => {
	await host?.stop();
	host?.dispose();
});

describe('Example workflow: real-time cart abandoned (through the running server)', () => {
	it('answers one cart event with the profile-aware recommendation and the channel decision', async () => {
		const events = host.writeFile('events.csv', `${EVENTS}\n`);
		const modelFile = host.file('recommender-model.json');
		const build = loadWorkflow('recommend-build-model', { 'Read Orders CSV': { fileSelector: events }, 'Write Model File': { fileName: modelFile } });
		host.importWorkflow(build);
		expect(host.execute(build.id).ok).toBe(true);

		const workflow = loadWorkflow('example-realtime-cart', { 'Read Model File': { fileSelector: modelFile }, 'Read History CSV': { fileSelector: events } });
		host.importWorkflow(workflow);
		host.publishWorkflow(workflow.id);
		await host.start();
		const event = { customer_id: 'C7', email: 'c7@example.com', first_name: 'Customer C7', time_zone: 'Europe/Berlin', timestamp: '2024-03-20T18:00:00Z', product_id: 'P4', title: 'TEA CUP' };
		const response = await host.webhook('cart-abandoned', event);
		if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${JSON.stringify(response.data)}\n${host.readLog('main')}`);
		const answer = response.data as Record<string, unknown>;
		// C7 bought the lantern and now left a tea cup in the cart: the saucer goes with the tea cup (2 of its 3 buyers).
		expect(answer).toMatchObject({ customerId: 'C7', channel: 'email', productsInCart: ['P4'], rec1Id: 'P5', rec1Title: 'SAUCER' });
		expect(answer.rec1Reason).toBe('bought together with TEA CUP by 2 customers (confidence 66.7%, lift 2.7)');
		expect(answer.sendAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0[12]:00$/);
		expect(answer.decisionReason).toContain('email');
	});
});
