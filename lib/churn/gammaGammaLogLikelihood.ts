/**
 * Gamma-Gamma log-likelihood of the mean repeat-purchase value zbar of a customer with x repeat purchases.
 *
 *   ll = lnG(p x + q) - lnG(p x) - lnG(q) + q ln(gamma) + (p x - 1) ln(zbar) + p x ln(x) - (p x + q) ln(gamma + x zbar)
 * (the density of zbar, so log-likelihoods are comparable with other tools: CDNOW gives -4055.92).
 * Reference: Fader & Hardie (2013), "The Gamma-Gamma model of monetary value", eq. (3),
 * http://brucehardie.com/notes/025/gamma_gamma.pdf
 *
 * Cost: O(1) per customer, O(n) for the total.
 * @example gammaGammaTotalLogLikelihood({ p: 6.248794, q: 3.744587, gamma: 15.447763 }, cdnowRepeaters) // -4055.92
 */
import { logGamma } from '../stats/logGamma';
import type { GammaGammaParameters } from './gammaGammaParameters';
import { checkGammaGammaParameters } from './gammaGammaParameters';
import type { SpendCustomer } from './readSpendCustomers';
import { readSpendCustomers } from './readSpendCustomers';

const { log } = Math;

/**
 * One customer's Gamma-Gamma log-likelihood from raw numbers (no checks).
 * @example gammaGammaCustomerLogLikelihood(6.248794, 3.744587, 15.447763, 2, 22.35) // -3.5505
 */
export function gammaGammaCustomerLogLikelihood(p: number, q: number, gamma: number, x: number, zbar: number): number {
	const px = p * x;
	return logGamma(px + q) - logGamma(px) - logGamma(q) + q * log(gamma) + (px - 1) * log(zbar) + px * log(x) - (px + q) * log(gamma + x * zbar);
}

/**
 * Sum of the Gamma-Gamma log-likelihoods over the customers with x > 0 (the others carry no spend information).
 * @example gammaGammaTotalLogLikelihood({ p: 6.248794, q: 3.744587, gamma: 15.447763 }, cdnowCustomers) // -4055.923
 */
export function gammaGammaTotalLogLikelihood(parameters: GammaGammaParameters, customers: ReadonlyArray<SpendCustomer>): number {
	checkGammaGammaParameters(parameters, 'gammaGammaLogLikelihood');
	const { frequency, monetaryValue, size } = readSpendCustomers(customers, 'gammaGammaLogLikelihood');
	let total = 0;
	for (let i = 0; i < size; i++) total += gammaGammaCustomerLogLikelihood(parameters.p, parameters.q, parameters.gamma, frequency[i], monetaryValue[i]);
	return total;
}
