import { readArmSummaries } from '../../../lib/uplift/readArmSummaries';
import { readExperimentUnits } from '../../../lib/uplift/readExperimentUnits';
import { trainUpliftModel } from '../../../lib/uplift/trainUpliftModel';

describe('uplift messages say what is wrong', () => {
	it('reports a NaN revenue as NaN, not as null', () => {
		const { issues } = readExperimentUnits([{ arm: 'control', revenue: Number.NaN }], { arm: 'arm', revenue: 'revenue' });
		expect(issues[0].message).toBe('Item 0: revenue is NaN, not a number');
	});

	it('names text where a number is expected as text', () => {
		const { issues } = readArmSummaries([{ arm: 'a', units: '2.5' }]);
		expect(issues[0].message).toBe('Item 0: arm "a" has the text "2.5" in units; it must be a whole number of customers, 0 or more');
		expect(() => trainUpliftModel([{ features: [1], treated: '1' as unknown as number, converted: 0 }])).toThrow('row 0 has the text "1"');
	});
});
