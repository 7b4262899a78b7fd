import { analyzeExperiment, readExperimentUnits } from '../../../lib/uplift';

const fields = { arm: 'arm', converted: 'converted', revenue: 'revenue', preMetric: 'preRevenue' };

describe('readExperimentUnits', () => {
	it('refuses a conversion value that is an object with its own toString, as an item error (no TypeError)', () => {
		const { units, issues } = readExperimentUnits([{ arm: 'control', converted: { toString: 'x' } }, { arm: 'control', converted: 'yes' }], fields);
		expect(issues).toHaveLength(1);
		expect(issues[0]).toMatchObject({ itemIndex: 0, field: 'converted' });
		expect(units).toEqual([{ arm: 'control', converted: 1, revenue: 0, itemIndex: 1 }]);
	});

	it('refuses a pre-period metric of 1e308 as an item error, so CUPED sums stay finite for the good items', () => {
		const items = [{ arm: 'control', converted: 0, revenue: 0, preRevenue: 1e308 }];
		for (let i = 0; i < 40; i++) items.push({ arm: i % 2 ? 'variant' : 'control', converted: i % 3 === 0 ? 1 : 0, revenue: i % 5, preRevenue: i % 7 });
		const { units, issues } = readExperimentUnits(items, fields);
		expect(issues).toEqual([expect.objectContaining({ itemIndex: 0, field: 'preRevenue' })]);
		const analysis = analyzeExperiment({ units }, { control: 'control' });
		expect(JSON.stringify(analysis)).not.toMatch(/Infinity|NaN/);
	});
});
