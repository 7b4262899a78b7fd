/**
 * Standard normal quantile (inverse CDF, probit) Φ^-1(p): the z with P(Z <= z) = p.
 *
 * Acklam's rational approximation (relative error < 1.15e-9) for the lower tail (p < 0.02425) and the
 * central region, the upper half by symmetry Φ^-1(p) = -Φ^-1(1 - p); then one Halley step on Φ(z) - p,
 * which brings the error to the precision of normalCdf (about 1e-15):
 *   e = Φ(z) - p,  u = e * sqrt(2π) * exp(z^2 / 2),  z <- z - u / (1 + z u / 2)
 * Reference: P. J. Acklam, "An algorithm for computing the inverse normal cumulative distribution function"
 * (2003), archived at https://web.archive.org/web/20151030215612/http://home.online.no/~pjacklam/notes/invnorm/
 *
 * Cost: O(1).
 * @example normalQuantile(0.975) // 1.959963984540054
 */
import { normalCdf } from './normalCdf';

const { exp, log, PI, sqrt } = Math;
const SQRT_TWO_PI = sqrt(2 * PI);
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const LOWER_BREAK = 0.02425;

function tail(q: number): number {
	return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
}

function acklam(p: number): number {
	if (p < LOWER_BREAK) return tail(sqrt(-2 * log(p)));
	const q = p - 0.5;
	const r = q * q;
	return ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
}

export function normalQuantile(p: number): number {
	if (!(p >= 0 && p <= 1)) throw new Error(`normalQuantile requires a probability in [0, 1]; got ${p}`);
	if (p === 0) return Number.NEGATIVE_INFINITY;
	if (p === 1) return Number.POSITIVE_INFINITY;
	// Upper half by symmetry: 1 - p is exact in floating point for p >= 0.5 (Sterbenz), so no digits are lost.
	if (p > 0.5) return -normalQuantile(1 - p);
	const z = acklam(p);
	const u = (normalCdf(z) - p) * SQRT_TWO_PI * exp((z * z) / 2);
	return z - u / (1 + (z * u) / 2);
}
