/**
 * Log rising factorial (log Pochhammer symbol): ln of a (a + 1) ... (a + c - 1) = lnG(a + c) - lnG(a), the
 * building block of the beta-binomial and Dirichlet-multinomial likelihoods.
 *
 *   c <= 16:  ln(prod_{k=0}^{c-1} (a + k))        (one log; exact to rounding, no cancellation)
 *   c  > 16:  logGamma(a + c) - logGamma(a)
 *
 * Reference: Abramowitz & Stegun (1964), "Handbook of Mathematical Functions", 6.1.22 (Pochhammer's symbol);
 * https://dlmf.nist.gov/5.2#iii
 *
 * Cost: O(min(c, 16)).
 * @example logRisingFactorial(2, 3) // ln(2 * 3 * 4) = 3.1780538303479458
 */
import { logGamma } from '../stats/logGamma';

// Globals read once: in vm sandboxes (Jest, n8n task runners) each global lookup is slow, and this runs in fit loops.
const { log } = Math;
const PRODUCT_LIMIT = 16;

export function logRisingFactorial(a: number, count: number): number {
	if (count <= 0) return 0;
	if (count > PRODUCT_LIMIT) return logGamma(a + count) - logGamma(a);
	let product = a;
	for (let k = 1; k < count; k++) product *= a + k;
	return log(product);
}
