// Vectors: docs/references.md "A/B and uplift statistics" (GrowthBook's gbstats test cases, 5 decimals), and the
// same formulas recomputed at full precision with SciPy 1.17.1 (scipy.stats.t, scipy.stats.norm) for a tighter check.
import { compareMetric } from '../../../lib/uplift/compareMetric';
import { confidenceSequenceHalfWidth, confidenceSequencePValue, confidenceSequenceRho } from '../../../lib/uplift/confidenceSequence';
import { normalChanceToWin } from '../../../lib/uplift/normalChanceToWin';

const A = { n: 3407, sum: 1396.87, sumSquares: 52377.9767 };
const B = { n: 3461, sum: 2422.7, sumSquares: 134698.29 };

describe('compareMetric: GrowthBook vectors (references.md), to 5 decimals', () => {
	it('means, relative: D 0.70732, CI (-0.03526, 1.44989), SE 0.37879, p 0.06191', () => {
		const result = compareMetric(A, B);
		expect(result.relativeUplift).toBeCloseTo(0.70732, 5);
		expect(result.ciLow).toBeCloseTo(-0.03526, 5);
		expect(result.ciHigh).toBeCloseTo(1.44989, 5);
		expect(result.relativeStandardError).toBeCloseTo(0.37879, 5);
		expect(result.pValue).toBeCloseTo(0.06191, 5);
		expect(result.significant).toBe(false);
	});

	it('means, absolute: D 0.29, CI (0.04538, 0.53462), SE 0.12478, p 0.02016', () => {
		const result = compareMetric(A, B);
		expect(result.absoluteEffect).toBeCloseTo(0.29, 5);
		expect(result.absoluteCiLow).toBeCloseTo(0.04538, 5);
		expect(result.absoluteCiHigh).toBeCloseTo(0.53462, 5);
		expect(result.absoluteStandardError).toBeCloseTo(0.12478, 5);
		expect(result.absolutePValue).toBeCloseTo(0.02016, 5);
	});

	it('proportions 14/28 vs 16/30: D 0.06667, CI (-0.47767, 0.61101), p 0.80707', () => {
		const result = compareMetric({ n: 28, conversions: 14 }, { n: 30, conversions: 16 });
		expect(result.relativeUplift).toBeCloseTo(0.06667, 5);
		expect(result.ciLow).toBeCloseTo(-0.47767, 5);
		expect(result.ciHigh).toBeCloseTo(0.61101, 5);
		expect(result.pValue).toBeCloseTo(0.80707, 5);
	});

	it('Bayesian proportions 49/100 vs 51/100: D 0.04082, SD 0.14725, chance 0.60918, CI (-0.24779, 0.32943), risk (0.0814, 0.04058)', () => {
		const result = compareMetric({ n: 100, conversions: 49 }, { n: 100, conversions: 51 });
		expect(result.relativeUplift).toBeCloseTo(0.04082, 5);
		expect(result.relativeStandardError).toBeCloseTo(0.14725, 5);
		expect(result.chanceToWin).toBeCloseTo(0.60918, 5);
		expect(result.credibleLow).toBeCloseTo(-0.24779, 5);
		expect(result.credibleHigh).toBeCloseTo(0.32943, 5);
		expect(result.riskControl).toBeCloseTo(0.0814, 4);
		expect(result.riskTreatment).toBeCloseTo(0.04058, 5);
	});

	it('Bayesian means: D 0.05, SD 0.03572, chance 0.91923, CI (-0.02, 0.12), risk (0.05131, 0.00131)', () => {
		const result = compareMetric({ n: 10, sum: 100, sumSquares: 1002.25 }, { n: 10, sum: 105, sumSquares: 1111.5 });
		expect(result.relativeUplift).toBeCloseTo(0.05, 5);
		expect(result.relativeStandardError).toBeCloseTo(0.03572, 5);
		expect(result.chanceToWin).toBeCloseTo(0.91923, 5);
		expect(result.credibleLow).toBeCloseTo(-0.02, 5);
		expect(result.credibleHigh).toBeCloseTo(0.12, 5);
		expect(result.riskControl).toBeCloseTo(0.05131, 5);
		expect(result.riskTreatment).toBeCloseTo(0.00131, 5);
	});
});

