/**
 * Area under a piecewise-linear curve by the trapezoidal rule, the `auc` of scikit-learn used for uplift and
 * Qini curves.
 *
 *   area = sum_i (x_{i+1} - x_i) (y_i + y_{i+1}) / 2        (x non-decreasing)
 * Reference: scikit-learn, sklearn.metrics.auc, https://scikit-learn.org/stable/modules/generated/sklearn.metrics.auc.html
 *
 * Cost: O(n) for n points.
 * @example trapezoidArea([0, 1, 2], [0, 1, 1]) // 1.5
 */
export function trapezoidArea(x: ArrayLike<number>, y: ArrayLike<number>): number {
	if (x.length !== y.length) throw new Error(`trapezoidArea requires as many y as x values; got ${x.length} and ${y.length}`);
	let area = 0;
	for (let i = 1; i < x.length; i++) {
		const width = x[i] - x[i - 1];
		if (width < 0) throw new Error(`trapezoidArea requires non-decreasing x; x[${i}] = ${x[i]} < x[${i - 1}] = ${x[i - 1]}`);
		area += (width * (y[i] + y[i - 1])) / 2;
	}
	return area;
}
