/**
 * BTYD summary of a transaction log: per customer, frequency x, recency t_x, age T and mean repeat
 * spend, the input of BG/NBD, Pareto/NBD and Gamma-Gamma.
 *
 *   x   = (number of distinct grouping units with a purchase) - 1     (repeat purchases only)
 *   t_x = (last purchase unit - first purchase unit) / units per period
 *   T   = (observation end unit - first purchase unit) / units per period
 *   monetaryValue = mean value of the repeat purchase units (values in one unit summed first; 0 when x = 0)
 *
 * The grouping unit (calendar day, UTC) and the period unit of the outputs (day or week) are two
 * separate choices: CDNOW counts purchase days and reports weeks. Transactions after the observation
 * end are left out. Reference: Fader, Hardie & Lee (2005), "Counting your customers the easy way",
 * Marketing Science 24(2); http://brucehardie.com/papers/018/fader_et_al_mksc_05.pdf
 *
 * Cost: O(n + c log d) for n transactions, c customers with at most d purchase days each.
 * @example summarizeTransactions([{ customerId: '1', timestamp: '2015-02-01' }, { customerId: '1', timestamp: '2015-02-06' }],
 *   { observationEnd: '2015-02-07', periodUnit: 'day' }) // [{ customerId: '1', frequency: 1, recency: 5, T: 6, monetaryValue: 0 }]
 */
import { LifecycleInputError } from '../errors';
import { parseTimestamp, utcDayIndex } from './parseTimestamp';

export type PeriodUnit = 'day' | 'week';

export interface Transaction {
	customerId: string;
	timestamp: number | string | Date;
	value?: number;
}

export interface SummarizeOptions {
	/** Inclusive end of the observation window; default: the latest transaction. */
	observationEnd?: number | string | Date;
	/** Unit of recency and T (default 'day'). Purchases are always grouped by calendar day. */
	periodUnit?: PeriodUnit;
}

export interface TransactionSummary {
	customerId: string;
	frequency: number;
	recency: number;
	T: number;
	monetaryValue: number;
}

export const DAYS_PER_PERIOD: Record<PeriodUnit, number> = { day: 1, week: 7 };

export function resolvePeriodUnit(unit: string | undefined, caller: string): PeriodUnit {
	if (unit === undefined) return 'day';
	if (unit === 'day' || unit === 'week') return unit;
	throw new LifecycleInputError(`${caller} requires periodUnit 'day' or 'week'; got "${String(unit)}"`, {
		field: 'periodUnit',
	});
}

/**
 * Summarise purchases already reduced to (customer, UTC day, value). Shared by summarizeTransactions
 * and buildProfiles so that both compute the same numbers.
 */
export function summarizePurchaseDays(
	customerCount: number,
	customerOf: Int32Array,
	dayOf: Float64Array,
	valueOf: Float64Array,
	length: number,
	observationEndDay: number,
	periodUnit: PeriodUnit,
): { frequency: Int32Array; firstDay: Float64Array; lastDay: Float64Array; recency: Float64Array; T: Float64Array; monetaryValue: Float64Array } {
	// Counting sort by customer, then sort each customer's few days.
	const starts = new Int32Array(customerCount + 1);
	for (let i = 0; i < length; i++) starts[customerOf[i] + 1]++;
	for (let c = 0; c < customerCount; c++) starts[c + 1] += starts[c];
	const cursor = starts.slice(0, customerCount);
	const order = new Int32Array(length);
	for (let i = 0; i < length; i++) order[cursor[customerOf[i]]++] = i;

	const frequency = new Int32Array(customerCount);
	const firstDay = new Float64Array(customerCount).fill(Number.NaN);
	const lastDay = new Float64Array(customerCount).fill(Number.NaN);
	const recency = new Float64Array(customerCount);
	const T = new Float64Array(customerCount);
	const monetaryValue = new Float64Array(customerCount);
	const daysPerPeriod = DAYS_PER_PERIOD[periodUnit];
	let days = new Float64Array(64);
	let values = new Float64Array(64);
	// Equal days by value, so a day's spend is summed in the same order whatever order the purchases came in.
	const byDay = (a: number, b: number) => dayOf[a] - dayOf[b] || valueOf[a] - valueOf[b];

	for (let c = 0; c < customerCount; c++) {
		const from = starts[c];
		const to = starts[c + 1];
		if (from === to) continue;
		const slice = Array.from(order.subarray(from, to));
		if (slice.length > 1) slice.sort(byDay);
		if (slice.length > days.length) {
			days = new Float64Array(slice.length * 2);
			values = new Float64Array(slice.length * 2);
		}
		let unitCount = 0;
		for (const index of slice) {
			const day = dayOf[index];
			if (unitCount > 0 && days[unitCount - 1] === day) values[unitCount - 1] += valueOf[index];
			else {
				days[unitCount] = day;
				values[unitCount] = valueOf[index];
				unitCount++;
			}
		}
		let repeatSpend = 0;
		for (let u = 1; u < unitCount; u++) repeatSpend += values[u];
		frequency[c] = unitCount - 1;
		firstDay[c] = days[0];
		lastDay[c] = days[unitCount - 1];
		recency[c] = (days[unitCount - 1] - days[0]) / daysPerPeriod;
		T[c] = (observationEndDay - days[0]) / daysPerPeriod;
		monetaryValue[c] = unitCount > 1 ? repeatSpend / (unitCount - 1) : 0;
	}
	return { frequency, firstDay, lastDay, recency, T, monetaryValue };
}

