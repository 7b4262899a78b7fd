/**
 * Weighted discrete sampler: draws index k with probability w_k / sum(w), by inversion of the cumulative
 * weights with a binary search.
 *
 *   C_k = w_0 + ... + w_k;   k = min { k : C_k > u * C_(n-1) },   u ~ U[0, 1)
 *
 * Zero weights are never drawn. Reference: Devroye (1986), Non-Uniform Random Variate Generation, ch. III.2
 * (inversion by binary search), http://luc.devroye.org/rnbookindex.html
 *
 * Cost: O(n) to build, O(log n) per draw.
 * @example weightedSampler([1, 0, 3])(seededRandom(1)) // 0 or 2; 2 three times as often as 0
 */
import type { RandomSource } from '../stats/seededRandom';

export type WeightedSampler = (random: RandomSource) => number;

export function weightedSampler(weights: ArrayLike<number>): WeightedSampler {
	const n = weights.length;
	const cumulative = new Float64Array(n);
	let total = 0;
	for (let k = 0; k < n; k++) {
		const weight = weights[k];
		if (!(weight >= 0) || !Number.isFinite(weight))
			throw new Error(`weightedSampler requires finite weights >= 0; weight ${k} is ${weight}`);
		total += weight;
		cumulative[k] = total;
	}
	if (!(total > 0)) throw new Error('weightedSampler requires at least one positive weight');
	return (random) => {
		const target = random() * total;
		let low = 0;
		let high = n - 1;
		while (low < high) {
			const middle = (low + high) >>> 1;
			if (cumulative[middle] > target) high = middle;
			else low = middle + 1;
		}
		return low;
	};
}
