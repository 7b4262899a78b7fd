/**
 * The example "real-time cart abandoned" in a started n8n 2.41.1, reading stored state (issue 14 item 6): the weekly
 * run (example-weekly-tables) folds the shop's events into the `customer_profiles` Data table and stores the
 * population figures, the churn model and the recommender in `lifecycle_models`; then the cart webhook appends the
 * event to `customer_events`, reads the customer's stored row and pending events, folds them with Build Profile >
 * Update Stored Profiles and the stored figures, and answers with stage, churn scores, recommendations (stored
 * model) and the channel decision. The answer equals what the weekly batch gives that customer.
 */
import type { CustomerProfile, LifecycleEvent } from '../../../lib';
import { buildProfiles, createRecommender, mapSourceRecord, parseRecommenderModel, presetMapping } from '../../../lib';
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
const COLUMNS = ['customer_id', 'email', 'first_name', 'time_zone', 'timestamp', 'event_type', 'amount', 'order_id', 'product_id', 'product_title', 'channel', 'consent_granted', 'country'];
const person = (id: string) => [id, `${id.toLowerCase()}@example.com`, `Customer ${id}`, 'Europe/Berlin'];
/**
 * Consent in February, one order per basket in March (C7's on 2024-03-07), and earlier orders of C6 and C8 (repeat
 * buyers: the population gap of one-time buyers is their median gap); the latest event is 2024-03-08T10:00Z.
 */
const ROWS: string[][] = [
	...BASKETS.flatMap(([customer, order, products], b) => [
		[...person(customer), `2024-02-0${b + 1}T09:00:00Z`, 'consent', '', '', '', '', 'email', 'true', 'United Kingdom'],
		...products.map((product) => [...person(customer), `2024-03-${String(b + 1).padStart(2, '0')}T10:00:00Z`, 'order', '5', order, product, TITLES[product], '', '', 'United Kingdom']),
	]),
	[...person('C6'), '2024-02-20T10:00:00Z', 'order', '5', 'O7', 'P6', TITLES.P6, '', '', 'United Kingdom'],
	[...person('C8'), '2024-02-10T10:00:00Z', 'order', '5', 'O11', 'P3', TITLES.P3, '', '', 'United Kingdom'],
];
const csv = (rows: string[][]) => `${[COLUMNS.join(','), ...rows.map((row) => row.join(','))].join('\n')}\n`;
const WEEKLY_END = '2024-03-08T10:00:00Z';

/** Fields of the answer that must equal the weekly batch's for the customer. */
const WEEKLY_FIELDS = ['lifecycleStage', 'stageReason', 'rfmScore', 'rfmSegment', 'churnProbability', 'probabilityAlive', 'churnRisk', 'expectedPurchases'];
const pick = (record: Record<string, unknown>, fields: string[]) => Object.fromEntries(fields.map((field) => [field, record[field]]));

interface WeeklyAnswer {
	ok: boolean;
	profiles: number;
	customers: Array<Record<string, unknown>>;
	models: { populationFigures: Record<string, unknown>; churnModel: Record<string, unknown>; recommenderModel: Record<string, unknown> };
}

/** The weekly batch's profile of a customer over every CSV row plus the given events (rows of the same columns). */
function batchProfile(extraRows: string[][], profileId: string): CustomerProfile {
	const mapping = presetMapping('csvRows')!;
	const events = [...ROWS, ...extraRows]
		.map((row, index) => mapSourceRecord(Object.fromEntries(COLUMNS.map((column, k) => [column, row[k]])), mapping, index, { missingIdentity: 'error' }))
		.filter((event): event is LifecycleEvent => event !== undefined);
	return buildProfiles(events, { periodUnit: 'day' }).profiles.find((profile) => profile.profileId === profileId)!;
}

let host: Host;

beforeAll(async () => {
	host = await N8nHost.create('example-realtime');
});

afterAll(async () => {
	await host?.stop();
	host?.dispose();
});

