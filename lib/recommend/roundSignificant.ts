/**
 * Rounds a number to a number of significant digits, so that stored models stay small in JSON
 * (0.123456 instead of 0.12345678901234566) while keeping relative precision for tiny and large values.
 *
 *   round(x, d) = nearest number with d significant decimal digits
 *
 * Reference: https://en.wikipedia.org/wiki/Significant_figures
 *
 * Cost: O(1).
 * @example roundSignificant(0.000123456789, 4) // 0.0001235
 */
export function roundSignificant(value: number, digits = 6): number {
	if (value === 0 || !Number.isFinite(value)) return value;
	return Number(value.toPrecision(digits));
}