describe('compareMetric: full-precision recomputation (SciPy)', () => {
	it('matches the gbstats formulas to 1e-10', () => {
		const result = compareMetric(A, B);
		const expected = {
			relativeUplift: 0.7073170731707317,
			relativeStandardError: 0.3787943616681428,
			ciLow: -0.03526008906611777,
			ciHigh: 1.449894235407581,
			pValue: 0.06191182745618362,
			degreesOfFreedom: 5841.742032093565,
			tStatistic: 1.8672851149521694,
			absoluteCiLow: 0.04537789255929012,
			absolutePValue: 0.020158402643587037,
		};
		for (const [key, value] of Object.entries(expected)) expect(Math.abs(result[key as keyof typeof expected] - value)).toBeLessThan(1e-10 * Math.max(1, Math.abs(value)));
		const bayes = compareMetric({ n: 100, conversions: 49 }, { n: 100, conversions: 51 });
		expect(bayes.riskControl).toBeCloseTo(0.08139584915516311, 12);
		expect(bayes.riskTreatment).toBeCloseTo(0.04057952262455083, 12);
		expect(bayes.chanceToWin).toBeCloseTo(0.6091813095808981, 12);
	});

	it('normalChanceToWin: risks differ by the mean and are never negative', () => {
		const result = normalChanceToWin(0.05, 0.03571589282098377);
		expect(result.riskControl - result.riskTreatment).toBeCloseTo(0.05, 14);
		const farBehind = normalChanceToWin(-40, 1);
		expect(farBehind.chanceToWin).toBeLessThan(1e-300);
		expect(farBehind.riskControl).toBeGreaterThanOrEqual(0);
		expect(farBehind.riskTreatment).toBeCloseTo(40, 10);
		expect(() => normalChanceToWin(0, 0)).toThrow('normalChanceToWin requires a finite standard deviation > 0; got 0');
	});
});

describe('compareMetric: CUPED', () => {
	// Six units per arm; x the pre-period metric, y the outcome.
	const control = { x: [1, 2, 3, 4, 5, 6], y: [2.1, 3.9, 6.2, 7.8, 10.1, 12.2] };
	const treatment = { x: [1.5, 2.5, 3, 4.5, 5, 7], y: [3.9, 6.1, 6.8, 10.2, 11.1, 15.0] };
	const moments = (arm: { x: number[]; y: number[] }) => ({
		n: arm.x.length,
		sum: arm.y.reduce((s, v) => s + v, 0),
		sumSquares: arm.y.reduce((s, v) => s + v * v, 0),
		covariate: {
			sum: arm.x.reduce((s, v) => s + v, 0),
			sumSquares: arm.x.reduce((s, v) => s + v * v, 0),
			sumProducts: arm.x.reduce((s, v, i) => s + v * arm.y[i], 0),
		},
	});

	it('the adjusted absolute effect is the ANCOVA treatment coefficient (numpy.linalg.lstsq of y ~ 1 + t + x)', () => {
		const result = compareMetric(moments(control), moments(treatment));
		expect(result.cuped).toBe(true);
		// numpy 2.4.6: lstsq([[1, t, x]], y) -> [-0.030739081746916624, 0.9570548712206075, 2.0230683090705477] (slope = pooled within-arm slope).
		expect(result.cupedTheta).toBeCloseTo(2.0230683090705477, 12);
		expect(result.absoluteEffect).toBeCloseTo(0.9570548712206075, 12);
		expect(result.varianceReduction).toBeGreaterThan(0.95);
		expect(result.absoluteStandardError).toBeLessThan(compareMetric(moments(control), moments(treatment), { cuped: false }).absoluteStandardError);
	});

	it('without covariate variation, CUPED is skipped rather than dividing by zero', () => {
		const flat = (arm: { x: number[]; y: number[] }) => ({ ...moments(arm), covariate: { sum: 12, sumSquares: 24, sumProducts: 2 * arm.y.reduce((s, v) => s + v, 0) } });
		const result = compareMetric(flat(control), flat(treatment));
		expect(result.cuped).toBe(false);
		expect(result.varianceReduction).toBe(0);
	});
});

