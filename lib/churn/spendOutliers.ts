/**
 * Spend outliers: monetary values too far from the run's typical value to be the same currency unit, which one
 * Gamma-Gamma fit cannot share with the others (one value of 5e-324 or 1e308 among ordinary spends stops the
 * fit from converging, and every customer loses expectedSpend).
 *
 *   outlier_i = m_i / median(m) outside [1e-9, 1e9]      over the positive values m; none with fewer than 2
 * Nine orders of magnitude either side covers cents and millions in one run; beyond that the value is a unit
 * mistake or a corrupt field.
 * Reference: the Gamma-Gamma model assumes one spend distribution for all customers, Fader & Hardie (2013),
 * http://brucehardie.com/notes/025/gamma_gamma.pdf, section 2.
 *
 * Cost: O(n log n).
 * @example spendOutliers([20, 35, 5e-324]) // [false, false, true]
 */
export const SPEND_OUTLIER_RATIO = 1e9;

export function spendOutliers(values: ReadonlyArray<number>): boolean[] {
	const positive = values.filter((value) => value > 0 && Number.isFinite(value)).sort((a, b) => a - b);
	if (positive.length < 2) return values.map(() => false);
	const middle = Math.floor(positive.length / 2);
	const median = positive.length % 2 === 1 ? positive[middle] : positive[middle - 1] / 2 + positive[middle] / 2;
	return values.map((value) => value > 0 && (value / median > SPEND_OUTLIER_RATIO || value / median < 1 / SPEND_OUTLIER_RATIO));
}
