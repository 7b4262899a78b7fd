/**
 * Gamma-Gamma expected mean transaction value of a customer, given x repeat purchases with mean value zbar.
 *
 *   E[M | x, zbar] = (1 - w) * gamma p / (q - 1) + w * zbar,   w = p x / (p x + q - 1)
 * a weighted mean of the population mean gamma p/(q-1) and the customer's own mean; x = 0 gives the population
 * mean (needs q > 1).
 * Reference: Fader, Hardie & Lee (2005), "RFM and CLV", JMR 42(4), eq. (5); Fader & Hardie (2013),
 * "The Gamma-Gamma model of monetary value", eq. (4), http://brucehardie.com/notes/025/gamma_gamma.pdf
 *
 * Cost: O(1).
 * @example gammaGammaExpectedSpend({ p: 6.25, q: 3.74, gamma: 15.44 }, { frequency: 2, monetaryValue: 22.35 }) // 24.65
 */
import type { GammaGammaParameters } from './gammaGammaParameters';
import { checkGammaGammaParameters } from './gammaGammaParameters';
import type { SpendCustomer } from './readSpendCustomers';
import { describeValue } from './describeValue';

/**
 * E[M | x, zbar] from raw numbers (no checks); NaN when the expectation does not exist (p x + q <= 1).
 * @example gammaGammaExpectedSpendUnchecked(6.25, 3.74, 15.44, 2, 22.35) // 24.66
 */
export function gammaGammaExpectedSpendUnchecked(p: number, q: number, gamma: number, x: number, zbar: number): number {
	if (x === 0) return q > 1 ? (gamma * p) / (q - 1) : Number.NaN;
	const denominator = p * x + q - 1;
	if (!(denominator > 0)) return Number.NaN;
	return (p * (gamma + x * zbar)) / denominator;
}

export function gammaGammaExpectedSpend(parameters: GammaGammaParameters, customer: SpendCustomer): number {
	checkGammaGammaParameters(parameters, 'gammaGammaExpectedSpend');
	const x = customer?.frequency;
	if (typeof x !== 'number' || !Number.isInteger(x) || x < 0) throw new Error(`gammaGammaExpectedSpend requires frequency to be a whole number >= 0; got ${describeValue(x)}`);
	const zbar = x === 0 ? 0 : customer.monetaryValue;
	if (x > 0 && (typeof zbar !== 'number' || !Number.isFinite(zbar) || zbar < 0)) {
		throw new Error(`gammaGammaExpectedSpend requires a finite monetaryValue >= 0 when frequency > 0; got ${describeValue(zbar)}`);
	}
	const { p, q, gamma } = parameters;
	const value = gammaGammaExpectedSpendUnchecked(p, q, gamma, x, zbar as number);
	if (Number.isNaN(value)) throw new Error(`gammaGammaExpectedSpend requires q > 1 (got q = ${q}) for a customer with ${x} repeat purchases: the model's mean spend is infinite`);
	return value;
}
