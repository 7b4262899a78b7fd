/**
 * A price as shop nodes and sheets give it: a number, or numeric text such as WooCommerce's "12.50".
 *
 *   number >= 0 (finite)            -> the number
 *   text "12", "12.5", " 12.50 "    -> the number
 *   undefined, null, "" (no price)  -> null
 *   anything else ("12,50", "EUR 3", -1, NaN, an object) -> undefined: unparsable, to be counted by the caller
 * A decimal comma is refused rather than guessed: "1,250" is 1250 in one locale and 1.25 in another.
 *
 * Cost: O(length of the text).
 * @example readPrice('12.50') // 12.5
 * @example readPrice('12,50') // undefined
 */
export function readPrice(value: unknown): number | null | undefined {
	if (value === undefined || value === null) return null;
	if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (text === '') return null;
	return /^\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
}
