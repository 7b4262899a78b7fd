/**
 * Targeting ranks from predicted uplift: rank 1 is the most persuadable customer, and deciles split the ranking
 * into ten equal parts (1 = the top tenth), for an n8n Filter such as "upliftDecile <= 2".
 *
 *   rank(i) = position of i in rankByScore(uplift) + 1;  decile(i) = floor((rank(i) - 1) * 10 / n) + 1
 *
 * Cost: O(n log n).
 * @example upliftRanks([0.1, 0.3, 0.2]) // [{ rank: 3, decile: 7 }, { rank: 1, decile: 1 }, { rank: 2, decile: 4 }]
 */
import { rankByScore } from './rankByScore';

export function upliftRanks(uplift: ArrayLike<number>): Array<{ rank: number; decile: number }> {
	const ranks = new Array<{ rank: number; decile: number }>(uplift.length);
	rankByScore(uplift).forEach((unit, position) => {
		ranks[unit] = { rank: position + 1, decile: Math.floor((position * 10) / uplift.length) + 1 };
	});
	return ranks;
}
