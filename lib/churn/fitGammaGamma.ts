/**
 * Maximum-likelihood fit of the Gamma-Gamma spend model to customers' (x, mean repeat value zbar), x > 0.
 *
 *   maximise sum_i ll(p, q, gamma | x_i, zbar_i)    (ll: see gammaGammaLogLikelihood)
 * Values divided by their mean before the fit (gamma scaled back after: the density carries 1/value, so
 * ll = ll_scaled - n ln(scale)); log-parameters; BFGS with a fourth-order numerical gradient, Nelder-Mead as
 * fallback; convergence checked; standard errors from the numerical Hessian. Throws when it does not converge.
 * The model assumes spend is independent of purchase frequency: check the correlation of x and zbar
 * (Fader & Hardie report 0.11 on CDNOW) before relying on it.
 * Reference: Fader, Hardie & Lee (2005), "RFM and CLV: using iso-value curves for customer base analysis",
 * JMR 42(4):415-430; Fader & Hardie (2013), "The Gamma-Gamma model of monetary value",
 * http://brucehardie.com/notes/025/gamma_gamma.pdf
 *
 * Cost: O(e n) for e objective evaluations (12 per numerical gradient) over n repeat customers.
 * @example fitGammaGamma(cdnowCustomers) // { p: 6.2488, q: 3.7446, gamma: 15.4478, logLikelihood: -4055.92, ... }
 */
import { LifecycleInputError } from '../errors';
import { withNumericalGradient } from '../optimize/numericalGradient';
import { logGamma } from '../stats/logGamma';
import type { GammaGammaModel } from './churnModelSchemas';
import { CHURN_MODEL_VERSION, GammaGammaModelSchema } from './churnModelSchemas';
import type { ChurnFitOptions } from './fitOptions';
import { readTrainingWindow } from './fitOptions';
import { maximizeLogLikelihood } from './maximizeLogLikelihood';
import type { SpendCustomer } from './readSpendCustomers';
import { readSpendCustomers } from './readSpendCustomers';

const { exp, log } = Math;

export function fitGammaGamma(
	customers: ReadonlyArray<SpendCustomer>,
	options: Pick<ChurnFitOptions, 'trainingWindow' | 'maxIterations' | 'gradientTolerance'> = {},
): GammaGammaModel {
	const caller = 'fitGammaGamma';
	const trainingWindow = readTrainingWindow(options.trainingWindow, caller);
	const { frequency, monetaryValue, size } = readSpendCustomers(customers, caller);
	if (size < 2) throw new LifecycleInputError(`${caller} requires at least 2 customers with repeat purchases and a monetaryValue; got ${size}`);
	let mean = 0;
	for (let i = 0; i < size; i++) mean += monetaryValue[i] / size;
	const scaled = monetaryValue.map((m) => m / mean);
	const logX = frequency.map(log);
	// A tiny value (5e-324) next to ordinary ones underflows m / mean to 0: its log is then taken as log(m) - log(mean).
	const logMean = log(mean);
	const logZ = monetaryValue.map((m, i) => (scaled[i] > 0 ? log(scaled[i]) : log(m) - logMean));
	const value = (theta: number[]): number => {
		const [p, q, gamma] = theta.map(exp);
		if (![p, q, gamma].every((v) => v > 0 && Number.isFinite(v))) return Number.NaN;
		let ll = 0;
		const constant = -logGamma(q) + q * log(gamma);
		for (let i = 0; i < size; i++) {
			const x = frequency[i];
			const px = p * x;
			ll += logGamma(px + q) - logGamma(px) + constant + (px - 1) * logZ[i] + px * logX[i] - (px + q) * log(gamma + x * scaled[i]);
		}
		return -ll / size;
	};
	const fit = maximizeLogLikelihood(caller, withNumericalGradient(value, { order: 4 }), [0, 0, 0], size, {
		gradientTolerance: options.gradientTolerance ?? 1e-8,
		maxIterations: options.maxIterations,
		names: ['p', 'q', 'gamma'],
		hessianStep: 1e-3,
	});
	const [p, q, scaledGamma] = fit.point.map(exp);
	const gamma = scaledGamma * mean;
	const standardError = (k: number, estimate: number): number => estimate * Math.sqrt(fit.covariance[k][k]);
	const model: GammaGammaModel = {
		kind: 'gammagamma',
		version: CHURN_MODEL_VERSION,
		p,
		q,
		gamma,
		logLikelihood: -fit.value * size - size * log(mean),
		converged: true,
		iterations: fit.iterations,
		optimizer: fit.optimizer,
		standardErrors: { p: standardError(0, p), q: standardError(1, q), gamma: standardError(2, gamma) },
		...(trainingWindow ? { trainingWindow } : {}),
		customers: size,
	};
	return GammaGammaModelSchema.parse(model);
}
