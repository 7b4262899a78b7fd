/**
 * Ranking for uplift evaluation: units ordered by predicted uplift, highest first, and the cumulative counts
 * (treated, control, their responders) at each distinct score, from which Qini and uplift curves are drawn.
 * Ties follow scikit-uplift exactly: a stable ascending sort reversed, so tied units come in reverse input order,
 * and a curve gets one point per distinct score (tied units enter together).
 *
 *   order = reverse(stable argsort ascending(score))
 *   at the last unit of each run of equal scores: N_T, N_C (treated and control units so far), Y_T, Y_C (their responders)
 * Optional integer weights count a unit several times (bootstrap resamples) without re-sorting.
 * Reference: scikit-uplift 0.5, sklift/metrics/metrics.py (qini_curve, uplift_curve),
 * https://www.uplift-modeling.com/en/latest/api/metrics/qini_curve.html
 *
 * Cost: O(n log n) to rank (rankByScore), O(n) per cumulative pass (cumulativeCounts).
 * @example rankByScore([0.1, 0.3, 0.3]) // Int32Array [2, 1, 0]
 */
import { describeValue } from '../fieldValues';
export function rankByScore(scores: ArrayLike<number>): Int32Array {
	const n = scores.length;
	const order = new Int32Array(n);
	for (let i = 0; i < n; i++) {
		if (typeof scores[i] !== 'number' || !Number.isFinite(scores[i])) throw new Error(`rankByScore requires finite scores; unit ${i} has ${describeValue(scores[i])}`);
		order[i] = i;
	}
	// Descending score, ties by descending index: the reverse of a stable ascending sort.
	order.sort((a, b) => scores[b] - scores[a] || b - a);
	return order;
}

export interface CumulativeCounts {
	/** Units so far (weighted), at each threshold, starting with 0. */
	units: Float64Array;
	treated: Float64Array;
	control: Float64Array;
	treatedResponders: Float64Array;
	controlResponders: Float64Array;
}

/**
 * Cumulative counts at each distinct score along `order` (see the file comment), with a leading zero point.
 * Cost: O(n). @example cumulativeCounts(rankByScore([0.3, 0.1]), [0.3, 0.1], [1, 0], [1, 0]).treatedResponders // [0, 1, 1]
 */
export function cumulativeCounts(
	order: Int32Array,
	scores: ArrayLike<number>,
	treated: ArrayLike<number>,
	outcomes: ArrayLike<number>,
	weights?: ArrayLike<number>,
): CumulativeCounts {
	const n = order.length;
	const units = [0];
	const treatedCounts = [0];
	const controlCounts = [0];
	const treatedResponders = [0];
	const controlResponders = [0];
	let nT = 0;
	let nC = 0;
	let yT = 0;
	let yC = 0;
	for (let position = 0; position < n; position++) {
		const i = order[position];
		const weight = weights ? weights[i] : 1;
		if (treated[i] === 1) {
			nT += weight;
			yT += weight * outcomes[i];
		} else {
			nC += weight;
			yC += weight * outcomes[i];
		}
		if (position === n - 1 || scores[order[position + 1]] !== scores[i]) {
			units.push(nT + nC);
			treatedCounts.push(nT);
			controlCounts.push(nC);
			treatedResponders.push(yT);
			controlResponders.push(yC);
		}
	}
	return {
		units: Float64Array.from(units),
		treated: Float64Array.from(treatedCounts),
		control: Float64Array.from(controlCounts),
		treatedResponders: Float64Array.from(treatedResponders),
		controlResponders: Float64Array.from(controlResponders),
	};
}

/**
 * Checks the parallel arrays of an uplift evaluation: same length, at least one unit, outcomes and treatment 0/1,
 * both groups present. Cost: O(n). @example checkUpliftArrays('qiniCurve', [1, 0], [0.3, 0.1], [1, 0]) // no error
 */
export function checkUpliftArrays(caller: string, outcomes: ArrayLike<number>, scores: ArrayLike<number>, treated: ArrayLike<number>): void {
	const n = outcomes.length;
	if (scores.length !== n || treated.length !== n) {
		throw new Error(`${caller} requires one outcome, one score and one treatment flag per unit; got ${n}, ${scores.length} and ${treated.length}`);
	}
	if (n === 0) throw new Error(`${caller} requires at least one unit`);
	let treatedCount = 0;
	for (let i = 0; i < n; i++) {
		if (outcomes[i] !== 0 && outcomes[i] !== 1) throw new Error(`${caller} requires binary outcomes (0 or 1); unit ${i} has ${describeValue(outcomes[i])}`);
		if (treated[i] !== 0 && treated[i] !== 1) throw new Error(`${caller} requires treatment flags 0 or 1; unit ${i} has ${describeValue(treated[i])}`);
		treatedCount += treated[i];
	}
	if (treatedCount === 0 || treatedCount === n) {
		throw new Error(`${caller} requires both treated and control units (a randomised campaign with a holdout); got ${treatedCount} treated of ${n}`);
	}
}
