/**
 * Qini curve: the incremental responders gained by targeting the customers with the highest predicted uplift
 * first, with its perfect and random counterparts and the normalised area between them (the Qini coefficient,
 * scikit-uplift's qini_auc_score).
 *
 *   at each distinct score, units ranked by score:  Q(k) = Y_T(k) - Y_C(k) N_T(k) / N_C(k)   (0 while N_C = 0)
 *   perfect curve: the same with scores y t - y (1 - t) (treated responders first, control responders last)
 *   random: the straight line from (0, 0) to (N, Q(N))
 *   Qini coefficient = (area(model) - area(random)) / (area(perfect) - area(random))     (trapezoids)
 * 1 is a perfect ranking, 0 no better than random targeting, negative worse than random.
 * Reference: Radcliffe (2007), "Using control groups to target on predicted lift", Direct Marketing Analytics
 * Journal 3:14-21; scikit-uplift 0.5 (qini_curve, perfect_qini_curve with negative_effect=True, qini_auc_score),
 * https://www.uplift-modeling.com/en/latest/api/metrics/qini_auc_score.html
 *
 * Cost: O(n log n) for n units (the ranking), then O(n).
 * @example qiniCoefficient([0, 1], [0.1, 0.3], [1, 0]) // 1 (scikit-uplift's test case)
 */
import { trapezoidArea } from '../stats/trapezoidArea';
import { checkUpliftArrays, cumulativeCounts, rankByScore } from './rankByScore';
import type { CumulativeCounts } from './rankByScore';

export interface UpliftCurvePoints {
	/** Units targeted (x), starting at 0. */
	units: number[];
	/** Curve value at each x. */
	values: number[];
}

/**
 * Qini values Q(k) = Y_T - Y_C N_T / N_C at each point of cumulativeCounts (0 control units: Q = Y_T).
 * Cost: O(points). @example qiniValues(cumulativeCounts(rankByScore([0.3, 0.1]), [0.3, 0.1], [1, 0], [1, 0])) // [0, 1, 1]
 */
export function qiniValues(counts: CumulativeCounts): number[] {
	return Array.from(counts.units, (_, j) =>
		counts.control[j] === 0 ? counts.treatedResponders[j] : counts.treatedResponders[j] - (counts.controlResponders[j] * counts.treated[j]) / counts.control[j],
	);
}

/**
 * Scores of the perfect Qini ranking, y t - y (1 - t): treated responders 1, non-responders 0, control responders -1.
 * Cost: O(n). @example perfectQiniScores([1, 1, 0], [1, 0, 1]) // Float64Array [1, -1, 0]
 */
export function perfectQiniScores(outcomes: ArrayLike<number>, treated: ArrayLike<number>): Float64Array {
	return Float64Array.from(outcomes, (y, i) => y * treated[i] - y * (1 - treated[i]));
}

/**
 * Normalised area (model - random) / (perfect - random), random = N Q(N) / 2 (trapezoids); null when the perfect
 * curve is no better than random (no responders whose ranking matters).
 * Cost: O(points). @example normalisedGain(perfectQiniCurve([0, 1], [1, 0]), perfectQiniCurve([0, 1], [1, 0])) // 1
 */
export function normalisedGain(model: UpliftCurvePoints, perfect: UpliftCurvePoints): number | null {
	const last = perfect.units.length - 1;
	const random = (perfect.units[last] * perfect.values[last]) / 2;
	const perfectGain = trapezoidArea(perfect.units, perfect.values) - random;
	if (!(Math.abs(perfectGain) > 1e-12)) return null;
	return (trapezoidArea(model.units, model.values) - random) / perfectGain;
}

/**
 * normalisedGain, or an error naming the caller when there is nothing to rank.
 * Cost: O(points). @example normalisedArea('qiniCoefficient', model, perfect) // 0.21 (model, perfect: curves)
 */
export function normalisedArea(caller: string, model: UpliftCurvePoints, perfect: UpliftCurvePoints): number {
	const gain = normalisedGain(model, perfect);
	if (gain === null) {
		throw new Error(`${caller} requires responders whose ranking matters (the perfect curve equals random targeting); the data has no conversions to rank`);
	}
	return gain;
}

/**
 * The model's Qini curve (see the file comment). Cost: O(n log n).
 * @example qiniCurve([1, 0, 1], [0.9, 0.5, 0.1], [1, 1, 0]) // { units: [0, 1, 2, 3], values: [0, 1, 1, -1] }
 */
export function qiniCurve(outcomes: ArrayLike<number>, scores: ArrayLike<number>, treated: ArrayLike<number>): UpliftCurvePoints {
	checkUpliftArrays('qiniCurve', outcomes, scores, treated);
	const counts = cumulativeCounts(rankByScore(scores), scores, treated, outcomes);
	return { units: Array.from(counts.units), values: qiniValues(counts) };
}

/**
 * The Qini curve of the perfect ranking (treated responders first, control responders last).
 * Cost: O(n log n). @example perfectQiniCurve([0, 1], [1, 0]) // { units: [0, 1, 2], values: [0, 0, -1] }
 */
export function perfectQiniCurve(outcomes: ArrayLike<number>, treated: ArrayLike<number>): UpliftCurvePoints {
	return qiniCurve(outcomes, perfectQiniScores(outcomes, treated), treated);
}

/**
 * The normalised Qini coefficient (scikit-uplift qini_auc_score with negative_effect=True). Cost: O(n log n).
 * @example qiniCoefficient([1, 0], [0.1, 0.3], [0, 1]) // 1
 */
export function qiniCoefficient(outcomes: ArrayLike<number>, scores: ArrayLike<number>, treated: ArrayLike<number>): number {
	checkUpliftArrays('qiniCoefficient', outcomes, scores, treated);
	return normalisedArea('qiniCoefficient', qiniCurve(outcomes, scores, treated), perfectQiniCurve(outcomes, treated));
}
