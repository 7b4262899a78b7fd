/**
 * Scores customers with a fitted transaction model (BG/NBD or Pareto/NBD) and, optionally, a Gamma-Gamma spend
 * model: P(alive), churn probability, expected purchases and spend, CLV over a horizon, and the raw numbers
 * behind "why" explanations.
 *
 * Per customer with (x, t_x, T) in the model's period unit, horizon h (converted explicitly to model periods):
 *   probabilityAlive   = P(alive at T | x, t_x, T)
 *   churnProbability   = P(no purchase in (T, T+h] | x, t_x, T) = 1 - P(alive) + P(alive) P0(h)
 *                        (defined on purchases, so it can be checked against what customers do next; 1 - P(alive)
 *                        is the share already gone, the rest the chance an active customer still buys nothing)
 *   expectedPurchases  = E[X(h) | x, t_x, T]
 *   expectedSpend      = E[M | x, zbar] (Gamma-Gamma; null without a spend model)
 *   predictedClv       = margin * expectedSpend * sum_i dE[X(month i)] / (1+d)^i  (null without a spend model)
 *   periodsSinceLastPurchase = T - t_x;  usualGapPeriods = t_x / x (x > 0, else null);
 *   overdueRatio = (T - t_x) / usualGapPeriods (null when x = 0)
 * Computed once per unique (x, t_x, T). Rows that carry periodUnit must match the model's; a horizon in another
 * unit is converted (1 week = 7 days, 1 month = 30.4375 days).
 * Reference: Fader, Hardie & Lee (2005), Marketing Science 24(2) and JMR 42(4); Fader & Hardie (2013),
 * http://brucehardie.com/notes/025/gamma_gamma.pdf
 *
 * Cost: O(n) plus O(u (1 + M) k) for u unique triples, M months of CLV and k series terms.
 * @example scoreCustomers(bgNbdModel, [{ frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 }],
 *   { horizon: 39, spendModel: gammaGammaModel })[0]
 *   // { probabilityAlive: 0.7266, churnProbability: 0.4454, expectedPurchases: 1.2259, expectedSpend: 24.66, predictedClv: 30.23,
 *   //   periodsSinceLastPurchase: 8.43, usualGapPeriods: 15.215, overdueRatio: 0.554 } (CDNOW fits)
 */
import { LifecycleInputError } from '../errors';
import type { GammaGammaModel, TransactionModel } from './churnModelSchemas';
import { checkDiscountOptions } from './customerLifetimeValue';
import type { DurationUnit } from './convertDuration';
import { convertDuration, periodsPerMonth } from './convertDuration';
import { compressCustomers } from './compressCustomers';
import { discountedExpectedPurchases } from './discountedExpectedPurchases';
import { gammaGammaExpectedSpendUnchecked } from './gammaGammaExpectedSpend';
import { parseChurnModel } from './parseChurnModel';
import type { BtydCustomer } from './readBtydCustomers';
import { readBtydCustomers, resolveCustomersPeriodUnit } from './readBtydCustomers';
import { transactionPredictor } from './transactionPredictor';
import { describeValue } from './describeValue';

export interface ScoreCustomersOptions {
	/** Length of the prediction horizon. */
	horizon: number;
	/** Unit of the horizon; default the model's period unit. */
	horizonUnit?: DurationUnit;
	/** Discount rate per month for CLV, d in (1+d)^-month (default 0; 10 % a year is about 0.00797 a month). */
	discountRate?: number;
	/** Gamma-Gamma model for expected spend and CLV. */
	spendModel?: GammaGammaModel;
	/** Share of spend that is profit (default 1). */
	margin?: number;
	/** Unit of the customers' recency and T when the rows do not say; must be the model's. */
	periodUnit?: 'day' | 'week';
}

export interface CustomerChurnScore {
	probabilityAlive: number;
	/** P(no purchase within the horizon). */
	churnProbability: number;
	expectedPurchases: number;
	expectedSpend: number | null;
	predictedClv: number | null;
	periodsSinceLastPurchase: number;
	usualGapPeriods: number | null;
	overdueRatio: number | null;
}

