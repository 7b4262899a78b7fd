// Spend values a Gamma-Gamma fit cannot share (found by the fuzz suite: one monetaryValue of 5e-324 among 300
// CDNOW customers took 4.7 s and left every customer without expectedSpend).
import { scoreChurnProfiles } from '../../../lib/churn';
import { spendOutliers } from '../../../lib/churn/spendOutliers';
import { readCdnowSummaryWithSpend } from '../../support/sharedData';

const cdnow = readCdnowSummaryWithSpend()
	.slice(0, 300)
	.map((row) => ({ frequency: row.x, recency: row.t_x, T: row.T, monetaryValue: row.x > 0 ? row.zbar : 0, periodUnit: 'week' }));

describe('spendOutliers', () => {
	it('flags values more than 1e9 times from the median, either way, and nothing with fewer than 2 spends', () => {
		expect(spendOutliers([20, 35, 5e-324, 1e308, 0.01, 2e7])).toEqual([false, false, true, true, false, false]);
		expect(spendOutliers([5e-324])).toEqual([false]);
		expect(spendOutliers([0, 0, 30])).toEqual([false, false, false]);
	});
});

describe('scoreChurnProfiles with a hostile monetaryValue beside good customers', () => {
	it('a spend of 5e-324 or 1e308 is an item error on monetaryValue; every other customer keeps the spend model', () => {
		const clean = scoreChurnProfiles(cdnow, { horizon: 13 });
		for (const extreme of [5e-324, 1e308]) {
			const started = Date.now();
			const result = scoreChurnProfiles([...cdnow, { frequency: 2, recency: 10, T: 30, monetaryValue: extreme, periodUnit: 'week' }], { horizon: 13 });
			expect(Date.now() - started).toBeLessThan(3000);
			expect(result.issues).toEqual([expect.objectContaining({ itemIndex: 300, field: 'monetaryValue' })]);
			expect(result.model.spend).toEqual(clean.model.spend);
			expect(result.scores.map((score) => score.expectedSpend)).toEqual(clean.scores.map((score) => score.expectedSpend));
		}
	});

	it('a monetaryValue given as text, NaN, a negative number or an object is an item error naming monetaryValue, not a silent "mixed currencies" skip', () => {
		for (const value of ['12.5', Number.NaN, -4, { amount: 3 }, Number.POSITIVE_INFINITY]) {
			const result = scoreChurnProfiles([...cdnow.slice(0, 50), { frequency: 2, recency: 10, T: 30, monetaryValue: value, periodUnit: 'week' }], { horizon: 13 });
			expect(result.issues).toEqual([expect.objectContaining({ itemIndex: 50, field: 'monetaryValue' })]);
			expect(result.scores).toHaveLength(50);
		}
	});
});
