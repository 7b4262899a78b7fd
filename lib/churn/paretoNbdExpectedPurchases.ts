/**
 * Pareto/NBD expected number of purchases in a period of length t for a new customer, E[X(t)].
 *
 *   E[X(t)] = r beta / (alpha (s-1)) * [1 - (beta/(beta+t))^(s-1)]
 *           = (r beta / alpha) * (-expm1((s-1) ln(beta/(beta+t)))) / (s-1)     (limit (r beta/alpha) ln(1 + t/beta) at s = 1)
 * Reference: Schmittlein, Morrison & Colombo (1987), Management Science 33(1), eq. (17); Fader & Hardie (2005),
 * "A note on deriving the Pareto/NBD model and related expressions", eq. (27),
 * http://brucehardie.com/notes/009/pareto_nbd_derivations_2005-11-05.pdf
 *
 * Cost: O(1).
 * @example paretoNbdExpectedPurchases({ r: 0.55315, alpha: 10.57633, s: 0.60625, beta: 11.6715 }, 39) // 1.21336
 */
import type { ParetoNbdParameters } from './paretoNbdParameters';
import { checkParetoNbdParameters } from './paretoNbdParameters';

/**
 * E[X(t)] from raw numbers (no checks); with posterior parameters it gives the conditional expectation given alive.
 * @example paretoNbdExpectedPurchasesUnchecked(0.55315, 10.57633, 0.60625, 11.6715, 39) // 1.21336
 */
export function paretoNbdExpectedPurchasesUnchecked(r: number, alpha: number, s: number, beta: number, t: number): number {
	const logRatio = -Math.log1p(t / beta);
	const growth = Math.abs(s - 1) < 1e-10 ? -logRatio : -Math.expm1((s - 1) * logRatio) / (s - 1);
	return ((r * beta) / alpha) * growth;
}

export function paretoNbdExpectedPurchases(parameters: ParetoNbdParameters, t: number): number {
	checkParetoNbdParameters(parameters, 'paretoNbdExpectedPurchases');
	if (!(t >= 0) || !Number.isFinite(t)) throw new Error(`paretoNbdExpectedPurchases requires a finite horizon t >= 0; got ${t}`);
	const { r, alpha, s, beta } = parameters;
	return paretoNbdExpectedPurchasesUnchecked(r, alpha, s, beta, t);
}
