// The shared maximum-likelihood driver on a model with known answers: the normal distribution.
import { maximizeLogLikelihood } from '../../../lib/churn/maximizeLogLikelihood';

// Data with mean 3 and population variance 2.5 (n = 8).
const DATA = [1, 2, 2, 3, 3, 4, 5, 4];
const n = DATA.length;
const mean = DATA.reduce((s, v) => s + v, 0) / n;
const variance = DATA.reduce((s, v) => s + (v - mean) ** 2, 0) / n;

// Minus the mean normal log-likelihood in (mu, ln sigma), with its exact gradient.
const objective = (theta: number[]): { value: number; gradient: number[] } => {
	const [mu, logSigma] = theta;
	const sigma2 = Math.exp(2 * logSigma);
	let squares = 0;
	let residual = 0;
	for (const v of DATA) {
		squares += (v - mu) ** 2;
		residual += v - mu;
	}
	return {
		value: logSigma + 0.5 * Math.log(2 * Math.PI) + squares / (2 * sigma2 * n),
		gradient: [-residual / (sigma2 * n), 1 - squares / (sigma2 * n)],
	};
};

describe('maximizeLogLikelihood', () => {
	it('finds the MLE and the textbook covariance: var(mu) = sigma^2/n, var(ln sigma) = 1/(2n)', () => {
		const fit = maximizeLogLikelihood('fitNormal', objective, [0, 0], n);
		// Converged to the statistical precision asked for (the log-likelihood within 1e-6 of its maximum).
		expect(fit.point[0]).toBeCloseTo(mean, 6);
		expect(Math.exp(2 * fit.point[1])).toBeCloseTo(variance, 6);
		expect(fit.covariance[0][0]).toBeCloseTo(variance / n, 7);
		expect(fit.covariance[1][1]).toBeCloseTo(1 / (2 * n), 7);
		expect(fit.covariance[0][1]).toBeCloseTo(0, 7);
		expect(fit.optimizer).toBe('bfgs');
	});

	it('falls back on Nelder-Mead when BFGS stops short, and still converges', () => {
		const fit = maximizeLogLikelihood('fitNormal', objective, [10, 3], n, { maxIterations: 2 });
		expect(fit.optimizer).toBe('nelderMead+bfgs');
		expect(fit.point[0]).toBeCloseTo(mean, 6);
	});

	it('throws when a parameter runs off or the end point is not a minimum', () => {
		// ln-likelihood increasing without bound in theta: exp(-theta) -> 0.
		const runaway = (theta: number[]): { value: number; gradient: number[] } => ({ value: Math.exp(-theta[0]), gradient: [-Math.exp(-theta[0])] });
		expect(() => maximizeLogLikelihood('fitRunaway', runaway, [0], 10, { names: ['b'] })).toThrow('fitRunaway did not converge: b is not identified by the data');
		// A saddle at 0: BFGS from exactly 0 sees a zero gradient, but the Hessian is indefinite.
		const saddle = (theta: number[]): { value: number; gradient: number[] } => ({ value: theta[0] ** 2 - theta[1] ** 2, gradient: [2 * theta[0], -2 * theta[1]] });
		expect(() => maximizeLogLikelihood('fitSaddle', saddle, [0, 0], 10)).toThrow('fitSaddle did not converge: the Hessian at the end point is not positive definite');
	});
});
