/**
 * Maximum-likelihood fit of the BG/NBD model to customers' (frequency x, recency t_x, age T) summaries.
 *
 *   maximise sum_i ll(r, alpha, a, b | x_i, t_x_i, T_i)        (ll: see bgNbdLogLikelihood)
 * Numerically: customers compressed to unique (x, t_x, T) with counts; times divided by max T (so alpha is of
 * order 1 in any unit; alpha is scaled back after the fit); minimised over log-parameters by BFGS with the exact
 * gradient (bgNbdObjective), Nelder-Mead as fallback; convergence checked (gradient, finite parameters, positive
 * definite Hessian, see maximizeLogLikelihood); start r = 0.5, alpha from the mean purchase rate, a = 1, b = 2.
 * Standard errors from the numerical Hessian of the log-likelihood (forward differences of the exact gradient): se(theta_k) = theta_k * sqrt([H^-1]_kk) with H the Hessian in the log-parameters (delta method;
 * at the optimum equal to the inverse Hessian in the parameters themselves).
 * A fit that does not converge throws; the result is always a valid BgNbdModel.
 * Reference: Fader, Hardie & Lee (2005), "Counting your customers the easy way: an alternative to the
 * Pareto/NBD model", Marketing Science 24(2):275-284, http://brucehardie.com/papers/018/fader_et_al_mksc_05.pdf
 *
 * Cost: O(n) to compress n customers, then O(k u) for k objective evaluations (about 30-60) over u unique triples.
 * @example fitBgNbd(readCdnowSummary(), { periodUnit: 'week' }) // { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425753, logLikelihood: -9582.4256, ... }
 *   (the CSV rounds recency and T to 2 decimals; the unrounded summary gives BTYD's 0.2425945, 4.4136019, 0.7929199, 2.4258881)
 */
import { bgNbdObjective } from './bgNbdObjective';
import type { BgNbdModel } from './churnModelSchemas';
import { BgNbdModelSchema, CHURN_MODEL_VERSION } from './churnModelSchemas';
import type { ChurnFitOptions } from './fitOptions';
import { maximizeLogLikelihood } from './maximizeLogLikelihood';
import type { BtydCustomer } from './readBtydCustomers';
import { readTransactionFitData } from './readTransactionFitData';

export function fitBgNbd(customers: ReadonlyArray<BtydCustomer>, options: ChurnFitOptions = {}): BgNbdModel {
	const caller = 'fitBgNbd';
	const { periodUnit, trainingWindow, data } = readTransactionFitData(customers, options, caller);
	const timeScale = data.maxAge;
	// Start: r = 0.5 and alpha matching the mean purchase rate sum(x) / sum(T) (scaled), a = 1, b = 2.
	let scaledExposure = 0;
	for (let k = 0; k < data.size; k++) scaledExposure += (data.weight[k] * data.ageValues[data.ageIndex[k]]) / timeScale;
	const rate = data.totalFrequency / scaledExposure;
	const start = [Math.log(0.5), Math.log(0.5 / rate), 0, Math.log(2)];
	const fit = maximizeLogLikelihood(caller, bgNbdObjective(data, timeScale), start, data.customers, {
		gradientTolerance: options.gradientTolerance ?? 1e-9,
		maxIterations: options.maxIterations,
		names: ['r', 'alpha', 'a', 'b'],
		hessianScheme: 'forward',
	});
	const [r, scaledAlpha, a, b] = fit.point.map(Math.exp);
	const alpha = scaledAlpha * timeScale;
	const standardError = (k: number, value: number): number => value * Math.sqrt(fit.covariance[k][k]);
	// ll in the original time unit: each customer's density carries time^-x, so ll = ll_scaled - x ln(scale).
	const logLikelihood = -fit.value * data.customers - data.totalFrequency * Math.log(timeScale);
	const model: BgNbdModel = {
		kind: 'bgnbd',
		version: CHURN_MODEL_VERSION,
		r,
		alpha,
		a,
		b,
		logLikelihood,
		converged: true,
		iterations: fit.iterations,
		optimizer: fit.optimizer,
		standardErrors: { r: standardError(0, r), alpha: standardError(1, alpha), a: standardError(2, a), b: standardError(3, b) },
		periodUnit,
		...(trainingWindow ? { trainingWindow } : {}),
		customers: data.customers,
		uniqueCustomers: data.size,
	};
	return BgNbdModelSchema.parse(model);
}
