/**
 * Numerical gradient by central differences, second or fourth order, for objectives without an analytic gradient.
 *
 *   order 2: g_i = (f(x + h e_i) - f(x - h e_i)) / (2h)                                   error O(h^2)
 *   order 4: g_i = (f(x - 2h e_i) - 8 f(x - h e_i) + 8 f(x + h e_i) - f(x + 2h e_i)) / (12h)  error O(h^4)
 *   h_i = step * max(1, |x_i|)   (default step: 1e-5 for order 2, 1e-3 for order 4)
 *
 * Reference: Nocedal & Wright (2006), Numerical Optimization, 2nd ed., section 8.1;
 * https://en.wikipedia.org/wiki/Finite_difference_coefficient
 *
 * Cost: 2n (order 2) or 4n (order 4) evaluations of f for n coordinates.
 * @example numericalGradient((x) => x[0] * x[0] + 3 * x[1], [2, 0]) // [4, 3] to about 1e-10
 */
import type { ValueAndGradient } from './minimizeBfgs';

export interface NumericalGradientOptions {
	/** 2 (central) or 4 (five-point central); default 4. */
	order?: 2 | 4;
	/** Relative step; the absolute step is step * max(1, |x_i|). */
	step?: number;
}

export function numericalGradient(
	objective: (point: number[]) => number,
	point: ReadonlyArray<number>,
	options: NumericalGradientOptions = {},
): number[] {
	const order = options.order ?? 4;
	const relativeStep = options.step ?? (order === 4 ? 1e-3 : 1e-5);
	const x = point.slice();
	const gradient = new Array<number>(x.length);
	const at = (i: number, shift: number): number => {
		const saved = x[i];
		x[i] = saved + shift;
		const value = objective(x);
		x[i] = saved;
		return value;
	};
	for (let i = 0; i < x.length; i++) {
		const h = relativeStep * Math.max(1, Math.abs(x[i]));
		gradient[i] =
			order === 2
				? (at(i, h) - at(i, -h)) / (2 * h)
				: (at(i, -2 * h) - 8 * at(i, -h) + 8 * at(i, h) - at(i, 2 * h)) / (12 * h);
	}
	return gradient;
}

/**
 * Wraps a value-only objective as the value-and-gradient function the BFGS minimiser expects.
 * @example withNumericalGradient((x) => x[0] ** 2)([3]) // { value: 9, gradient: [6] }
 */
export function withNumericalGradient(
	objective: (point: number[]) => number,
	options: NumericalGradientOptions = {},
): ValueAndGradient {
	return (point) => {
		const value = objective(point);
		const gradient = Number.isFinite(value) ? numericalGradient(objective, point, options) : point.map(() => Number.NaN);
		return { value, gradient };
	};
}
