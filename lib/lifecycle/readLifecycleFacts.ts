/**
 * Read the purchase facts of one item (a Build Profile profile, or any item with the same fields) that
 * every stage rule needs, rejecting missing fields and contradictions with an error naming the field.
 *
 * Fields: `observationEnd` (or the option asOf), `orders`, and for buyers `firstPurchaseAt`,
 * `lastPurchaseAt` and `frequency` (optional). Other fields (engagement, revenue, referrals, reviews,
 * churnProbability) are read by the rule that needs them.
 * Purchases count as purchase days: purchaseDays = frequency + 1 (distinct UTC days with a purchase, as
 * in the BTYD summary), so two orders on one day are one purchase. Without `frequency`:
 * purchaseDays = min(orders, days from the first to the last purchase day + 1).
 * Own gap (mean inter-purchase time) = (last purchase day - first purchase day) / (purchaseDays - 1).
 * Days since the last purchase = floor((observation time - last purchase) / 1 day), as Build Profile.
 * Contradictions rejected: the last purchase before the first, a purchase after the observation time,
 * more repeat purchase days than days between the first and the last purchase, purchase dates with 0 orders.
 * Reference: Fader, Hardie & Lee (2005), "Counting your customers the easy way", Marketing Science 24(2),
 * for frequency and recency; http://www.brucehardie.com/papers/018/fader_et_al_mksc_05.pdf.
 *
 * Cost: O(1) per item.
 * @example readLifecycleFacts({ observationEnd: '2024-03-31', orders: 3, frequency: 2, firstPurchaseAt: '2024-01-01', lastPurchaseAt: '2024-03-01' }, 0, resolved).ownGapDays // 30
 */
import { LifecycleInputError } from '../errors';
import { describeValue, isBlank, ownField } from '../fieldValues';
import { parseNumber } from '../profile/mapRecordToEvent';
import { MS_PER_DAY, parseTimestamp, utcDayIndex } from '../profile/parseTimestamp';
import type { ResolvedLifecycleOptions } from './resolveLifecycleOptions';

export interface LifecycleFacts {
	itemIndex: number;
	/** Observation time, ms since epoch. */
	asOf: number;
	/** Distinct purchase days; 0 for a customer who never bought. */
	purchaseDays: number;
	firstPurchase: number | null;
	lastPurchase: number | null;
	/** Mean days between purchase days; null below two purchase days. */
	ownGapDays: number | null;
	daysSinceLastPurchase: number | null;
}

/** A value as an error message shows it; a field the item lacks is "nothing (the field is missing)". */
export function describeFieldValue(value: unknown): string {
	return value === undefined ? 'nothing (the field is missing)' : describeValue(value);
}

export function inputError(options: ResolvedLifecycleOptions, itemIndex: number, field: string, need: string, got: unknown, hint: string): LifecycleInputError {
	return new LifecycleInputError(`${options.functionName} requires ${field} ${need}; got ${describeFieldValue(got)}`, { itemIndex, field, hint });
}

function isoDay(time: number): string {
	return new Date(time).toISOString().slice(0, 10);
}

function readCount(record: Record<string, unknown>, field: string, itemIndex: number, options: ResolvedLifecycleOptions, hint: string): number {
	const value = ownField(record, field);
	const parsed = parseNumber(value);
	if (parsed === undefined || !Number.isInteger(parsed) || parsed < 0) throw inputError(options, itemIndex, field, 'to be a whole number, 0 or more', value, hint);
	return parsed;
}

function readDate(record: Record<string, unknown>, field: string, itemIndex: number, options: ResolvedLifecycleOptions, hint: string): number {
	const value = ownField(record, field);
	const parsed = isBlank(value) ? undefined : parseTimestamp(value);
	if (parsed === undefined) throw inputError(options, itemIndex, field, 'to be a date (ISO 8601)', value, hint);
	return parsed;
}

export function readLifecycleFacts(item: unknown, itemIndex: number, options: ResolvedLifecycleOptions): LifecycleFacts {
	if (typeof item !== 'object' || item === null || Array.isArray(item)) {
		throw inputError(options, itemIndex, 'item', 'to be an object with the fields of a profile', item, 'Feed the items of Build Profile, or items with the same fields');
	}
	const record = item as Record<string, unknown>;
	const asOf =
		options.asOf ??
		readDate(record, 'observationEnd', itemIndex, options, 'Feed the profiles of Build Profile (they carry observationEnd), or set the option Observation Time');
	const orders = readCount(record, 'orders', itemIndex, options, 'Map the number of orders of the customer (0 if none), as Build Profile outputs it');
	if (orders === 0) {
		for (const field of ['firstPurchaseAt', 'lastPurchaseAt']) {
			const value = ownField(record, field);
			if (!isBlank(value)) throw inputError(options, itemIndex, field, 'to be empty when orders is 0', value, 'The item has a purchase date but no orders: fix orders or the purchase dates');
		}
		return { itemIndex, asOf, purchaseDays: 0, firstPurchase: null, lastPurchase: null, ownGapDays: null, daysSinceLastPurchase: null };
	}
	const firstPurchase = readDate(record, 'firstPurchaseAt', itemIndex, options, 'A customer with orders needs the date of the first purchase');
	const lastPurchase = readDate(record, 'lastPurchaseAt', itemIndex, options, 'A customer with orders needs the date of the last purchase');
	if (lastPurchase < firstPurchase) {
		throw inputError(options, itemIndex, 'lastPurchaseAt', `to be at or after firstPurchaseAt (${new Date(firstPurchase).toISOString()})`, ownField(record, 'lastPurchaseAt'), 'The last purchase is before the first: swap or fix the two dates');
	}
	if (lastPurchase > asOf) {
		throw inputError(options, itemIndex, 'lastPurchaseAt', `to be at or before the observation time (${new Date(asOf).toISOString()})`, ownField(record, 'lastPurchaseAt'), 'Move the observation time after the last purchase, or leave Observation Time empty to use observationEnd');
	}
	const spanDays = utcDayIndex(lastPurchase) - utcDayIndex(firstPurchase);
	let purchaseDays: number;
	const frequencyValue = ownField(record, 'frequency');
	if (isBlank(frequencyValue)) {
		if (orders === 1 && spanDays > 0) {
			throw inputError(options, itemIndex, 'orders', `to be more than 1 when the first (${isoDay(firstPurchase)}) and last purchase (${isoDay(lastPurchase)}) are on different days`, orders, 'Fix orders or the purchase dates');
		}
		purchaseDays = Math.min(orders, spanDays + 1);
	} else {
		const frequency = readCount(record, 'frequency', itemIndex, options, 'frequency is the number of repeat purchase days (distinct purchase days minus one)');
		if (frequency > spanDays || (frequency === 0 && spanDays > 0)) {
			throw inputError(
				options,
				itemIndex,
				'frequency',
				`to fit the purchase dates: between ${isoDay(firstPurchase)} and ${isoDay(lastPurchase)} there can be ${spanDays === 0 ? 'no' : `1 to ${spanDays}`} repeat purchase days`,
				frequencyValue,
				'frequency, firstPurchaseAt and lastPurchaseAt contradict each other: rebuild the profile',
			);
		}
		purchaseDays = frequency + 1;
	}
	return {
		itemIndex,
		asOf,
		purchaseDays,
		firstPurchase,
		lastPurchase,
		ownGapDays: purchaseDays >= 2 ? spanDays / (purchaseDays - 1) : null,
		daysSinceLastPurchase: Math.floor((asOf - lastPurchase) / MS_PER_DAY),
	};
}
