// Score Churn's plausibility rules for one profile, found by the fuzz suite: a T of 19,054 weeks made the Pareto/NBD
// fit take 3.6 s, and a frequency of 2,000,000 in 10 weeks made the BG/NBD fit take 27 s, for every customer's run.
import { scoreChurnProfiles } from '../../../lib/churn';
import { paretoNbdObjective } from '../../../lib/churn/paretoNbdObjective';
import { compressCustomers } from '../../../lib/churn/compressCustomers';
import { readBtydCustomers } from '../../../lib/churn/readBtydCustomers';
import { readCdnowSummaryWithSpend } from '../../support/sharedData';

const cdnow = readCdnowSummaryWithSpend()
	.slice(0, 300)
	.map((row) => ({ frequency: row.x, recency: row.t_x, T: row.T, monetaryValue: row.zbar, periodUnit: 'week' }));

describe('Score Churn plausibility of a profile', () => {
	it('a T beyond 100 years is an item error on T, quickly, and the others are fitted as without it', () => {
		for (const model of ['bgnbd', 'paretonbd'] as const) {
			const clean = scoreChurnProfiles(cdnow, { horizon: 13, model });
			const started = Date.now();
			const result = scoreChurnProfiles([...cdnow, { frequency: 2, recency: 10, T: 19054, monetaryValue: 20, periodUnit: 'week' }], { horizon: 13, model });
			expect(Date.now() - started).toBeLessThan(3000);
			expect(result.issues).toEqual([expect.objectContaining({ itemIndex: 300, field: 'T' })]);
			expect(result.model.transaction).toEqual(clean.model.transaction);
		}
	});

	it('more repeat purchases than days of recency is an item error on frequency, quickly', () => {
		const started = Date.now();
		const result = scoreChurnProfiles([...cdnow, { frequency: 2_000_000, recency: 10, T: 30, monetaryValue: 20, periodUnit: 'week' }], { horizon: 13 });
		expect(Date.now() - started).toBeLessThan(3000);
		expect(result.issues).toEqual([expect.objectContaining({ itemIndex: 300, field: 'frequency' })]);
		const daily = scoreChurnProfiles([{ frequency: 32, recency: 30, T: 40, periodUnit: 'day' }, ...cdnow.slice(0, 5).map((row) => ({ ...row, periodUnit: 'day' }))], { horizon: 13, minimumCustomers: 2, minimumRepeatCustomers: 2 });
		expect(daily.issues).toEqual([expect.objectContaining({ itemIndex: 0, field: 'frequency' })]);
	});

	it('keeps every CDNOW customer, in weeks and converted to days (recency rounded to 2 decimals of weeks)', () => {
		const all = readCdnowSummaryWithSpend().map((row) => ({ frequency: row.x, recency: row.t_x, T: row.T, periodUnit: 'week' }));
		expect(scoreChurnProfiles(all, { horizon: 13, spend: false }).issues).toEqual([]);
		const inDays = all.map((row) => ({ ...row, recency: row.recency * 7, T: row.T * 7, periodUnit: 'day' }));
		expect(scoreChurnProfiles(inDays, { horizon: 13, spend: false }).issues).toEqual([]);
	});

	it('the Pareto/NBD objective is finite and quick where 2F1\'s argument is next to 1 (it ran out of series terms and ended the fit)', () => {
		const data = compressCustomers(readBtydCustomers([{ frequency: 2, recency: 0.0001, T: 5217 }, { frequency: 0, recency: 0, T: 10 }], 'test'));
		const objective = paretoNbdObjective(data, 1);
		const started = Date.now();
		expect(Number.isFinite(objective([Math.log(2), Math.log(1e6), Math.log(0.3), Math.log(1e-3)]))).toBe(true);
		expect(Date.now() - started).toBeLessThan(100);
	});

	it('a frequency above 100,000 is an input error on frequency (2^31 would allocate 17 GB, 2,000,000 took 27 s)', () => {
		expect(() => readBtydCustomers([{ frequency: 2_000_000, recency: 300_000, T: 300_000 }], 'fitBgNbd')).toThrow('fitBgNbd requires frequency to be a whole number from 0 to 100000; customer 0 has 2000000');
	});
});
