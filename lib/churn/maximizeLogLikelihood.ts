/**
 * Maximum-likelihood driver shared by the churn models: minimises minus the mean log-likelihood over
 * log-parameters, checks that the result is a real optimum, polishes it and returns the covariance.
 *
 *   1. BFGS from the start (analytic or numerical gradient);
 *   2. if BFGS stops short (max |gradient| above 1e4 x tolerance): Nelder-Mead from the best point, then BFGS again;
 *   3. up to 4 Newton steps with the numerical Hessian (kept when they do not raise the objective beyond rounding
 *      and shrink the gradient);
 *   4. checks: every log-parameter finite and |theta| <= 25 (a parameter that runs off to 0 or infinity is not
 *      identified by the data); Hessian positive definite (a minimum, not a saddle); max |gradient| <= tolerance
 *      or a Newton decrement n g'H^-1 g / 2 <= 1e-6 (the total log-likelihood cannot rise by more than 1e-6);
 *   5. covariance of the log-parameters = inverse of (n * Hessian of the mean), n = number of customers; a standard
 *      error above 10 on the log scale means a flat direction (e.g. a parameter drifting off slowly): not converged.
 * A fit that fails a check throws `<caller> did not converge: <reason>`: never numbers from a failed fit.
 * Reference: Nocedal & Wright (2006), Numerical Optimization, ch. 6 and 9; standard errors from the observed
 * information, e.g. Pawitan (2001), In All Likelihood, ch. 2.
 *
 * Cost: O(k * E) for k objective evaluations of cost E (typically k = 30-200), plus O(p^3) for p parameters.
 * @example maximizeLogLikelihood('fitX', (t) => ({ value: (t[0] - 1) ** 2, gradient: [2 * (t[0] - 1)] }), [0], 1).point // [1]
 */
import { LifecycleInputError } from '../errors';
import { choleskyDecomposition, inverseFromCholesky, solveWithCholesky } from '../optimize/choleskyDecomposition';
import { minimizeBfgs } from '../optimize/minimizeBfgs';
import type { ValueAndGradient } from '../optimize/minimizeBfgs';
import { minimizeNelderMead } from '../optimize/minimizeNelderMead';
import { numericalHessian } from '../optimize/numericalHessian';

export interface MaximumLikelihoodOptions {
	/** Tolerance on max |gradient| of minus the mean log-likelihood; default 1e-9. */
	gradientTolerance?: number;
	maxIterations?: number;
	/** Names of the log-parameters, for error messages. */
	names?: ReadonlyArray<string>;
	/** Step of the numerical Hessian (default: 1e-4 central, 1e-6 forward). */
	hessianStep?: number;
	/** 'forward' for exact gradients (half the cost), 'central' (default) for numerical ones. */
	hessianScheme?: 'central' | 'forward';
}

export interface MaximumLikelihoodResult {
	point: number[];
	/** Minus the mean log-likelihood at the point. */
	value: number;
	gradient: number[];
	iterations: number;
	optimizer: 'bfgs' | 'nelderMead+bfgs';
	/** Hessian of minus the mean log-likelihood in the log-parameters. */
	hessian: number[][];
	/** Covariance matrix of the log-parameter estimates. */
	covariance: number[][];
}

const LOG_PARAMETER_BOUND = 25;
/** Converged when Newton's method predicts less than this gain in the total log-likelihood. */
const MAX_REMAINING_LOG_LIKELIHOOD = 1e-6;
/** A log-parameter known only to within a factor e^10 at one standard error is not estimated at all. */
const MAX_LOG_STANDARD_ERROR = 10;

function maxAbs(values: ReadonlyArray<number>): number {
	return values.reduce((largest, value) => (Number.isNaN(value) || Number.isNaN(largest) ? Number.NaN : Math.max(largest, Math.abs(value))), 0);
}

