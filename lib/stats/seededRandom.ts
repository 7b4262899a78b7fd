/**
 * Seeded pseudo-random numbers: the only source of randomness in lib/, so that every result is
 * reproducible byte for byte from its seed.
 *
 * Generator: sfc32 (Small Fast Chaotic, Doty-Humphrey), seeded through splitmix32 so that nearby
 * integer seeds give unrelated streams. Period about 2^128; passes PractRand to 2^40 bytes.
 * Reference: PractRand documentation, https://pracrand.sourceforge.net/
 *
 * Cost: O(1) per draw.
 * @example const random = seededRandom(42); random() // a number in [0, 1), the same for seed 42 every time
 */
export type RandomSource = () => number;

function splitmix32(state: number): [number, number] {
	state = (state + 0x9e3779b9) | 0;
	let z = state;
	z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
	z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
	return [state, (z ^ (z >>> 16)) >>> 0];
}

export function seededRandom(seed: number): RandomSource {
	if (!Number.isFinite(seed)) throw new Error('seededRandom requires a finite numeric seed');
	let state = Math.floor(seed) | 0;
	const words: number[] = [];
	for (let i = 0; i < 4; i++) {
		const [next, word] = splitmix32(state);
		state = next;
		words.push(word);
	}
	let [a, b, c, d] = words;
	const next = (): number => {
		const t = (((a + b) | 0) + d) | 0;
		d = (d + 1) | 0;
		a = b ^ (b >>> 9);
		b = (c + (c << 3)) | 0;
		c = (c << 21) | (c >>> 11);
		c = (c + t) | 0;
		return (t >>> 0) / 4294967296;
	};
	// Discard the first draws: sfc32's state mixes fully after a dozen rounds.
	for (let i = 0; i < 12; i++) next();
	return next;
}
