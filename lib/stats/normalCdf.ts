/**
 * Standard normal cumulative distribution function Φ(z) = P(Z <= z), Z ~ N(0, 1), with full relative precision
 * in both tails (Φ(-30) = 4.9e-198 is not rounded to 0).
 *
 *   Φ(z) = erfc(-z / sqrt(2)) / 2,   erfc(y) = Q(1/2, y^2) for y >= 0   (Q: upper regularised incomplete gamma)
 *   so Φ(z) = Q(1/2, z^2/2) / 2 for z < 0 and 1 - Q(1/2, z^2/2) / 2 for z >= 0.
 * Reference: DLMF 7.11.2 (erfc as an incomplete gamma function), https://dlmf.nist.gov/7.11
 *
 * Cost: O(1) (a few dozen terms at most).
 * @example normalCdf(1.959963984540054) // 0.975
 */
import { regularizedIncompleteGammaComplement } from './regularizedIncompleteGamma';

export function normalCdf(z: number): number {
	if (Number.isNaN(z)) throw new Error('normalCdf requires a number; got NaN');
	if (z === Number.POSITIVE_INFINITY) return 1;
	if (z === Number.NEGATIVE_INFINITY) return 0;
	if (z === 0) return 0.5;
	const half = regularizedIncompleteGammaComplement(0.5, (z * z) / 2) / 2;
	return z < 0 ? half : 1 - half;
}
