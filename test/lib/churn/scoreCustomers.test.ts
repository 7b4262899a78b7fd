// scoreCustomers and customerLifetimeValue: definitions, identities with the model functions, unit handling.
import {
	bgNbdConditionalExpectedPurchases,
	bgNbdProbabilityAlive,
	convertDuration,
	customerLifetimeValue,
	fitBgNbd,
	fitGammaGamma,
	fitParetoNbd,
	gammaGammaExpectedSpend,
	paretoNbdConditionalExpectedPurchases,
	paretoNbdProbabilityAlive,
	periodsPerMonth,
	scoreCustomers,
} from '../../../lib/churn';
import type { BgNbdModel, GammaGammaModel, ParetoNbdModel } from '../../../lib/churn';
import { readCdnowSummaryWithSpend } from '../../support/sharedData';

const customers = (): Array<{ frequency: number; recency: number; T: number; monetaryValue: number }> =>
	readCdnowSummaryWithSpend().map((row) => ({ frequency: row.x, recency: row.t_x, T: row.T, monetaryValue: row.zbar }));

let bgnbd: BgNbdModel;
let pareto: ParetoNbdModel;
let spend: GammaGammaModel;
beforeAll(() => {
	bgnbd = fitBgNbd(customers(), { periodUnit: 'week' });
	pareto = fitParetoNbd(customers(), { periodUnit: 'week' });
	spend = fitGammaGamma(customers());
});

