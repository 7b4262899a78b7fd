/**
 * Per-customer random stream: a seeded generator derived from the run's seed and the customer's identity,
 * so that a customer's draws do not depend on where the customer sits among the items or on who else is
 * in the run.
 *
 *   stream = seededRandom(FNV-1a-32(seed | now | campaign | customerKey))
 *
 * `now` is part of the key so that runs at different moments draw independently with one fixed seed.
 * Reference: Fowler-Noll-Vo hash, http://www.isthe.com/chongo/tech/comp/fnv/ (FNV-1a, 32 bit).
 *
 * Cost: O(length of the key) to derive, O(1) per draw.
 * @example customerRandom(42, 1735689600000, 'winback', 'c-17')() // the same number on every run
 */
import type { RandomSource } from '../stats/seededRandom';
import { seededRandom } from '../stats/seededRandom';

// Globals read once: in vm sandboxes (Jest, n8n task runners) each global lookup is slow, and these run per decision.
const { imul } = Math;

/**
 * FNV-1a 32-bit hash of a string's UTF-16 code units: h = (h XOR c) * 16777619 mod 2^32 from 2166136261.
 * Cost: O(length). @example hashString('a') // 3826002220 (0xe40c292c)
 */
export function hashString(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

/** The per-customer seeded stream; see the file comment. */
export function customerRandom(seed: number, now: number, campaign: string | null, customerKey: string): RandomSource {
	return seededRandom(hashString(`${seed}|${now}|${campaign ?? ''}|${customerKey}`));
}
