/**
 * Empirical-Bayes prior for send hours: the population pattern of engagement over the 24 local hours, a
 * pattern per segment shrunk towards it, and the Dirichlet concentration (how many pseudo-engagements the
 * pattern is worth against a customer's own history), fitted by maximum Dirichlet-multinomial likelihood.
 *
 *   pattern[h]     = smooth((sum_i c_ih + 0.5) / (N + 12))
 *   segment_s[h]   = smooth((segmentStrength * pattern[h] + sum_{i in s} c_ih) / (segmentStrength + N_s))
 *   strength       = argmax_alpha sum_i [lnG(alpha) - lnG(alpha + n_i) + sum_h (lnG(alpha p_h + c_ih) - lnG(alpha p_h))]
 * with the sums taken over histograms of n_i and of (h, c_ih), so the cost is independent of customer count.
 * With fewer than 10 customers having 2+ engagements, `fallbackStrength` is kept (fitted = false).
 * Reference: Minka (2000), "Estimating a Dirichlet distribution", section 4 (precision with fixed mean),
 * https://tminka.github.io/papers/dirichlet/
 *
 * Cost: O(24 c + iterations * distinct counts) for c customers.
 * @example fitHourPrior(countsPerCustomer, segments, { smoothingHours: 1, segmentStrength: 100, fallbackStrength: 12 }).strength // e.g. 6.3
 */
import { goldenSectionMaximum } from './goldenSectionMaximum';
import { logRisingFactorial } from './logRisingFactorial';
import { smoothCircular } from './smoothCircular';

export interface HourPrior {
	/** Population share of engagements per local hour, sums to 1. */
	pattern: number[];
	/** Dirichlet concentration: pseudo-engagements the prior pattern is worth. */
	strength: number;
	/** Pattern per segment (same shape), shrunk towards `pattern`. */
	segments: Record<string, number[]>;
	/** Customers with engagement data and engagements in total that the fit used. */
	customers: number;
	engagements: number;
	fitted: boolean;
}

export interface FitHourPriorOptions {
	smoothingHours: number;
	segmentStrength: number;
	fallbackStrength: number;
}

const MINIMUM_CUSTOMERS = 10;

function normalise(values: ArrayLike<number>): number[] {
	let total = 0;
	for (let i = 0; i < values.length; i++) total += values[i];
	return Array.from(values, (value) => value / total);
}

export function fitHourPrior(
	countsPerCustomer: ReadonlyArray<ArrayLike<number>>,
	segmentOfCustomer: ReadonlyArray<string | null>,
	options: FitHourPriorOptions,
): HourPrior {
	const pooled = new Float64Array(24);
	const segmentTotals = new Map<string, Float64Array>();
	const totalsHistogram = new Map<number, number>();
	const cellHistogram = new Map<number, number>(); // key: count * 24 + hour
	let customers = 0;
	let informative = 0;
	let engagements = 0;
	for (let i = 0; i < countsPerCustomer.length; i++) {
		const counts = countsPerCustomer[i];
		let n = 0;
		for (let h = 0; h < 24; h++) n += counts[h];
		if (n <= 0) continue;
		customers++;
		engagements += n;
		if (n >= 2) informative++;
		const segment = segmentOfCustomer[i];
		let segmentCounts: Float64Array | undefined;
		if (segment !== null && segment !== undefined) {
			segmentCounts = segmentTotals.get(segment);
			if (!segmentCounts) segmentTotals.set(segment, (segmentCounts = new Float64Array(24)));
		}
		totalsHistogram.set(n, (totalsHistogram.get(n) ?? 0) + 1);
		for (let h = 0; h < 24; h++) {
			const c = counts[h];
			if (c <= 0) continue;
			pooled[h] += c;
			if (segmentCounts) segmentCounts[h] += c;
			const key = c * 24 + h;
			cellHistogram.set(key, (cellHistogram.get(key) ?? 0) + 1);
		}
	}
	const raw = new Float64Array(24);
	for (let h = 0; h < 24; h++) raw[h] = (pooled[h] + 0.5) / (engagements + 12);
	const pattern = normalise(smoothCircular(raw, options.smoothingHours));
	const segments: Record<string, number[]> = Object.create(null) as Record<string, number[]>;
	for (const [segment, counts] of [...segmentTotals.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
		let n = 0;
		for (let h = 0; h < 24; h++) n += counts[h];
		const shrunk = new Float64Array(24);
		for (let h = 0; h < 24; h++) shrunk[h] = (options.segmentStrength * pattern[h] + counts[h]) / (options.segmentStrength + n);
		segments[segment] = normalise(smoothCircular(shrunk, options.smoothingHours));
	}
	if (informative < MINIMUM_CUSTOMERS) {
		return { pattern, strength: options.fallbackStrength, segments, customers, engagements, fitted: false };
	}
	const totals = [...totalsHistogram.entries()];
	const cells = [...cellHistogram.entries()].map(([key, customersWithCell]) => [key % 24, Math.floor(key / 24), customersWithCell]);
	const logLikelihood = (logAlpha: number): number => {
		const alpha = Math.exp(logAlpha);
		let sum = 0;
		for (const [n, m] of totals) sum -= m * logRisingFactorial(alpha, n);
		for (const [h, c, m] of cells) sum += m * logRisingFactorial(alpha * pattern[h], c);
		return sum;
	};
	const strength = Math.exp(goldenSectionMaximum(logLikelihood, Math.log(0.5), Math.log(5000), 1e-3));
	return { pattern, strength, segments, customers, engagements, fitted: true };
}
