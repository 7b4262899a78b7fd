// Known-truth simulations at a smaller replication count than test/bench/uplift.bench.ts (10,000 there).
// Tolerances are Monte Carlo bounds: a share estimated from R replications has standard error sqrt(q (1 - q) / R).
import { coverageStudy, cupedStudy, peekingStudy, proportionPowerStudy, revenuePowerStudy } from './simulateCampaign';

const monteCarloError = (share: number, replications: number) => Math.sqrt((share * (1 - share)) / replications);

describe('known-truth simulations', () => {
	it('95% intervals cover the true effect 95% of the time (4,000 campaigns; within 3.5 Monte Carlo SE = 1.2 points)', () => {
		const study = coverageStudy(4000, 20240501);
		const bound = 3.5 * monteCarloError(0.95, 4000);
		for (const coverage of [study.conversionAbsolute, study.conversionRelative, study.revenueAbsolute, study.revenueRelative, study.incrementalRevenue]) {
			expect(Math.abs(coverage - 0.95)).toBeLessThan(bound);
		}
	});

	it('the planned sample size has the planned power: proportions (4,000 campaigns; within 2 points + 2 Monte Carlo SE)', () => {
		const study = proportionPowerStudy(4000, 777);
		expect(study.plan.power).toBe(0.8);
		expect(Math.abs(study.simulatedPower - 0.8)).toBeLessThan(0.02 + 2 * monteCarloError(0.8, 4000));
	});

	it('... and revenue per customer with skewed (log-normal) order values (1,500 campaigns)', () => {
		const study = revenuePowerStudy(1500, 31337);
		expect(Math.abs(study.simulatedPower - 0.8)).toBeLessThan(0.02 + 2 * monteCarloError(0.8, 1500));
	});

	it('CUPED keeps coverage and removes the predictable variance (R^2 = 9/13 here)', () => {
		const study = cupedStudy(1000, 4242);
		expect(Math.abs(study.coverage - 0.95)).toBeLessThan(3.5 * monteCarloError(0.95, 1000));
		expect(study.meanVarianceReduction).toBeCloseTo(9 / 13, 1);
		expect(study.widthRatio).toBeLessThan(0.6);
	});

	it('always-valid p-values keep the false-positive rate under alpha for teams that peek 10 times; fixed-horizon ones do not', () => {
		const study = peekingStudy(1000, 8080);
		expect(study.sequentialFalsePositives).toBeLessThan(0.05);
		expect(study.fixedHorizonFalsePositives).toBeGreaterThan(0.1);
		expect(study.sequentialPowerWithEffect).toBeGreaterThan(0.4);
	});
});
