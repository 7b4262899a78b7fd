/**
 * Uplift curve: the estimated extra responders if the top-ranked customers were treated, (response rate of the
 * treated minus that of the control among them) times their number, with the perfect curve and the normalised
 * area under it (scikit-uplift's uplift_auc_score, a normalised AUUC).
 *
 *   at each distinct score, units ranked by score:  U(k) = (Y_T/N_T - Y_C/N_C) (N_T + N_C)   (a rate is 0 while its N is 0)
 *   perfect: the same with scores 2 [y = t] + (y if control responders outnumber treated non-responders, else t)
 *   normalised AUUC = (area(model) - area(random)) / (area(perfect) - area(random)),  random: (0,0) to (N, U(N))
 * Reference: Devriendt, Guns & Verbeke (2020), "Learning to rank for uplift modeling", arXiv:2002.05897;
 * scikit-uplift 0.5 (uplift_curve, perfect_uplift_curve, uplift_auc_score),
 * https://www.uplift-modeling.com/en/latest/api/metrics/uplift_auc_score.html
 *
 * Cost: O(n log n) for n units, then O(n).
 * @example upliftAucScore([1, 0], [0.1, 0.3], [0, 1]) // 1 (scikit-uplift's test case)
 */
import { normalisedArea } from './qiniCurve';
import type { UpliftCurvePoints } from './qiniCurve';
import { checkUpliftArrays, cumulativeCounts, rankByScore } from './rankByScore';
import type { CumulativeCounts } from './rankByScore';

/**
 * Uplift-curve values U(k) = (Y_T/N_T - Y_C/N_C)(N_T + N_C) at each point of cumulativeCounts.
 * Cost: O(points). @example upliftValues(cumulativeCounts(rankByScore([0.3, 0.1]), [0.3, 0.1], [1, 0], [1, 0])) // [0, 1, 2]
 */
export function upliftValues(counts: CumulativeCounts): number[] {
	return Array.from(counts.units, (units, j) => {
		const treatedRate = counts.treated[j] === 0 ? 0 : counts.treatedResponders[j] / counts.treated[j];
		const controlRate = counts.control[j] === 0 ? 0 : counts.controlResponders[j] / counts.control[j];
		return (treatedRate - controlRate) * units;
	});
}

/**
 * Scores of scikit-uplift's perfect uplift ranking: 2 [y = t] + (y if control responders outnumber treated
 * non-responders, else t). Cost: O(n). @example perfectUpliftScores([1, 0], [0, 1]) // Float64Array [0, 1]
 */
export function perfectUpliftScores(outcomes: ArrayLike<number>, treated: ArrayLike<number>): Float64Array {
	let controlResponders = 0;
	let treatedNonResponders = 0;
	for (let i = 0; i < outcomes.length; i++) {
		if (outcomes[i] === 1 && treated[i] === 0) controlResponders++;
		if (outcomes[i] === 0 && treated[i] === 1) treatedNonResponders++;
	}
	const summandIsOutcome = controlResponders > treatedNonResponders;
	return Float64Array.from(outcomes, (y, i) => 2 * (y === treated[i] ? 1 : 0) + (summandIsOutcome ? y : treated[i]));
}

/**
 * The model's uplift curve (see the file comment). Cost: O(n log n).
 * @example upliftCurve([1, 0, 1], [0.9, 0.5, 0.1], [1, 1, 0]).values // [0, 1, 1, -1.5]
 */
export function upliftCurve(outcomes: ArrayLike<number>, scores: ArrayLike<number>, treated: ArrayLike<number>): UpliftCurvePoints {
	checkUpliftArrays('upliftCurve', outcomes, scores, treated);
	const counts = cumulativeCounts(rankByScore(scores), scores, treated, outcomes);
	return { units: Array.from(counts.units), values: upliftValues(counts) };
}

/**
 * The uplift curve of the perfect ranking. Cost: O(n log n).
 * @example perfectUpliftCurve([1, 0], [0, 1]) // { units: [0, 1, 2], values: [0, 0, -2] }
 */
export function perfectUpliftCurve(outcomes: ArrayLike<number>, treated: ArrayLike<number>): UpliftCurvePoints {
	return upliftCurve(outcomes, perfectUpliftScores(outcomes, treated), treated);
}

/**
 * The normalised area under the uplift curve (scikit-uplift uplift_auc_score). Cost: O(n log n).
 * @example upliftAucScore([0, 1], [0.1, 0.3], [1, 0]) // 0
 */
export function upliftAucScore(outcomes: ArrayLike<number>, scores: ArrayLike<number>, treated: ArrayLike<number>): number {
	checkUpliftArrays('upliftAucScore', outcomes, scores, treated);
	return normalisedArea('upliftAucScore', upliftCurve(outcomes, scores, treated), perfectUpliftCurve(outcomes, treated));
}
