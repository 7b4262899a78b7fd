/**
 * Nelder-Mead simplex minimisation: derivative-free, the fallback when BFGS stalls.
 *
 * Reflection, expansion, contraction and shrink with the dimension-adapted coefficients of Gao & Han (2012):
 *   reflection 1, expansion 1 + 2/n, contraction 0.75 - 1/(2n), shrink 1 - 1/n.
 * Start simplex: x0 and x0 + initialStep * e_i. Converged when the spread of the values and the simplex
 * size both fall below their tolerances (max |f_i - f_best| <= valueTolerance, max |x_i - x_best| <= pointTolerance).
 * Non-finite values count as +Infinity. Deterministic.
 * Reference: Nelder & Mead (1965), Computer Journal 7(4):308-313; Gao & Han (2012), "Implementing the
 * Nelder-Mead simplex algorithm with adaptive parameters", Comput. Optim. Appl. 51:259-277,
 * https://link.springer.com/article/10.1007/s10589-010-9329-3
 *
 * Cost: O(n) evaluations per iteration in the worst case (shrink), usually 1-2; O(n^2) arithmetic.
 * @example minimizeNelderMead((x) => (x[0] - 1) ** 2 + (x[1] - 2) ** 2, [0, 0]).point // [1, 2] (to about 1e-6)
 */
import type { MinimizeResult } from './minimizeBfgs';

export interface NelderMeadOptions {
	initialStep?: number;
	maxIterations?: number;
	valueTolerance?: number;
	pointTolerance?: number;
}

export function minimizeNelderMead(
	objective: (point: number[]) => number,
	start: ReadonlyArray<number>,
	options: NelderMeadOptions = {},
): Omit<MinimizeResult, 'gradient'> {
	const n = start.length;
	const initialStep = options.initialStep ?? 0.5;
	const maxIterations = options.maxIterations ?? 200 * n;
	const valueTolerance = options.valueTolerance ?? 1e-10;
	const pointTolerance = options.pointTolerance ?? 1e-8;
	const reflection = 1;
	// n = 1: the standard coefficients (the adaptive shrink 1 - 1/n would collapse the simplex).
	const expansion = n === 1 ? 2 : 1 + 2 / n;
	const contraction = n === 1 ? 0.5 : 0.75 - 1 / (2 * n);
	const shrink = n === 1 ? 0.5 : 1 - 1 / n;
	let evaluations = 0;
	const f = (x: number[]): number => {
		evaluations++;
		const value = objective(x);
		return Number.isFinite(value) ? value : Number.POSITIVE_INFINITY;
	};
	const simplex: number[][] = [start.slice()];
	for (let i = 0; i < n; i++) {
		const vertex = start.slice();
		vertex[i] += initialStep;
		simplex.push(vertex);
	}
	let values = simplex.map(f);
	const combine = (from: number[], to: number[], weight: number): number[] => from.map((v, i) => v + weight * (to[i] - v));
	let iteration = 0;
	for (; iteration < maxIterations; iteration++) {
		const order = values.map((_, i) => i).sort((i, j) => values[i] - values[j] || i - j);
		const sorted = order.map((i) => simplex[i]);
		values = order.map((i) => values[i]);
		simplex.splice(0, simplex.length, ...sorted);
		const spread = Math.max(...values.slice(1).map((v) => Math.abs(v - values[0])));
		const size = Math.max(...simplex.slice(1).map((vertex) => Math.max(...vertex.map((v, i) => Math.abs(v - simplex[0][i])))));
		if (spread <= valueTolerance && size <= pointTolerance) break;
		const centroid = new Array<number>(n).fill(0);
		for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) centroid[i] += simplex[k][i] / n;
		const worst = simplex[n];
		const reflected = combine(centroid, worst, -reflection);
		const reflectedValue = f(reflected);
		if (reflectedValue < values[0]) {
			const expanded = combine(centroid, worst, -expansion);
			const expandedValue = f(expanded);
			if (expandedValue < reflectedValue) {
				simplex[n] = expanded;
				values[n] = expandedValue;
			} else {
				simplex[n] = reflected;
				values[n] = reflectedValue;
			}
			continue;
		}
		if (reflectedValue < values[n - 1]) {
			simplex[n] = reflected;
			values[n] = reflectedValue;
			continue;
		}
		const outside = reflectedValue < values[n];
		const contracted = outside ? combine(centroid, reflected, contraction) : combine(centroid, worst, contraction);
		const contractedValue = f(contracted);
		if (contractedValue < (outside ? reflectedValue : values[n])) {
			simplex[n] = contracted;
			values[n] = contractedValue;
			continue;
		}
		for (let k = 1; k <= n; k++) {
			simplex[k] = combine(simplex[0], simplex[k], shrink);
			values[k] = f(simplex[k]);
		}
	}
	let bestIndex = 0;
	for (let k = 1; k <= n; k++) if (values[k] < values[bestIndex]) bestIndex = k;
	const converged = iteration < maxIterations;
	return {
		point: simplex[bestIndex],
		value: values[bestIndex],
		iterations: iteration,
		evaluations,
		converged,
		message: converged ? 'simplex below tolerance' : `no convergence in ${maxIterations} iterations`,
	};
}