export function maximizeLogLikelihood(
	caller: string,
	objective: ValueAndGradient,
	start: ReadonlyArray<number>,
	customers: number,
	options: MaximumLikelihoodOptions = {},
): MaximumLikelihoodResult {
	const gradientTolerance = options.gradientTolerance ?? 1e-9;
	const maxIterations = options.maxIterations ?? 500;
	const names = options.names ?? start.map((_, i) => `parameter ${i}`);
	const fail = (reason: string): never => {
		throw new LifecycleInputError(`${caller} did not converge: ${reason}`, {
			hint: 'The data do not pin the model down: fit on more customers (with repeat purchases) or score with a stored model',
		});
	};
	// Close enough for Newton's method: BFGS stopped only because rounding hides further decrease.
	const nearOptimum = (result: { converged: boolean; gradient: number[] }): boolean =>
		result.converged || maxAbs(result.gradient) <= 1e4 * gradientTolerance;
	let optimizer: MaximumLikelihoodResult['optimizer'] = 'bfgs';
	let result = minimizeBfgs(objective, start, { gradientTolerance, maxIterations });
	let iterations = result.iterations;
	if (!nearOptimum(result)) {
		optimizer = 'nelderMead+bfgs';
		const from = Number.isFinite(result.value) ? result.point : start.slice();
		const simplex = minimizeNelderMead((theta) => objective(theta).value, from, { maxIterations: 4000 });
		iterations += simplex.iterations;
		result = minimizeBfgs(objective, simplex.point, { gradientTolerance, maxIterations });
		iterations += result.iterations;
		if (!nearOptimum(result)) fail(`${result.message} (max |gradient| ${maxAbs(result.gradient).toExponential(2)} > ${gradientTolerance})`);
	}
	let { point, value, gradient } = result;
	const checkPoint = (): void => {
		point.forEach((theta, i) => {
			if (!Number.isFinite(theta) || Math.abs(theta) > LOG_PARAMETER_BOUND) {
				fail(`${names[i]} ran off to ${Math.exp(theta).toExponential(2)}; the data do not identify it`);
			}
		});
	};
	checkPoint();
	const hessianOptions = { step: options.hessianStep, scheme: options.hessianScheme ?? 'central' };
	let hessian = numericalHessian(objective, point, hessianOptions);
	let factor = choleskyDecomposition(hessian);
	if (!factor) fail('the Hessian at the end point is not positive definite (a saddle point or a flat direction)');
	// Newton decrement in log-likelihood units: how much the total log-likelihood could still rise.
	let remaining = Number.POSITIVE_INFINITY;
	for (let newton = 0; newton < 4 && factor; newton++) {
		const move = solveWithCholesky(factor, gradient.map((g) => -g));
		remaining = (customers * -move.reduce((sum, m, i) => sum + m * gradient[i], 0)) / 2;
		if (!(remaining > 1e-8)) break;
		const candidate = point.map((theta, i) => theta + move[i]);
		const next = objective(candidate);
		const noise = 1e-13 * Math.max(1, Math.abs(value));
		if (!(next.value <= value + noise) || !next.gradient.every(Number.isFinite) || !(maxAbs(next.gradient) < maxAbs(gradient))) break;
		point = candidate;
		value = Math.min(value, next.value);
		gradient = next.gradient;
		iterations++;
		hessian = numericalHessian(objective, point, hessianOptions);
		factor = choleskyDecomposition(hessian);
		if (factor) {
			const after = solveWithCholesky(factor, gradient.map((g) => -g));
			remaining = (customers * -after.reduce((sum, m, i) => sum + m * gradient[i], 0)) / 2;
		}
	}
	checkPoint();
	if (!factor) fail('the Hessian at the end point is not positive definite (a saddle point or a flat direction)');
	if (!(maxAbs(gradient) <= gradientTolerance || remaining <= MAX_REMAINING_LOG_LIKELIHOOD)) {
		fail(`the log-likelihood could still rise by ${remaining.toExponential(2)} (max |gradient| ${maxAbs(gradient).toExponential(2)})`);
	}
	const covarianceFactor = choleskyDecomposition(hessian.map((row) => row.map((h) => h * customers)));
	if (!covarianceFactor) fail('the Hessian at the end point is not positive definite');
	const covariance = inverseFromCholesky(covarianceFactor as number[][]);
	covariance.forEach((row, i) => {
		const logError = Math.sqrt(row[i]);
		if (!(logError <= MAX_LOG_STANDARD_ERROR)) {
			fail(`${names[i]} is not identified by the data (the standard error of its logarithm is ${logError.toExponential(2)}: the likelihood is flat along it)`);
		}
	});
	return { point, value, gradient, iterations, optimizer, hessian, covariance };
}