describe('Example workflow: real-time cart abandoned, from the stored profile (through the running server)', () => {
	it('answers a cart event from the stored profile row and pending events, with the weekly batch answer for that customer', async () => {
		const eventsFile = host.writeFile('events.csv', csv(ROWS));
		const weeklyWorkflow = loadWorkflow('example-weekly-tables', { 'Read Events CSV': { fileSelector: eventsFile } });
		const cartWorkflow = loadWorkflow('example-realtime-cart');
		for (const workflow of [weeklyWorkflow, cartWorkflow]) {
			host.importWorkflow(workflow);
			host.publishWorkflow(workflow.id);
		}
		await host.start();
		const weeklyRun = await host.webhook('lifecycle-weekly-tables', {});
		if (weeklyRun.status !== 200) throw new Error(`HTTP ${weeklyRun.status}: ${JSON.stringify(weeklyRun.data)}\n${host.readLog('main')}`);
		const weekly = weeklyRun.data as WeeklyAnswer;
		expect(weekly).toMatchObject({ ok: true, profiles: 8, models: { populationFigures: { kind: 'populationFigures', version: 1, observationEnd: '2024-03-08T10:00:00.000Z' } } });
		expect(Object.keys(weekly.models.populationFigures).sort()).toEqual(['kind', 'lifecycle', 'observationEnd', 'rfm', 'version']);
		// The cart answers from the tables only: the CSV the weekly run read is emptied.
		host.writeFile('events.csv', csv([]));

		const event = { customer_id: 'C7', email: 'c7@example.com', first_name: 'Customer C7', time_zone: 'Europe/Berlin', timestamp: WEEKLY_END, product_id: 'P4', title: 'TEA CUP' };
		const response = await host.webhook('cart-abandoned', event);
		if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${JSON.stringify(response.data)}\n${host.readLog('main')}`);
		const answer = response.data as Record<string, unknown>;
		// C7 bought the lantern and now left a tea cup in the cart: the saucer goes with the tea cup (2 of its 3 buyers).
		expect(answer).toMatchObject({ customerId: 'C7', orders: 1, channel: 'email', productsInCart: ['P4'], rec1Id: 'P5', rec1Title: 'SAUCER' });
		expect(answer.rec1Reason).toBe('bought together with TEA CUP by 2 customers (confidence 66.7%, lift 2.7)');
		expect(answer.sendAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0[12]:00$/);
		expect(answer.decisionReason).toContain('email');

		// The weekly batch's answer for C7 (the cart is at the weekly end: the same as-of time): stage, RFM, churn.
		const inWeekly = weekly.customers.find((customer) => customer.profileId === 'C7')!;
		expect(inWeekly.lifecycleStage).toBe('first_purchase');
		expect(pick(answer, WEEKLY_FIELDS)).toEqual(pick(inWeekly, WEEKLY_FIELDS));
		// Recommendations: the stored recommender on the weekly batch's profile of C7 with this cart.
		const cartRow = [...person('C7'), WEEKLY_END, 'add_to_cart', '', '', 'P4', 'TEA CUP', '', '', ''];
		// The stored row is the model item as Build Model gives it (the node reads it without its modelItem flag).
		const recommenderModel = { ...weekly.models.recommenderModel };
		delete recommenderModel.modelItem;
		const recommender = createRecommender(parseRecommenderModel(recommenderModel));
		const rules = { includeCategories: [], excludeCategories: [], excludeProducts: [], pinned: [], boosted: {} };
		const expected = recommender(batchProfile([cartRow], 'C7') as never, { strategy: 'boughtTogether', count: 3, rules });
		expect(answer.recommendations).toEqual(JSON.parse(JSON.stringify(expected.recommendations)));

		// A second event is appended too: the pending events hold both carts until the next weekly run.
		const second = await host.webhook('cart-abandoned', { ...event, product_id: 'P2', title: 'T-LIGHT HOLDER' });
		const again = second.data as Record<string, unknown>;
		expect([second.status, (again.productsInCart as string[]).slice().sort()]).toEqual([200, ['P2', 'P4']]);
		expect(pick(again, WEEKLY_FIELDS)).toEqual(pick(inWeekly, WEEKLY_FIELDS));
	});
});
