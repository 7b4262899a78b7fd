/**
 * Independent seeded streams for the parts of one simulation: each part (customers, orders, email, ...) draws
 * from its own stream, so switching one part off or changing its settings leaves the others' draws unchanged.
 *
 *   stream(seed, part) = seededRandom(FNV-1a-32("simulateShop|" + seed + "|" + part))
 *
 * Reference: Fowler-Noll-Vo hash, http://www.isthe.com/chongo/tech/comp/fnv/ (FNV-1a, 32 bit).
 *
 * Cost: O(length of the label) to derive, O(1) per draw.
 * @example deriveRandom(7, 'orders')() // the same number on every run; another than deriveRandom(7, 'email')()
 */
import { hashString } from '../channel/customerRandom';
import type { RandomSource } from '../stats/seededRandom';
import { seededRandom } from '../stats/seededRandom';

export function deriveRandom(seed: number, part: string): RandomSource {
	return seededRandom(hashString(`simulateShop|${seed}|${part}`));
}
