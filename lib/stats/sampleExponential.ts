/**
 * Exponential random variate with the given rate (mean 1 / rate), by inversion.
 *
 *   X = -ln(1 - u) / rate,  u ~ U[0, 1)
 *
 * Reference: Devroye (1986), Non-Uniform Random Variate Generation, ch. II.2, http://luc.devroye.org/rnbookindex.html
 *
 * Cost: O(1).
 * @example sampleExponential(0.5, seededRandom(1)) // a draw with mean 2 over many draws
 */
import type { RandomSource } from './seededRandom';

export function sampleExponential(rate: number, random: RandomSource): number {
	if (!(rate > 0)) throw new Error(`sampleExponential requires a positive rate; got ${rate}`);
	return -Math.log(1 - random()) / rate;
}
