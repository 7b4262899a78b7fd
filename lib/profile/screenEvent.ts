/**
 * Screening: what one event can contribute, judged on the event alone and the run's settings (plus, without an
 * explicit observation end, the outlier limit of the batch it arrived in). An event is either refused as bad input
 * (an InputIssue, never aggregated), or kept with its value in the reporting currency and, when it is counted but
 * not used, the reason (after the observation end, a zero-value purchase, an ignored refund). Duplicates and
 * superseded order snapshots depend on other events and are decided on reading (resolveEventCopies).
 *
 * Cost: O(1) per event; outlierLimitOf O(n log n) for a batch of n events.
 * @example screenEvent({ type: 'purchase', value: 0, timestamp: 0, sourceIndex: 0, customerId: 'C1' }, settings) // { value: 0, skip: 'zeroValuePurchase' } with zeroValuePurchases 'ignore'
 */
import type { InputIssue } from '../errors';
import { MAX_AMOUNT } from './mapRecordToEvent';
import { isPlausibleTimestamp, MS_PER_DAY } from './parseTimestamp';
import { isPlaceholderIdentity } from './isPlaceholderIdentity';
import type { ProfileSettings } from './profileSettings';
import type { LifecycleEvent } from './schemas';

/** Days after the bulk of the data beyond which an event is refused when no observation end is given. */
export const OUTLIER_DAYS = 366;
/** Fewest plausible events for the bulk rule: below it a run may be one customer's history, where a return after a long pause is real. */
export const OUTLIER_MIN_EVENTS = 1000;
/** How far past the run's clock (`now`) an event may be dated: time zones and clock skew, nothing more. */
export const FUTURE_TOLERANCE_DAYS = 2;

/**
 * Latest time an event may carry without an explicit observation end, the smaller of:
 * - `now` + FUTURE_TOLERANCE_DAYS when the caller gives the run's clock (nothing is bought in the future);
 * - OUTLIER_DAYS after the 99th percentile of plausible event times (the k-th latest, k = ceil(n / 100)), in runs
 *   of at least OUTLIER_MIN_EVENTS events,
 * so one far-future date cannot move the observation end of every profile. The clock only bounds what is
 * accepted: the observation end is still the latest accepted event, so replaying a file gives the same output.
 * The bulk is that of the events given together (one batch): the one rule that is not judged on the event alone.
 */
export function outlierLimitOf(events: readonly LifecycleEvent[], now: number | undefined): number {
	const clockLimit = now === undefined ? Number.POSITIVE_INFINITY : now + FUTURE_TOLERANCE_DAYS * MS_PER_DAY;
	const times: number[] = [];
	for (const event of events) if (isPlausibleTimestamp(event.timestamp)) times.push(event.timestamp);
	if (times.length < OUTLIER_MIN_EVENTS) return clockLimit;
	const sorted = Float64Array.from(times).sort();
	const k = Math.ceil(sorted.length / 100);
	return Math.min(clockLimit, sorted[sorted.length - k] + OUTLIER_DAYS * MS_PER_DAY);
}

export function amountIssue(event: LifecycleEvent, message: string): InputIssue {
	return { itemIndex: event.sourceIndex, field: 'value', message, hint: `Amounts must lie within +-${MAX_AMOUNT}; check the amount field, its unit and the exchange rate` };
}

/** Why an event cannot be used at all (time outside 1900-2199 or far after the bulk, amount not finite or huge), or undefined. */
export function eventProblem(event: LifecycleEvent, outlierLimit: number, onOutlier: () => void): InputIssue | undefined {
	const at = event.timestamp;
	if (typeof at !== 'number' || !isPlausibleTimestamp(at)) {
		return { itemIndex: event.sourceIndex, field: 'timestamp', message: `The event time ${String(at)} is not a time from 1900 to 2199 (ms since 1970)`, hint: 'Fix the date; epoch microseconds or nanoseconds must be converted to milliseconds' };
	}
	if (at > outlierLimit) {
		onOutlier();
		return {
			itemIndex: event.sourceIndex,
			field: 'timestamp',
			message: `The event is dated ${new Date(at).toISOString()}, after the latest plausible time ${new Date(outlierLimit).toISOString()} (the run's clock plus ${FUTURE_TOLERANCE_DAYS} days, or ${OUTLIER_DAYS} days after the bulk of the data)`,
			hint: 'Fix the date, or set Observation End to keep events this late',
		};
	}
	if (event.value !== undefined && !(Math.abs(event.value) <= MAX_AMOUNT)) return amountIssue(event, `The amount ${event.value} is not a plausible amount of money`);
	return undefined;
}

/** A customer id that is not a placeholder; checked once per distinct id (most events carry only that). */
export function isRealCustomerId(customerId: string, known: Set<string>): boolean {
	if (known.has(customerId)) return true;
	if (isPlaceholderIdentity('customerId', customerId)) return false;
	known.add(customerId);
	return true;
}

export type Screened = { issue: InputIssue } | { value: number; skip: string | undefined };

/**
 * What an event contributes, judged on the event alone: its value in the reporting currency and why it is counted
 * as skipped (after the observation end, a zero-value purchase, an ignored refund), or the issue that refuses it
 * (after an explicit observation end, no exchange rate, an implausible converted amount). Without an explicit end
 * nothing lies after it: the end is then the latest usable event.
 */
export function screenEvent(event: LifecycleEvent, settings: ProfileSettings): Screened {
	const { currency } = settings;
	const observationEnd = settings.explicitEnd ?? Number.POSITIVE_INFINITY;
	let skip: string | undefined;
	if (event.timestamp > observationEnd) {
		if (settings.afterEnd === 'error') {
			return {
				issue: {
					itemIndex: event.sourceIndex,
					field: 'timestamp',
					message: `The event is dated ${new Date(event.timestamp).toISOString()}, after the observation end ${new Date(observationEnd).toISOString()}`,
					hint: 'Fix the date, move the observation end, or set "Events After Observation End" to ignore them',
				},
			};
		}
		skip = 'afterObservationEnd';
	}
	let value = event.value ?? 0;
	if (event.type !== 'purchase' && event.type !== 'refund') return { value, skip };
	const code = (event.currency ?? settings.defaultCurrency).toUpperCase();
	if (currency.mode === 'convert' && value !== 0 && code !== currency.baseCurrency.toUpperCase()) {
		const rate = code === '' ? undefined : currency.rates[code];
		if (rate === undefined || !(rate > 0) || !Object.prototype.hasOwnProperty.call(currency.rates, code)) {
			return {
				issue: {
					itemIndex: event.sourceIndex,
					field: 'currency',
					message: `No exchange rate for currency "${code || '(none)'}" into ${currency.baseCurrency}`,
					hint: `Add a rate for ${code || 'the missing currency'} under Currency > Exchange Rates, or set a default currency`,
				},
			};
		}
		value *= rate;
		if (!(Math.abs(value) <= MAX_AMOUNT)) return { issue: amountIssue(event, `The amount converted from ${code} is implausible: ${value}`) };
	}
	if (!skip && event.type === 'purchase' && value === 0 && settings.zeroValue === 'ignore') skip = 'zeroValuePurchase';
	if (!skip && event.type === 'refund' && settings.refunds === 'ignore') skip = 'refundIgnored';
	return { value, skip };
}
