/**
 * Exponential time decay: the weight left to an interaction `ageMs` old when interest halves every
 * `halfLifeDays` days. Interactions from the future (negative age) keep weight 1; no half-life (null or
 * Infinity) means no decay.
 *
 *   decay(age) = 0.5 ^ (age / halfLife)
 *
 * Reference: Ding & Li (2005), "Time weight collaborative filtering", CIKM,
 * https://doi.org/10.1145/1099554.1099689
 *
 * Cost: O(1).
 * @example decayFactor(14 * 86_400_000, 7) // 0.25
 */
export const MS_PER_DAY = 86_400_000;

export function decayFactor(ageMs: number, halfLifeDays: number | null | undefined): number {
	if (halfLifeDays === null || halfLifeDays === undefined || halfLifeDays === Infinity || !(ageMs > 0)) return 1;
	return Math.pow(0.5, ageMs / (halfLifeDays * MS_PER_DAY));
}
