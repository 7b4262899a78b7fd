/**
 * Numerical Hessian of a smooth objective, by central differences of its gradient (symmetrised).
 *
 *   central: H_ij = [ (g_j(x + h_i e_i) - g_j(x - h_i e_i)) / (2 h_i) + (i <-> j) ] / 2     error O(h^2), h = 1e-4 * max(1, |x_i|)
 *   forward: H_ij = [ (g_j(x + h_i e_i) - g_j(x)) / h_i + (i <-> j) ] / 2                 error O(h),   h = 1e-6 * max(1, |x_i|)
 * (forward halves the cost and suits exact gradients; central suits numerical ones)
 *
 * Used for standard errors of maximum-likelihood estimates: the inverse of the Hessian of the negative
 * log-likelihood at the optimum is the asymptotic covariance matrix.
 * Reference: Nocedal & Wright (2006), Numerical Optimization, 2nd ed., section 8.1 (eq. 8.7),
 * https://link.springer.com/book/10.1007/978-0-387-40065-5
 *
 * Cost: 2n (central) or n + 1 (forward) gradient evaluations for n coordinates, O(n^2) arithmetic.
 * @example numericalHessian((x) => ({ value: x[0] * x[0] * x[1], gradient: [2 * x[0] * x[1], x[0] * x[0]] }), [1, 2])
 *   // [[4, 2], [2, 0]] to about 1e-8
 */
import type { ValueAndGradient } from './minimizeBfgs';

export interface NumericalHessianOptions {
	/** Relative step; default 1e-4 (central) or 1e-6 (forward). */
	step?: number;
	/** 'central' (2n gradients, error O(h^2)) or 'forward' (n gradients plus the one at the point, error O(h)). */
	scheme?: 'central' | 'forward';
}

export function numericalHessian(objective: ValueAndGradient, point: ReadonlyArray<number>, options: NumericalHessianOptions | number = {}): number[][] {
	const { step: givenStep, scheme = 'central' } = typeof options === 'number' ? { step: options } : options;
	const step = givenStep ?? (scheme === 'forward' ? 1e-6 : 1e-4);
	const n = point.length;
	const x = point.slice();
	const columns: number[][] = [];
	const atPoint = scheme === 'forward' ? objective(x.slice()).gradient : [];
	for (let i = 0; i < n; i++) {
		const h = step * Math.max(1, Math.abs(x[i]));
		const saved = x[i];
		x[i] = saved + h;
		const plus = objective(x.slice()).gradient;
		if (scheme === 'forward') {
			x[i] = saved;
			columns.push(plus.map((g, j) => (g - atPoint[j]) / h));
			continue;
		}
		x[i] = saved - h;
		const minus = objective(x.slice()).gradient;
		x[i] = saved;
		columns.push(plus.map((g, j) => (g - minus[j]) / (2 * h)));
	}
	return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (columns[i][j] + columns[j][i]) / 2));
}
