// Reference values: mpmath 1.3.0 at 40 digits (ncdf, erfinv, betainc, gammainc), and SciPy 1.17.1
// (scipy.stats.t.ppf, norm.ppf) where mpmath has no direct inverse.
import { chiSquareCdf, chiSquareSurvival } from '../../../lib/stats/chiSquareCdf';
import { normalCdf } from '../../../lib/stats/normalCdf';
import { normalDensity } from '../../../lib/stats/normalDensity';
import { normalQuantile } from '../../../lib/stats/normalQuantile';
import { regularizedIncompleteBeta } from '../../../lib/stats/regularizedIncompleteBeta';
import { regularizedIncompleteGamma, regularizedIncompleteGammaComplement } from '../../../lib/stats/regularizedIncompleteGamma';
import { studentTCdf } from '../../../lib/stats/studentTCdf';
import { studentTQuantile } from '../../../lib/stats/studentTQuantile';
import { trapezoidArea } from '../../../lib/stats/trapezoidArea';
import { wilsonInterval } from '../../../lib/stats/wilsonInterval';

function expectRelative(actual: number, expected: number, tolerance: number): void {
	expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(Math.abs(expected), Number.MIN_VALUE));
}

describe('normalCdf', () => {
	it.each([
		[-37, 5.725571222524577e-300],
		[-10, 7.619853024160525e-24],
		[-5, 2.866515718791939e-07],
		[-1.96, 0.024997895148220435],
		[-0.5, 0.3085375387259869],
		[0, 0.5],
		[0.3, 0.6179114221889527],
		[1, 0.8413447460685429],
		[2.5, 0.9937903346742238],
		[8, 0.9999999999999993],
	])('Φ(%p) matches mpmath to 1e-13 relative, tails included', (z, expected) => {
		expectRelative(normalCdf(z), expected, 1e-13);
	});

	it('is symmetric, handles infinities and rejects NaN', () => {
		for (const z of [0.1, 1.3, 4.4]) expect(normalCdf(z) + normalCdf(-z)).toBeCloseTo(1, 15);
		expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
		expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
		expect(() => normalCdf(Number.NaN)).toThrow('normalCdf requires a number');
	});

	it('density integrates to the CDF (trapezoids on a fine grid)', () => {
		const x = Array.from({ length: 20001 }, (_, i) => -10 + i * 0.0006);
		expect(trapezoidArea(x, x.map(normalDensity))).toBeCloseTo(normalCdf(2) - normalCdf(-10), 7);
		expect(normalDensity(0)).toBeCloseTo(0.3989422804014327, 15);
	});
});

describe('normalQuantile', () => {
	it.each([
		[1e-300, -37.0470962993612],
		[1e-20, -9.262340089798409],
		[1e-10, -6.361340902404057],
		[0.001, -3.0902323061678136],
		[0.02, -2.053748910631823],
		[0.025, -1.9599639845400543],
		[0.3, -0.5244005127080408],
		[0.5, 0],
		[0.7, 0.5244005127080407],
		[0.975, 1.9599639845400538],
		[0.999, 3.090232306167813],
	])('Φ^-1(%p) matches mpmath/SciPy to 1e-14 relative', (p, expected) => {
		if (expected === 0) expect(normalQuantile(p)).toBe(0);
		else expectRelative(normalQuantile(p), expected, 1e-14);
	});

	it('inverts normalCdf and has the right ends', () => {
		for (const p of [1e-15, 0.01, 0.2, 0.6, 0.9999]) expectRelative(normalCdf(normalQuantile(p)), p, 1e-13);
		expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
		expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
		expect(() => normalQuantile(1.2)).toThrow('normalQuantile requires a probability in [0, 1]; got 1.2');
	});
});

describe('studentTCdf', () => {
	it.each([
		[-2, 5, 0.05096973941492918, 1e-13],
		[-1, 1, 0.25, 1e-14],
		[0.5, 2, 0.6666666666666666, 1e-14],
		[-3, 2.5, 0.03628804777451592, 1e-13],
		[-10, 3, 0.001064199529207075, 1e-13],
		[2.3240227609215203, 5841.742032093565, 0.9899207986782065, 1e-13],
		[-40, 10, 1.1404288715428774e-12, 1e-12],
		[1.5, 40.5, 0.9293148335469701, 1e-13],
		[-0.001, 3.5, 0.4996282277359334, 1e-13],
		// 10^7 degrees of freedom: the continued fraction is near its limit; 1e-9 relative is what it keeps.
		[-2, 1e7, 0.022750145445921476, 1e-9],
	])('F(%p; ν = %p) matches mpmath betainc', (t, nu, expected, tolerance) => {
		expectRelative(studentTCdf(t, nu), expected, tolerance);
	});

	it('tends to the normal and rejects bad degrees of freedom', () => {
		expect(studentTCdf(1.3, Number.POSITIVE_INFINITY)).toBe(normalCdf(1.3));
		expect(studentTCdf(0, 4)).toBe(0.5);
		expect(() => studentTCdf(1, 0)).toThrow('studentTCdf requires degrees of freedom > 0; got 0');
	});
});

