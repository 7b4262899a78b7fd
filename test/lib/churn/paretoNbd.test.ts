// Pareto/NBD: references.md's CDNOW fit and vectors, identities, and an independent check of the quadrature.
import {
	fitParetoNbd,
	paretoNbdConditionalExpectedPurchases,
	paretoNbdExpectedPurchases,
	paretoNbdLogLikelihood,
	paretoNbdProbabilityAlive,
	paretoNbdPurchaseCountProbability,
	paretoNbdTotalLogLikelihood,
} from '../../../lib/churn';
import type { ParetoNbdModel } from '../../../lib/churn';
import { readCdnowSummary } from '../../support/sharedData';
import { cdnowCalibration } from './cdnowCalibration';

const relative = (actual: number, expected: number): number => Math.abs(actual - expected) / Math.abs(expected);

// references.md: Pareto/NBD on CDNOW, r=0.55315, alpha=10.57633, s=0.60625, beta=11.67150, ll -9594.976.
const REFERENCE = { r: 0.55315, alpha: 10.57633, s: 0.60625, beta: 11.6715 };

describe('fitParetoNbd on CDNOW', () => {
	let model: ParetoNbdModel;
	beforeAll(() => {
		model = fitParetoNbd(cdnowCalibration(), { periodUnit: 'week' });
	});

	it('reproduces the log-likelihood -9594.976 within 0.01 and the parameters within 5e-4 relative', () => {
		expect(Math.abs(model.logLikelihood - -9594.976)).toBeLessThan(0.01);
		// The surface is flat along beta (standard error 6.2): the reference point is 2e-4 away and 5e-6 lower in
		// log-likelihood, i.e. the reference stopped a little short; 5e-4 relative is 0.0006 standard errors for beta.
		for (const name of ['r', 'alpha', 's', 'beta'] as const) expect(relative(model[name], REFERENCE[name])).toBeLessThan(5e-4);
		expect(model.logLikelihood).toBeGreaterThanOrEqual(paretoNbdTotalLogLikelihood(REFERENCE, cdnowCalibration()) - 1e-9);
		expect(model).toMatchObject({ kind: 'paretonbd', version: 1, converged: true, customers: 2357 });
	});

	it('evaluates the log-likelihood as an independent scipy implementation does (rounded CSV)', () => {
		// scipy.special.hyp2f1 with the formula of Fader & Hardie's note (eq. 22) on cdnow_customers_summary.csv: -9594.973934770107.
		expect(paretoNbdTotalLogLikelihood(REFERENCE, readCdnowSummary())).toBeCloseTo(-9594.973934770107, 8);
		expect(paretoNbdLogLikelihood(REFERENCE, { frequency: 0, recency: 0, T: 38 })).toBeLessThan(0);
	});
});

describe('Pareto/NBD vectors at its CDNOW fit (references.md)', () => {
	const customer = { frequency: 26, recency: 30.86, T: 31 };
	it('P(alive | 26, 30.86, 31) = 0.9979', () => {
		expect(Math.abs(paretoNbdProbabilityAlive(REFERENCE, customer) - 0.9979)).toBeLessThan(5e-5);
	});
	it('E[X(52) | 26, 30.86, 31] = 25.46', () => {
		expect(Math.abs(paretoNbdConditionalExpectedPurchases(REFERENCE, customer, 52) - 25.46)).toBeLessThan(0.005);
	});
});

describe('Pareto/NBD identities', () => {
	it('P(X(t)=n) matches scipy.integrate.quad of the mixture integral', () => {
		// scipy 1.17.1: (beta/(beta+t))^s NB_t(n) + quad(s beta^s (beta+u)^-(s+1) NB_u(n), 0, t), epsrel 1e-13.
		expect(relative(paretoNbdPurchaseCountProbability(REFERENCE, 0, 39), 0.5935565956612597)).toBeLessThan(1e-12);
		expect(relative(paretoNbdPurchaseCountProbability(REFERENCE, 3, 39), 0.04904868951462593)).toBeLessThan(1e-11);
		expect(relative(paretoNbdPurchaseCountProbability(REFERENCE, 10, 78), 0.007868285446647066)).toBeLessThan(1e-11);
	});

	it('P(X(t)=n) sums to 1 and has mean E[X(t)]', () => {
		for (const t of [1, 39, 78]) {
			let total = 0;
			let mean = 0;
			for (let n = 0; n < 800; n++) {
				const p = paretoNbdPurchaseCountProbability(REFERENCE, n, t);
				total += p;
				mean += n * p;
			}
			expect(total).toBeCloseTo(1, 12);
			expect(mean).toBeCloseTo(paretoNbdExpectedPurchases(REFERENCE, t), 10);
		}
	});

	it('E[X(t)] has its limit at s = 1 and the conditional expectation of a new customer is the unconditional one', () => {
		const nearOne = paretoNbdExpectedPurchases({ ...REFERENCE, s: 1 + 1e-9 }, 20);
		expect(paretoNbdExpectedPurchases({ ...REFERENCE, s: 1 }, 20)).toBeCloseTo(nearOne, 8);
		expect(paretoNbdConditionalExpectedPurchases(REFERENCE, { frequency: 0, recency: 0, T: 0 }, 20)).toBeCloseTo(paretoNbdExpectedPurchases(REFERENCE, 20), 12);
	});

	it('P(alive) handles alpha < beta, alpha = beta and alpha > beta continuously', () => {
		const customer = { frequency: 3, recency: 12, T: 30 };
		const at = (beta: number): number => paretoNbdProbabilityAlive({ ...REFERENCE, beta }, customer);
		expect(at(REFERENCE.alpha)).toBeCloseTo(at(REFERENCE.alpha * (1 + 1e-9)), 7);
		expect(at(REFERENCE.alpha)).toBeCloseTo(at(REFERENCE.alpha * (1 - 1e-9)), 7);
		expect(at(5)).toBeGreaterThan(0);
		expect(at(50)).toBeLessThan(1);
	});

	it('rejects bad input with the function named', () => {
		expect(() => fitParetoNbd([], { periodUnit: 'week' })).toThrow('fitParetoNbd requires at least 2 customers with repeat purchases; got 0');
		expect(() => paretoNbdExpectedPurchases({ ...REFERENCE, beta: 0 }, 1)).toThrow('paretoNbdExpectedPurchases requires Pareto/NBD parameter beta');
		expect(() => paretoNbdPurchaseCountProbability(REFERENCE, -1, 1)).toThrow('whole number of purchases');
	});
});
