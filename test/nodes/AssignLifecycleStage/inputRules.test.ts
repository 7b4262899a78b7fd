import { NodeOperationError } from 'n8n-workflow';
import { AssignLifecycleStage } from '../../../nodes/AssignLifecycleStage/AssignLifecycleStage.node';
import { buyer } from '../../lib/lifecycle/lifecycleFixtures';
import { xmlProblems } from '../../lib/lifecycle/wellFormedXml';
import { itemsOf, mockExecuteFunctions } from '../support/mockExecuteFunctions';

const node = new AssignLifecycleStage();
const defaults = { stageModel: 'default', atRiskSignal: 'purchaseRhythm', previousStage: '', stageNames: {}, options: { populationGapDays: 30 } };

describe('Assign Lifecycle Stage input rules', () => {
	it('writes a stage chart that is well-formed XML when stage names hold control characters', async () => {
		const people = [buyer({ purchaseDays: 2 }), buyer({ purchaseDays: 3, daysSinceLast: 90 })];
		const mock = mockExecuteFunctions(
			{ ...defaults, stageNames: { repeat: 'Repeat\u0007', at_risk: 'At risk\u001B[0m', lapsed: 'Lapsed\u0000' }, previousStage: 'Repeat\u0007', options: { populationGapDays: 30, includeSummary: true } },
			itemsOf(people),
		);
		const [output] = await node.execute.call(mock.context);
		const svg = mock.files['lifecycle-stages.svg'].toString('utf8');
		expect(xmlProblems(svg)).toEqual([]);
		expect(svg).toContain('Repeat\uFFFD');
		// The stage names in the items are the user's names as given; only the SVG replaces what XML cannot hold.
		expect(output[0].json.lifecycleStage).toBe('Repeat\u0007');
	});

	it('fails naming the rule and field when a date threshold meets a number field', async () => {
		const rules = { rule: [{ field: 'daysSinceLastPurchase', operator: 'lessThan', value: '2024-01-31', stage: 'recent' }] };
		const mock = mockExecuteFunctions({ ...defaults, stageModel: 'custom', rules, noRuleMatch: 'defaultModel' }, itemsOf([buyer({ purchaseDays: 3, daysSinceLast: 120 })]));
		const failure = await node.execute.call(mock.context).catch((error: unknown) => error);
		expect(failure).toBeInstanceOf(NodeOperationError);
		expect((failure as NodeOperationError).message).toContain('daysSinceLastPurchase to be a date for rule 1 (daysSinceLastPurchase < 2024-01-31), not a number; got 120');
	});
});