describe('compareMetric: sequential (always-valid) method', () => {
	it('reproduces the Waudby-Smith et al. boundary as coded in gbstats (ρ for N* = 5000)', () => {
		// numpy: rho = sqrt((-2 ln .05 + ln(-2 ln .05 + 1)) / 5000) = 0.03984006677137368;
		// width for SE 0.1 at N = 10000: 0.30614772188674166.
		expect(confidenceSequenceRho(0.05, 5000)).toBeCloseTo(0.03984006677137368, 15);
		expect(confidenceSequenceHalfWidth(0.1, 10000, 0.05, 5000)).toBeCloseTo(0.30614772188674166, 14);
	});

	it('its p-value is below alpha exactly when the interval excludes 0, and it is wider than the fixed interval', () => {
		const fixed = compareMetric(A, B);
		const sequential = compareMetric(A, B, { method: 'sequential', sequentialTuning: 6868 });
		expect(sequential.ciHigh - sequential.ciLow).toBeGreaterThan(fixed.ciHigh - fixed.ciLow);
		expect(sequential.method).toBe('sequential');
		for (const estimate of [0.05, 0.2, 0.3, 0.4]) {
			const p = confidenceSequencePValue(estimate, 0.1, 10000, 0.05, 5000);
			const excludesZero = estimate > confidenceSequenceHalfWidth(0.1, 10000, 0.05, 5000);
			expect(p < 0.05).toBe(excludesZero);
		}
	});
});

describe('compareMetric: bad input', () => {
	it('names the problem and the fix', () => {
		expect(() => compareMetric({ n: 0, conversions: 0 }, { n: 10, conversions: 2 })).toThrow(
			'compareMetric requires at least 2 units in arm "control" to estimate a variance; got 0',
		);
		expect(() => compareMetric({ n: 10, conversions: 0 }, { n: 10, conversions: 2 }, { caller: 'analyzeExperiment', metric: 'conversion' })).toThrow(
			'analyzeExperiment cannot compute the relative uplift of conversion: arm "control" has a mean of 0',
		);
		expect(() => compareMetric({ n: 10, conversions: 10 }, { n: 10, conversions: 10 })).toThrow('found zero variance in the metric in both arms');
		expect(() => compareMetric({ n: 10, conversions: 12 }, { n: 10, conversions: 2 })).toThrow('requires 0 <= conversions <= n (10); got 12');
		expect(() => compareMetric({ n: 10, sum: 10, sumSquares: 5 }, { n: 10, sum: 10, sumSquares: 20 })).toThrow('below sum^2/n');
		expect(() => compareMetric({ n: 10, sum: Number.NaN, sumSquares: 5 }, B)).toThrow('requires finite sum and sumSquares');
		expect(() => compareMetric({ n: 10, conversions: 2 }, B)).toThrow('requires the same kind of statistics');
		expect(() => compareMetric(A, B, { alpha: 1.5 })).toThrow('compareMetric requires alpha in (0, 1), e.g. 0.05 for 95% intervals; got 1.5');
	});

	it('one arm with zero variance still gives finite results', () => {
		const result = compareMetric({ n: 50, sum: 100, sumSquares: 200 }, { n: 50, sum: 120, sumSquares: 320 });
		for (const value of Object.values(result)) if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
	});
});
