/**
 * ln 2F1(a, b; a + 1; z) for a > 0, b real and 0 <= z < 1, by quadrature of its integral form: the case
 * Pareto/NBD needs, where z next to 1 makes the series take hundreds of thousands of terms.
 *
 *   2F1(a, b; a+1; z) = a int_0^1 t^(a-1) (1 - z t)^(-b) dt                     (Euler's integral, c = a + 1)
 *                     = int_0^inf e^(-u) (1 - z e^(-u/a))^(-b) du                 (t = e^(-u/a))
 *                     = (1-z)^(-b) int_0^inf e^(-u) (1 + z (1 - e^(-u/a)) / (1-z))^(-b) du
 * The last integrand falls from 1 at u = 0 over two scales, eps = a (1-z) / z and 1; it is summed by 16-point
 * Gauss-Legendre panels on [0, 64] with boundaries doubling from min(eps, 1) / 1024, so that each panel sees a
 * smooth, nearly power-law piece. Relative accuracy about 1e-13; cost independent of a and of 1 - z.
 * Reference: Abramowitz & Stegun (1964), 15.3.1 (Euler's integral),
 * https://personal.math.ubc.ca/~cbm/aands/page_558.htm; quadrature as in integrateGaussLegendre.
 *
 * Cost: O(16 log2(64 / min(eps, 1) * 1024)) evaluations, under 1,000.
 * @example logHypergeometricAPlusOne(2, 1, 0.5) // ln 2F1(2, 1; 3; 0.5) = 0.43513875455069...
 */
import { gaussLegendreRule } from '../optimize/integrateGaussLegendre';

const { exp, expm1, log, log1p, min } = Math;
const ORDER = 16;
const UPPER = 64;
const FIRST_PANEL_SHARE = 1 / 1024;

export function logHypergeometricAPlusOne(a: number, b: number, z: number): number {
	if (!(a > 0) || !Number.isFinite(a) || !Number.isFinite(b) || !(z >= 0) || !(z < 1)) {
		throw new Error(`logHypergeometricAPlusOne requires a > 0, finite b and 0 <= z < 1; got a=${a}, b=${b}, z=${z}`);
	}
	if (z === 0) return 0;
	const oneMinusZ = 1 - z;
	const shape = z / oneMinusZ;
	// ln of the scaled integrand: -u - b ln(1 + z (1 - e^(-u/a)) / (1 - z)).
	const logIntegrand = (u: number): number => -u - b * log1p(-shape * expm1(-u / a));
	const { nodes, weights } = gaussLegendreRule(ORDER);
	const scale = min((a * oneMinusZ) / z, 1);
	let lo = 0;
	let hi = scale * FIRST_PANEL_SHARE;
	let sum = 0;
	while (lo < UPPER) {
		const half = (hi - lo) / 2;
		const middle = (hi + lo) / 2;
		for (let k = 0; k < ORDER; k++) sum += half * weights[k] * exp(logIntegrand(middle + half * nodes[k]));
		lo = hi;
		hi = min(hi * 2, UPPER);
	}
	return -b * log(oneMinusZ) + log(sum);
}
