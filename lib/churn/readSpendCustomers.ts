/**
 * Reads and checks the Gamma-Gamma input: per customer the number of repeat purchases x and their mean value
 * (monetaryValue, zbar). Only customers with x > 0 carry information about spend; customers with x = 0 are
 * skipped by the fit (their monetaryValue is ignored, as Build Profile sets it to 0).
 *
 *   kept: x >= 1 (whole number) and monetaryValue > 0 (finite)
 * Reference: Fader & Hardie (2013), "The Gamma-Gamma model of monetary value", section 2,
 * http://brucehardie.com/notes/025/gamma_gamma.pdf
 *
 * Cost: O(n).
 * @example readSpendCustomers([{ frequency: 2, monetaryValue: 22.35 }, { frequency: 0, monetaryValue: 0 }], 'fitGammaGamma')
 *   // { frequency: Float64Array [2], monetaryValue: Float64Array [22.35], size: 1 }
 */
import { LifecycleInputError } from '../errors';
import { describeValue } from './describeValue';

export interface SpendCustomer {
	frequency: number;
	monetaryValue?: number | null;
}

export function readSpendCustomers(customers: ReadonlyArray<SpendCustomer>, caller: string): { frequency: Float64Array; monetaryValue: Float64Array; size: number } {
	if (!Array.isArray(customers)) throw new LifecycleInputError(`${caller} requires an array of customers`);
	const frequency: number[] = [];
	const monetaryValue: number[] = [];
	customers.forEach((customer, i) => {
		const x = customer?.frequency;
		if (typeof x !== 'number' || !Number.isInteger(x) || x < 0) {
			throw new LifecycleInputError(`${caller} requires frequency to be a whole number >= 0; customer ${i} has ${describeValue(x)}`, { itemIndex: i, field: 'frequency' });
		}
		if (x === 0) return;
		const m = customer.monetaryValue;
		if (typeof m !== 'number' || !Number.isFinite(m) || !(m > 0)) {
			throw new LifecycleInputError(`${caller} requires a positive monetaryValue for customers with repeat purchases; customer ${i} has ${describeValue(m)}`, {
				itemIndex: i,
				field: 'monetaryValue',
				hint: 'Gamma-Gamma needs one currency and positive repeat-purchase values; filter out refunds and mixed currencies',
			});
		}
		frequency.push(x);
		monetaryValue.push(m);
	});
	return { frequency: Float64Array.from(frequency), monetaryValue: Float64Array.from(monetaryValue), size: frequency.length };
}