describe('scoreCustomers', () => {
	it('returns the model functions per customer (first CDNOW customer: E[X(39)] = 1.2259)', () => {
		const rows = customers().slice(0, 50);
		const scores = scoreCustomers(bgnbd, rows, { horizon: 39, spendModel: spend, discountRate: 0.01 });
		expect(scores).toHaveLength(50);
		expect(Math.abs(scores[0].expectedPurchases - 1.2259)).toBeLessThan(0.001);
		rows.forEach((row, i) => {
			expect(scores[i].probabilityAlive).toBeCloseTo(bgNbdProbabilityAlive(bgnbd, row), 14);
			expect(scores[i].expectedPurchases).toBeCloseTo(bgNbdConditionalExpectedPurchases(bgnbd, row, 39), 12);
			expect(scores[i].expectedSpend).toBeCloseTo(gammaGammaExpectedSpend(spend, row), 12);
		});
	});

	it('churnProbability = P(no purchase in the horizon) = 1 - P(alive) + P(alive) ((alpha+T)/(alpha+T+h))^(r+x)', () => {
		const row = { frequency: 3, recency: 20, T: 38 };
		const [score] = scoreCustomers(bgnbd, [row], { horizon: 13 });
		const alive = bgNbdProbabilityAlive(bgnbd, row);
		expect(score.churnProbability).toBeCloseTo(1 - alive + alive * ((bgnbd.alpha + 38) / (bgnbd.alpha + 38 + 13)) ** (bgnbd.r + 3), 14);
		// Longer horizons can only lower it.
		const [longer] = scoreCustomers(bgnbd, [row], { horizon: 52 });
		expect(longer.churnProbability).toBeLessThan(score.churnProbability);
		expect(score.expectedSpend).toBeNull();
		expect(score.predictedClv).toBeNull();
	});

	it('gives the churnReasons numbers: periods since the last purchase, usual gap, overdue ratio', () => {
		const [buyer, oneTimer] = scoreCustomers(bgnbd, [{ frequency: 4, recency: 20, T: 38 }, { frequency: 0, recency: 0, T: 30 }], { horizon: 4 });
		expect(buyer).toMatchObject({ periodsSinceLastPurchase: 18, usualGapPeriods: 5, overdueRatio: 3.6 });
		expect(oneTimer).toMatchObject({ periodsSinceLastPurchase: 30, usualGapPeriods: null, overdueRatio: null, probabilityAlive: 1 });
	});

	it('computes CLV as the monthly discounted sum of expected purchases times expected spend', () => {
		const row = customers()[0];
		const [score] = scoreCustomers(bgnbd, [row], { horizon: 12, horizonUnit: 'month', spendModel: spend, discountRate: 0.01, margin: 0.3 });
		const perMonth = 365.25 / 12 / 7;
		let manual = 0;
		for (let i = 1; i <= 12; i++) {
			const increment = bgNbdConditionalExpectedPurchases(bgnbd, row, i * perMonth) - bgNbdConditionalExpectedPurchases(bgnbd, row, (i - 1) * perMonth);
			manual += increment / 1.01 ** i;
		}
		expect(score.predictedClv).toBeCloseTo(0.3 * gammaGammaExpectedSpend(spend, row) * manual, 10);
		expect(customerLifetimeValue(bgnbd, row, { months: 12, expectedSpend: gammaGammaExpectedSpend(spend, row), discountRate: 0.01, margin: 0.3 })).toBeCloseTo(score.predictedClv as number, 10);
		// Without discounting, CLV = spend x E[X(12 months)].
		const [flat] = scoreCustomers(bgnbd, [row], { horizon: 12, horizonUnit: 'month', spendModel: spend });
		expect(flat.predictedClv).toBeCloseTo((flat.expectedSpend as number) * bgNbdConditionalExpectedPurchases(bgnbd, row, 12 * perMonth), 10);
	});

	it('converts horizons explicitly: 91 days = 13 weeks for a weekly model; 1 month = 4.348 weeks', () => {
		const rows = customers().slice(0, 20);
		const inWeeks = scoreCustomers(bgnbd, rows, { horizon: 13 });
		const inDays = scoreCustomers(bgnbd, rows, { horizon: 91, horizonUnit: 'day' });
		rows.forEach((_, i) => expect(inDays[i].expectedPurchases).toBeCloseTo(inWeeks[i].expectedPurchases, 12));
		expect(periodsPerMonth('week')).toBeCloseTo(4.348214285714286, 14);
		expect(periodsPerMonth('day')).toBe(30.4375);
		expect(convertDuration(12, 'month', 'week')).toBeCloseTo(52.17857142857143, 12);
	});

	it('works with a Pareto/NBD model', () => {
		const row = { frequency: 26, recency: 30.86, T: 31 };
		const [score] = scoreCustomers(pareto, [row], { horizon: 52 });
		expect(score.probabilityAlive).toBeCloseTo(paretoNbdProbabilityAlive(pareto, row), 14);
		expect(score.expectedPurchases).toBeCloseTo(paretoNbdConditionalExpectedPurchases(pareto, row, 52), 12);
		expect(score.churnProbability).toBeGreaterThan(1 - score.probabilityAlive);
		expect(score.churnProbability).toBeLessThan(1);
	});

	it('refuses data in another period unit, with a message that says what to do', () => {
		expect(() => scoreCustomers(bgnbd, [{ frequency: 1, recency: 7, T: 70, periodUnit: 'day' }], { horizon: 4 })).toThrow(
			"scoreCustomers requires customers in the model's period unit 'week'; the customers are in 'day'",
		);
		expect(() => scoreCustomers(bgnbd, [{ frequency: 1, recency: 7, T: 70 }], { horizon: 4, periodUnit: 'day' })).toThrow("the customers are in 'day'");
		expect(() => customerLifetimeValue(bgnbd, { frequency: 1, recency: 7, T: 70, periodUnit: 'day' }, { months: 3, expectedSpend: 10 })).toThrow(
			"customerLifetimeValue requires customers in the model's period unit 'week'",
		);
	});

	it('validates the models and options it is given', () => {
		expect(() => scoreCustomers({ ...bgnbd, r: -1 }, [], { horizon: 4 })).toThrow("parseChurnModel rejected the 'bgnbd' model: r:");
		expect(() => scoreCustomers(spend as unknown as BgNbdModel, [], { horizon: 4 })).toThrow("requires a 'bgnbd' or 'paretonbd' model here; got a 'gammagamma' model");
		expect(() => scoreCustomers(bgnbd, [], { horizon: 0 })).toThrow('scoreCustomers requires a horizon of more than 0');
		expect(() => scoreCustomers(bgnbd, [], { horizon: 4, discountRate: -0.1 })).toThrow('monthly discount rate >= 0');
		expect(() => scoreCustomers(bgnbd, [{ frequency: 2, recency: 5, T: 9 }], { horizon: 4, spendModel: spend })).toThrow('scoreCustomers requires monetaryValue >= 0');
		expect(scoreCustomers(bgnbd, [], { horizon: 4 })).toEqual([]);
	});
});
