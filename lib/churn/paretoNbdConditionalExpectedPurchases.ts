/**
 * Pareto/NBD expected number of purchases in the next t periods by a customer with history (x, t_x, T).
 *
 *   E[X(t) | x, t_x, T] = P(alive | x, t_x, T) * (r+x)(beta+T) / ((alpha+T)(s-1)) * [1 - ((beta+T)/(beta+T+t))^(s-1)]
 * i.e. P(alive) times E[X(t)] of a new customer with the posterior parameters (r+x, alpha+T, s, beta+T).
 * Reference: Fader & Hardie (2005), "A note on deriving the Pareto/NBD model and related expressions", eq. (28),
 * http://brucehardie.com/notes/009/pareto_nbd_derivations_2005-11-05.pdf
 *
 * Cost: O(k) for the 2F1 series of P(alive).
 * @example paretoNbdConditionalExpectedPurchases({ r: 0.55315, alpha: 10.57633, s: 0.60625, beta: 11.6715 },
 *   { frequency: 26, recency: 30.86, T: 31 }, 52) // 25.46
 */
import type { ParetoNbdParameters } from './paretoNbdParameters';
import { checkParetoNbdParameters } from './paretoNbdParameters';
import { paretoNbdExpectedPurchasesUnchecked } from './paretoNbdExpectedPurchases';
import { paretoNbdProbabilityAliveUnchecked } from './paretoNbdProbabilityAlive';
import type { BtydCustomer } from './readBtydCustomers';
import { readBtydCustomers } from './readBtydCustomers';

export function paretoNbdConditionalExpectedPurchases(parameters: ParetoNbdParameters, customer: BtydCustomer, t: number): number {
	checkParetoNbdParameters(parameters, 'paretoNbdConditionalExpectedPurchases');
	if (!(t >= 0) || !Number.isFinite(t)) throw new Error(`paretoNbdConditionalExpectedPurchases requires a finite horizon t >= 0; got ${t}`);
	const { frequency, recency, age } = readBtydCustomers([customer], 'paretoNbdConditionalExpectedPurchases');
	const { r, alpha, s, beta } = parameters;
	const x = frequency[0];
	const T = age[0];
	const alive = paretoNbdProbabilityAliveUnchecked(r, alpha, s, beta, x, recency[0], T);
	return alive * paretoNbdExpectedPurchasesUnchecked(r + x, alpha + T, s, beta + T, t);
}
