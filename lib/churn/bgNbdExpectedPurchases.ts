/**
 * BG/NBD expected number of purchases in a period of length t for a randomly chosen (new) customer,
 * the unconditional E[X(t)].
 *
 *   E[X(t)] = (a+b-1)/(a-1) * [1 - (alpha/(alpha+t))^r * 2F1(r, b; a+b-1; t/(alpha+t))]
 *
 * 2F1 by a stable series (Euler's transformation when r + 1 > a, see hypergeometric2F1); the bracket by
 * expm1 on the log scale. At a = 1 the formula is 0/0: it is then evaluated at a = 1 +- 1e-5 and averaged
 * (error O(1e-10)).
 * Reference: Fader, Hardie & Lee (2005), "Counting your customers the easy way", Marketing Science 24(2), eq. (9),
 * http://brucehardie.com/papers/018/fader_et_al_mksc_05.pdf
 *
 * Cost: O(k) for k series terms (a few dozen).
 * @example bgNbdExpectedPurchases({ r: 0.2425945, alpha: 4.4136019, a: 0.7929199, b: 2.4258881 }, 78) // 1.857956 (references.md lists 1.8576)
 */
import { logHypergeometric2F1 } from '../stats/hypergeometric2F1';
import type { BgNbdParameters } from './bgNbdParameters';
import { checkBgNbdParameters } from './bgNbdParameters';

const NEAR_ONE = 1e-7;
const SIDE_STEP = 1e-5;

function expected(r: number, alpha: number, a: number, b: number, t: number): number {
	const z = t / (alpha + t);
	const lh = logHypergeometric2F1(r, b, a + b - 1, z);
	// (alpha/(alpha+t))^r * 2F1 on the log scale: -r ln(1 + t/alpha) + ln 2F1.
	const bracket = -Math.expm1(-r * Math.log1p(t / alpha) + lh.logMagnitude);
	return ((a + b - 1) / (a - 1)) * bracket;
}

/**
 * E[X(t)] from raw parameters (no checks); shared with the conditional expectation (posterior parameters).
 * @example bgNbdExpectedPurchasesUnchecked(0.2425945, 4.4136019, 0.7929199, 2.4258881, 1) // 0.0531843
 */
export function bgNbdExpectedPurchasesUnchecked(r: number, alpha: number, a: number, b: number, t: number): number {
	if (t === 0) return 0;
	if (Math.abs(a - 1) < NEAR_ONE) return (expected(r, alpha, 1 - SIDE_STEP, b, t) + expected(r, alpha, 1 + SIDE_STEP, b, t)) / 2;
	return expected(r, alpha, a, b, t);
}

export function bgNbdExpectedPurchases(parameters: BgNbdParameters, t: number): number {
	checkBgNbdParameters(parameters, 'bgNbdExpectedPurchases');
	if (!(t >= 0) || !Number.isFinite(t)) throw new Error(`bgNbdExpectedPurchases requires a finite horizon t >= 0; got ${t}`);
	const { r, alpha, a, b } = parameters;
	return bgNbdExpectedPurchasesUnchecked(r, alpha, a, b, t);
}
