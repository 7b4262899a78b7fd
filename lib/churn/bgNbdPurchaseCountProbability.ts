/**
 * BG/NBD probability that a new customer makes exactly n purchases in a period of length t, P(X(t) = n).
 *
 *   P(X(t)=n) = B(a, b+n)/B(a, b) * NB(n)
 *             + [n>0] * B(a+1, b+n-1)/B(a, b) * (1 - sum_{j<n} NB(j))
 *   NB(j) = G(r+j)/(G(r) j!) * (alpha/(alpha+t))^r * (t/(alpha+t))^j     (negative binomial)
 * All on the log scale; the tail 1 - sum_{j<n} NB(j) is summed directly as sum_{j>=n} NB(j) when n is above the
 * mean, so it keeps its precision when it is tiny.
 * Reference: Fader, Hardie & Lee (2005), "Counting your customers the easy way", Marketing Science 24(2), eq. (8),
 * http://brucehardie.com/papers/018/fader_et_al_mksc_05.pdf
 *
 * Cost: O(n) (plus O(m) tail terms when n is above the mean).
 * @example bgNbdPurchaseCountProbability({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 0, 39) // 0.5737864
 */
import { logGamma } from '../stats/logGamma';
import type { BgNbdParameters } from './bgNbdParameters';
import { checkBgNbdParameters } from './bgNbdParameters';

const { exp, log, log1p } = Math;

function logBeta(x: number, y: number): number {
	return logGamma(x) + logGamma(y) - logGamma(x + y);
}

/**
 * Negative binomial upper tail P(N >= n), N ~ NB(r, p), P(N = j) = G(r+j)/(G(r) j!) (1-p)^r p^j: 1 - lower sum when n is
 * at most the mean, else the direct sum of the (falling) upper terms, so tiny tails keep their precision. O(n) or O(m).
 * @example negativeBinomialUpperTail(1, 0.243, 0.9) // 1 - 0.1^0.243 = 0.4285
 */
export function negativeBinomialUpperTail(n: number, r: number, p: number): number {
	if (n <= 0) return 1;
	if (p === 0) return 0;
	const logQ = log1p(-p);
	const logP = log(p);
	const logPmf = (j: number): number => logGamma(r + j) - logGamma(r) - logGamma(j + 1) + r * logQ + j * logP;
	const mean = (r * p) / (1 - p);
	if (n <= mean) {
		let lower = 0;
		let term = exp(r * logQ);
		for (let j = 0; j < n; j++) {
			lower += term;
			term *= ((r + j) / (j + 1)) * p;
		}
		return Math.max(0, 1 - lower);
	}
	// Terms fall from j = n on (n > mean >= mode); sum until they no longer change the total.
	let term = exp(logPmf(n));
	let sum = 0;
	for (let j = n; j < n + 1_000_000; j++) {
		sum += term;
		const ratio = ((r + j) / (j + 1)) * p;
		term *= ratio;
		if (term <= 1e-17 * sum && ratio < 1) break;
	}
	return Math.min(1, sum);
}

export function bgNbdPurchaseCountProbability(parameters: BgNbdParameters, n: number, t: number): number {
	checkBgNbdParameters(parameters, 'bgNbdPurchaseCountProbability');
	if (!Number.isInteger(n) || n < 0) throw new Error(`bgNbdPurchaseCountProbability requires a whole number of purchases n >= 0; got ${n}`);
	if (!(t >= 0) || !Number.isFinite(t)) throw new Error(`bgNbdPurchaseCountProbability requires a finite horizon t >= 0; got ${t}`);
	const { r, alpha, a, b } = parameters;
	if (t === 0) return n === 0 ? 1 : 0;
	const p = t / (alpha + t);
	const logNb = logGamma(r + n) - logGamma(r) - logGamma(n + 1) + r * log(alpha / (alpha + t)) + n * log(p);
	const logB = logBeta(a, b);
	const first = exp(logBeta(a, b + n) - logB + logNb);
	if (n === 0) return first;
	return first + exp(logBeta(a + 1, b + n - 1) - logB) * negativeBinomialUpperTail(n, r, p);
}
