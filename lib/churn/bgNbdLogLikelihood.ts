/**
 * BG/NBD log-likelihood of one customer's (x, t_x, T), computed on the log scale so that large x and long
 * histories neither overflow nor underflow.
 *
 *   A1 = lnG(r+x) - lnG(r) + r ln(alpha)
 *   A2 = lnG(a+b) + lnG(b+x) - lnG(b) - lnG(a+b+x)
 *   A3 = -(r+x) ln(alpha+T)
 *   A4 = ln(a) - ln(b+max(x,1)-1) - (r+x) ln(alpha+t_x)
 *   ll = A1 + A2 + ln(exp(A3) + [x>0] exp(A4))          (the last term by log-sum-exp)
 *
 * Reference: Fader, Hardie & Lee (2005), "Counting your customers the easy way", Marketing Science 24(2),
 * eq. (6); Fader, Hardie & Lee (2005b), "Implementing the BG/NBD model for customer base analysis in Excel",
 * http://brucehardie.com/notes/004/bgnbd_spreadsheet_note.pdf
 *
 * Cost: O(1) per customer (four ln-gamma evaluations), O(n) for bgNbdTotalLogLikelihood.
 * @example bgNbdLogLikelihood({ r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, { frequency: 200, recency: 38, T: 40 }) // 100.7957...
 */
import { logGamma } from '../stats/logGamma';
import { logAddExp } from '../stats/logSumExp';
import type { BgNbdParameters } from './bgNbdParameters';
import { checkBgNbdParameters } from './bgNbdParameters';
import type { BtydCustomer } from './readBtydCustomers';
import { readBtydCustomers } from './readBtydCustomers';

const { log } = Math;

function customerLogLikelihood({ r, alpha, a, b }: BgNbdParameters, x: number, tx: number, T: number): number {
	const a1 = logGamma(r + x) - logGamma(r) + r * log(alpha);
	const a2 = logGamma(a + b) + logGamma(b + x) - logGamma(b) - logGamma(a + b + x);
	const a3 = -(r + x) * log(alpha + T);
	if (x === 0) return a1 + a2 + a3;
	const a4 = log(a) - log(b + x - 1) - (r + x) * log(alpha + tx);
	return a1 + a2 + logAddExp(a3, a4);
}

export function bgNbdLogLikelihood(parameters: BgNbdParameters, customer: BtydCustomer): number {
	checkBgNbdParameters(parameters, 'bgNbdLogLikelihood');
	const { frequency, recency, age } = readBtydCustomers([customer], 'bgNbdLogLikelihood');
	return customerLogLikelihood(parameters, frequency[0], recency[0], age[0]);
}

/**
 * Sum of the BG/NBD log-likelihoods of many customers (the quantity maximised by fitBgNbd).
 * @example bgNbdTotalLogLikelihood({ r: 0.2425945, alpha: 4.4136019, a: 0.7929199, b: 2.4258881 }, cdnowSummary) // -9582.429
 */
export function bgNbdTotalLogLikelihood(parameters: BgNbdParameters, customers: ReadonlyArray<BtydCustomer>): number {
	checkBgNbdParameters(parameters, 'bgNbdTotalLogLikelihood');
	const { frequency, recency, age, size } = readBtydCustomers(customers, 'bgNbdTotalLogLikelihood');
	let total = 0;
	for (let i = 0; i < size; i++) total += customerLogLikelihood(parameters, frequency[i], recency[i], age[i]);
	return total;
}