describe('studentTQuantile', () => {
	it.each([
		[0.975, 1, 12.706204736174694],
		[0.975, 2, 4.302652729749462],
		[0.975, 3, 3.1824463052837078],
		[0.975, 10, 2.228138851986274],
		[0.975, 55.70744914862206, 2.003472897145308],
		[0.975, 5841.742032093565, 1.9603701569544807],
		[0.8, 13538, 0.8416477848972332],
		[1e-8, 3, -479.5250695797382],
		[0.6, 1.5, 0.30074539256979543],
		[0.001, 4.2, -6.8375114863223425],
		[0.999, 100, 3.173739493738783],
	])('t(%p; ν = %p) matches scipy.stats.t.ppf to 1e-12 relative', (p, nu, expected) => {
		expectRelative(studentTQuantile(p, nu), expected, 1e-12);
	});

	it('inverts studentTCdf and handles the ends', () => {
		for (const [p, nu] of [
			[0.01, 7.3],
			[0.5, 9],
			[0.95, 1.2],
		]) {
			expectRelative(studentTCdf(studentTQuantile(p, nu), nu), p, 1e-12);
		}
		expect(studentTQuantile(0.5, 3)).toBe(0);
		expect(studentTQuantile(1, 3)).toBe(Number.POSITIVE_INFINITY);
		expect(studentTQuantile(0.975, Number.POSITIVE_INFINITY)).toBe(normalQuantile(0.975));
	});
});

describe('chi-square and incomplete gamma', () => {
	it.each([
		[4.761904761904762, 1, 0.029096331741252215],
		[3.841458820694124, 1, 0.05000000000000006],
		[1000, 5, 6.010077687920804e-214],
		[0.5, 3, 0.9188914116546758],
		[10, 10, 0.4404932850652124],
		[2, 2, 0.36787944117144233],
	])('P(χ² > %p; k = %p) matches mpmath gammainc', (x, k, expected) => {
		expectRelative(chiSquareSurvival(x, k), expected, 1e-13);
		expect(chiSquareCdf(x, k) + chiSquareSurvival(x, k)).toBeCloseTo(1, 14);
	});

	it('P(1, x) = 1 - e^-x and rejects bad arguments', () => {
		for (const x of [0.1, 2, 30]) {
			expectRelative(regularizedIncompleteGamma(1, x), -Math.expm1(-x), 1e-14);
			expectRelative(regularizedIncompleteGammaComplement(1, x), Math.exp(-x), 1e-13);
		}
		expect(regularizedIncompleteGamma(2, 0)).toBe(0);
		expect(() => regularizedIncompleteGamma(0, 1)).toThrow('regularizedIncompleteGamma requires a finite shape a > 0; got 0');
		expect(() => chiSquareSurvival(1, 0)).toThrow('chiSquareSurvival requires finite degrees of freedom > 0; got 0');
	});
});

describe('regularizedIncompleteBeta', () => {
	it('matches closed forms', () => {
		// I_x(2, 3) = 6x^2 - 8x^3 + 3x^4 (integrate 12 t (1-t)^2).
		for (const x of [0.1, 0.5, 0.93]) expectRelative(regularizedIncompleteBeta(x, 2, 3), 6 * x ** 2 - 8 * x ** 3 + 3 * x ** 4, 1e-13);
		// I_x(a, 1) = x^a.
		expectRelative(regularizedIncompleteBeta(0.7, 3.5, 1), 0.7 ** 3.5, 1e-13);
		expect(regularizedIncompleteBeta(0, 2, 2)).toBe(0);
		expect(regularizedIncompleteBeta(1, 2, 2)).toBe(1);
		expect(() => regularizedIncompleteBeta(1.5, 2, 2)).toThrow('regularizedIncompleteBeta requires x in [0, 1]; got 1.5');
	});
});

describe('wilsonInterval and trapezoidArea', () => {
	it('Wilson: 0 of 20 gives (0, z^2/(n + z^2)); 14 of 28 is symmetric around 1/2', () => {
		const z = normalQuantile(0.975);
		const empty = wilsonInterval(0, 20);
		expect(empty.low).toBe(0);
		expect(empty.high).toBeCloseTo((z * z) / (20 + z * z), 14);
		const half = wilsonInterval(14, 28);
		expect(half.low + half.high).toBeCloseTo(1, 14);
		// Wilson (1927) formula evaluated by hand for 14/28 at z = 1.959964: 0.32633127457.
		expect(half.low).toBeCloseTo(0.32633127457, 10);
		expect(() => wilsonInterval(5, 4)).toThrow('wilsonInterval requires 0 <= successes <= trials (4); got 5');
	});

	it('trapezoids: a triangle and a checked order', () => {
		expect(trapezoidArea([0, 1, 2], [0, 1, 1])).toBe(1.5);
		expect(trapezoidArea([], [])).toBe(0);
		expect(() => trapezoidArea([0, 2, 1], [0, 0, 0])).toThrow('trapezoidArea requires non-decreasing x');
		expect(() => trapezoidArea([0], [0, 1])).toThrow('trapezoidArea requires as many y as x values; got 1 and 2');
	});
});
