/**
 * Dirichlet random vector (p_1..p_k) ~ Dirichlet(c_1..c_k) from a seeded uniform source, through gamma draws:
 *
 *   g_j ~ Gamma(c_j, 1),   p_j = g_j / sum(g)      (computed from ln g_j, so small c_j never give 0/0)
 *
 * Reference: Devroye (1986), Non-Uniform Random Variate Generation, ch. XI.4, http://luc.devroye.org/rnbookindex.html
 *
 * Cost: O(k) expected.
 * @example sampleDirichlet([0.5, 0.5, 0.5], seededRandom(2)) // three shares summing to 1, often one dominant
 */
import { sampleLogGamma } from '../stats/sampleGamma';
import type { RandomSource } from '../stats/seededRandom';

export function sampleDirichlet(
	concentrations: ReadonlyArray<number>,
	random: RandomSource,
): number[] {
	if (concentrations.length === 0)
		throw new Error('sampleDirichlet requires at least one concentration');
	const logs = concentrations.map((concentration) => sampleLogGamma(concentration, random));
	const largest = Math.max(...logs);
	const scaled = logs.map((value) => Math.exp(value - largest));
	const total = scaled.reduce((sum, value) => sum + value, 0);
	return scaled.map((value) => value / total);
}
