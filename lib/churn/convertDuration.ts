/**
 * Explicit conversion between the period units of the churn models (day, week) and the month used for
 * discounting, so that days, weeks and months are never mixed silently.
 *
 *   1 week = 7 days;  1 month = 365.25 / 12 = 30.4375 days = 4.348214 weeks   (mean Gregorian month)
 * (lifetimes uses 30 days and 4.345 weeks per month; pass periodsPerMonth to reproduce it.)
 * Reference: ISO 8601 / the Gregorian calendar's mean year of 365.2425 days rounded to the Julian 365.25 as in
 * accounting practice; lifetimes.utils.customer_lifetime_value, https://lifetimes.readthedocs.io/
 *
 * Cost: O(1).
 * @example convertDuration(12, 'month', 'week') // 52.178571428571425
 */
export type DurationUnit = 'day' | 'week' | 'month';

export const DAYS_PER_MONTH = 365.25 / 12;

const DAYS: Record<DurationUnit, number> = { day: 1, week: 7, month: DAYS_PER_MONTH };

export function convertDuration(value: number, from: DurationUnit, to: DurationUnit): number {
	if (!(from in DAYS) || !(to in DAYS)) throw new Error(`convertDuration requires units 'day', 'week' or 'month'; got '${String(from)}' and '${String(to)}'`);
	return (value * DAYS[from]) / DAYS[to];
}

/**
 * Model periods in one month: 30.4375 for 'day', 4.348214 for 'week'.
 * @example periodsPerMonth('week') // 4.348214285714286
 */
export function periodsPerMonth(unit: 'day' | 'week'): number {
	return convertDuration(1, 'month', unit);
}
