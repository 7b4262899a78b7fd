/**
 * Pareto/NBD probability that a new customer makes exactly n purchases in a period of length t, P(X(t) = n).
 *
 * Given the lifetime tau, X(t) is Poisson(lambda min(tau, t)); mixing lambda ~ Gamma(r, alpha) gives a negative
 * binomial NB_m(n) = G(r+n)/(G(r) n!) (alpha/(alpha+m))^r (m/(alpha+m))^n with m = min(tau, t); tau has the
 * Pareto (Lomax) law P(tau > u) = (beta/(beta+u))^s. So
 *   P(X(t)=n) = (beta/(beta+t))^s NB_t(n) + int_0^t s beta^s (beta+u)^-(s+1) NB_u(n) du
 * The integral is taken in v = ln(1 + u/beta), where it becomes int_0^ln(1+t/beta) s e^(-s v) NB_u(v)(n) dv,
 * by composite Gauss-Legendre quadrature (16 panels x 20 points; sum over n checked to 1 within 1e-12 in the tests).
 * Reference: Schmittlein, Morrison & Colombo (1987), Management Science 33(1), section 3; the closed form with
 * 2F1 terms is in Fader, Hardie & Lee (2005), "A note on deriving the Pareto/NBD model...", eq. (31),
 * http://brucehardie.com/notes/009/pareto_nbd_derivations_2005-11-05.pdf
 *
 * Cost: O(320) evaluations of the negative binomial (O(1) each).
 * @example paretoNbdPurchaseCountProbability({ r: 0.55315, alpha: 10.57633, s: 0.60625, beta: 11.6715 }, 0, 39) // 0.593557
 */
import { integrateGaussLegendre } from '../optimize/integrateGaussLegendre';
import { logGamma } from '../stats/logGamma';
import type { ParetoNbdParameters } from './paretoNbdParameters';
import { checkParetoNbdParameters } from './paretoNbdParameters';

const { exp, expm1, log, log1p } = Math;

/**
 * P(X(t) = n) from raw numbers (no checks); used with posterior parameters for P(no purchase | alive).
 * @example paretoNbdPurchaseCountUnchecked(0.55315, 10.57633, 0.60625, 11.6715, 0, 39) // 0.593557
 */
export function paretoNbdPurchaseCountUnchecked(r: number, alpha: number, s: number, beta: number, n: number, t: number): number {
	if (t === 0) return n === 0 ? 1 : 0;
	const logCoefficient = logGamma(r + n) - logGamma(r) - logGamma(n + 1);
	const logNb = (m: number): number => (m === 0 ? (n === 0 ? 0 : Number.NEGATIVE_INFINITY) : logCoefficient - r * log1p(m / alpha) + n * (log(m) - log(alpha + m)));
	const survivesHorizon = exp(-s * log1p(t / beta) + logNb(t));
	const upper = log1p(t / beta);
	const integral = integrateGaussLegendre((v) => s * exp(-s * v + logNb(beta * expm1(v))), 0, upper, { panels: 16, order: 20 });
	return survivesHorizon + integral;
}

export function paretoNbdPurchaseCountProbability(parameters: ParetoNbdParameters, n: number, t: number): number {
	checkParetoNbdParameters(parameters, 'paretoNbdPurchaseCountProbability');
	if (!Number.isInteger(n) || n < 0) throw new Error(`paretoNbdPurchaseCountProbability requires a whole number of purchases n >= 0; got ${n}`);
	if (!(t >= 0) || !Number.isFinite(t)) throw new Error(`paretoNbdPurchaseCountProbability requires a finite horizon t >= 0; got ${t}`);
	const { r, alpha, s, beta } = parameters;
	return paretoNbdPurchaseCountUnchecked(r, alpha, s, beta, n, t);
}
