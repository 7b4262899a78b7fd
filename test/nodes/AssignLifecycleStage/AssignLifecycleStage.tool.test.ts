import { NodeOperationError } from 'n8n-workflow';
import { AssignLifecycleStage } from '../../../nodes/AssignLifecycleStage/AssignLifecycleStage.node';
import { buyer } from '../../lib/lifecycle/lifecycleFixtures';
import { itemsOf, mockExecuteFunctions } from '../support/mockExecuteFunctions';

const node = new AssignLifecycleStage();
const TOOL = 'n8n-nodes-lifecycle.assignLifecycleStageTool';
const base = { stageModel: 'default', atRiskSignal: 'purchaseRhythm', previousStage: '', stageNames: {} };

async function run(options: Record<string, unknown>, rows: Array<Record<string, unknown>>, nodeType?: string) {
	const [output] = await node.execute.call(mockExecuteFunctions({ ...base, options }, itemsOf(rows), { nodeType }).context);
	return output;
}

describe('Assign Lifecycle Stage as an AI agent tool', () => {
	it('refuses a call without the population figures, naming the options to set', async () => {
		const failure = await run({}, [buyer()], TOOL).catch((error: unknown) => error);
		expect(failure).toBeInstanceOf(NodeOperationError);
		expect((failure as Error).message).toContain('Options > Population Gap (Days)');
		expect((failure as Error).message).toContain('Loyal: Top Percent of Buyers to 100');
	});

	it('answers a one-time buyer and an overdue repeat buyer compactly, the stage reason in words, as a batch would', async () => {
		const options = { populationGapDays: 30, loyalTopPercent: 100, loyalMinPurchases: 5 };
		const people = [buyer({ id: 'one', daysSinceLast: 100 }), buyer({ id: 'late', purchaseDays: 3, gap: 21, daysSinceLast: 63 })];
		const batch = await run(options, people);
		for (const [index, person] of people.entries()) {
			const [answer] = await run(options, [person], TOOL);
			expect(Object.keys(answer.json).length).toBeLessThanOrEqual(15);
			expect(answer.json).toMatchObject({ customerId: person.customerId, lifecycleStage: batch[index].json.lifecycleStage, stageReason: batch[index].json.stageReason });
		}
		const [late] = await run(options, [people[1]], TOOL);
		expect(late.json.answer).toMatch(/^stage: at risk - Last purchase 63 days ago; usual gap 21 days \(3\.0x\)/);
		expect(late.json).not.toHaveProperty('firstSeenAt');
	});

	it('leaves a normal run unchanged and drops the summary item from a compact answer', async () => {
		const options = { populationGapDays: 30, includeSummary: true, summaryChart: false };
		const normal = await run(options, [buyer({ id: 'n1' })]);
		expect(normal).toHaveLength(2);
		expect(normal[0].json).toHaveProperty('firstSeenAt');
		const compact = await run({ ...options, toolOutput: 'compact' }, [buyer({ id: 'n1' })]);
		expect(compact).toHaveLength(1);
		expect(compact[0].json.customerId).toBe('n1');
	});
});
