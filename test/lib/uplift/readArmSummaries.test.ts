import { analyzeExperiment, readArmSummaries } from '../../../lib';

describe('readArmSummaries', () => {
	it('reads numbers given as text, leaves empty fields out and ignores other fields', () => {
		const { arms, issues } = readArmSummaries([
			{ arm: 'control', units: '5000', conversions: '500', revenueSum: '', note: 'from the sheet' },
			{ arm: 7, units: 5000, conversions: 600, preMetricSum: '-12.5', preMetricSumSquares: '1e3' },
		]);
		expect(issues).toEqual([]);
		expect(arms).toEqual([
			{ arm: 'control', units: 5000, conversions: 500, itemIndex: 0 },
			{ arm: '7', units: 5000, conversions: 600, preMetricSum: -12.5, preMetricSumSquares: 1000, itemIndex: 1 },
		]);
		// references.md: 5000/500 vs 5000/600 -> +20%, p 0.00355, from rows as a sheet gives them.
		const fromSheet = readArmSummaries([
			{ arm: 'control', units: '5000', conversions: '500' },
			{ arm: 'email', units: '5000', conversions: '600' },
		]);
		const analysis = analyzeExperiment({ arms: fromSheet.arms }, { control: 'control' });
		expect(analysis.comparisons[0].relativeUplift).toBeCloseTo(0.2, 9);
		expect(analysis.comparisons[0].pValue).toBeCloseTo(0.00355, 5);
	});

	it('names the item and field of each bad row and keeps the good ones', () => {
		const { arms, issues } = readArmSummaries([
			{ units: 10 },
			{ arm: 'a', units: 2.5 },
			{ arm: 'b', units: -1 },
			{ arm: 'c', units: 10, conversions: 'ten' },
			{ arm: 'd', units: 10, discounts: -3 },
			{ arm: 'e', units: 10, conversions: 3 },
			null as unknown as Record<string, unknown>,
			Object.assign(Object.create({ arm: 'inherited', units: 10 }) as Record<string, unknown>, {}),
		]);
		expect(arms.map((arm) => arm.arm)).toEqual(['e']);
		expect(issues.map((issue) => [issue.itemIndex, issue.field])).toEqual([
			[0, 'arm'],
			[1, 'units'],
			[2, 'units'],
			[3, 'conversions'],
			[4, 'discounts'],
			[6, 'arm'],
			[7, 'arm'],
		]);
		expect(issues[1].message).toBe('Item 1: arm "a" has 2.5 in units; it must be a whole number of customers, 0 or more');
		expect(issues[3].message).toBe('Item 3: arm "c" has the text "ten" in conversions; it must be a number, 0 or more');
		expect(issues[3].hint).toContain('plain number');
	});
});
