/**
 * Log-sum-exp: ln(sum_i exp(v_i)) without overflow or underflow, and its two-term and signed forms.
 *
 *   logSumExp(v)         = m + ln(sum_i exp(v_i - m)),  m = max_i v_i
 *   logAddExp(u, v)      = max(u, v) + ln(1 + exp(-|u - v|))
 *   logSubtractExp(u, v) = u + ln(1 - exp(v - u))          (u >= v; -Infinity when u = v)
 *   signedLogSumExp(terms) = ln|sum_i s_i exp(l_i)| and its sign, for terms { logMagnitude: l_i, sign: s_i }
 *
 * The likelihoods of BG/NBD and Pareto/NBD are sums and differences of terms that each over- or underflow
 * in double precision (e.g. (alpha + T)^-(r + x) for x = 200); they are added here on the log scale.
 * Reference: Blanchard, Higham & Higham (2021), "Accurately computing the log-sum-exp and softmax functions",
 * IMA J. Numer. Anal. 41(4), https://eprints.maths.manchester.ac.uk/2765/
 *
 * Cost: O(n) for n terms, O(1) for the two-term forms.
 * @example logSumExp([1000, 1000]) // 1000.6931471805599 (exp(1000) alone overflows)
 */
// Globals read once: in vm sandboxes (Jest, n8n task runners) each global lookup is slow.
const { abs, exp, expm1, log, log1p, max } = Math;

export function logSumExp(values: ArrayLike<number>): number {
	let largest = Number.NEGATIVE_INFINITY;
	for (let i = 0; i < values.length; i++) {
		const value = values[i];
		if (Number.isNaN(value)) return Number.NaN;
		if (value > largest) largest = value;
	}
	if (largest === Number.NEGATIVE_INFINITY || largest === Number.POSITIVE_INFINITY) return largest;
	let sum = 0;
	for (let i = 0; i < values.length; i++) sum += exp(values[i] - largest);
	return largest + log(sum);
}

/**
 * Two-term log-sum-exp, ln(exp(u) + exp(v)).
 * @example logAddExp(0, 0) // ln 2 = 0.6931471805599453
 */
export function logAddExp(u: number, v: number): number {
	if (u === Number.NEGATIVE_INFINITY) return v;
	if (v === Number.NEGATIVE_INFINITY) return u;
	return max(u, v) + log1p(exp(-abs(u - v)));
}

/**
 * Log of a difference, ln(exp(u) - exp(v)) for u >= v; NaN when v > u (the difference is negative).
 * Uses log(-expm1(v - u)) so that close arguments keep their precision.
 * @example logSubtractExp(Math.log(3), Math.log(1)) // ln 2 = 0.6931471805599453
 */
export function logSubtractExp(u: number, v: number): number {
	if (v === Number.NEGATIVE_INFINITY) return u;
	if (v > u) return Number.NaN;
	if (v === u) return Number.NEGATIVE_INFINITY;
	return u + log(-expm1(v - u));
}

/** A signed number held as its log-magnitude: value = sign * exp(logMagnitude). */
export interface SignedLog {
	logMagnitude: number;
	sign: -1 | 0 | 1;
}

/**
 * Signed log-sum-exp: the sum of signed terms, each given as ln|term| and its sign, returned the same way.
 * Cancellation between terms of opposite sign loses only the digits the difference really loses.
 * @example signedLogSumExp([{ logMagnitude: Math.log(5), sign: 1 }, { logMagnitude: Math.log(2), sign: -1 }])
 *   // { logMagnitude: ln 3 = 1.0986122886681098, sign: 1 }
 */
export function signedLogSumExp(terms: ReadonlyArray<SignedLog>): SignedLog {
	let largest = Number.NEGATIVE_INFINITY;
	for (const term of terms) {
		if (Number.isNaN(term.logMagnitude)) return { logMagnitude: Number.NaN, sign: 0 };
		if (term.sign !== 0 && term.logMagnitude > largest) largest = term.logMagnitude;
	}
	if (largest === Number.NEGATIVE_INFINITY) return { logMagnitude: Number.NEGATIVE_INFINITY, sign: 0 };
	let sum = 0;
	for (const term of terms) if (term.sign !== 0) sum += term.sign * exp(term.logMagnitude - largest);
	if (sum === 0) return { logMagnitude: Number.NEGATIVE_INFINITY, sign: 0 };
	return { logMagnitude: largest + log(abs(sum)), sign: sum > 0 ? 1 : -1 };
}
