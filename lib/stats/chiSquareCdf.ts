/**
 * Chi-square cumulative distribution function P(X <= x) for X ~ χ²(k), and its survival function P(X > x),
 * the p-value of a chi-square test (sample ratio mismatch, independence of assignments).
 *
 *   P(X <= x) = P(k/2, x/2)      P(X > x) = Q(k/2, x/2)      (regularised incomplete gamma)
 * Reference: NIST e-Handbook 1.3.6.6.6, https://www.itl.nist.gov/div898/handbook/eda/section3/eda3666.htm;
 * DLMF 8.2, https://dlmf.nist.gov/8.2
 *
 * Cost: O(sqrt(k) + 1) terms (regularizedIncompleteGamma).
 * @example chiSquareCdf(3.841458820694124, 1) // 0.95
 */
import { regularizedIncompleteGamma, regularizedIncompleteGammaComplement } from './regularizedIncompleteGamma';

function check(caller: string, x: number, degreesOfFreedom: number): void {
	if (!(degreesOfFreedom > 0) || !Number.isFinite(degreesOfFreedom)) {
		throw new Error(`${caller} requires finite degrees of freedom > 0; got ${degreesOfFreedom}`);
	}
	if (Number.isNaN(x)) throw new Error(`${caller} requires a number; got NaN`);
}

export function chiSquareCdf(x: number, degreesOfFreedom: number): number {
	check('chiSquareCdf', x, degreesOfFreedom);
	if (x <= 0) return 0;
	return regularizedIncompleteGamma(degreesOfFreedom / 2, x / 2);
}

/**
 * Chi-square survival function P(X > x) = Q(k/2, x/2): the p-value of a chi-square statistic x with k degrees
 * of freedom, accurate far in the tail. Cost: as chiSquareCdf.
 * @example chiSquareSurvival(4.761904761904762, 1) // 0.029096331741252
 */
export function chiSquareSurvival(x: number, degreesOfFreedom: number): number {
	check('chiSquareSurvival', x, degreesOfFreedom);
	if (x <= 0) return 1;
	return regularizedIncompleteGammaComplement(degreesOfFreedom / 2, x / 2);
}
