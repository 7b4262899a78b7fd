/**
 * Uplift at k: the difference in response rate between treated and control customers among the top k (a share
 * of the ranking), what a campaign sent only to the model's top k would gain per customer (scikit-uplift's
 * uplift_at_k).
 *
 *   strategy 'overall' (default): top = first floor(n k) units by score (both groups together);
 *       uplift@k = mean(y | treated, in top) - mean(y | control, in top)
 *   strategy 'byGroup': the first floor(n_T k) treated and the first floor(n_C k) control units, each by score
 * Ranking as in rankByScore (ties in reverse input order, like scikit-uplift).
 * Reference: scikit-uplift 0.5, sklift.metrics.uplift_at_k,
 * https://www.uplift-modeling.com/en/latest/api/metrics/uplift_at_k.html
 *
 * Cost: O(n log n) for n units.
 * @example upliftAtK([1, 0, 1, 0], [0.9, 0.8, 0.2, 0.1], [1, 0, 0, 1], 0.5) // { uplift: 1, treatedRate: 1, controlRate: 0, ... }
 */
import { checkUpliftArrays, rankByScore } from './rankByScore';

export type UpliftAtKStrategy = 'overall' | 'byGroup';

export interface UpliftAtK {
	fraction: number;
	/** Units in the top k (both groups). */
	units: number;
	treatedUnits: number;
	controlUnits: number;
	treatedRate: number;
	controlRate: number;
	uplift: number;
}

export function upliftAtK(
	outcomes: ArrayLike<number>,
	scores: ArrayLike<number>,
	treated: ArrayLike<number>,
	fraction: number,
	strategy: UpliftAtKStrategy = 'overall',
	order: Int32Array = rankByScore(scores),
): UpliftAtK {
	checkUpliftArrays('upliftAtK', outcomes, scores, treated);
	if (!(fraction > 0 && fraction <= 1)) throw new Error(`upliftAtK requires a fraction k in (0, 1]; got ${fraction}`);
	if (strategy !== 'overall' && strategy !== 'byGroup') throw new Error(`upliftAtK requires strategy "overall" or "byGroup"; got ${String(strategy)}`);
	const n = outcomes.length;
	let totalTreated = 0;
	for (let i = 0; i < n; i++) totalTreated += treated[i];
	const limitAll = Math.floor(n * fraction);
	const limitTreated = Math.floor(totalTreated * fraction);
	const limitControl = Math.floor((n - totalTreated) * fraction);
	let nT = 0;
	let nC = 0;
	let yT = 0;
	let yC = 0;
	for (let position = 0; position < n; position++) {
		const i = order[position];
		if (strategy === 'overall') {
			if (position >= limitAll) break;
		} else if (treated[i] === 1 ? nT >= limitTreated : nC >= limitControl) {
			continue;
		}
		if (treated[i] === 1) {
			nT++;
			yT += outcomes[i];
		} else {
			nC++;
			yC += outcomes[i];
		}
	}
	if (nT === 0 || nC === 0) {
		throw new Error(
			`upliftAtK requires treated and control units in the top ${fraction} (${nT} treated, ${nC} control); use a larger k or more evaluation data`,
		);
	}
	const treatedRate = yT / nT;
	const controlRate = yC / nC;
	return { fraction, units: nT + nC, treatedUnits: nT, controlUnits: nC, treatedRate, controlRate, uplift: treatedRate - controlRate };
}
