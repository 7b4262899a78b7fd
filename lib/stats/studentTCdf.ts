/**
 * Student's t cumulative distribution function F_ν(t) = P(T <= t) for ν > 0 degrees of freedom (not
 * necessarily an integer: Welch-Satterthwaite degrees of freedom are fractional). ν = Infinity gives the normal.
 *
 *   for t < 0:  F_ν(t) = I_x(ν/2, 1/2) / 2,  x = ν / (ν + t^2)      (I: regularised incomplete beta)
 *   for t >= 0: F_ν(t) = 1 - F_ν(-t)
 * The lower tail is computed directly, so two-sided p-values 2 F_ν(-|t|) keep their relative precision.
 * Reference: Abramowitz & Stegun 26.7.1 and DLMF 8.17 (https://dlmf.nist.gov/8.17); NIST e-Handbook 1.3.6.6.4,
 * https://www.itl.nist.gov/div898/handbook/eda/section3/eda3664.htm
 *
 * Cost: O(sqrt(ν)) continued-fraction terms at worst (regularizedIncompleteBeta).
 * @example studentTCdf(-2, 5) // 0.05096973941492914
 */
import { normalCdf } from './normalCdf';
import { regularizedIncompleteBeta } from './regularizedIncompleteBeta';

export function studentTCdf(t: number, degreesOfFreedom: number): number {
	if (!(degreesOfFreedom > 0)) throw new Error(`studentTCdf requires degrees of freedom > 0; got ${degreesOfFreedom}`);
	if (Number.isNaN(t)) throw new Error('studentTCdf requires a number; got NaN');
	if (degreesOfFreedom === Number.POSITIVE_INFINITY) return normalCdf(t);
	if (t === 0) return 0.5;
	if (!Number.isFinite(t)) return t > 0 ? 1 : 0;
	const square = t * t;
	const lowerTail = regularizedIncompleteBeta(degreesOfFreedom / (degreesOfFreedom + square), degreesOfFreedom / 2, 0.5, square / (degreesOfFreedom + square)) / 2;
	return t < 0 ? lowerTail : 1 - lowerTail;
}
