import type { LifecycleProfile, StageRule } from '../../../lib';
import { assignLifecycleStages } from '../../../lib';
import { buyer } from './lifecycleFixtures';

function assign(profiles: LifecycleProfile[], rules: StageRule[]) {
	return assignLifecycleStages(profiles, { onInvalid: 'collect', populationGapDays: 30, rules });
}

describe('custom rules compare like with like', () => {
	it('names the rule and field when a date threshold meets a number field, instead of never matching', () => {
		const rules: StageRule[] = [{ field: 'daysSinceLastPurchase', operator: 'lessThan', value: '2024-01-31', stage: 'recent' }];
		const { assignments, issues } = assign([buyer({ purchaseDays: 3, daysSinceLast: 120 })], rules);
		expect(assignments).toEqual([]);
		expect(issues).toEqual([
			{
				itemIndex: 0,
				field: 'daysSinceLastPurchase',
				message: 'assignLifecycleStages requires daysSinceLastPurchase to be a date for rule 1 (daysSinceLastPurchase < 2024-01-31), not a number; got 120',
				hint: 'Compare daysSinceLastPurchase with a number (such as 90), or point rule 1 at a date field (such as lastPurchaseAt)',
			},
		]);
	});

	it('still compares dates given as ISO text or as epoch numbers (9 digits and more)', () => {
		const rules: StageRule[] = [{ field: 'signedUpAt', operator: 'lessThan', value: '2024-01-31', stage: 'early' }];
		const iso = assign([buyer({ purchaseDays: 3 }, { signedUpAt: '2023-05-01' })], rules);
		const epochMs = assign([buyer({ purchaseDays: 3 }, { signedUpAt: Date.UTC(2023, 4, 1) })], rules);
		const epochSeconds = assign([buyer({ purchaseDays: 3 }, { signedUpAt: Date.UTC(2023, 4, 1) / 1000 })], rules);
		for (const result of [iso, epochMs, epochSeconds]) expect(result.assignments.map((a) => a.lifecycleStage)).toEqual(['early']);
	});
});
