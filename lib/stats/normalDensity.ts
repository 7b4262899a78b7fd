/**
 * Standard normal probability density φ(z) = exp(-z^2 / 2) / sqrt(2π).
 * Reference: DLMF 7.1 (and any statistics text), https://dlmf.nist.gov/7.1
 *
 * Cost: O(1).
 * @example normalDensity(0) // 0.3989422804014327
 */
const { exp, PI, sqrt } = Math;
const INVERSE_SQRT_TWO_PI = 1 / sqrt(2 * PI);

export function normalDensity(z: number): number {
	return INVERSE_SQRT_TWO_PI * exp(-0.5 * z * z);
}
