/**
 * Regularised incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b), the distribution function of a
 * Beta(a, b) variable; the building block of Student's t distribution.
 *
 *   I_x(a, b) = x^a (1-x)^b / (a B(a, b)) * 1/(1+ d1/(1+ d2/(1+ ...)))
 *   d_{2m+1} = -(a+m)(a+b+m) x / ((a+2m)(a+2m+1)),   d_{2m} = m(b-m) x / ((a+2m-1)(a+2m))
 * evaluated with the modified Lentz method when x < (a+1)/(a+b+2), else through I_x(a, b) = 1 - I_{1-x}(b, a).
 * The complement 1 - x may be passed separately so that x close to 1 keeps its digits (Student's t with small t).
 * Reference: Press, Teukolsky, Vetterling & Flannery (2007), Numerical Recipes 3rd ed., section 6.4
 * (https://numerical.recipes/book.html); DLMF 8.17.22, https://dlmf.nist.gov/8.17
 *
 * Cost: O(sqrt(max(a, b))) continued-fraction terms in the worst case; O(1) each.
 * @example regularizedIncompleteBeta(0.5, 2, 3) // 0.6875
 */
import { logGamma } from './logGamma';

const { abs, exp, log, log1p } = Math;
const EPSILON = 1e-16;
const TINY = 1e-300;
const MAX_TERMS = 100_000;

function continuedFraction(x: number, a: number, b: number): number {
	const qab = a + b;
	const qap = a + 1;
	const qam = a - 1;
	let c = 1;
	let d = 1 - (qab * x) / qap;
	if (abs(d) < TINY) d = TINY;
	d = 1 / d;
	let fraction = d;
	for (let m = 1; m < MAX_TERMS; m++) {
		const m2 = 2 * m;
		let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
		d = 1 + aa * d;
		if (abs(d) < TINY) d = TINY;
		c = 1 + aa / c;
		if (abs(c) < TINY) c = TINY;
		d = 1 / d;
		fraction *= d * c;
		aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
		d = 1 + aa * d;
		if (abs(d) < TINY) d = TINY;
		c = 1 + aa / c;
		if (abs(c) < TINY) c = TINY;
		d = 1 / d;
		const delta = d * c;
		fraction *= delta;
		if (abs(delta - 1) < EPSILON) break;
	}
	return fraction;
}

/** Stirling's correction ln Γ(x) - [(x - 1/2) ln x - x + ln(2π)/2] for x >= 20 (error below 1e-15). */
function stirlingCorrection(x: number): number {
	const inverseSquare = 1 / (x * x);
	return (1 / 12 - inverseSquare * (1 / 360 - inverseSquare * (1 / 1260 - inverseSquare / 1680))) / x;
}

/**
 * ln B(a, b) = ln Γ(a) + ln Γ(b) - ln Γ(a + b). When one shape is large, ln Γ(a + b) - ln Γ(a) is taken from
 * Stirling's series as (a - 1/2) ln(1 + b/a) + b ln(a + b) - b + corrections, so that the two large
 * logarithms do not cancel (Student's t with 10^7 degrees of freedom keeps 14 digits instead of 8).
 */
function logBeta(a: number, b: number): number {
	const large = Math.max(a, b);
	const small = Math.min(a, b);
	if (large < 20) return logGamma(a) + logGamma(b) - logGamma(a + b);
	const difference = (large - 0.5) * log1p(small / large) + small * log(large + small) - small + stirlingCorrection(large + small) - stirlingCorrection(large);
	return logGamma(small) - difference;
}

/** x^a (1-x)^b / B(a, b) on the log scale; each logarithm from whichever of x and 1 - x is the smaller. */
function logFront(x: number, complement: number, a: number, b: number): number {
	const logX = x < 0.5 ? log(x) : log1p(-complement);
	const logComplement = complement < 0.5 ? log(complement) : log1p(-x);
	return a * logX + b * logComplement - logBeta(a, b);
}

export function regularizedIncompleteBeta(x: number, a: number, b: number, complementOfX: number = 1 - x): number {
	if (!(a > 0) || !(b > 0) || !Number.isFinite(a) || !Number.isFinite(b)) {
		throw new Error(`regularizedIncompleteBeta requires finite shapes a > 0 and b > 0; got a = ${a}, b = ${b}`);
	}
	if (!(x >= 0 && x <= 1)) throw new Error(`regularizedIncompleteBeta requires x in [0, 1]; got ${x}`);
	if (x === 0) return 0;
	if (complementOfX === 0 || x === 1) return 1;
	const front = exp(logFront(x, complementOfX, a, b));
	if (x < (a + 1) / (a + b + 2)) return (front * continuedFraction(x, a, b)) / a;
	return 1 - (front * continuedFraction(complementOfX, b, a)) / b;
}
