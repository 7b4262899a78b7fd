// Shifted-beta-geometric retention (Fader & Hardie 2007, "How to project customer retention").
import { fitShiftedBetaGeometric, shiftedBetaGeometricResidualLifetime, shiftedBetaGeometricSurvival } from '../../../lib/churn';
import { logGamma } from '../../../lib/stats/logGamma';

// Fader & Hardie (2007), table 1 (active customers, years 0-7) and the fitted parameters in section 4.
const REGULAR = [1000, 869, 743, 653, 593, 551, 517, 491];
const HIGH_END = [1000, 631, 468, 382, 326, 289, 262, 241];

describe('fitShiftedBetaGeometric', () => {
	it('regular segment: alpha = 0.668, beta = 3.806', () => {
		const model = fitShiftedBetaGeometric(REGULAR);
		expect(model.alpha).toBeCloseTo(0.668, 3);
		expect(model.beta).toBeCloseTo(3.806, 3);
		expect(model).toMatchObject({ kind: 'sbg', version: 1, converged: true, periods: 7, customers: 1000 });
	});

	it('high-end segment: alpha = 0.704, beta = 1.182', () => {
		const model = fitShiftedBetaGeometric(HIGH_END);
		expect(model.alpha).toBeCloseTo(0.704, 3);
		expect(model.beta).toBeCloseTo(1.182, 3);
	});

	it('rejects counts that rise, too few periods and no churn', () => {
		expect(() => fitShiftedBetaGeometric([100, 90, 95])).toThrow('count 2 is 95 after 90');
		expect(() => fitShiftedBetaGeometric([100, 90])).toThrow('fitShiftedBetaGeometric requires the cohort size and at least 2 later counts');
		expect(() => fitShiftedBetaGeometric([100, 100, 100])).toThrow('at least one lost customer');
		expect(() => fitShiftedBetaGeometric([100, Number.NaN, 50])).toThrow('count 1 is NaN');
	});
});

describe('shiftedBetaGeometricSurvival and residual lifetime', () => {
	const parameters = { alpha: 0.668, beta: 3.806 };
	it('matches S(t) = B(alpha, beta + t) / B(alpha, beta) and r(t) = (beta + t - 1) / (alpha + beta + t - 1)', () => {
		const logBeta = (x: number, y: number): number => logGamma(x) + logGamma(y) - logGamma(x + y);
		const curve = shiftedBetaGeometricSurvival(parameters, 12);
		for (let t = 0; t <= 12; t++) expect(curve.survival[t]).toBeCloseTo(Math.exp(logBeta(0.668, 3.806 + t) - logBeta(0.668, 3.806)), 12);
		for (let t = 1; t <= 12; t++) {
			expect(curve.churn[t - 1]).toBeCloseTo(curve.survival[t - 1] - curve.survival[t], 12);
			expect(curve.retention[t - 1]).toBeCloseTo((3.806 + t - 1) / (0.668 + 3.806 + t - 1), 14);
		}
		// The fitted model tracks the observed regular segment (FH 2007, figure 3): within 2 % of the cohort (t = 1: 851 against 869).
		REGULAR.forEach((count, t) => expect(Math.abs(curve.survival[t] * 1000 - count)).toBeLessThan(20));
	});

	it('DERL equals the direct sum of S(n+k)/S(n-1) (1+d)^-k', () => {
		const survival = shiftedBetaGeometricSurvival(parameters, 6000).survival;
		for (const renewals of [0, 1, 4]) {
			let direct = 0;
			for (let k = 0; k < 5000; k++) direct += survival[renewals + 1 + k] / survival[renewals] / 1.1 ** k;
			expect(shiftedBetaGeometricResidualLifetime(parameters, renewals, 0.1)).toBeCloseTo(direct, 10);
		}
		// Longer-tenured customers are worth more (heterogeneity: the survivors are the loyal ones).
		expect(shiftedBetaGeometricResidualLifetime(parameters, 4, 0.1)).toBeGreaterThan(shiftedBetaGeometricResidualLifetime(parameters, 0, 0.1));
	});

	it('requires a positive discount rate and whole renewals', () => {
		expect(() => shiftedBetaGeometricResidualLifetime(parameters, 0, 0)).toThrow('discount rate > 0');
		expect(() => shiftedBetaGeometricResidualLifetime(parameters, 0.5, 0.1)).toThrow('whole number of renewals');
		expect(() => shiftedBetaGeometricSurvival({ alpha: -1, beta: 1 }, 3)).toThrow('sBG parameter alpha');
	});
});
