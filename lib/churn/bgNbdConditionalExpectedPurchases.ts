/**
 * BG/NBD expected number of purchases in the next t periods by a customer with history (x, t_x, T).
 *
 *   E[X(t) | x, t_x, T] = (a+b+x-1)/(a-1) * [1 - ((alpha+T)/(alpha+T+t))^(r+x) * 2F1(r+x, b+x; a+b+x-1; t/(alpha+T+t))]
 *                         / (1 + [x>0] * a/(b+x-1) * ((alpha+T)/(alpha+t_x))^(r+x))
 * i.e. P(alive) times E[X(t)] of a new customer whose parameters are the posterior ones
 * (r+x, alpha+T, a, b+x). The 2F1 is evaluated through Euler's transformation, which for large x has small
 * terms where the direct series sums numbers of order 1e60 (x = 200).
 * Reference: Fader, Hardie & Lee (2005), "Counting your customers the easy way", Marketing Science 24(2), eq. (10),
 * http://brucehardie.com/papers/018/fader_et_al_mksc_05.pdf
 *
 * Cost: O(k) for k series terms.
 * @example bgNbdConditionalExpectedPurchases({ r: 0.2425945, alpha: 4.4136019, a: 0.7929199, b: 2.4258881 },
 *   { frequency: 2, recency: 30.43, T: 38.86 }, 39) // 1.2259
 */
import { bgNbdExpectedPurchasesUnchecked } from './bgNbdExpectedPurchases';
import type { BgNbdParameters } from './bgNbdParameters';
import { checkBgNbdParameters } from './bgNbdParameters';
import { bgNbdLogDropoutOdds } from './bgNbdProbabilityAlive';
import type { BtydCustomer } from './readBtydCustomers';
import { readBtydCustomers } from './readBtydCustomers';

/**
 * E[X(t) | x, t_x, T] from raw numbers (no checks).
 * @example bgNbdConditionalExpectedUnchecked(0.2425945, 4.4136019, 0.7929199, 2.4258881, 2, 30.43, 38.86, 39) // 1.2259
 */
export function bgNbdConditionalExpectedUnchecked(r: number, alpha: number, a: number, b: number, x: number, tx: number, T: number, t: number): number {
	const alive = 1 / (1 + Math.exp(bgNbdLogDropoutOdds(r, alpha, a, b, x, tx, T)));
	return alive * bgNbdExpectedPurchasesUnchecked(r + x, alpha + T, a, b + x, t);
}

export function bgNbdConditionalExpectedPurchases(parameters: BgNbdParameters, customer: BtydCustomer, t: number): number {
	checkBgNbdParameters(parameters, 'bgNbdConditionalExpectedPurchases');
	if (!(t >= 0) || !Number.isFinite(t)) throw new Error(`bgNbdConditionalExpectedPurchases requires a finite horizon t >= 0; got ${t}`);
	const { frequency, recency, age } = readBtydCustomers([customer], 'bgNbdConditionalExpectedPurchases');
	const { r, alpha, a, b } = parameters;
	return bgNbdConditionalExpectedUnchecked(r, alpha, a, b, frequency[0], recency[0], age[0], t);
}
