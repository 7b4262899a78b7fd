/**
 * Reads and checks BTYD customer summaries ({ frequency, recency, T } as Build Profile emits them) into
 * typed arrays, naming the first customer and field that cannot be used.
 *
 *   frequency x: integer from 0 to MAX_FREQUENCY (repeat purchases);  recency t_x: 0 <= t_x <= T, and t_x = 0 when x = 0;  T >= 0
 *
 * A row that carries `periodUnit` must be in the expected unit: a model fitted on weeks cannot read days.
 * Reference: Fader, Hardie & Lee (2005), "Counting your customers the easy way", Marketing Science 24(2):275-284,
 * http://brucehardie.com/papers/018/fader_et_al_mksc_05.pdf (section 2, the (x, t_x, T) summary).
 *
 * Cost: O(n).
 * @example readBtydCustomers([{ frequency: 2, recency: 30.43, T: 38.86 }], 'fitBgNbd').frequency // Int32Array [2]
 */
import { LifecycleInputError } from '../errors';
import { describeValue } from './describeValue';
import type { PeriodUnit } from '../profile/summarizeTransactions';

/** One customer's purchase summary: repeat purchases, time of the last one and age, in the model's period unit. */
export interface BtydCustomer {
	frequency: number;
	recency: number;
	T: number;
	/** Mean value of the repeat purchases (Gamma-Gamma input); null or absent when unknown. */
	monetaryValue?: number | null;
	/** Unit of recency and T, when the row says (Build Profile rows do). */
	periodUnit?: string;
}

export interface BtydArrays {
	frequency: Int32Array;
	recency: Float64Array;
	age: Float64Array;
	size: number;
}

/** Allowed slack when recency exceeds T by rounding (e.g. both rounded to 2 decimals). */
const ROUNDING_SLACK = 1e-9;
/**
 * Most repeat purchases one customer may have: the fits cost O(largest frequency) per evaluation (BG/NBD's sums
 * over x, Pareto/NBD's 2F1 series), so a corrupt 2,000,000 took 27 s and 2^31 would allocate 17 GB. 100,000
 * repeat purchase days is 270 years of daily buying.
 */
export const MAX_FREQUENCY = 100_000;

function reject(caller: string, customers: ReadonlyArray<BtydCustomer>, i: number, periodUnit: PeriodUnit | undefined): never {
	const customer = customers[i] as BtydCustomer | null | undefined;
	if (customer === null || typeof customer !== 'object') {
		throw new LifecycleInputError(`${caller} requires each customer to be an object with frequency, recency and T; customer ${i} is ${describeValue(customer)}`, { itemIndex: i });
	}
	const { frequency: x, recency: tx, T } = customer;
	if (typeof x !== 'number' || !Number.isInteger(x) || x < 0 || x > MAX_FREQUENCY) {
		throw new LifecycleInputError(`${caller} requires frequency to be a whole number from 0 to ${MAX_FREQUENCY}; customer ${i} has ${describeValue(x)}`, { itemIndex: i, field: 'frequency' });
	}
	if (typeof T !== 'number' || !Number.isFinite(T) || T < 0) {
		throw new LifecycleInputError(`${caller} requires T to be a finite number >= 0; customer ${i} has ${describeValue(T)}`, { itemIndex: i, field: 'T' });
	}
	if (x === 0 && tx !== 0) {
		throw new LifecycleInputError(`${caller} requires recency 0 when frequency is 0; customer ${i} has recency ${describeValue(tx)}`, { itemIndex: i, field: 'recency' });
	}
	if (typeof tx !== 'number' || !Number.isFinite(tx) || tx < 0 || tx > T * (1 + ROUNDING_SLACK) + ROUNDING_SLACK) {
		throw new LifecycleInputError(`${caller} requires 0 <= recency <= T; customer ${i} has recency ${describeValue(tx)} and T ${describeValue(T)}`, { itemIndex: i, field: 'recency' });
	}
	throw new LifecycleInputError(
		`${caller} requires customers in the model's period unit '${String(periodUnit)}'; customer ${i} is in ${describeValue(customer.periodUnit)} (rebuild the profiles with periodUnit '${String(periodUnit)}' or fit a model on that unit)`,
		{ itemIndex: i, field: 'periodUnit' },
	);
}

export function readBtydCustomers(customers: ReadonlyArray<BtydCustomer>, caller: string, periodUnit?: PeriodUnit): BtydArrays {
	if (!Array.isArray(customers)) throw new LifecycleInputError(`${caller} requires an array of customers`);
	const size = customers.length;
	const frequency = new Int32Array(size);
	const recency = new Float64Array(size);
	const age = new Float64Array(size);
	for (let i = 0; i < size; i++) {
		const customer = customers[i];
		if (customer === null || typeof customer !== 'object') reject(caller, customers, i, periodUnit);
		const x = customer.frequency;
		const tx = customer.recency;
		const T = customer.T;
		// One combined test on the fast path; reject() finds and names the problem.
		if (
			!(typeof x === 'number' && x >= 0 && x <= MAX_FREQUENCY && Math.floor(x) === x) ||
			!(typeof T === 'number' && T >= 0 && T < Number.POSITIVE_INFINITY) ||
			!(typeof tx === 'number' && tx >= 0 && tx <= T * (1 + ROUNDING_SLACK) + ROUNDING_SLACK) ||
			(x === 0 && tx !== 0) ||
			(periodUnit !== undefined && customer.periodUnit !== undefined && customer.periodUnit !== periodUnit)
		) {
			reject(caller, customers, i, periodUnit);
		}
		frequency[i] = x;
		recency[i] = tx < T ? tx : T;
		age[i] = T;
	}
	return { frequency, recency, age, size };
}

/**
 * The period unit of a set of rows: the option when given, else the rows' own (all the same), else undefined.
 * @example resolveCustomersPeriodUnit([{ frequency: 0, recency: 0, T: 3, periodUnit: 'week' }], undefined, 'fitBgNbd') // 'week'
 */
export function resolveCustomersPeriodUnit(
	customers: ReadonlyArray<BtydCustomer>,
	option: string | undefined,
	caller: string,
): PeriodUnit | undefined {
	if (option !== undefined && option !== 'day' && option !== 'week') {
		throw new LifecycleInputError(`${caller} requires periodUnit 'day' or 'week'; got ${describeValue(option)}`, { field: 'periodUnit' });
	}
	let found: string | undefined = option;
	for (let i = 0; i < customers.length; i++) {
		const unit = customers[i]?.periodUnit;
		if (unit === undefined) continue;
		if (unit !== 'day' && unit !== 'week') {
			throw new LifecycleInputError(`${caller} requires periodUnit 'day' or 'week'; customer ${i} has ${describeValue(unit)}`, { itemIndex: i, field: 'periodUnit' });
		}
		if (found === undefined) found = unit;
		else if (unit !== found) {
			throw new LifecycleInputError(`${caller} requires all customers in one period unit '${found}'; customer ${i} is in '${unit}'`, { itemIndex: i, field: 'periodUnit' });
		}
	}
	return found as PeriodUnit | undefined;
}
