/**
 * Holdout check of a fitted transaction model: predicted against actual repeat purchases after the calibration
 * end, per period (incremental and cumulative) and in total, by number of calibration purchases, and how well
 * P(alive) and expected purchases rank the customers who bought again (AUC).
 *
 *   predicted cumulative at k = sum_i E[X(k w) | x_i, t_x_i, T_i]        (w = bin width, in model periods)
 *   actual cumulative at k    = number of holdout purchases at times in (0, k w]
 *   by calibration frequency f = 0, 1, ..., cap-1, cap+: mean actual and mean E[X(L) | ...] (L = holdout length)
 *   AUC: scores P(alive), P(any purchase in (T, T+L]) (= 1 - churnProbability of scoreCustomers) and E[X(L) | ...]
 *   against "bought at least once in the holdout" (BG/NBD's P(alive) is 1 for every x = 0 customer, so it ranks
 *   poorly; the purchase probability is the score to use)
 * Holdout purchase times are in model periods after the calibration end, one entry per purchase day
 * (the papers' "transactions").
 * Reference: Fader, Hardie & Lee (2005), "Counting your customers the easy way", Marketing Science 24(2),
 * figures 2-4 (CDNOW: 1,882 actual repeat transactions in weeks 40-78); Hanley & McNeil (1982) for the AUC.
 *
 * Cost: O(n + P + u (K + 1) k) for n customers, P holdout purchases, u unique triples, K periods, k series terms.
 * @example evaluateHoldout(cdnowModel, cdnowCustomers, { purchaseTimes, length: 39 }).total // { actual: 1882, predicted: 1653.4 }
 */
import { LifecycleInputError } from '../errors';
import { areaUnderRocCurve } from '../learn/areaUnderRocCurve';
import type { TransactionModel } from './churnModelSchemas';
import { compressCustomers } from './compressCustomers';
import { parseChurnModel } from './parseChurnModel';
import type { BtydCustomer } from './readBtydCustomers';
import { readBtydCustomers } from './readBtydCustomers';
import { transactionPredictor } from './transactionPredictor';
import { describeValue } from './describeValue';

export interface HoldoutPurchases {
	/** Per customer (same order), the times of their holdout purchases in model periods after the calibration end. */
	purchaseTimes: ReadonlyArray<ReadonlyArray<number>>;
	/** Length of the holdout period, in model periods. */
	length: number;
}

export interface EvaluateHoldoutOptions {
	/** Width of the tracking bins in model periods (default 1: weeks for a weekly model). */
	binWidth?: number;
	/** Customers with this many calibration purchases or more share the last group (default 7). */
	frequencyCap?: number;
}

export interface HoldoutPeriod {
	period: number;
	/** End of the bin, in model periods after the calibration end. */
	end: number;
	actual: number;
	predicted: number;
	actualCumulative: number;
	predictedCumulative: number;
}

export interface HoldoutFrequencyGroup {
	/** '0', '1', ..., and e.g. '7+'. */
	frequency: string;
	customers: number;
	actualMean: number;
	predictedMean: number;
}

export interface HoldoutEvaluation {
	customers: number;
	length: number;
	total: { actual: number; predicted: number };
	periods: HoldoutPeriod[];
	byCalibrationFrequency: HoldoutFrequencyGroup[];
	/** Customers with at least one holdout purchase. */
	buyers: number;
	auc: { probabilityAlive: number; probabilityOfPurchase: number; expectedPurchases: number } | null;
	meanAbsoluteError: number;
}

