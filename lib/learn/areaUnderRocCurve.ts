/**
 * Area under the ROC curve (AUC) of scores against binary labels: the probability that a random positive
 * scores above a random negative, ties counting one half (the Mann-Whitney U statistic, normalised).
 *
 *   AUC = (sum of the mid-ranks of the positives - n1 (n1 + 1) / 2) / (n1 n0)
 *
 * Reference: Hanley & McNeil (1982), "The meaning and use of the area under a ROC curve", Radiology 143:29-36,
 * https://doi.org/10.1148/radiology.143.1.7063747
 *
 * Cost: O(n log n) (one sort).
 * @example areaUnderRocCurve([0.9, 0.8, 0.3, 0.1], [1, 0, 1, 0]) // 0.75
 */
export function areaUnderRocCurve(scores: ArrayLike<number>, labels: ArrayLike<number | boolean>): number {
	const n = scores.length;
	if (labels.length !== n) throw new Error(`areaUnderRocCurve requires one label per score; got ${n} scores and ${labels.length} labels`);
	const order = new Uint32Array(n);
	for (let i = 0; i < n; i++) {
		if (Number.isNaN(scores[i])) throw new Error(`areaUnderRocCurve requires numeric scores; score ${i} is NaN`);
		order[i] = i;
	}
	order.sort((i, j) => scores[i] - scores[j]);
	let positives = 0;
	let rankSum = 0;
	for (let start = 0; start < n; ) {
		let end = start;
		while (end + 1 < n && scores[order[end + 1]] === scores[order[start]]) end++;
		const midRank = (start + end) / 2 + 1;
		for (let k = start; k <= end; k++) {
			if (labels[order[k]] === true || labels[order[k]] === 1) {
				positives++;
				rankSum += midRank;
			}
		}
		start = end + 1;
	}
	const negatives = n - positives;
	if (positives === 0 || negatives === 0) throw new Error('areaUnderRocCurve requires both positive and negative labels');
	return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
