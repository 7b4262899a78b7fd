/**
 * Price band on a logarithmic scale, so that products within about a factor of two of each other share a
 * band whatever the currency's magnitude (0.85 and 1.25 differ; 1.25 and 1.95 share band 0).
 *
 *   band(price) = floor(log2(price))   for price > 0, none otherwise
 *
 * Reference: https://en.wikipedia.org/wiki/Logarithmic_scale
 *
 * Cost: O(1).
 * @example priceBand(12.5) // 3 (8 <= 12.5 < 16)
 */
export function priceBand(price: number | null | undefined): number | null {
	if (typeof price !== 'number' || !Number.isFinite(price) || price <= 0) return null;
	return Math.floor(Math.log2(price));
}
