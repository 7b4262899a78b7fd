/**
 * Gauss hypergeometric function 2F1(a, b; c; z) for real parameters and z < 1, and its logarithm.
 *
 *   2F1(a, b; c; z) = sum_{k>=0} (a)_k (b)_k / ((c)_k k!) z^k,   (q)_k = q (q+1) ... (q+k-1)
 *
 * Evaluation:
 * - 0 <= z < 1, a + b <= c: the series itself (terms fall at least like z^k / k).
 * - 0 <= z < 1, a + b > c: Euler's transformation
 *     2F1(a, b; c; z) = (1 - z)^(c-a-b) 2F1(c-a, c-b; c; z),
 *   whose series has small terms where the direct one sums huge ones (BG/NBD with x = 200 repeat purchases:
 *   a = r + x, b = b + x, c = a + b + x - 1); its prefactor is kept on the log scale.
 * - Either series falls back on the other when it does not converge within the term budget.
 * - z < 0: Pfaff's transformation 2F1(a, b; c; z) = (1 - z)^(-a) 2F1(a, c-b; c; z/(z-1)), 0 < z/(z-1) < 1.
 * Partial sums are rescaled as they grow, so ln 2F1 is finite even where 2F1 overflows a double.
 * Reference: Abramowitz & Stegun (1964), Handbook of Mathematical Functions, 15.1.1 and 15.3.3-15.3.5,
 * https://personal.math.ubc.ca/~cbm/aands/page_559.htm
 *
 * Cost: O(k) for k series terms; k is about ln(eps)/ln(z) plus the rise of the terms, a few dozen for z <= 0.6.
 * @example hypergeometric2F1(1, 1, 2, 0.5) // -ln(1 - 0.5)/0.5 = 1.3862943611198906
 */
// Globals read once: in vm sandboxes (Jest, n8n task runners) each global lookup is slow, and these run per customer.
const { abs, exp, log, log1p } = Math;
const isFiniteNumber = Number.isFinite;
const isInteger = Number.isInteger;

const RELATIVE_TOLERANCE = 1e-16;
const DEFAULT_MAX_TERMS = 100_000;
const RESCALE_ABOVE = 1e250;
const LOG_RESCALE = log(RESCALE_ABOVE);

/** A value held as ln|value| and its sign. */
export interface LogHypergeometric {
	logMagnitude: number;
	sign: -1 | 0 | 1;
}

interface SeriesResult extends LogHypergeometric {
	converged: boolean;
}

/** The Gauss series in scaled form; converged is false when the term budget ran out. */
function gaussSeries(a: number, b: number, c: number, z: number, maxTerms: number): SeriesResult {
	let sum = 1;
	let term = 1;
	let logScale = 0;
	for (let k = 0; k < maxTerms; k++) {
		const ratio = ((a + k) * (b + k) * z) / ((c + k) * (k + 1));
		term *= ratio;
		sum += term;
		if (term === 0) return finish(sum, logScale, true);
		if (abs(sum) > RESCALE_ABOVE) {
			sum /= RESCALE_ABOVE;
			term /= RESCALE_ABOVE;
			logScale += LOG_RESCALE;
		}
		// Tail bound: once the ratio of successive terms stays below rho < 1, the tail is below |term| rho/(1-rho).
		const nextRatio = abs(((a + k + 1) * (b + k + 1) * z) / ((c + k + 1) * (k + 2)));
		const absZ = z < 0 ? -z : z;
		const rho = nextRatio > absZ ? nextRatio : absZ;
		if (rho < 1 && abs(term) * (rho / (1 - rho)) <= RELATIVE_TOLERANCE * abs(sum)) return finish(sum, logScale, true);
	}
	return finish(sum, logScale, false);
}

function finish(sum: number, logScale: number, converged: boolean): SeriesResult {
	if (sum === 0) return { logMagnitude: Number.NEGATIVE_INFINITY, sign: 0, converged };
	return { logMagnitude: logScale + log(abs(sum)), sign: sum > 0 ? 1 : -1, converged };
}

function describe(a: number, b: number, c: number, z: number): string {
	return `a=${a}, b=${b}, c=${c}, z=${z}`;
}

/**
 * ln|2F1(a, b; c; z)| and the sign of 2F1, for z < 1 and c not a non-positive integer.
 * @example logHypergeometric2F1(200.25, 202.5, 202.3, 0.5) // { logMagnitude: 138.9403, sign: 1 } (2F1 itself 2.19e60)
 */
export function logHypergeometric2F1(a: number, b: number, c: number, z: number, maxTerms = DEFAULT_MAX_TERMS): LogHypergeometric {
	if (!(isFiniteNumber(a) && isFiniteNumber(b) && isFiniteNumber(c) && isFiniteNumber(z))) {
		throw new Error(`hypergeometric2F1 requires finite arguments; got ${describe(a, b, c, z)}`);
	}
	if (!(z < 1)) throw new Error(`hypergeometric2F1 requires z < 1; got ${describe(a, b, c, z)}`);
	if (c <= 0 && isInteger(c)) {
		throw new Error(`hypergeometric2F1 requires c not a non-positive integer; got ${describe(a, b, c, z)}`);
	}
	if (z === 0) return { logMagnitude: 0, sign: 1 };
	if (z < 0) {
		// Pfaff: 2F1(a, b; c; z) = (1 - z)^(-a) 2F1(a, c - b; c; z / (z - 1)).
		const inner = logHypergeometric2F1(a, c - b, c, z / (z - 1), maxTerms);
		return { logMagnitude: inner.logMagnitude - a * log1p(-z), sign: inner.sign };
	}
	// Euler's form first when a + b > c (its terms are small where the direct ones rise), the other as fallback.
	const eulerFirst = a + b > c;
	for (let attempt = 0; attempt < 2; attempt++) {
		const euler = attempt === 0 ? eulerFirst : !eulerFirst;
		const series = euler ? gaussSeries(c - a, c - b, c, z, maxTerms) : gaussSeries(a, b, c, z, maxTerms);
		if (series.converged) {
			return { logMagnitude: euler ? series.logMagnitude + (c - a - b) * log1p(-z) : series.logMagnitude, sign: series.sign };
		}
	}
	throw new Error(`hypergeometric2F1 did not converge within ${maxTerms} terms for ${describe(a, b, c, z)}`);
}

export function hypergeometric2F1(a: number, b: number, c: number, z: number, maxTerms = DEFAULT_MAX_TERMS): number {
	const { logMagnitude, sign } = logHypergeometric2F1(a, b, c, z, maxTerms);
	return sign * exp(logMagnitude);
}
