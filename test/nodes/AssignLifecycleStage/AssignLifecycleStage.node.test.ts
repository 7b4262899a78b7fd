import type { INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { AssignLifecycleStage } from '../../../nodes/AssignLifecycleStage/AssignLifecycleStage.node';
import { BuildProfile } from '../../../nodes/BuildProfile/BuildProfile.node';
import { buyer, visitor } from '../../lib/lifecycle/lifecycleFixtures';
import { itemsOf, mockExecuteFunctions } from '../support/mockExecuteFunctions';

const node = new AssignLifecycleStage();
const defaults = { stageModel: 'default', atRiskSignal: 'purchaseRhythm', previousStage: '', stageNames: {}, options: { populationGapDays: 30 } };
const STAGE_FIELDS = ['lifecycleStage', 'previousStage', 'stageChanged', 'stageTransition', 'stageReason', 'stageEnteredAt'];

function stagesOf(output: INodeExecutionData[]) {
	return output.map((item) => item.json.lifecycleStage);
}

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
	return await promise.then(
		() => undefined,
		(error: unknown) => error,
	);
}

describe('Assign Lifecycle Stage node (mocked context)', () => {
	it('adds the six flat stage fields to each item, keeps its fields, and pairs it with its input item', async () => {
		const people = [visitor({ emailOpened: 3 }), buyer({ purchaseDays: 3, gap: 21, daysSinceLast: 63 }), buyer({ purchaseDays: 3, gap: 40, daysSinceLast: 3 })];
		const previous = ['', 'repeat', 'lapsed'];
		const { context } = mockExecuteFunctions({ ...defaults, previousStage: (i: number) => previous[i], options: { populationGapDays: 30, loyalMinPurchases: 5 } }, itemsOf(people));
		const [output] = await node.execute.call(context);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output.map((item) => [item.json.customerId, item.json.lifecycleStage, item.json.stageTransition, item.json.stageChanged])).toEqual([
			[people[0].customerId, 'consideration', null, true],
			[people[1].customerId, 'at_risk', 'repeat->at_risk', true],
			[people[2].customerId, 'reactivated', 'lapsed->reactivated', true],
		]);
		expect(output[1].json).toMatchObject({ ...people[1], stageReason: 'Last purchase 63 days ago; usual gap 21 days (3.0x); at risk from 2.0x (42 days), lapsed from 4.0x (84 days)' });
		for (const item of output) expect(Object.keys(item.json)).toEqual(expect.arrayContaining(STAGE_FIELDS));
	});

	it('consumes Build Profile\'s output as it is', async () => {
		const rows = [
			{ customer_id: 'A', timestamp: '2024-01-01', amount: '10', order_id: 'a1' },
			{ customer_id: 'A', timestamp: '2024-01-22', amount: '10', order_id: 'a2' },
			{ customer_id: 'A', timestamp: '2024-02-12', amount: '10', order_id: 'a3' },
			{ customer_id: 'B', timestamp: '2024-01-01', amount: '5', order_id: 'b1' },
			{ customer_id: 'B', timestamp: '2024-01-11', amount: '5', order_id: 'b2' },
			{ customer_id: 'B', timestamp: '2024-05-30', amount: '5', order_id: 'b3' },
			{ customer_id: 'C', timestamp: '2024-05-20', event_type: 'view', product_id: 'P1' },
			{ customer_id: 'D', timestamp: '2024-05-31', amount: '7', order_id: 'd1' },
		];
		const built = mockExecuteFunctions({ source: 'csvRows', periodUnit: 'day', options: { observationEnd: '2024-06-01' } }, itemsOf(rows));
		const [profiles] = await new BuildProfile().execute.call(built.context);
		const { context } = mockExecuteFunctions({ ...defaults, options: {} }, profiles);
		const [output] = await node.execute.call(context);
		// A: 3 purchase days 21 days apart, last 110 days ago (5.2x) -> lapsed. B: mean gap 75 days, 2 days ago, revenue
		// 15 below the top-20% cutoff of 30 (A's) -> repeat. C: viewed only. D: one purchase, 1 day ago, against the
		// population gap = median of A (21) and B (75) = 48.
		expect(output.map((item) => [item.json.customerId, item.json.lifecycleStage])).toEqual([
			['A', 'lapsed'],
			['B', 'repeat'],
			['C', 'consideration'],
			['D', 'first_purchase'],
		]);
		expect(output[3].json.stageReason).toContain('population gap 48 days (the median of 2 repeat buyers)');
	});

	it('writes the stage names of the CRM picklist', async () => {
		const stageNames = { prospect: 'subscriber', consideration: 'lead', firstPurchase: 'customer', repeat: 'customer', lapsed: 'other' };
		const { context } = mockExecuteFunctions({ ...defaults, stageNames, previousStage: 'subscriber' }, itemsOf([visitor(), visitor({ productsViewed: ['P1'] }), buyer(), buyer({ daysSinceLast: 400 })]));
		const [output] = await node.execute.call(context);
		expect(output.map((item) => [item.json.lifecycleStage, item.json.stageTransition])).toEqual([
			['subscriber', 'subscriber->subscriber'],
			['lead', 'subscriber->lead'],
			['customer', 'subscriber->customer'],
			['other', 'subscriber->other'],
		]);
	});

	it('applies custom rules in order (first match wins) and falls back to the default model', async () => {
		const rules = {
			rule: [
				{ field: 'country', operator: 'equals', value: 'DE', stage: 'dach' },
				{ field: 'defaultStage', operator: 'equals', value: 'at_risk', stage: 'winback' },
			],
		};
		const people = [buyer({ purchaseDays: 2 }, { country: 'DE' }), buyer({ purchaseDays: 3, daysSinceLast: 50 }, { country: 'FR' }), buyer({ purchaseDays: 2 }, { country: 'FR' })];
		const { context } = mockExecuteFunctions({ ...defaults, stageModel: 'custom', rules, noRuleMatch: 'defaultModel' }, itemsOf(people));
		const [output] = await node.execute.call(context);
		expect(stagesOf(output)).toEqual(['dach', 'winback', 'repeat']);
		expect(output[1].json.stageReason).toBe('Rule 2: defaultStage equals at_risk (it is "at_risk")');
		const withFallback = mockExecuteFunctions({ ...defaults, stageModel: 'custom', rules, noRuleMatch: 'fallbackStage', fallbackStage: 'other' }, itemsOf(people));
		expect(stagesOf((await node.execute.call(withFallback.context))[0])).toEqual(['dach', 'winback', 'other']);
	});

	it('stops with a NodeOperationError when Custom Rules has no rule', async () => {
		const { context } = mockExecuteFunctions({ ...defaults, stageModel: 'custom', rules: {}, noRuleMatch: 'defaultModel' }, itemsOf([buyer()]));
		const failure = await failureOf(node.execute.call(context));
		expect(failure).toBeInstanceOf(NodeOperationError);
		expect(failure).toMatchObject({ message: 'Custom Rules needs at least one rule' });
	});

	it('throws a NodeOperationError naming the item, the field and what to do', async () => {
		const { context } = mockExecuteFunctions({ ...defaults, previousStage: (i: number) => ['repeat', 'Gold'][i] }, itemsOf([buyer({ purchaseDays: 2 }), buyer({ purchaseDays: 2 })]));
		const failure = await failureOf(node.execute.call(context));
		expect(failure).toBeInstanceOf(NodeOperationError);
		expect(failure).toMatchObject({ message: expect.stringContaining('requires previousStage to be a stage of the model'), context: { itemIndex: 1 } });
		expect((failure as NodeOperationError).description).toContain('Field: previousStage.');
	});

	it('stops on bad options as a problem of the run, not of an item', async () => {
		const { context } = mockExecuteFunctions({ ...defaults, options: { atRiskMultiple: 5, lapsedMultiple: 4 } }, itemsOf([buyer()]));
		const failure = await failureOf(node.execute.call(context));
		expect(failure).toBeInstanceOf(NodeOperationError);
		expect(failure).toMatchObject({ message: expect.stringContaining('requires lapsedMultiple to be above atRiskMultiple (5)'), context: { itemIndex: undefined } });
	});

	it('with Continue on fail, puts an error item in place of each bad item and stages on the good ones', async () => {
		const people = [
			buyer({ purchaseDays: 2 }),
			{ ...buyer({ purchaseDays: 2 }), firstPurchaseAt: '2024-06-01T00:00:00.000Z', lastPurchaseAt: '2024-01-01T00:00:00.000Z' },
			buyer({ purchaseDays: 2 }),
			buyer({ purchaseDays: 2 }),
		];
		const previous = (i: number) => {
			if (i === 3) throw new Error('Referenced node is unexecuted');
			return i === 2 ? 'platinum' : '';
		};
		const { context } = mockExecuteFunctions({ ...defaults, previousStage: previous }, itemsOf(people), { continueOnFail: true });
		const [output] = await node.execute.call(context);
		expect(output.map((item) => [item.pairedItem, item.error ? 'error' : item.json.lifecycleStage])).toEqual([
			[{ item: 0 }, 'repeat'],
			[{ item: 1 }, 'error'],
			[{ item: 2 }, 'error'],
			[{ item: 3 }, 'error'],
		]);
		expect(output[1].json.error).toContain('requires lastPurchaseAt to be at or after firstPurchaseAt');
		expect(output[1].json.description).toContain('swap or fix the two dates');
		expect(output[3].json.error).toBe('Referenced node is unexecuted');
	});

	it('adds a summary item with counts per stage and the transition matrix, paired with every input item', async () => {
		const people = [buyer({ purchaseDays: 3, gap: 40, daysSinceLast: 3 }), buyer({ purchaseDays: 3, gap: 21, daysSinceLast: 63 }), visitor()];
		const previous = ['at_risk', 'repeat', ''];
		const { context } = mockExecuteFunctions({ ...defaults, previousStage: (i: number) => previous[i], options: { populationGapDays: 30, includeSummary: true, loyalMinPurchases: 5 } }, itemsOf(people));
		const [output] = await node.execute.call(context);
		expect(output).toHaveLength(4);
		const summary = output[3];
		expect(summary.pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(summary.json).toMatchObject({
			lifecycleSummary: true,
			itemsIn: 3,
			customers: 3,
			itemsWithErrors: 0,
			stageCounts: { prospect: 1, reactivated: 1, at_risk: 1, repeat: 0 },
			transitions: { 'at_risk->reactivated': 1, 'repeat->at_risk': 1 },
			changed: 2,
			asOf: '2024-06-30T00:00:00.000Z',
		});
		expect((summary.json.transitionMatrix as Record<string, Record<string, number>>)['(none)'].prospect).toBe(1);
		// The chart of the run as an SVG file, for a Write File, email or Slack node.
		expect(summary.binary?.data).toMatchObject({ fileName: 'lifecycle-stages.svg', mimeType: 'image/svg+xml' });
		const svg = Buffer.from(summary.binary!.data.data, 'base64').toString('utf8');
		expect(svg).toContain('as of 2024-06-30 · 3 customers');
		expect(svg).toContain('<title>at_risk -> reactivated: 1 (100.0% of the row)</title>');
		expect(output.slice(0, 3).every((item) => item.binary === undefined)).toBe(true);
	});

	it('leaves the chart out when Summary Chart is off', async () => {
		const { context } = mockExecuteFunctions({ ...defaults, options: { populationGapDays: 30, includeSummary: true, summaryChart: false } }, itemsOf([buyer({ purchaseDays: 2 })]));
		const [output] = await node.execute.call(context);
		expect(output[1].json.lifecycleSummary).toBe(true);
		expect(output[1].binary).toBeUndefined();
	});

	it('hints when the population gap rests on few repeat buyers', async () => {
		const { context, hints } = mockExecuteFunctions({ ...defaults, options: {} }, itemsOf([buyer({ purchaseDays: 2, gap: 30 }), buyer({ purchaseDays: 1 })]));
		const [output] = await node.execute.call(context);
		expect(stagesOf(output)).toEqual(['repeat', 'first_purchase']);
		expect(hints.map((hint) => hint.message)).toEqual([expect.stringContaining('median of only 1 repeat buyers in this run; set Options > Population Gap (Days)')]);
	});

	it('gives the same output for the same items and parameters', async () => {
		const people = [visitor(), buyer({ purchaseDays: 4, gap: 9, daysSinceLast: 30 }), buyer({ purchaseDays: 1, daysSinceLast: 45 })];
		const run = async () => (await node.execute.call(mockExecuteFunctions({ ...defaults, options: { includeSummary: true } }, itemsOf(people)).context))[0];
		expect(JSON.stringify(await run())).toBe(JSON.stringify(await run()));
	});

	it('does not let stage names such as __proto__ reach any prototype', async () => {
		const { context } = mockExecuteFunctions(
			{ ...defaults, stageNames: { repeat: '__proto__' }, previousStage: '__proto__', options: { populationGapDays: 30, includeSummary: true } },
			itemsOf([buyer({ purchaseDays: 2 })]),
		);
		const [output] = await node.execute.call(context);
		expect(output[0].json.stageTransition).toBe('__proto__->__proto__');
		expect(Object.getOwnPropertyDescriptor(output[1].json.stageCounts, '__proto__')?.value).toBe(1);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});
