/**
 * Assign Lifecycle Stage inside a real n8n 2.41.1: a CSV read by n8n's file nodes, Build Profile, Assign
 * Lifecycle Stage, and n8n's own Switch node routing on `lifecycleStage`, one output per stage.
 */
import type { ExecutionResult, N8nHost as Host } from '../harness/n8nHost';
import { N8nHost } from '../harness/n8nHost';
import { loadWorkflow, outputOf } from '../harness/workflows';

const STAGES = ['prospect', 'consideration', 'first_purchase', 'repeat', 'loyal', 'advocate', 'at_risk', 'lapsed', 'reactivated'];

/**
 * One customer per stage, observation end 2024-06-30 (set in Build Profile). Repeat buyers' own gaps:
 * R 21, L 14, A 14, K 20, Z 145 days: population gap (median) 20 days. Top 20% of 7 buyers (k = 2):
 * 4 purchase days and revenue 200. Previous stages (the workflow's expression): R repeat, K repeat, Z at_risk.
 */
const CSV = [
	'customer_id,email,timestamp,event_type,amount,order_id,product_id',
	'P,p@example.com,2024-03-01,identify,,,',
	'C,,2024-06-01,view,,,SKU-1',
	'C,,2024-06-02,add_to_cart,,,SKU-1',
	'F,,2024-06-20,purchase,20,F1,SKU-2',
	'R,,2024-05-01,purchase,10,R1,SKU-3',
	'R,,2024-05-22,purchase,10,R2,SKU-3',
	'R,,2024-06-12,purchase,10,R3,SKU-3',
	'L,,2024-05-13,purchase,50,L1,SKU-4',
	'L,,2024-05-27,purchase,50,L2,SKU-4',
	'L,,2024-06-10,purchase,50,L3,SKU-4',
	'L,,2024-06-24,purchase,50,L4,SKU-4',
	'A,,2024-05-14,purchase,60,A1,SKU-5',
	'A,,2024-05-28,purchase,60,A2,SKU-5',
	'A,,2024-06-11,purchase,60,A3,SKU-5',
	'A,,2024-06-25,purchase,60,A4,SKU-5',
	'A,,2024-06-26,review,,,SKU-5',
	'K,,2024-03-31,purchase,10,K1,SKU-6',
	'K,,2024-04-20,purchase,10,K2,SKU-6',
	'K,,2024-05-10,purchase,10,K3,SKU-6',
	'X,,2024-01-15,purchase,10,X1,SKU-7',
	'Z,,2024-02-01,purchase,25,Z1,SKU-8',
	'Z,,2024-06-25,purchase,25,Z2,SKU-8',
].join('\n');

let host: Host;

beforeAll(async () => {
	host = await N8nHost.create('assign-lifecycle-stage');
});

afterAll(async () => {
	await host.stop();
	host.dispose();
});

/** Customer ids per Switch output: the nine stages, then the fallback ("Other"). */
function branches(result: ExecutionResult): Record<string, unknown[]> {
	const routed: Record<string, unknown[]> = {};
	[...STAGES, 'Other'].forEach((name, output) => {
		routed[name] = outputOf(result, 'Switch', output).map((item) => item.json.customerId ?? (item.json.lifecycleSummary ? 'summary' : `error: ${String(item.json.error)}`));
	});
	return routed;
}

function run(id: string, assignParameters: Record<string, unknown> = {}, onError?: string) {
	const csv = host.writeFile('lifecycle-events.csv', `${CSV}\n`);
	const workflow = loadWorkflow('lifecycle-switch', { 'Read CSV File': { fileSelector: csv }, 'Assign Lifecycle Stage': assignParameters });
	workflow.id = id;
	if (onError) workflow.nodes.find((node) => node.name === 'Assign Lifecycle Stage')!.onError = onError;
	host.importWorkflow(workflow);
	return host.execute(workflow.id);
}

