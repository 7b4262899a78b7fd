/**
 * Bayesian decision figures for an effect D whose posterior is normal, N(mean, sd^2) (the normal approximation
 * with a flat prior used by GrowthBook): the chance that the treatment wins and the risk (expected loss) of each
 * choice.
 *
 *   chanceToWin   = P(D > 0) = Φ(mean / sd)
 *   riskControl   = E[max(D, 0)]  = mean Φ(mean/sd) + sd φ(mean/sd)      (what is lost by keeping the control)
 *   riskTreatment = E[max(-D, 0)] = riskControl - mean                    (what is lost by shipping the treatment)
 * from the mean of a normal truncated at 0.
 * Reference: GrowthBook statistics documentation, "Bayesian statistics: chance to win and risk",
 * https://docs.growthbook.io/statistics/details ; Johnson, Kotz & Balakrishnan (1994), Continuous Univariate
 * Distributions vol. 1, section 10.1 (truncated normal moments).
 *
 * Cost: O(1).
 * @example normalChanceToWin(0.05, 0.03571589) // { chanceToWin: 0.91923, riskControl: 0.05131, riskTreatment: 0.00131 }
 */
import { normalCdf } from '../stats/normalCdf';
import { normalDensity } from '../stats/normalDensity';

export interface ChanceToWin {
	chanceToWin: number;
	riskControl: number;
	riskTreatment: number;
}

export function normalChanceToWin(mean: number, standardDeviation: number): ChanceToWin {
	if (!Number.isFinite(mean)) throw new Error(`normalChanceToWin requires a finite mean; got ${mean}`);
	if (!(standardDeviation > 0) || !Number.isFinite(standardDeviation)) {
		throw new Error(`normalChanceToWin requires a finite standard deviation > 0; got ${standardDeviation}`);
	}
	const z = mean / standardDeviation;
	const chanceToWin = normalCdf(z);
	// E[max(D, 0)]; computed from the smaller side so that the subtraction does not cancel.
	const positivePart = mean * chanceToWin + standardDeviation * normalDensity(z);
	const negativePart = -mean * normalCdf(-z) + standardDeviation * normalDensity(z);
	return { chanceToWin, riskControl: Math.max(0, positivePart), riskTreatment: Math.max(0, negativePart) };
}