export function evaluateHoldout(
	model: TransactionModel,
	customers: ReadonlyArray<BtydCustomer>,
	holdout: HoldoutPurchases,
	options: EvaluateHoldoutOptions = {},
): HoldoutEvaluation {
	const caller = 'evaluateHoldout';
	const parsed = parseChurnModel(model, ['bgnbd', 'paretonbd']) as TransactionModel;
	const length = holdout?.length;
	if (typeof length !== 'number' || !(length > 0) || !Number.isFinite(length)) {
		throw new LifecycleInputError(`${caller} requires a holdout length > 0 in model periods; got ${describeValue(length)}`, { field: 'length' });
	}
	const binWidth = options.binWidth ?? 1;
	if (!(binWidth > 0) || !Number.isFinite(binWidth)) throw new LifecycleInputError(`${caller} requires binWidth > 0; got ${binWidth}`, { field: 'binWidth' });
	const cap = options.frequencyCap ?? 7;
	if (!Number.isInteger(cap) || cap < 1) throw new LifecycleInputError(`${caller} requires a whole frequencyCap >= 1; got ${cap}`, { field: 'frequencyCap' });
	const arrays = readBtydCustomers(customers, caller, parsed.periodUnit);
	if (!Array.isArray(holdout.purchaseTimes) || holdout.purchaseTimes.length !== arrays.size) {
		throw new LifecycleInputError(`${caller} requires one list of holdout purchase times per customer; got ${Array.isArray(holdout.purchaseTimes) ? holdout.purchaseTimes.length : 0} for ${arrays.size} customers`, {
			field: 'purchaseTimes',
		});
	}
	const bins = Math.ceil(length / binWidth - 1e-9);
	const ends = Array.from({ length: bins }, (_, k) => Math.min((k + 1) * binWidth, length));
	const actualPerBin = new Array<number>(bins).fill(0);
	const actualPerCustomer = new Float64Array(arrays.size);
	holdout.purchaseTimes.forEach((times, i) => {
		if (!Array.isArray(times)) throw new LifecycleInputError(`${caller} requires an array of purchase times for customer ${i}`, { itemIndex: i, field: 'purchaseTimes' });
		for (const time of times) {
			if (typeof time !== 'number' || !(time > 0) || time > length * (1 + 1e-12)) {
				throw new LifecycleInputError(`${caller} requires holdout purchase times in (0, ${length}]; customer ${i} has ${describeValue(time)}`, { itemIndex: i, field: 'purchaseTimes' });
			}
			actualPerBin[Math.min(bins - 1, Math.ceil(time / binWidth - 1e-9) - 1)]++;
			actualPerCustomer[i]++;
		}
	});

	const data = compressCustomers(arrays);
	const predictor = transactionPredictor(parsed);
	const cumulative = new Array<number>(bins).fill(0);
	const alivePerTriple = new Float64Array(data.size);
	const purchasePerTriple = new Float64Array(data.size);
	const expectedPerTriple = new Float64Array(data.size);
	for (let k = 0; k < data.size; k++) {
		const x = data.frequency[k];
		const tx = data.recencyValues[data.recencyIndex[k]];
		const T = data.ageValues[data.ageIndex[k]];
		alivePerTriple[k] = predictor.probabilityAlive(x, tx, T);
		purchasePerTriple[k] = 1 - predictor.probabilityNoPurchase(x, tx, T, length);
		for (let b = 0; b < bins; b++) {
			const expected = predictor.conditionalExpectedPurchases(x, tx, T, ends[b]);
			cumulative[b] += data.weight[k] * expected;
			if (b === bins - 1) expectedPerTriple[k] = expected;
		}
	}
	let actualCumulative = 0;
	const periods = ends.map((end, b) => {
		actualCumulative += actualPerBin[b];
		return {
			period: b + 1,
			end,
			actual: actualPerBin[b],
			predicted: cumulative[b] - (b > 0 ? cumulative[b - 1] : 0),
			actualCumulative,
			predictedCumulative: cumulative[b],
		};
	});

	const groups = Array.from({ length: cap + 1 }, (_, f) => ({ frequency: f === cap ? `${cap}+` : String(f), customers: 0, actual: 0, predicted: 0 }));
	const alive = new Float64Array(arrays.size);
	const expected = new Float64Array(arrays.size);
	const purchase = new Float64Array(arrays.size);
	const bought = new Uint8Array(arrays.size);
	let buyers = 0;
	let absoluteError = 0;
	for (let i = 0; i < arrays.size; i++) {
		const triple = data.tripleOf[i];
		alive[i] = alivePerTriple[triple];
		expected[i] = expectedPerTriple[triple];
		purchase[i] = purchasePerTriple[triple];
		bought[i] = actualPerCustomer[i] > 0 ? 1 : 0;
		buyers += bought[i];
		absoluteError += Math.abs(actualPerCustomer[i] - expected[i]);
		const group = groups[Math.min(cap, arrays.frequency[i])];
		group.customers++;
		group.actual += actualPerCustomer[i];
		group.predicted += expected[i];
	}
	const hasBothClasses = buyers > 0 && buyers < arrays.size;
	return {
		customers: arrays.size,
		length,
		total: { actual: actualCumulative, predicted: bins > 0 ? cumulative[bins - 1] : 0 },
		periods,
		byCalibrationFrequency: groups.map((group) => ({
			frequency: group.frequency,
			customers: group.customers,
			actualMean: group.customers > 0 ? group.actual / group.customers : 0,
			predictedMean: group.customers > 0 ? group.predicted / group.customers : 0,
		})),
		buyers,
		auc: hasBothClasses
			? {
					probabilityAlive: areaUnderRocCurve(alive, bought),
					probabilityOfPurchase: areaUnderRocCurve(purchase, bought),
					expectedPurchases: areaUnderRocCurve(expected, bought),
				}
			: null,
		meanAbsoluteError: arrays.size > 0 ? absoluteError / arrays.size : 0,
	};
}
