/**
 * Beta random variate p ~ Beta(alpha, beta) from a seeded uniform source, via two gamma variates.
 *
 *   X ~ Gamma(alpha), Y ~ Gamma(beta), p = X / (X + Y) = 1 / (1 + exp(ln Y - ln X))
 *
 * Computed from the log-gamma draws so that small shapes (alpha, beta << 1) never give 0/0.
 * Reference: Devroye (1986), Non-Uniform Random Variate Generation, ch. IX.4, http://luc.devroye.org/rnbookindex.html
 *
 * Cost: O(1) expected.
 * @example sampleBeta(0.79, 2.43, seededRandom(3)) // a draw in (0, 1) with mean 0.79 / 3.22 = 0.245 over many draws
 */
import { sampleLogGamma } from './sampleGamma';
import type { RandomSource } from './seededRandom';

export function sampleBeta(alpha: number, beta: number, random: RandomSource): number {
	if (!(alpha > 0) || !(beta > 0) || !Number.isFinite(alpha) || !Number.isFinite(beta)) {
		throw new Error(`sampleBeta requires finite positive shapes; got alpha ${alpha} and beta ${beta}`);
	}
	const logX = sampleLogGamma(alpha, random);
	const logY = sampleLogGamma(beta, random);
	return 1 / (1 + Math.exp(logY - logX));
}
