import type { AssignLifecycleStagesOptions, LifecycleProfile, StageRule } from '../../../lib';
import { assignLifecycleStages, LIFECYCLE_STAGES, RULE_OPERATORS } from '../../../lib';
import { buyer, visitor } from './lifecycleFixtures';

function assign(profiles: LifecycleProfile[], rules: StageRule[], options: AssignLifecycleStagesOptions = {}) {
	return assignLifecycleStages(profiles, { onInvalid: 'collect', populationGapDays: 30, loyalMinPurchases: 10, rules, ...options });
}

const stagesOf = (profiles: LifecycleProfile[], rules: StageRule[], options: AssignLifecycleStagesOptions = {}) =>
	assign(profiles, rules, options).assignments.map((assignment) => assignment.lifecycleStage);

describe('custom stage rules: first match wins, then the default model', () => {
	const rules: StageRule[] = [
		{ field: 'country', operator: 'equals', value: 'DE', stage: 'dach' },
		{ field: 'daysSinceLastPurchase', operator: 'greaterThan', value: 90, stage: 'dormant' },
		{ field: 'orders', operator: 'greaterThanOrEqual', value: '5', stage: 'vip' },
	];

	it('gives the stage of the first rule that holds, with the rule and the value in the reason', () => {
		const people = [
			buyer({ purchaseDays: 6, daysSinceLast: 120 }, { country: 'DE' }),
			buyer({ purchaseDays: 6, daysSinceLast: 120 }, { country: 'FR' }),
			buyer({ purchaseDays: 6, daysSinceLast: 5 }, { country: 'FR' }),
			buyer({ purchaseDays: 2, daysSinceLast: 5 }, { country: 'FR' }),
		];
		const { assignments, summary } = assign(people, rules);
		expect(assignments.map((a) => [a.lifecycleStage, a.rule, a.modelStage])).toEqual([
			['dach', 1, null],
			['dormant', 2, null],
			['vip', 3, null],
			['repeat', null, 'repeat'],
		]);
		expect(assignments[1].stageReason).toBe('Rule 2: daysSinceLastPurchase > 90 (it is 120)');
		expect(assignments[0].stageEnteredAt).toBeNull();
		expect({ ...summary.ruleMatches }).toEqual({ 1: 1, 2: 1, 3: 1 });
		expect(Object.keys(summary.stageCounts)).toEqual([...LIFECYCLE_STAGES, 'dach', 'dormant', 'vip']);
	});

	it('gives the fallback stage when no rule matches and the fallback is chosen', () => {
		const { assignments, summary } = assign([buyer({ purchaseDays: 2 }, { country: 'FR' })], rules, { noRuleMatch: 'fallbackStage', fallbackStage: 'other' });
		expect(assignments[0]).toMatchObject({ lifecycleStage: 'other', modelStage: null, rule: null, stageReason: 'No rule matched (3 rules); fallback stage' });
		expect(Object.keys(summary.stageCounts)).toEqual(['dach', 'dormant', 'vip', 'other']);
	});

	it('uses computed fields: defaultStage, previousStage, overdueRatio, usualGapDays, purchaseDays', () => {
		const computedRules: StageRule[] = [
			{ field: 'previousStage', operator: 'equals', value: 'loyal', stage: 'vip_watch' },
			{ field: 'defaultStage', operator: 'equals', value: 'at_risk', stage: 'winback' },
			{ field: 'overdueRatio', operator: 'greaterThanOrEqual', value: 1.5, stage: 'slowing' },
			{ field: 'usualGapDays', operator: 'lessThan', value: 10, stage: 'frequent' },
			{ field: 'purchaseDays', operator: 'equals', value: 0, stage: 'never_bought' },
		];
		const people = [
			buyer({ purchaseDays: 3, gap: 21, daysSinceLast: 5 }),
			buyer({ purchaseDays: 3, gap: 21, daysSinceLast: 50 }),
			buyer({ purchaseDays: 3, gap: 21, daysSinceLast: 35 }),
			buyer({ purchaseDays: 3, gap: 8, daysSinceLast: 1 }),
			visitor(),
			buyer({ purchaseDays: 3, gap: 21, daysSinceLast: 5 }),
		];
		expect(stagesOf(people, computedRules, { previousStages: ['loyal', null, null, null, null, 'repeat'] })).toEqual(['vip_watch', 'winback', 'slowing', 'frequent', 'never_bought', 'repeat']);
	});

	it('a rule naming a stage of the model gives that stage under its configured name', () => {
		const rule: StageRule = { field: 'vip', operator: 'equals', value: 'true', stage: 'loyal' };
		const { assignments } = assign([buyer({ purchaseDays: 2 }, { vip: true })], [rule], { stageNames: { loyal: 'customer' } });
		expect(assignments[0]).toMatchObject({ lifecycleStage: 'customer', modelStage: 'loyal', rule: 1 });
	});

	it('compares nested fields, lists, dates and emptiness; a nested entry missing under a present field is empty', () => {
		const fields = (extra: Record<string, unknown>) => ({ engagement: {}, productsPurchased: [], email: 'x@y.org', ...extra });
		const people = [
			buyer({ purchaseDays: 2 }, fields({ engagement: { email: { opened: 7, clicked: 1 } } })),
			buyer({ purchaseDays: 2 }, fields({ productsPurchased: ['P9', 'P1'] })),
			buyer({ purchaseDays: 2 }, fields({ lastPurchaseAt: '2023-12-01T00:00:00.000Z', firstPurchaseAt: '2023-11-10T00:00:00.000Z' })),
			buyer({ purchaseDays: 2 }, fields({ email: null })),
			buyer({ purchaseDays: 2 }, fields({ email: 'a@b.co' })),
			buyer({ purchaseDays: 2 }, fields({ engagement: { sms: { opened: 9 } } })),
		];
		const rules: StageRule[] = [
			{ field: 'engagement.email.opened', operator: 'greaterThan', value: 5, stage: 'reader' },
			{ field: 'productsPurchased', operator: 'contains', value: 'P1', stage: 'p1_buyer' },
			{ field: 'lastPurchaseAt', operator: 'lessThan', value: '2024-01-01', stage: 'last_year' },
			{ field: 'email', operator: 'isEmpty', stage: 'no_email' },
			{ field: 'email', operator: 'contains', value: '@b.co', stage: 'b_co' },
		];
		expect(stagesOf(people, rules)).toEqual(['reader', 'p1_buyer', 'last_year', 'no_email', 'b_co', 'repeat']);
	});

	it('matches null only with notEquals and isEmpty; a missing field only with isEmpty or isNotEmpty', () => {
		const ordered = ['greaterThan', 'greaterThanOrEqual', 'lessThan', 'lessThanOrEqual'];
		const rules = (operator: StageRule['operator']): StageRule[] => [{ field: 'segment', operator, value: ordered.includes(operator) ? 5 : 'x', stage: 'hit' }];
		const withNull = buyer({ purchaseDays: 2 }, { segment: null });
		const results = RULE_OPERATORS.map((operator) => [operator, stagesOf([withNull], rules(operator))[0]]);
		expect(results.filter(([, stage]) => stage === 'hit').map(([operator]) => operator)).toEqual(['isEmpty', 'notEquals']);
		const missing = buyer({ purchaseDays: 2 });
		expect(stagesOf([missing], rules('isEmpty'))).toEqual(['hit']);
		expect(stagesOf([missing], rules('isNotEmpty'))).toEqual(['repeat']);
		const { issues } = assign([missing], rules('equals'));
		expect(issues).toEqual([
			{
				itemIndex: 0,
				field: 'segment',
				message: 'assignLifecycleStages requires segment for rule 1 (segment equals x); got nothing (the field is missing)',
				hint: 'Map segment before this step, or test for it with isEmpty or isNotEmpty in an earlier rule',
			},
		]);
	});

	it('names the field when a value cannot be compared as a number or a date', () => {
		const { issues } = assign([buyer({ purchaseDays: 2 }, { score: 'high' })], [{ field: 'score', operator: 'greaterThan', value: 3, stage: 'hot' }]);
		expect(issues[0]).toMatchObject({ field: 'score', message: 'assignLifecycleStages requires score to be a number for rule 1 (score > 3); got the text "high"' });
	});

	it('needs the item fields only when a rule reaches for them', () => {
		// No orders, no dates: a rule on country alone still assigns; the default model would fail.
		const contact = { customerId: 'C1', country: 'DE' };
		const rules: StageRule[] = [{ field: 'country', operator: 'equals', value: 'DE', stage: 'dach' }];
		expect(stagesOf([contact], rules)).toEqual(['dach']);
		expect(assign([{ ...contact, country: 'FR' }], rules).issues[0].field).toBe('observationEnd');
	});

	it('rejects malformed rules before reading any item', () => {
		const bad: Array<[StageRule, string]> = [
			[{ field: '', operator: 'equals', value: 'x', stage: 's' }, 'rules[1].field'],
			[{ field: '__proto__.polluted', operator: 'equals', value: 'x', stage: 's' }, 'rules[1].field'],
			[{ field: 'a..b', operator: 'equals', value: 'x', stage: 's' }, 'rules[1].field'],
			[{ field: 'a', operator: 'matches' as never, value: 'x', stage: 's' }, 'rules[1].operator'],
			[{ field: 'a', operator: 'greaterThan', value: 'lots', stage: 's' }, 'rules[1].value'],
			[{ field: 'a', operator: 'contains', value: '', stage: 's' }, 'rules[1].value'],
			[{ field: 'a', operator: 'equals', value: 'x', stage: ' ' }, 'rules[1].stage'],
			[{ field: 'a', operator: 'equals', value: 'x', stage: 'a->b' }, 'rules[1].stage'],
		];
		for (const [rule, field] of bad) {
			expect(() => assignLifecycleStages([buyer()], { rules: [rule] })).toThrow(expect.objectContaining({ field }));
		}
		expect(() => assignLifecycleStages([buyer()], { rules: [], noRuleMatch: 'fallbackStage' })).toThrow(expect.objectContaining({ field: 'fallbackStage' }));
	});
});