export function summarizeTransactions(transactions: Transaction[], options: SummarizeOptions = {}): TransactionSummary[] {
	const periodUnit = resolvePeriodUnit(options.periodUnit, 'summarizeTransactions');
	const n = transactions.length;
	const timestamps = new Float64Array(n);
	let latest = Number.NEGATIVE_INFINITY;
	// Lines of one order share their timestamp text: parse each distinct run once.
	let previousText: unknown;
	let previousTime: number | undefined;
	for (let i = 0; i < n; i++) {
		const transaction = transactions[i];
		const time = transaction.timestamp === previousText ? previousTime : parseTimestamp(transaction.timestamp);
		previousText = transaction.timestamp;
		previousTime = time;
		if (time === undefined) {
			throw new LifecycleInputError(
				`summarizeTransactions requires a valid timestamp; transaction ${i} has "${String(transaction.timestamp)}"`,
				{ itemIndex: i, field: 'timestamp', hint: 'Use ISO 8601, e.g. 2011-12-09 or 2011-12-09T12:50:00Z' },
			);
		}
		if (typeof transaction.customerId !== 'string' || transaction.customerId === '') {
			throw new LifecycleInputError(`summarizeTransactions requires a customerId; transaction ${i} has none`, {
				itemIndex: i,
				field: 'customerId',
			});
		}
		const value = transaction.value ?? 0;
		if (typeof value !== 'number' || !Number.isFinite(value)) {
			throw new LifecycleInputError(`summarizeTransactions requires a finite numeric value; transaction ${i} has "${String(value)}"`, {
				itemIndex: i,
				field: 'value',
			});
		}
		timestamps[i] = time;
		if (time > latest) latest = time;
	}
	let end = latest;
	if (options.observationEnd !== undefined) {
		const parsed = parseTimestamp(options.observationEnd);
		if (parsed === undefined) {
			throw new LifecycleInputError(`summarizeTransactions requires a valid observationEnd; got "${String(options.observationEnd)}"`, {
				field: 'observationEnd',
			});
		}
		end = parsed;
	}
	const customerIndex = new Map<string, number>();
	const ids: string[] = [];
	const customerOf = new Int32Array(n);
	const dayOf = new Float64Array(n);
	const valueOf = new Float64Array(n);
	let kept = 0;
	for (let i = 0; i < n; i++) {
		if (timestamps[i] > end) continue;
		const id = transactions[i].customerId;
		let c = customerIndex.get(id);
		if (c === undefined) {
			c = ids.length;
			customerIndex.set(id, c);
			ids.push(id);
		}
		customerOf[kept] = c;
		dayOf[kept] = utcDayIndex(timestamps[i]);
		valueOf[kept] = transactions[i].value ?? 0;
		kept++;
	}
	const summary = summarizePurchaseDays(ids.length, customerOf, dayOf, valueOf, kept, utcDayIndex(end), periodUnit);
	return ids.map((customerId, c) => ({
		customerId,
		frequency: summary.frequency[c],
		recency: summary.recency[c],
		T: summary.T[c],
		monetaryValue: summary.monetaryValue[c],
	}));
}
