/**
 * The data of a BG/NBD or Pareto/NBD fit, checked once for both: the period unit (from the rows or the
 * options), the training window, the (x, t_x, T) rows compressed to unique triples with weights, and the two
 * conditions a fit needs.
 *
 *   needs: >= 2 customers with repeat purchases (x > 0) and some T > 0; times are later divided by max T
 * Reference: Fader, Hardie & Lee (2005), Marketing Science 24(2) (the (x, t_x, T) summary).
 *
 * Cost: O(n) for n customers.
 * @example readTransactionFitData(cdnowSummary, { periodUnit: 'week' }, 'fitBgNbd').data.size // 1016 unique triples
 */
import { LifecycleInputError } from '../errors';
import type { PeriodUnit } from '../profile/summarizeTransactions';
import type { CompressedCustomers } from './compressCustomers';
import { compressCustomers } from './compressCustomers';
import type { ChurnFitOptions } from './fitOptions';
import { readFitWeights, readTrainingWindow } from './fitOptions';
import type { BtydCustomer } from './readBtydCustomers';
import { readBtydCustomers, resolveCustomersPeriodUnit } from './readBtydCustomers';

export interface TransactionFitData {
	periodUnit: PeriodUnit;
	trainingWindow: { start: string; end: string } | undefined;
	data: CompressedCustomers;
}

export function readTransactionFitData(customers: ReadonlyArray<BtydCustomer>, options: ChurnFitOptions, caller: string): TransactionFitData {
	const periodUnit = resolveCustomersPeriodUnit(customers, options.periodUnit, caller);
	if (!periodUnit) {
		throw new LifecycleInputError(`${caller} requires options.periodUnit ('day' or 'week') when the customers do not carry periodUnit`, { field: 'periodUnit' });
	}
	const trainingWindow = readTrainingWindow(options.trainingWindow, caller);
	const arrays = readBtydCustomers(customers, caller, periodUnit);
	const data = compressCustomers(arrays, readFitWeights(options.weights, arrays.size, caller));
	if (data.repeatCustomers < 2) throw new LifecycleInputError(`${caller} requires at least 2 customers with repeat purchases; got ${data.repeatCustomers}`);
	if (!(data.maxAge > 0)) throw new LifecycleInputError(`${caller} requires at least one customer with T > 0`);
	return { periodUnit, trainingWindow, data };
}
