/**
 * Pareto/NBD probability that a customer with history (x, t_x, T) is still alive at T.
 *
 *   P(alive | x, t_x, T) = 1 / (1 + s/(r+s+x) * (alpha+T)^(r+x) (beta+T)^s * A0)
 * with A0 as in the likelihood (a difference of two 2F1 terms, kept on the log scale).
 * Reference: Fader & Hardie (2005), "A note on deriving the Pareto/NBD model and related expressions", eq. (18)
 * and (22), http://brucehardie.com/notes/009/pareto_nbd_derivations_2005-11-05.pdf
 *
 * Cost: O(k) for the two 2F1 series.
 * @example paretoNbdProbabilityAlive({ r: 0.55315, alpha: 10.57633, s: 0.60625, beta: 11.6715 }, { frequency: 26, recency: 30.86, T: 31 }) // 0.9979
 */
import type { ParetoNbdParameters } from './paretoNbdParameters';
import { checkParetoNbdParameters } from './paretoNbdParameters';
import { paretoNbdLogTerms } from './paretoNbdLogLikelihood';
import type { BtydCustomer } from './readBtydCustomers';
import { readBtydCustomers } from './readBtydCustomers';

/**
 * P(alive) from raw numbers (no checks); 1 when t_x = T.
 * @example paretoNbdProbabilityAliveUnchecked(0.55315, 10.57633, 0.60625, 11.6715, 26, 30.86, 31) // 0.9979
 */
export function paretoNbdProbabilityAliveUnchecked(r: number, alpha: number, s: number, beta: number, x: number, tx: number, T: number): number {
	if (tx === T) return 1;
	const { logAliveTerm, logA0 } = paretoNbdLogTerms(r, alpha, s, beta, x, tx, T);
	return 1 / (1 + Math.exp(Math.log(s / (r + s + x)) + logA0 - logAliveTerm));
}

export function paretoNbdProbabilityAlive(parameters: ParetoNbdParameters, customer: BtydCustomer): number {
	checkParetoNbdParameters(parameters, 'paretoNbdProbabilityAlive');
	const { frequency, recency, age } = readBtydCustomers([customer], 'paretoNbdProbabilityAlive');
	const { r, alpha, s, beta } = parameters;
	return paretoNbdProbabilityAliveUnchecked(r, alpha, s, beta, frequency[0], recency[0], age[0]);
}
