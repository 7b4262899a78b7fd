/**
 * A number rounded to a number of decimals, for outputs people read and map (never for further computation).
 *
 *   roundTo(x, d) = round(x * 10^d) / 10^d   (halves away from zero's upper neighbour, as Math.round)
 *
 * Cost: O(1).
 * @example roundTo(0.6766666, 3) // 0.677
 */
export function roundTo(value: number, digits: number): number {
	const factor = 10 ** digits;
	return Math.round(value * factor) / factor;
}
