/**
 * Maximum-likelihood fit of the shifted-beta-geometric retention model to one cohort's counts of active
 * customers at the start (n_0) and after each renewal opportunity (n_1, ..., n_T).
 *
 *   ll(alpha, beta) = sum_{t=1..T} (n_{t-1} - n_t) ln P(T = t) + n_T ln S(T)      (P, S: see shiftedBetaGeometricSurvival)
 * Log-parameters, BFGS with a numerical gradient, Nelder-Mead as fallback, convergence checked, standard errors
 * from the numerical Hessian. Counts may be shares (e.g. 100, 86.9, ...) but must not rise.
 * Reference: Fader & Hardie (2007), "How to project customer retention", Journal of Interactive Marketing
 * 21(1):76-90, eq. (5), http://brucehardie.com/papers/021/sbg_2006-05-30.pdf (regular: alpha 0.668, beta 3.806;
 * high end: alpha 0.704, beta 1.182)
 *
 * Cost: O(e T) for e objective evaluations over T periods.
 * @example fitShiftedBetaGeometric([1000, 869, 743, 653, 593, 551, 517, 491]) // { alpha: 0.668, beta: 3.806, ... }
 */
import { LifecycleInputError } from '../errors';
import { withNumericalGradient } from '../optimize/numericalGradient';
import type { ShiftedBetaGeometricModel } from './churnModelSchemas';
import { CHURN_MODEL_VERSION, ShiftedBetaGeometricModelSchema } from './churnModelSchemas';
import type { ChurnFitOptions } from './fitOptions';
import { maximizeLogLikelihood } from './maximizeLogLikelihood';

const { exp, log } = Math;

export function fitShiftedBetaGeometric(
	aliveCounts: ReadonlyArray<number>,
	options: Pick<ChurnFitOptions, 'maxIterations' | 'gradientTolerance'> = {},
): ShiftedBetaGeometricModel {
	const caller = 'fitShiftedBetaGeometric';
	if (!Array.isArray(aliveCounts) || aliveCounts.length < 3) {
		throw new LifecycleInputError(`${caller} requires the cohort size and at least 2 later counts of active customers; got ${Array.isArray(aliveCounts) ? aliveCounts.length : 0} numbers`);
	}
	aliveCounts.forEach((count, t) => {
		if (typeof count !== 'number' || !Number.isFinite(count) || count < 0) {
			throw new LifecycleInputError(`${caller} requires finite counts >= 0; count ${t} is ${String(count)}`, { itemIndex: t });
		}
		if (t > 0 && count > aliveCounts[t - 1]) {
			throw new LifecycleInputError(`${caller} requires counts that never rise (a cohort only loses customers); count ${t} is ${count} after ${aliveCounts[t - 1]}`, { itemIndex: t });
		}
	});
	const cohort = aliveCounts[0];
	if (!(cohort > 0)) throw new LifecycleInputError(`${caller} requires a cohort size > 0`);
	const periods = aliveCounts.length - 1;
	const lost = aliveCounts.slice(1).map((count, t) => aliveCounts[t] - count);
	const survivors = aliveCounts[periods];
	if (lost.every((value) => value === 0)) throw new LifecycleInputError(`${caller} requires at least one lost customer (no churn: alpha is not identified)`);
	const value = (theta: number[]): number => {
		const [alpha, beta] = theta.map(exp);
		if (!(alpha > 0 && beta > 0 && Number.isFinite(alpha) && Number.isFinite(beta))) return Number.NaN;
		let ll = 0;
		let logProbability = log(alpha / (alpha + beta));
		let logSurvival = 0;
		for (let t = 1; t <= periods; t++) {
			if (t > 1) logProbability += log((beta + t - 2) / (alpha + beta + t - 1));
			logSurvival += log((beta + t - 1) / (alpha + beta + t - 1));
			if (lost[t - 1] > 0) ll += lost[t - 1] * logProbability;
		}
		if (survivors > 0) ll += survivors * logSurvival;
		return -ll / cohort;
	};
	const fit = maximizeLogLikelihood(caller, withNumericalGradient(value, { order: 4 }), [0, 0], cohort, {
		gradientTolerance: options.gradientTolerance ?? 1e-9,
		maxIterations: options.maxIterations,
		names: ['alpha', 'beta'],
		hessianStep: 1e-3,
	});
	const [alpha, beta] = fit.point.map(exp);
	const model: ShiftedBetaGeometricModel = {
		kind: 'sbg',
		version: CHURN_MODEL_VERSION,
		alpha,
		beta,
		logLikelihood: -fit.value * cohort,
		converged: true,
		iterations: fit.iterations,
		optimizer: fit.optimizer,
		standardErrors: { alpha: alpha * Math.sqrt(fit.covariance[0][0]), beta: beta * Math.sqrt(fit.covariance[1][1]) },
		periods,
		customers: Math.max(1, Math.round(cohort)),
	};
	return ShiftedBetaGeometricModelSchema.parse(model);
}
