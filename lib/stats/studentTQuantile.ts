/**
 * Student's t quantile (inverse CDF) t_ν(p): the t with P(T <= t) = p, for ν > 0 degrees of freedom
 * (fractional allowed); the critical value of Welch confidence intervals, t_{1-α/2, ν}.
 *
 *   ν = 1: t = tan(π (p - 1/2));  ν = 2: t = (2p - 1) / sqrt(2 p (1 - p));  ν = Infinity: normal quantile.
 *   otherwise: Cornish-Fisher start  t0 = z + g1/ν + g2/ν^2 + g3/ν^3 + g4/ν^4  (z = Φ^-1(p),
 *   g1 = (z^3 + z)/4, g2 = (5z^5 + 16z^3 + 3z)/96, g3 = (3z^7 + 19z^5 + 17z^3 - 15z)/384,
 *   g4 = (79z^9 + 776z^7 + 1482z^5 - 1920z^3 - 945z)/92160), then safeguarded Newton steps on
 *   ln F_ν(t) - ln p (step (ln F - ln p) F / f) inside a bracket, bisecting when a step leaves it.
 * The lower half is solved directly and the upper by symmetry, t_ν(p) = -t_ν(1 - p).
 * Reference: Abramowitz & Stegun 26.7.5 (Cornish-Fisher expansion for t),
 * https://personal.math.ubc.ca/~cbm/aands/page_949.htm ; Hill (1970), "Algorithm 396: Student's t-quantiles",
 * CACM 13(10):619-620.
 *
 * Cost: O(1) Newton steps (usually 2-4), each one studentTCdf evaluation.
 * @example studentTQuantile(0.975, 10) // 2.228138851986274
 */
import { logGamma } from './logGamma';
import { normalQuantile } from './normalQuantile';
import { studentTCdf } from './studentTCdf';

const { abs, log, log1p, max, PI, sqrt, tan } = Math;

function logDensity(t: number, nu: number): number {
	return logGamma((nu + 1) / 2) - logGamma(nu / 2) - 0.5 * log(nu * PI) - ((nu + 1) / 2) * log1p((t * t) / nu);
}

function cornishFisher(p: number, nu: number): number {
	const z = normalQuantile(p);
	const z2 = z * z;
	const g1 = (z2 * z + z) / 4;
	const g2 = (((5 * z2 + 16) * z2 + 3) * z) / 96;
	const g3 = ((((3 * z2 + 19) * z2 + 17) * z2 - 15) * z) / 384;
	const g4 = (((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z) / 92160;
	return z + g1 / nu + g2 / (nu * nu) + g3 / (nu * nu * nu) + g4 / (nu * nu * nu * nu);
}

/** Solves F_ν(t) = p for p < 1/2 (so t < 0). */
function lowerQuantile(p: number, nu: number): number {
	const logP = log(p);
	let t = cornishFisher(p, nu);
	if (!(t < 0) || !Number.isFinite(t)) t = -1;
	// Bracket [lower, upper] with F(lower) <= p <= F(upper).
	let upper = 0;
	let lower = t;
	while (studentTCdf(lower, nu) > p) {
		upper = lower;
		lower *= 2;
	}
	for (let iteration = 0; iteration < 200; iteration++) {
		const cdf = studentTCdf(t, nu);
		if (cdf > p) upper = t;
		else lower = t;
		const step = ((log(cdf) - logP) * cdf) / Math.exp(logDensity(t, nu));
		let next = t - step;
		if (!(next > lower && next < upper)) next = (lower + upper) / 2;
		if (abs(next - t) <= 1e-15 * max(1, abs(t))) return next;
		t = next;
	}
	return t;
}

export function studentTQuantile(p: number, degreesOfFreedom: number): number {
	if (!(p >= 0 && p <= 1)) throw new Error(`studentTQuantile requires a probability in [0, 1]; got ${p}`);
	if (!(degreesOfFreedom > 0)) throw new Error(`studentTQuantile requires degrees of freedom > 0; got ${degreesOfFreedom}`);
	if (p === 0) return Number.NEGATIVE_INFINITY;
	if (p === 1) return Number.POSITIVE_INFINITY;
	if (p === 0.5) return 0;
	if (degreesOfFreedom === Number.POSITIVE_INFINITY) return normalQuantile(p);
	if (p > 0.5) return -studentTQuantile(1 - p, degreesOfFreedom);
	if (degreesOfFreedom === 1) return tan(PI * (p - 0.5));
	if (degreesOfFreedom === 2) return (2 * p - 1) / sqrt(2 * p * (1 - p));
	return lowerQuantile(p, degreesOfFreedom);
}
