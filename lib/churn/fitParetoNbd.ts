/**
 * Maximum-likelihood fit of the Pareto/NBD model to customers' (frequency x, recency t_x, age T) summaries.
 *
 *   maximise sum_i ll(r, alpha, s, beta | x_i, t_x_i, T_i)        (ll: see paretoNbdLogLikelihood)
 * As fitBgNbd: unique triples with counts, times divided by max T, log-parameters, BFGS with a fourth-order
 * numerical gradient, Nelder-Mead as fallback, convergence checked, standard errors from the numerical Hessian.
 * A fit that does not converge throws.
 * Reference: Schmittlein, Morrison & Colombo (1987), Management Science 33(1):1-24; Fader & Hardie (2005),
 * "A note on deriving the Pareto/NBD model and related expressions",
 * http://brucehardie.com/notes/009/pareto_nbd_derivations_2005-11-05.pdf
 *
 * Cost: O(n) to compress, then O(e u k) for e evaluations (16 per numerical gradient), u unique triples, k 2F1 terms.
 * @example fitParetoNbd(readCdnowSummary(), { periodUnit: 'week' }) // { r: 0.553276, alpha: 10.5776, s: 0.606214, beta: 11.6679, logLikelihood: -9594.9739, ... }
 */
import { withNumericalGradient } from '../optimize/numericalGradient';
import type { ParetoNbdModel } from './churnModelSchemas';
import { CHURN_MODEL_VERSION, ParetoNbdModelSchema } from './churnModelSchemas';
import type { ChurnFitOptions } from './fitOptions';
import { maximizeLogLikelihood } from './maximizeLogLikelihood';
import { paretoNbdObjective } from './paretoNbdObjective';
import type { BtydCustomer } from './readBtydCustomers';
import { readTransactionFitData } from './readTransactionFitData';

export function fitParetoNbd(customers: ReadonlyArray<BtydCustomer>, options: ChurnFitOptions = {}): ParetoNbdModel {
	const caller = 'fitParetoNbd';
	const { periodUnit, trainingWindow, data } = readTransactionFitData(customers, options, caller);
	const timeScale = data.maxAge;
	const value = paretoNbdObjective(data, timeScale);
	const fit = maximizeLogLikelihood(caller, withNumericalGradient(value, { order: 4 }), [0, 0, 0, 0], data.customers, {
		gradientTolerance: options.gradientTolerance ?? 1e-8,
		maxIterations: options.maxIterations,
		names: ['r', 'alpha', 's', 'beta'],
		hessianStep: 1e-3,
	});
	const [r, scaledAlpha, s, scaledBeta] = fit.point.map(Math.exp);
	const alpha = scaledAlpha * timeScale;
	const beta = scaledBeta * timeScale;
	const standardError = (k: number, estimate: number): number => estimate * Math.sqrt(fit.covariance[k][k]);
	const model: ParetoNbdModel = {
		kind: 'paretonbd',
		version: CHURN_MODEL_VERSION,
		r,
		alpha,
		s,
		beta,
		logLikelihood: -fit.value * data.customers - data.totalFrequency * Math.log(timeScale),
		converged: true,
		iterations: fit.iterations,
		optimizer: fit.optimizer,
		standardErrors: { r: standardError(0, r), alpha: standardError(1, alpha), s: standardError(2, s), beta: standardError(3, beta) },
		periodUnit,
		...(trainingWindow ? { trainingWindow } : {}),
		customers: data.customers,
		uniqueCustomers: data.size,
	};
	return ParetoNbdModelSchema.parse(model);
}
