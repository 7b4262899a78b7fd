// Gamma-Gamma spend model: references.md's CDNOW fit and the first ten customers' expected spend.
import { fitGammaGamma, gammaGammaExpectedSpend, gammaGammaTotalLogLikelihood } from '../../../lib/churn';
import type { GammaGammaModel } from '../../../lib/churn';
import { readCdnowSummaryWithSpend } from '../../support/sharedData';

const relative = (actual: number, expected: number): number => Math.abs(actual - expected) / Math.abs(expected);
const customers = (): Array<{ frequency: number; monetaryValue: number }> =>
	readCdnowSummaryWithSpend().map((row) => ({ frequency: row.x, monetaryValue: row.zbar }));

// references.md: Gamma-Gamma (946 repeaters, zbar) p=6.248794, q=3.744587, v=15.447763, ll -4055.92.
const REFERENCE = { p: 6.248794, q: 3.744587, gamma: 15.447763 };
// references.md: first ten CDNOW customers at (6.25, 3.74, 15.44).
const FIRST_TEN = [24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17];

describe('fitGammaGamma on CDNOW', () => {
	let model: GammaGammaModel;
	beforeAll(() => {
		model = fitGammaGamma(customers());
	});

	it('uses the 946 repeat customers and reproduces p, q, gamma within 1e-4 relative and ll -4055.92', () => {
		expect(model.customers).toBe(946);
		for (const name of ['p', 'q', 'gamma'] as const) expect(relative(model[name], REFERENCE[name])).toBeLessThan(1e-4);
		expect(Math.abs(model.logLikelihood - -4055.92)).toBeLessThan(0.01);
		expect(gammaGammaTotalLogLikelihood(REFERENCE, customers())).toBeCloseTo(-4055.9232, 3);
		expect(model.standardErrors.p).toBeGreaterThan(0);
	});

	it('gives the first ten customers 24.65, 18.91, 35.17, ... within 0.1 (at the fit and at the rounded parameters)', () => {
		const rows = customers().slice(0, 10);
		rows.forEach((customer, i) => {
			expect(Math.abs(gammaGammaExpectedSpend(model, customer) - FIRST_TEN[i])).toBeLessThan(0.01);
			expect(Math.abs(gammaGammaExpectedSpend({ p: 6.25, q: 3.74, gamma: 15.44 }, customer) - FIRST_TEN[i])).toBeLessThan(0.1);
		});
	});

	it('E[M] is the weighted mean of the population mean and the customer mean, w = p x / (p x + q - 1)', () => {
		const { p, q, gamma } = REFERENCE;
		const x = 3;
		const zbar = 40;
		const w = (p * x) / (p * x + q - 1);
		expect(gammaGammaExpectedSpend(REFERENCE, { frequency: x, monetaryValue: zbar })).toBeCloseTo((1 - w) * ((gamma * p) / (q - 1)) + w * zbar, 12);
		expect(gammaGammaExpectedSpend(REFERENCE, { frequency: 0, monetaryValue: 0 })).toBeCloseTo((gamma * p) / (q - 1), 12);
	});

	it('rejects what it cannot use', () => {
		expect(() => fitGammaGamma([{ frequency: 2, monetaryValue: -5 }])).toThrow('fitGammaGamma requires a positive monetaryValue for customers with repeat purchases; customer 0 has -5');
		expect(() => fitGammaGamma([{ frequency: 2, monetaryValue: 10 }, { frequency: 0, monetaryValue: 0 }])).toThrow('fitGammaGamma requires at least 2 customers with repeat purchases and a monetaryValue; got 1');
		expect(() => gammaGammaExpectedSpend({ p: 1, q: 0.5, gamma: 1 }, { frequency: 0 })).toThrow('gammaGammaExpectedSpend requires q > 1');
		expect(() => gammaGammaExpectedSpend(REFERENCE, { frequency: 2, monetaryValue: Number.NaN })).toThrow('finite monetaryValue');
	});
});
