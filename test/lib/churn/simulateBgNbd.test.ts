// simulateBgNbd: reproducible draws from the BG/NBD process; the fit recovers the parameters it was given.
import { bgNbdProbabilityAlive, evaluateHoldout, fitBgNbd, simulateBgNbd } from '../../../lib/churn';
import { seededRandom } from '../../../lib/stats/seededRandom';

const TRUTH = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe('simulateBgNbd', () => {
	it('is reproducible from its seed and returns valid summaries', () => {
		const options = { customers: 500, observationPeriods: 39, acquisitionPeriods: 12, stepsPerPeriod: 7 };
		const first = simulateBgNbd(TRUTH, { ...options, random: seededRandom(11) });
		expect(simulateBgNbd(TRUTH, { ...options, random: seededRandom(11) })).toEqual(first);
		expect(simulateBgNbd(TRUTH, { ...options, random: seededRandom(12) })).not.toEqual(first);
		for (const customer of first) {
			expect(customer.recency).toBeLessThanOrEqual(customer.T);
			expect(customer.T).toBeGreaterThan(27 - 1e-9);
			if (customer.frequency === 0) expect(customer.recency).toBe(0);
			// Day grid: times are multiples of 1/7 week.
			expect(Math.abs(customer.T * 7 - Math.round(customer.T * 7))).toBeLessThan(1e-9);
		}
	});

	it('lets fitBgNbd recover the parameters within 4 standard errors (30,000 customers, continuous time)', () => {
		const customers = simulateBgNbd(TRUTH, { customers: 30_000, observationPeriods: 39, acquisitionPeriods: 12, random: seededRandom(2024) });
		const model = fitBgNbd(customers, { periodUnit: 'week' });
		for (const name of ['r', 'alpha', 'a', 'b'] as const) {
			expect(Math.abs(model[name] - TRUTH[name]) / model.standardErrors[name]).toBeLessThan(4);
		}
	});

	it('agrees with the model: mean P(alive) = share alive, predicted holdout purchases = simulated ones (within 3 %)', () => {
		const customers = simulateBgNbd(TRUTH, { customers: 20_000, observationPeriods: 39, acquisitionPeriods: 12, holdoutPeriods: 39, random: seededRandom(7) });
		const alive = customers.filter((customer) => customer.alive).length / customers.length;
		const meanAlive = customers.reduce((sum, customer) => sum + bgNbdProbabilityAlive(TRUTH, customer), 0) / customers.length;
		expect(Math.abs(meanAlive - alive)).toBeLessThan(0.01);
		const purchaseTimes = customers.map((customer) => Array.from({ length: customer.holdoutPurchases }, () => 1));
		const check = evaluateHoldout({ ...fitBgNbd(customers, { periodUnit: 'week' }) }, customers, { purchaseTimes, length: 39 });
		expect(Math.abs(check.total.predicted / check.total.actual - 1)).toBeLessThan(0.03);
	});

	it('checks its options', () => {
		expect(() => simulateBgNbd(TRUTH, { customers: -1, observationPeriods: 1, random: seededRandom(1) })).toThrow('simulateBgNbd requires a whole number of customers');
		expect(() => simulateBgNbd(TRUTH, { customers: 1, observationPeriods: 1, acquisitionPeriods: 2, random: seededRandom(1) })).toThrow('acquisitionPeriods <= observationPeriods');
		expect(() => simulateBgNbd({ ...TRUTH, a: 0 }, { customers: 1, observationPeriods: 1, random: seededRandom(1) })).toThrow('simulateBgNbd requires BG/NBD parameter a');
		expect(simulateBgNbd(TRUTH, { customers: 0, observationPeriods: 1, random: seededRandom(1) })).toEqual([]);
	});
});
