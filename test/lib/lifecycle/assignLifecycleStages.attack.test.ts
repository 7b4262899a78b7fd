/**
 * Adversarial input: user-chosen stage names and fields that are prototype keys, NaN and Infinity,
 * numbers as text, type confusion. Nothing may reach a prototype; bad values give errors naming the field.
 */
import type { LifecycleProfile } from '../../../lib';
import { assignLifecycleStages } from '../../../lib';
import { buyer, visitor } from './lifecycleFixtures';

const collect = { onInvalid: 'collect' as const, populationGapDays: 30 };

afterEach(() => {
	expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	expect(Object.prototype).not.toHaveProperty('polluted');
});

describe('assignLifecycleStages under attack', () => {
	it('takes __proto__, constructor and toString as ordinary stage names', () => {
		const back = buyer({ purchaseDays: 3, gap: 40, daysSinceLast: 3 });
		const { assignments, summary } = assignLifecycleStages([back, back, visitor(), buyer({ purchaseDays: 1, daysSinceLast: 400 })], {
			...collect,
			stageNames: { repeat: '__proto__', lapsed: 'constructor', prospect: 'toString' },
			loyalMinPurchases: 10,
			previousStages: ['__proto__', 'constructor', null, 'hasOwnProperty'],
		});
		expect(assignments.map((a) => a.stageTransition)).toEqual(['__proto__->__proto__', 'constructor->reactivated', null]);
		expect(summary.stageCounts.__proto__).toBe(1);
		expect(Object.prototype.hasOwnProperty.call(summary.stageCounts, '__proto__')).toBe(true);
		expect(summary.stageCounts.toString).toBe(1);
		const constructorKey: string = 'constructor';
		expect(summary.transitionMatrix[constructorKey].reactivated).toBe(1);
		expect(Object.getPrototypeOf(summary.stageCounts)).toBeNull();
		expect(JSON.parse(JSON.stringify(summary.stageCounts))).toMatchObject({ __proto__: 1, constructor: 0 });
	});

	it('gives a custom rule stage "__proto__" its own count', () => {
		const { summary } = assignLifecycleStages([buyer({ purchaseDays: 2 }, { tier: 'gold' })], {
			...collect,
			rules: [{ field: 'tier', operator: 'equals', value: 'gold', stage: '__proto__' }],
		});
		expect(Object.getOwnPropertyDescriptor(summary.stageCounts, '__proto__')?.value).toBe(1);
	});

	it('never reads a field from the prototype chain', () => {
		const inherited = Object.create({ orders: 3, observationEnd: '2024-06-30', firstPurchaseAt: '2024-01-01', lastPurchaseAt: '2024-06-01' }) as LifecycleProfile;
		const { issues } = assignLifecycleStages([inherited], collect);
		expect(issues[0].field).toBe('observationEnd');
		const hostile = JSON.parse('{"__proto__": {"polluted": true}, "observationEnd": "2024-06-30", "orders": 0, "productsViewed": ["P1"]}') as LifecycleProfile;
		expect(assignLifecycleStages([hostile], collect).assignments[0].lifecycleStage).toBe('consideration');
	});

	it.each([
		['orders', Number.NaN],
		['orders', Number.POSITIVE_INFINITY],
		['orders', 2.5],
		['orders', '3 orders'],
		['orders', true],
		['frequency', -1],
		['frequency', '1e400'],
		['lastPurchaseAt', 'yesterday'],
		['lastPurchaseAt', '03/04/2024'],
		['firstPurchaseAt', { date: '2024-01-01' }],
		['observationEnd', ''],
		['churnProbability', Number.NaN],
		['churnProbability', 1.2],
	])('rejects %s = %p with an error naming the field', (field, value) => {
		const profile = buyer({ purchaseDays: 2 }, { [field]: value, churnProbability: field === 'churnProbability' ? value : 0.1 });
		const { issues, assignments } = assignLifecycleStages([profile], { ...collect, atRiskSignal: field === 'churnProbability' ? 'churnProbability' : 'purchaseRhythm' });
		expect(assignments).toEqual([]);
		expect(issues).toMatchObject([{ itemIndex: 0, field }]);
	});

	it('reads numbers given as text, as CSV and spreadsheet rows carry them', () => {
		const profile = buyer({ purchaseDays: 3, gap: 21, daysSinceLast: 63 });
		const asText = { ...profile, orders: '3', frequency: ' 2 ', revenue: '150.50' } as unknown as LifecycleProfile;
		expect(assignLifecycleStages([asText], { ...collect, loyalMinPurchases: 10 }).assignments[0].lifecycleStage).toBe('at_risk');
	});

	it('rejects items that are not objects', () => {
		const { issues } = assignLifecycleStages([null, 'x', [1]] as unknown as LifecycleProfile[], collect);
		expect(issues.map((issue) => [issue.itemIndex, issue.field])).toEqual([
			[0, 'item'],
			[1, 'item'],
			[2, 'item'],
		]);
	});

	it('rejects a list of profiles that is not a list', () => {
		expect(() => assignLifecycleStages({ length: 1 } as unknown as LifecycleProfile[])).toThrow('assignLifecycleStages requires a list of profiles');
	});
});
