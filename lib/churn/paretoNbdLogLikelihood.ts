/**
 * Pareto/NBD log-likelihood of one customer's (x, t_x, T), with the 2F1 terms and their difference on the
 * log scale.
 *
 *   L = G(r+x) alpha^r beta^s / G(r) * [ 1/((alpha+T)^(r+x) (beta+T)^s) + s/(r+s+x) * A0 ]
 *   alpha >= beta: A0 = F(r+s+x, s+1, alpha, t_x) - F(r+s+x, s+1, alpha, T)
 *   alpha <  beta: A0 = F(r+s+x, r+x, beta, t_x) - F(r+s+x, r+x, beta, T)
 *   F(c, d, m, u) = 2F1(c, d; c+1; |alpha-beta|/(m+u)) / (m+u)^c
 * ln A0 = logSubtractExp(ln F(.., t_x), ln F(.., T)); ln L by log-sum-exp of the two bracket terms.
 * Reference: Fader & Hardie (2005), "A note on deriving the Pareto/NBD model and related expressions", eq. (22),
 * http://brucehardie.com/notes/009/pareto_nbd_derivations_2005-11-05.pdf
 *
 * Cost: O(k) per customer for the two 2F1 series (k terms each, a few dozen).
 * @example paretoNbdTotalLogLikelihood({ r: 0.55315, alpha: 10.57633, s: 0.60625, beta: 11.6715 }, cdnowSummary) // -9594.976
 */
import { logHypergeometric2F1 } from '../stats/hypergeometric2F1';
import { logHypergeometricAPlusOne } from '../stats/logHypergeometricAPlusOne';
import { logGamma } from '../stats/logGamma';
import { logAddExp, logSubtractExp } from '../stats/logSumExp';
import type { ParetoNbdParameters } from './paretoNbdParameters';
import { checkParetoNbdParameters } from './paretoNbdParameters';
import type { BtydCustomer } from './readBtydCustomers';
import { readBtydCustomers } from './readBtydCustomers';

const { abs, log } = Math;
/** 2F1's argument up to which its series is used (at most ~700 terms); above it, logHypergeometricAPlusOne. */
const SERIES_UP_TO = 0.95;

/**
 * ln A0 and the "alive at T" term ln(1/((alpha+T)^(r+x) (beta+T)^s)) from raw numbers (no checks); shared with
 * P(alive) = 1 / (1 + s/(r+s+x) exp(logA0 - logAliveTerm)).
 * @example paretoNbdLogTerms(0.55315, 10.57633, 0.60625, 11.6715, 26, 30.86, 31) // { logAliveTerm, logA0 } with P(alive) 0.9979
 */
export function paretoNbdLogTerms(r: number, alpha: number, s: number, beta: number, x: number, tx: number, T: number): { logAliveTerm: number; logA0: number } {
	const rsx = r + s + x;
	const logAliveTerm = -(r + x) * log(alpha + T) - s * log(beta + T);
	const larger = alpha >= beta ? alpha : beta;
	const second = alpha >= beta ? s + 1 : r + x;
	const gap = abs(alpha - beta);
	const logF = (u: number): number => {
		const z = gap / (larger + u);
		// Next to 1 the series needs ~ln(1e-16)/ln(z) terms (hundreds of thousands): quadrature of Euler's integral instead.
		const logHypergeometric = z > SERIES_UP_TO ? logHypergeometricAPlusOne(rsx, second, z) : logHypergeometric2F1(rsx, second, rsx + 1, z).logMagnitude;
		return logHypergeometric - rsx * log(larger + u);
	};
	const logA0 = logSubtractExp(logF(tx), logF(T));
	return { logAliveTerm, logA0 };
}

/**
 * One customer's log-likelihood without the part ln G(r+x) - ln G(r) + r ln alpha + s ln beta (shared by all with the same x).
 * @example paretoNbdLogBracket(0.55315, 10.57633, 0.60625, 11.6715, 0, 0, 38.86) // ln of the bracket for a one-time buyer
 */
export function paretoNbdLogBracket(r: number, alpha: number, s: number, beta: number, x: number, tx: number, T: number): number {
	const { logAliveTerm, logA0 } = paretoNbdLogTerms(r, alpha, s, beta, x, tx, T);
	return logAddExp(logAliveTerm, log(s / (r + s + x)) + logA0);
}

export function paretoNbdLogLikelihood(parameters: ParetoNbdParameters, customer: BtydCustomer): number {
	return paretoNbdTotalLogLikelihood(parameters, [customer]);
}

/**
 * Sum of the Pareto/NBD log-likelihoods of many customers.
 * @example paretoNbdTotalLogLikelihood({ r: 0.55315, alpha: 10.57633, s: 0.60625, beta: 11.6715 }, cdnowSummary) // -9594.976
 */
export function paretoNbdTotalLogLikelihood(parameters: ParetoNbdParameters, customers: ReadonlyArray<BtydCustomer>): number {
	checkParetoNbdParameters(parameters, 'paretoNbdLogLikelihood');
	const { frequency, recency, age, size } = readBtydCustomers(customers, 'paretoNbdLogLikelihood');
	const { r, alpha, s, beta } = parameters;
	let total = 0;
	for (let i = 0; i < size; i++) {
		const x = frequency[i];
		total += logGamma(r + x) - logGamma(r) + r * log(alpha) + s * log(beta) + paretoNbdLogBracket(r, alpha, s, beta, x, recency[i], age[i]);
	}
	return total;
}
