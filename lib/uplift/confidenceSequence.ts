/**
 * Always-valid inference for teams that peek: an asymptotic confidence sequence for an effect estimate and the
 * matching always-valid p-value, valid however often and whenever the results are looked at (GrowthBook's
 * "sequential testing").
 *
 *   N = units in both arms, s^2 = N * SE^2 (per-unit variance of the estimate), ρ tuned for N* (tuning, default 5000):
 *   ρ^2 = (-2 ln α + ln(-2 ln α + 1)) / N*
 *   half-width = s * sqrt( 2 (N ρ^2 + 1) / (N^2 ρ^2) * ln( sqrt(N ρ^2 + 1) / α ) )
 *   p = min(1, sqrt(N ρ^2 + 1) * exp( -ρ^2 (N D^2 / SE^2) / (2 (N ρ^2 + 1)) ))      (the inverse of the mixture e-value)
 * The interval is the normal-mixture boundary (a mixture sequential probability ratio test with a N(0, 1/ρ^2)
 * mixing distribution); it is narrowest near N = N* and always wider than the fixed-horizon interval, the price of
 * optional stopping. The p-value is below α exactly when the interval at level α excludes 0.
 * Reference: Waudby-Smith, Arbour, Sinha, Kennedy & Ramdas (2023), "Time-uniform central limit theory and
 * asymptotic confidence sequences", arXiv:2103.06476 (eq. 9 for the interval, section B.4 for ρ),
 * https://arxiv.org/abs/2103.06476 ; Robbins (1970), "Statistical methods related to the law of the iterated
 * logarithm"; GrowthBook docs, https://docs.growthbook.io/statistics/sequential
 *
 * Cost: O(1).
 * @example confidenceSequenceHalfWidth(0.1, 10000, 0.05, 5000) // 0.30615 (the fixed-horizon half-width is 0.196)
 */
const { exp, log, sqrt } = Math;

function checkLevel(caller: string, alpha: number, tuning: number): void {
	if (!(alpha > 0 && alpha < 1)) throw new Error(`${caller} requires alpha in (0, 1); got ${alpha}`);
	if (!(tuning > 0) || !Number.isFinite(tuning)) throw new Error(`${caller} requires a sequential tuning (expected total units) > 0; got ${tuning}`);
}

/**
 * The mixture parameter ρ that makes the boundary tightest at `tuning` total units.
 * Cost: O(1). @example confidenceSequenceRho(0.05, 5000) // 0.03984
 */
export function confidenceSequenceRho(alpha: number, tuning: number): number {
	checkLevel('confidenceSequenceRho', alpha, tuning);
	const minusTwoLogAlpha = -2 * log(alpha);
	return sqrt((minusTwoLogAlpha + log(minusTwoLogAlpha + 1)) / tuning);
}

export function confidenceSequenceHalfWidth(standardError: number, totalUnits: number, alpha: number, tuning: number): number {
	checkLevel('confidenceSequenceHalfWidth', alpha, tuning);
	if (!(totalUnits > 0)) throw new Error(`confidenceSequenceHalfWidth requires total units > 0; got ${totalUnits}`);
	const rhoSquared = confidenceSequenceRho(alpha, tuning) ** 2;
	const scaled = totalUnits * rhoSquared + 1;
	const perUnitDeviation = standardError * sqrt(totalUnits);
	return perUnitDeviation * sqrt(((2 * scaled) / (totalUnits * totalUnits * rhoSquared)) * log(sqrt(scaled) / alpha));
}

/**
 * The always-valid p-value of an estimate D with standard error SE after N total units (see the file comment).
 * Cost: O(1). @example confidenceSequencePValue(0.3, 0.1, 10000, 0.05, 5000) // 0.05958 (the fixed-horizon p-value is 0.0027)
 */
export function confidenceSequencePValue(estimate: number, standardError: number, totalUnits: number, alpha: number, tuning: number): number {
	checkLevel('confidenceSequencePValue', alpha, tuning);
	if (!(standardError > 0)) throw new Error(`confidenceSequencePValue requires a standard error > 0; got ${standardError}`);
	const rhoSquared = confidenceSequenceRho(alpha, tuning) ** 2;
	const scaled = totalUnits * rhoSquared + 1;
	const squaredStatistic = (estimate * estimate * totalUnits) / (standardError * standardError);
	return Math.min(1, sqrt(scaled) * exp((-rhoSquared * squaredStatistic) / (2 * scaled)));
}