export function scoreCustomers(model: TransactionModel, customers: ReadonlyArray<BtydCustomer>, options: ScoreCustomersOptions): CustomerChurnScore[] {
	const caller = 'scoreCustomers';
	const parsed = parseChurnModel(model, ['bgnbd', 'paretonbd']) as TransactionModel;
	const spendModel = options.spendModel === undefined ? undefined : (parseChurnModel(options.spendModel, ['gammagamma']) as GammaGammaModel);
	const unit = resolveCustomersPeriodUnit(customers, options.periodUnit, caller);
	if (unit !== undefined && unit !== parsed.periodUnit) {
		throw new LifecycleInputError(
			`${caller} requires customers in the model's period unit '${parsed.periodUnit}'; the customers are in '${unit}' (rebuild the profiles in '${parsed.periodUnit}' or fit a model on '${unit}')`,
			{ field: 'periodUnit' },
		);
	}
	const horizonUnit = options.horizonUnit ?? parsed.periodUnit;
	if (!['day', 'week', 'month'].includes(horizonUnit)) throw new LifecycleInputError(`${caller} requires horizonUnit 'day', 'week' or 'month'; got '${String(horizonUnit)}'`, { field: 'horizonUnit' });
	const horizonMonths = convertDuration(options.horizon, horizonUnit, 'month');
	const discountRate = options.discountRate ?? 0;
	checkDiscountOptions(horizonMonths, discountRate, caller);
	const horizon = convertDuration(options.horizon, horizonUnit, parsed.periodUnit);
	const margin = options.margin ?? 1;
	if (!Number.isFinite(margin)) throw new LifecycleInputError(`${caller} requires a finite margin; got ${margin}`, { field: 'margin' });

	const arrays = readBtydCustomers(customers, caller, parsed.periodUnit);
	const data = compressCustomers(arrays);
	const predictor = transactionPredictor(parsed);
	const perTriple = Array.from({ length: data.size }, (_, k) => {
		const x = data.frequency[k];
		const tx = data.recencyValues[data.recencyIndex[k]];
		const T = data.ageValues[data.ageIndex[k]];
		return {
			probabilityAlive: predictor.probabilityAlive(x, tx, T),
			churnProbability: predictor.probabilityNoPurchase(x, tx, T, horizon),
			expectedPurchases: predictor.conditionalExpectedPurchases(x, tx, T, horizon),
			discountedPurchases: spendModel
				? discountedExpectedPurchases(predictor, x, tx, T, { months: horizonMonths, periodsPerMonth: periodsPerMonth(parsed.periodUnit), discountRate })
				: 0,
		};
	});
	return customers.map((customer, i) => {
		const triple = perTriple[data.tripleOf[i]];
		const x = arrays.frequency[i];
		const tx = arrays.recency[i];
		const T = arrays.age[i];
		let expectedSpend: number | null = null;
		if (spendModel) {
			const zbar = customer.monetaryValue;
			if (x > 0 && (typeof zbar !== 'number' || !Number.isFinite(zbar) || zbar < 0)) {
				throw new LifecycleInputError(`${caller} requires monetaryValue >= 0 for customers with repeat purchases when a spend model is given; customer ${i} has ${describeValue(zbar)}`, {
					itemIndex: i,
					field: 'monetaryValue',
				});
			}
			expectedSpend = gammaGammaExpectedSpendUnchecked(spendModel.p, spendModel.q, spendModel.gamma, x, x > 0 ? (zbar as number) : 0);
			if (Number.isNaN(expectedSpend)) {
				throw new LifecycleInputError(`${caller} requires a spend model with q > 1 (got ${spendModel.q}): its mean spend is infinite`, { field: 'spendModel' });
			}
		}
		const usualGapPeriods = x > 0 ? tx / x : null;
		return {
			probabilityAlive: triple.probabilityAlive,
			churnProbability: triple.churnProbability,
			expectedPurchases: triple.expectedPurchases,
			expectedSpend,
			predictedClv: expectedSpend === null ? null : margin * expectedSpend * triple.discountedPurchases,
			periodsSinceLastPurchase: T - tx,
			usualGapPeriods,
			overdueRatio: usualGapPeriods !== null && usualGapPeriods > 0 ? (T - tx) / usualGapPeriods : null,
		};
	});
}
