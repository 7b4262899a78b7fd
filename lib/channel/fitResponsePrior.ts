/**
 * Empirical-Bayes Beta prior for one channel's response rate: the population prior that each customer's
 * rate is shrunk towards, fitted to every customer's (sends, responses) by maximum marginal likelihood
 * of the beta-binomial model.
 *
 *   x_i | p_i ~ Binomial(n_i, p_i),  p_i ~ Beta(a, b),  a = mu * kappa,  b = (1 - mu) * kappa
 *   mu    = (sum x + 0.5) / (sum n + 1)                          (pooled rate, Jeffreys-adjusted)
 *   kappa = argmax sum_i [ln B(a + x_i, b + n_i - x_i) - ln B(a, b)]   (golden section on ln kappa)
 * Sums run over histograms of x, n - x and n, so the cost does not grow with the number of customers:
 *   ll = sum_x H(x)[lnG(a+x) - lnG(a)] + sum_y H(y)[lnG(b+y) - lnG(b)] - sum_n H(n)[lnG(a+b+n) - lnG(a+b)]
 * (each difference a log rising factorial, see logRisingFactorial).
 * Fewer than `minimumCustomers` customers with sends: the fallback prior is returned (fitted = false).
 * Reference: Kass & Steffey (1989) on empirical Bayes; beta-binomial likelihood as in Minka (2000),
 * "Estimating a Dirichlet distribution", https://tminka.github.io/papers/dirichlet/
 *
 * Cost: O(c + iterations * distinct counts) for c customers.
 * @example fitResponsePrior([50, 40, ...], [3, 1, ...], { alpha: 1, beta: 19 }) // { alpha: 1.8, beta: 31.2, ... }
 */
import { goldenSectionMaximum } from './goldenSectionMaximum';
import { logRisingFactorial } from './logRisingFactorial';

export interface BetaPrior {
	alpha: number;
	beta: number;
}

export interface FittedBetaPrior extends BetaPrior {
	/** Customers with at least one send that the fit used. */
	customers: number;
	/** False when the fallback prior was returned for lack of data. */
	fitted: boolean;
}

const MINIMUM_CUSTOMERS = 20;
const LOG_KAPPA_RANGE: [number, number] = [Math.log(0.5), Math.log(1e5)];

function histogram(values: number[]): [number[], number[]] {
	const counts = new Map<number, number>();
	for (const value of values) if (value > 0) counts.set(value, (counts.get(value) ?? 0) + 1);
	return [[...counts.keys()], [...counts.values()]];
}

export function fitResponsePrior(
	sent: readonly number[],
	responses: readonly number[],
	fallback: BetaPrior,
	minimumCustomers = MINIMUM_CUSTOMERS,
): FittedBetaPrior {
	if (sent.length !== responses.length) {
		throw new Error(`fitResponsePrior requires as many response counts as send counts; got ${sent.length} and ${responses.length}`);
	}
	const successes: number[] = [];
	const failures: number[] = [];
	const trials: number[] = [];
	let totalSuccesses = 0;
	let totalTrials = 0;
	for (let i = 0; i < sent.length; i++) {
		const n = sent[i];
		if (!(n > 0)) continue;
		const x = Math.min(Math.max(responses[i], 0), n);
		successes.push(x);
		failures.push(n - x);
		trials.push(n);
		totalSuccesses += x;
		totalTrials += n;
	}
	if (trials.length < minimumCustomers) return { ...fallback, customers: trials.length, fitted: false };
	const mu = (totalSuccesses + 0.5) / (totalTrials + 1);
	const [xValues, xCounts] = histogram(successes);
	const [yValues, yCounts] = histogram(failures);
	const [nValues, nCounts] = histogram(trials);
	const logLikelihood = (logKappa: number): number => {
		const kappa = Math.exp(logKappa);
		const a = mu * kappa;
		const b = (1 - mu) * kappa;
		let sum = 0;
		for (let i = 0; i < xValues.length; i++) sum += xCounts[i] * logRisingFactorial(a, xValues[i]);
		for (let i = 0; i < yValues.length; i++) sum += yCounts[i] * logRisingFactorial(b, yValues[i]);
		for (let i = 0; i < nValues.length; i++) sum -= nCounts[i] * logRisingFactorial(a + b, nValues[i]);
		return sum;
	};
	const kappa = Math.exp(goldenSectionMaximum(logLikelihood, LOG_KAPPA_RANGE[0], LOG_KAPPA_RANGE[1], 1e-3));
	return { alpha: mu * kappa, beta: (1 - mu) * kappa, customers: trials.length, fitted: true };
}
