/**
 * Customer lifetime value over a horizon, from a transaction model (BG/NBD or Pareto/NBD) and an expected spend
 * per purchase (e.g. Gamma-Gamma), discounted monthly, with the period conversion made explicit.
 *
 *   CLV = margin * spend * sum_{i=1..ceil(M)} (E[X(t_i) | x, t_x, T] - E[X(t_{i-1}) | x, t_x, T]) / (1 + d)^i
 *   t_i = min(i, M) * (model periods per month: 30.4375 days or 4.348214 weeks)
 * Reference: Fader, Hardie & Lee (2005), "RFM and CLV: using iso-value curves for customer base analysis",
 * JMR 42(4):415-430, http://brucehardie.com/papers/rfm_clv_2005-02-16.pdf
 *
 * Cost: O(ceil(M)) conditional expectations.
 * @example customerLifetimeValue(bgNbdModel, { frequency: 2, recency: 30.43, T: 38.86 }, { months: 12, expectedSpend: 24.65, discountRate: 0.01 })
 *   // 36.29 with the BG/NBD fitted on CDNOW (weeks)
 */
import { LifecycleInputError } from '../errors';
import type { TransactionModel } from './churnModelSchemas';
import { periodsPerMonth } from './convertDuration';
import { discountedExpectedPurchases } from './discountedExpectedPurchases';
import { parseChurnModel } from './parseChurnModel';
import type { BtydCustomer } from './readBtydCustomers';
import { readBtydCustomers } from './readBtydCustomers';
import { transactionPredictor } from './transactionPredictor';

export interface CustomerLifetimeValueOptions {
	/** Horizon in months (may be fractional). */
	months: number;
	/** Expected value of one purchase (e.g. gammaGammaExpectedSpend). */
	expectedSpend: number;
	/** Monthly discount rate d (default 0; 10 % a year is about 0.00797 a month). */
	discountRate?: number;
	/** Share of the spend that is profit (default 1). */
	margin?: number;
	/** Override of the model periods per month (lifetimes: 30 days or 4.345 weeks). */
	periodsPerMonth?: number;
}

/**
 * Checks a CLV horizon (0 < months <= 1200) and a monthly discount rate (>= 0), naming the caller.
 * @example checkDiscountOptions(12, 0.01, 'scoreCustomers') // no error
 */
export function checkDiscountOptions(months: number, discountRate: number, caller: string): void {
	if (!(months > 0) || !Number.isFinite(months) || months > 1200) {
		throw new LifecycleInputError(`${caller} requires a horizon of more than 0 and at most 1200 months; got ${months}`, { field: 'horizon' });
	}
	if (!(discountRate >= 0) || !Number.isFinite(discountRate)) {
		throw new LifecycleInputError(`${caller} requires a monthly discount rate >= 0; got ${discountRate}`, { field: 'discountRate' });
	}
}

export function customerLifetimeValue(model: TransactionModel, customer: BtydCustomer, options: CustomerLifetimeValueOptions): number {
	const caller = 'customerLifetimeValue';
	const parsed = parseChurnModel(model, ['bgnbd', 'paretonbd']) as TransactionModel;
	const discountRate = options.discountRate ?? 0;
	checkDiscountOptions(options.months, discountRate, caller);
	const margin = options.margin ?? 1;
	if (!Number.isFinite(options.expectedSpend) || !Number.isFinite(margin)) {
		throw new LifecycleInputError(`${caller} requires finite expectedSpend and margin; got ${options.expectedSpend} and ${margin}`);
	}
	const perMonth = options.periodsPerMonth ?? periodsPerMonth(parsed.periodUnit);
	if (!(perMonth > 0) || !Number.isFinite(perMonth)) throw new LifecycleInputError(`${caller} requires periodsPerMonth > 0; got ${perMonth}`);
	const { frequency, recency, age } = readBtydCustomers([customer], caller, parsed.periodUnit);
	const purchases = discountedExpectedPurchases(transactionPredictor(parsed), frequency[0], recency[0], age[0], {
		months: options.months,
		periodsPerMonth: perMonth,
		discountRate,
	});
	return margin * options.expectedSpend * purchases;
}
