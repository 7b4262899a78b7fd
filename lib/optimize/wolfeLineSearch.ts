/**
 * Line search for the strong Wolfe conditions along a descent direction p from x.
 *
 *   sufficient decrease: f(x + t p) <= f(x) + c1 t g(x).p
 *   curvature:           |g(x + t p).p| <= c2 |g(x).p|          (c1 = 1e-4, c2 = 0.9)
 *
 * Bracketing by doubling, then "zoom" with safeguarded cubic interpolation (Nocedal & Wright, algorithms 3.5
 * and 3.6). Non-finite values (parameters outside the model's domain) count as failures of sufficient decrease,
 * so the search backs off instead of stopping. When the interval collapses without the curvature condition,
 * the best step with sufficient decrease is returned with `wolfe: false`.
 * Reference: Nocedal & Wright (2006), Numerical Optimization, 2nd ed., section 3.5,
 * https://link.springer.com/book/10.1007/978-0-387-40065-5
 *
 * Cost: O(k) objective evaluations, k <= maxEvaluations (default 25; usually 1 or 2 in BFGS).
 * @example wolfeLineSearch((x) => ({ value: x[0] ** 2, gradient: [2 * x[0]] }), [1], [-1], 1, -2).step // 1
 */
import type { ValueAndGradient } from './minimizeBfgs';

export interface LineSearchResult {
	/** Step length t (0 when nothing acceptable was found). */
	step: number;
	value: number;
	gradient: number[];
	evaluations: number;
	/** True when both Wolfe conditions hold at the returned step. */
	wolfe: boolean;
}

export interface LineSearchOptions {
	initialStep?: number;
	maxStep?: number;
	maxEvaluations?: number;
	sufficientDecrease?: number;
	curvature?: number;
}

interface Trial {
	t: number;
	value: number;
	slope: number;
	gradient: number[];
}

function cubicMinimizer(lo: Trial, hi: Trial): number {
	// Minimiser of the cubic through (lo.t, lo.value, lo.slope) and (hi.t, hi.value, hi.slope).
	const d1 = lo.slope + hi.slope - (3 * (lo.value - hi.value)) / (lo.t - hi.t);
	const radicand = d1 * d1 - lo.slope * hi.slope;
	if (!(radicand >= 0)) return Number.NaN;
	const d2 = Math.sign(hi.t - lo.t) * Math.sqrt(radicand);
	return hi.t - (hi.t - lo.t) * ((hi.slope + d2 - d1) / (hi.slope - lo.slope + 2 * d2));
}

export function wolfeLineSearch(
	objective: ValueAndGradient,
	point: ReadonlyArray<number>,
	direction: ReadonlyArray<number>,
	value0: number,
	slope0: number,
	options: LineSearchOptions = {},
): LineSearchResult {
	const c1 = options.sufficientDecrease ?? 1e-4;
	const c2 = options.curvature ?? 0.9;
	const maxStep = options.maxStep ?? Number.POSITIVE_INFINITY;
	const maxEvaluations = options.maxEvaluations ?? 25;
	let evaluations = 0;
	const evaluate = (t: number): Trial => {
		evaluations++;
		const x = point.map((xi, i) => xi + t * direction[i]);
		const { value, gradient } = objective(x);
		let slope = 0;
		for (let i = 0; i < gradient.length; i++) slope += gradient[i] * direction[i];
		const finite = Number.isFinite(value) && Number.isFinite(slope);
		return { t, value: finite ? value : Number.POSITIVE_INFINITY, slope: finite ? slope : Number.NaN, gradient };
	};
	const decreases = (trial: Trial): boolean => trial.value <= value0 + c1 * trial.t * slope0;
	const flat = (trial: Trial): boolean => Math.abs(trial.slope) <= -c2 * slope0;
	const done = (trial: Trial, wolfe: boolean): LineSearchResult => ({
		step: trial.t,
		value: trial.value,
		gradient: trial.gradient,
		evaluations,
		wolfe,
	});
	const start: Trial = { t: 0, value: value0, slope: slope0, gradient: [] };
	let best: Trial | undefined;

	const zoom = (loStart: Trial, hiStart: Trial): LineSearchResult => {
		let lo = loStart;
		let hi = hiStart;
		while (evaluations < maxEvaluations) {
			const width = hi.t - lo.t;
			let t = Number.isFinite(hi.value) && Number.isFinite(hi.slope) ? cubicMinimizer(lo, hi) : Number.NaN;
			// Safeguard: stay inside the middle 80 % of the bracket, else bisect.
			const low = Math.min(lo.t, hi.t) + 0.1 * Math.abs(width);
			const high = Math.max(lo.t, hi.t) - 0.1 * Math.abs(width);
			if (!(t >= low && t <= high)) t = lo.t + 0.5 * width;
			if (Math.abs(width) <= 1e-16 * Math.max(1, Math.abs(lo.t))) break;
			const trial = evaluate(t);
			if (!decreases(trial) || trial.value >= lo.value) {
				hi = trial;
			} else {
				if (flat(trial)) return done(trial, true);
				if (trial.slope * (hi.t - lo.t) >= 0) hi = lo;
				lo = trial;
				best = lo;
			}
		}
		return best && best.t > 0 ? done(best, false) : { step: 0, value: value0, gradient: [], evaluations, wolfe: false };
	};

	let previous = start;
	let t = Math.min(options.initialStep ?? 1, maxStep);
	while (evaluations < maxEvaluations) {
		const trial = evaluate(t);
		if (!decreases(trial) || (previous.t > 0 && trial.value >= previous.value)) return zoom(previous, trial);
		best = trial;
		if (flat(trial)) return done(trial, true);
		if (trial.slope >= 0) return zoom(trial, previous);
		if (t >= maxStep) return done(trial, false);
		previous = trial;
		t = Math.min(2 * t, maxStep);
	}
	return best ? done(best, false) : { step: 0, value: value0, gradient: [], evaluations, wolfe: false };
}