describe('Assign Lifecycle Stage in real n8n, routed by the Switch node', () => {
	it('sends each customer to the branch of its stage, with the reason and the transition', () => {
		const execution = run('lifecycleSwitch01');
		expect(execution.ok).toBe(true);
		const result = execution.result!;
		expect(branches(result)).toEqual({
			prospect: ['P'],
			consideration: ['C'],
			first_purchase: ['F'],
			repeat: ['R'],
			loyal: ['L'],
			advocate: ['A'],
			at_risk: ['K'],
			lapsed: ['X'],
			reactivated: ['Z'],
			Other: [],
		});
		const byId = new Map(outputOf(result, 'Assign Lifecycle Stage').map((item) => [item.json.customerId, item]));
		expect(byId.get('K')!.json).toMatchObject({
			lifecycleStage: 'at_risk',
			previousStage: 'repeat',
			stageChanged: true,
			stageTransition: 'repeat->at_risk',
			stageReason: 'Last purchase 51 days ago; usual gap 20 days (2.6x); at risk from 2.0x (40 days), lapsed from 4.0x (80 days)',
			stageEnteredAt: '2024-06-19T00:00:00.000Z',
			orders: 3,
		});
		expect(byId.get('Z')!.json).toMatchObject({ stageTransition: 'at_risk->reactivated', stageEnteredAt: '2024-06-25T00:00:00.000Z' });
		expect(byId.get('R')!.json).toMatchObject({ stageTransition: 'repeat->repeat', stageChanged: false });
		expect(byId.get('F')!.json).toMatchObject({ previousStage: null, stageChanged: true, stageTransition: null, stageEnteredAt: '2024-06-20T00:00:00.000Z' });
		expect(byId.get('X')!.json.stageReason).toBe('Last purchase 167 days ago; one-time buyer, population gap 20 days (the median of 5 repeat buyers) (8.4x); at risk from 2.0x (40 days), lapsed from 4.0x (80 days)');
		// Each stage item is paired with its profile.
		expect(outputOf(result, 'Assign Lifecycle Stage').map((item) => item.pairedItem)).toEqual(STAGES.map((_, item) => ({ item })));
		const hints = result.data.resultData.runData['Assign Lifecycle Stage'][0].hints ?? [];
		expect(hints.map((hint) => hint.message).join(' ')).toContain('median of only 5 repeat buyers');
	});

	it('stops on a previous stage outside the model with an error naming the item and the field', () => {
		const execution = run('lifecycleSwitch02', { previousStage: "={{ $json.customerId === 'R' ? 'gold' : '' }}" });
		expect(execution.ok).toBe(false);
		const error = execution.result?.data.resultData.error ?? { message: execution.stdout + execution.stderr };
		expect(`${error.message} ${error.description ?? ''}`).toContain('requires previousStage to be a stage of the model');
		expect(`${error.message} ${error.description ?? ''}`).toContain('Field: previousStage.');
	});

	it('with Continue on fail and the summary: the bad item and the summary go to the fallback branch, the others are routed', () => {
		const execution = run(
			'lifecycleSwitch03',
			{
				previousStage: "={{ $json.customerId === 'R' ? 'gold' : '' }}",
				stageNames: { lapsed: 'churned' },
				options: { includeSummary: true, populationGapDays: 30 },
			},
			'continueRegularOutput',
		);
		expect(execution.ok).toBe(true);
		const result = execution.result!;
		const routed = branches(result);
		// R's item is an error; X is lapsed, renamed "churned", for which the Switch has no rule.
		expect(routed.Other).toEqual([expect.stringContaining('requires previousStage to be a stage of the model'), 'X', 'summary']);
		expect(routed.repeat).toEqual([]);
		expect(routed.lapsed).toEqual([]);
		// Without a previous stage, Z (two purchase days 145 days apart, >= 4 x 30) is reactivated all the same.
		expect(routed.reactivated).toEqual(['Z']);
		const items = outputOf(result, 'Assign Lifecycle Stage');
		const summary = items[items.length - 1].json;
		expect(summary).toMatchObject({
			lifecycleSummary: true,
			customers: 8,
			itemsWithErrors: 1,
			stageCounts: { prospect: 1, consideration: 1, first_purchase: 1, repeat: 0, loyal: 1, advocate: 1, at_risk: 1, churned: 1, reactivated: 1 },
			populationGapDays: 30,
			populationGapSource: 'option',
		});
		expect(items.find((item) => item.json.customerId === 'X')!.json.lifecycleStage).toBe('churned');
	});
});
