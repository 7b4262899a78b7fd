/**
 * BG/NBD probability that a customer with history (x, t_x, T) is still alive (has not dropped out) at T.
 *
 *   P(alive | x, t_x, T) = 1 / (1 + [x>0] * a/(b+x-1) * ((alpha+T)/(alpha+t_x))^(r+x))
 *
 * Evaluated as 1 / (1 + exp(ln(a) - ln(b+x-1) + (r+x) ln((alpha+T)/(alpha+t_x)))), which neither overflows
 * nor loses precision for large x. Customers with x = 0 are alive with probability 1 (BG/NBD drop-out happens
 * only right after a purchase).
 * Reference: Fader, Hardie & Lee (2005), "Counting your customers the easy way", Marketing Science 24(2), eq. (11);
 * http://brucehardie.com/notes/021/palive_for_BGNBD.pdf
 *
 * Cost: O(1).
 * @example bgNbdProbabilityAlive({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { frequency: 2, recency: 30.43, T: 38.86 }) // 0.7266
 */
import type { BgNbdParameters } from './bgNbdParameters';
import { checkBgNbdParameters } from './bgNbdParameters';
import type { BtydCustomer } from './readBtydCustomers';
import { readBtydCustomers } from './readBtydCustomers';

/**
 * ln of the odds of having dropped out, ln(a/(b+x-1)) + (r+x) ln((alpha+T)/(alpha+t_x)), from raw numbers (no checks);
 * -Infinity when x = 0. P(alive) = 1 / (1 + exp(odds)).
 * @example bgNbdLogDropoutOdds(0.243, 4.414, 0.793, 2.426, 2, 30.43, 38.86) // -0.9773 (P(alive) 0.7266)
 */
export function bgNbdLogDropoutOdds(r: number, alpha: number, a: number, b: number, x: number, tx: number, T: number): number {
	if (x === 0) return Number.NEGATIVE_INFINITY;
	return Math.log(a / (b + x - 1)) + (r + x) * Math.log((alpha + T) / (alpha + tx));
}

export function bgNbdProbabilityAlive(parameters: BgNbdParameters, customer: BtydCustomer): number {
	checkBgNbdParameters(parameters, 'bgNbdProbabilityAlive');
	const { frequency, recency, age } = readBtydCustomers([customer], 'bgNbdProbabilityAlive');
	const { r, alpha, a, b } = parameters;
	return 1 / (1 + Math.exp(bgNbdLogDropoutOdds(r, alpha, a, b, frequency[0], recency[0], age[0])));
}
