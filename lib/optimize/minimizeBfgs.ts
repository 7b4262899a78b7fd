/**
 * BFGS quasi-Newton minimisation of a smooth function of a few variables, with a strong-Wolfe line search.
 *
 *   p_k = -H_k g_k;  x_{k+1} = x_k + t_k p_k (t_k from the line search);  s = x_{k+1} - x_k, y = g_{k+1} - g_k
 *   H_{k+1} = (I - rho s y') H_k (I - rho y s') + rho s s',  rho = 1 / (y's)      (skipped when y's <= 0)
 *   H_0 = I, rescaled to (y's / y'y) I before the first update.
 * Converged when max_i |g_i| <= gradientTolerance. Stops early (converged: false, 'expected decrease below rounding')
 * when -g'p <= 1e-13 |f|: no line search can then confirm a decrease. Deterministic: no randomness.
 * When the line search finds no acceptable step the inverse Hessian is reset once to the identity before
 * giving up; the result then says `converged: false` with the reason.
 * Reference: Nocedal & Wright (2006), Numerical Optimization, 2nd ed., algorithm 6.1,
 * https://link.springer.com/book/10.1007/978-0-387-40065-5
 *
 * Cost: O(n^2) per iteration plus the objective evaluations (about 1.1 per iteration near the optimum).
 * @example minimizeBfgs((x) => ({ value: (x[0] - 1) ** 2 + 10 * (x[1] + 2) ** 2, gradient: [2 * (x[0] - 1), 20 * (x[1] + 2)] }), [0, 0]).point
 *   // [1, -2] (to about 1e-9)
 */
import { wolfeLineSearch } from './wolfeLineSearch';

/** Objective value and gradient at a point. Non-finite values mark points outside the domain. */
export type ValueAndGradient = (point: number[]) => { value: number; gradient: number[] };

export interface MinimizeOptions {
	/** Stop when max |gradient_i| is at or below this; default 1e-8. */
	gradientTolerance?: number;
	/** Default 500. */
	maxIterations?: number;
	/** Largest move of any coordinate in one line search (guards exp(log-parameter) overflow); default 10. */
	maxStep?: number;
}

export interface MinimizeResult {
	point: number[];
	value: number;
	gradient: number[];
	iterations: number;
	evaluations: number;
	converged: boolean;
	/** Why the iteration stopped. */
	message: string;
}

/** Relative size of f below which a predicted decrease is lost in rounding. */
const ROUNDING_DECREASE = 1e-13;

function maxAbs(values: ReadonlyArray<number>): number {
	let largest = 0;
	for (const value of values) largest = Math.max(largest, Math.abs(value));
	return Number.isNaN(values.reduce((a, b) => a + b, 0)) ? Number.NaN : largest;
}

function identity(n: number): number[][] {
	return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}

export function minimizeBfgs(objective: ValueAndGradient, start: ReadonlyArray<number>, options: MinimizeOptions = {}): MinimizeResult {
	const gradientTolerance = options.gradientTolerance ?? 1e-8;
	const maxIterations = options.maxIterations ?? 500;
	const maxStep = options.maxStep ?? 10;
	const n = start.length;
	let x = start.slice();
	let { value, gradient } = objective(x);
	let evaluations = 1;
	if (!Number.isFinite(value) || !gradient.every(Number.isFinite)) {
		return { point: x, value, gradient, iterations: 0, evaluations, converged: false, message: 'objective is not finite at the start' };
	}
	let inverse = identity(n);
	let fresh = true;
	for (let iteration = 0; iteration < maxIterations; iteration++) {
		if (maxAbs(gradient) <= gradientTolerance) {
			return { point: x, value, gradient, iterations: iteration, evaluations, converged: true, message: 'gradient below tolerance' };
		}
		let direction = inverse.map((row) => -row.reduce((sum, h, j) => sum + h * gradient[j], 0));
		let slope = direction.reduce((sum, d, i) => sum + d * gradient[i], 0);
		if (!(slope < 0)) {
			inverse = identity(n);
			fresh = true;
			direction = gradient.map((g) => -g);
			slope = -gradient.reduce((sum, g) => sum + g * g, 0);
		}
		// Near the optimum of a sum over many terms, the decrease a step can bring falls below the rounding of the
		// value: no line search can confirm it, so stop here and let the caller polish (e.g. with Newton steps).
		if (-slope <= ROUNDING_DECREASE * Math.abs(value)) {
			const converged = maxAbs(gradient) <= gradientTolerance;
			return { point: x, value, gradient, iterations: iteration, evaluations, converged, message: converged ? 'gradient below tolerance' : 'expected decrease below rounding' };
		}
		const longest = maxAbs(direction);
		const stepCap = longest > 0 ? maxStep / longest : 1;
		const initialStep = fresh && iteration === 0 ? Math.min(1, 1 / Math.max(longest, 1e-300)) : 1;
		const search = wolfeLineSearch(objective, x, direction, value, slope, { initialStep: Math.min(initialStep, stepCap), maxStep: stepCap });
		evaluations += search.evaluations;
		if (search.step === 0 || !(search.value <= value)) {
			if (!fresh) {
				inverse = identity(n);
				fresh = true;
				continue;
			}
			return { point: x, value, gradient, iterations: iteration, evaluations, converged: false, message: 'line search found no decrease' };
		}
		const s = direction.map((d) => search.step * d);
		const y = search.gradient.map((g, i) => g - gradient[i]);
		const sy = s.reduce((sum, si, i) => sum + si * y[i], 0);
		const yy = y.reduce((sum, yi) => sum + yi * yi, 0);
		x = x.map((xi, i) => xi + s[i]);
		const previousValue = value;
		value = search.value;
		gradient = search.gradient;
		if (sy > 1e-12 * Math.sqrt(yy * s.reduce((sum, si) => sum + si * si, 0))) {
			if (fresh) {
				const scale = sy / yy;
				inverse = inverse.map((row) => row.map((h) => h * scale));
				fresh = false;
			}
			const rho = 1 / sy;
			const hy = inverse.map((row) => row.reduce((sum, h, j) => sum + h * y[j], 0));
			const yhy = y.reduce((sum, yi, i) => sum + yi * hy[i], 0);
			// H + (1 + rho y'Hy) rho s s' - rho (H y s' + s y'H), H symmetric.
			for (let i = 0; i < n; i++) {
				for (let j = 0; j < n; j++) {
					inverse[i][j] += (1 + rho * yhy) * rho * s[i] * s[j] - rho * (hy[i] * s[j] + s[i] * hy[j]);
				}
			}
		}
		if (previousValue - value <= 1e-16 * Math.max(1, Math.abs(value)) && maxAbs(s) <= 1e-14 * Math.max(1, maxAbs(x))) {
			const converged = maxAbs(gradient) <= gradientTolerance;
			return { point: x, value, gradient, iterations: iteration + 1, evaluations, converged, message: converged ? 'gradient below tolerance' : 'no further progress' };
		}
	}
	const converged = maxAbs(gradient) <= gradientTolerance;
	return { point: x, value, gradient, iterations: maxIterations, evaluations, converged, message: converged ? 'gradient below tolerance' : `no convergence in ${maxIterations} iterations` };
}
