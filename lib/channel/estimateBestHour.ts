/**
 * Best local send hour of one customer: a Dirichlet-multinomial posterior over the 24 local hours of the
 * customer's opens and clicks, with a population (or segment) pattern as prior, circularly smoothed, and
 * its mode taken among the hours the schedule allows. Thin histories are shrunk towards the pattern
 * rather than cut off by a minimum count.
 *
 *   prior      theta ~ Dirichlet(strength * pattern)
 *   posterior  theta | counts ~ Dirichlet(strength * pattern + counts)
 *   mean[h]    = (strength * pattern[h] + counts[h]) / (strength + n)
 *   bestHour   = argmax over allowed h of smoothCircular(mean)[h]   (ties: nearest to defaultHour)
 *
 * Reference: Minka (2000), "Estimating a Dirichlet distribution", https://tminka.github.io/papers/dirichlet/
 * (posterior of a multinomial under a Dirichlet prior); Gelman et al., "Bayesian Data Analysis", 3rd ed., 3.4.
 *
 * Cost: O(24 * smoothing width).
 * @example estimateBestHour(countsWith7At19h, uniformPattern, 12, everyHour, 1, 10).hour // 19
 */
import { smoothCircular } from './smoothCircular';

// Globals read once: in vm sandboxes (Jest, n8n task runners) each global lookup is slow, and these run per decision.
const { abs, max } = Math;
const FloatArray = Float64Array;

export interface BestHourEstimate {
	/** Local hour 0-23 with the highest smoothed posterior share among allowed hours. */
	hour: number;
	/** Smoothed posterior share of that hour (0-1). */
	share: number;
	/** Engagements the estimate used. */
	engagements: number;
	/** Weight of the customer's own data in the posterior mean: n / (strength + n). */
	dataWeight: number;
}

function circularDistance(a: number, b: number): number {
	const d = abs(a - b) % 24;
	return d > 12 ? 24 - d : d;
}

export function estimateBestHour(
	counts: ArrayLike<number>,
	pattern: ArrayLike<number>,
	strength: number,
	allowedHours: readonly boolean[],
	smoothingHours: number,
	defaultHour: number,
): BestHourEstimate {
	let engagements = 0;
	for (let h = 0; h < 24; h++) engagements += counts[h];
	const total = strength + engagements;
	const mean = new FloatArray(24);
	for (let h = 0; h < 24; h++) mean[h] = total > 0 ? (strength * pattern[h] + counts[h]) / total : 1 / 24;
	const smoothed = smoothCircular(mean, smoothingHours);
	let hour = -1;
	let share = -1;
	for (let h = 0; h < 24; h++) {
		if (!allowedHours[h]) continue;
		const value = smoothed[h];
		// Relative tolerance so that a flat posterior falls back to the hour nearest the default.
		if (value > share * (1 + 1e-9) || (value >= share * (1 - 1e-9) && circularDistance(h, defaultHour) < circularDistance(hour, defaultHour))) {
			hour = h;
			share = value;
		}
	}
	if (hour < 0) hour = defaultHour;
	return { hour, share: max(share, 0), engagements, dataWeight: total > 0 ? engagements / total : 0 };
}
