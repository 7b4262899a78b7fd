/**
 * Standard normal random variate from a seeded uniform source (Marsaglia's polar method).
 *
 *   u, v ~ U(-1, 1) until s = u^2 + v^2 in (0, 1);  z = u * sqrt(-2 ln(s) / s)
 *
 * The second variate of each accepted pair is discarded so that every draw depends only on the stream
 * position, which keeps simulations reproducible when draws are interleaved with other samplers.
 * Reference: Marsaglia & Bray (1964), "A convenient method for generating normal variables", SIAM Review 6(3),
 * https://en.wikipedia.org/wiki/Marsaglia_polar_method
 *
 * Cost: O(1) expected (4/pi pairs of uniforms per draw).
 * @example sampleStandardNormal(seededRandom(7)) // a normal draw; mean 0 and variance 1 over many draws
 */
import type { RandomSource } from './seededRandom';

const { log, sqrt } = Math;

export function sampleStandardNormal(random: RandomSource): number {
	for (;;) {
		const u = 2 * random() - 1;
		const v = 2 * random() - 1;
		const s = u * u + v * v;
		if (s > 0 && s < 1) return u * sqrt((-2 * log(s)) / s);
	}
}
