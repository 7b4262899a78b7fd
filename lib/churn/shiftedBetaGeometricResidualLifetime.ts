/**
 * sBG discounted expected residual lifetime (DERL): the expected discounted number of future payments of a
 * customer who has made `renewals` renewals so far and now faces the next renewal decision. The next payment,
 * if made, is counted undiscounted; the k-th one after it is discounted by (1+d)^-k.
 *
 *   n = renewals + 1
 *   DERL(d | alpha, beta, n) = sum_{k>=0} S(n+k)/S(n-1) (1+d)^-k
 *                            = (beta+n-1)/(alpha+beta+n-1) * 2F1(1, beta+n; alpha+beta+n; 1/(1+d))
 * With d = 0 the series diverges when alpha <= 1 (infinite expected lifetime): d must be > 0.
 * Multiply by the margin per period for the residual value of the customer.
 * Reference: Fader & Hardie (2010), "Customer-base valuation in a contractual setting: the perils of ignoring
 * heterogeneity", Marketing Science 29(1):85-93, eq. (6), http://brucehardie.com/papers/022/fader_hardie_mksc_10.pdf
 *
 * Cost: O(k) series terms, about ln(1e-16)/ln(1/(1+d)) (400 for d = 0.1).
 * @example shiftedBetaGeometricResidualLifetime({ alpha: 0.668, beta: 3.806 }, 0, 0.1) // 5.4149 (= sum_{k>=1} S(k) / 1.1^(k-1))
 */
import { hypergeometric2F1 } from '../stats/hypergeometric2F1';
import type { ShiftedBetaGeometricParameters } from './shiftedBetaGeometricSurvival';
import { checkShiftedBetaGeometricParameters } from './shiftedBetaGeometricSurvival';

export function shiftedBetaGeometricResidualLifetime(parameters: ShiftedBetaGeometricParameters, renewals: number, discountRate: number): number {
	checkShiftedBetaGeometricParameters(parameters, 'shiftedBetaGeometricResidualLifetime');
	if (!Number.isInteger(renewals) || renewals < 0) throw new Error(`shiftedBetaGeometricResidualLifetime requires a whole number of renewals >= 0; got ${renewals}`);
	if (!(discountRate > 0) || !Number.isFinite(discountRate)) {
		throw new Error(`shiftedBetaGeometricResidualLifetime requires a discount rate > 0 per period; got ${discountRate}`);
	}
	const { alpha, beta } = parameters;
	const n = renewals + 1;
	return ((beta + n - 1) / (alpha + beta + n - 1)) * hypergeometric2F1(1, beta + n, alpha + beta + n, 1 / (1 + discountRate));
}
