/**
 * Compresses BTYD summaries to the unique (x, t_x, T) triples with their counts, so that a likelihood costs
 * O(unique triples) instead of O(customers). Real data repeat triples a lot: times are whole days, and every
 * one-time buyer acquired on the same day has the same (0, 0, T).
 *
 *   triples = { (x, t_x, T) : count }   with t_x and T also indexed by their unique values
 *
 * The unique values of t_x and T are kept separately so that ln(alpha + T) and ln(alpha + t_x) are computed
 * once per value in each likelihood evaluation. Open-addressing hash tables on the bits of the numbers keep the
 * cost linear (no sorting, no string keys).
 * Reference: the same device as the `weights` argument of lifetimes' BetaGeoFitter.fit
 * (https://lifetimes.readthedocs.io/en/latest/lifetimes.fitters.html); hashing: Knuth, TAOCP vol. 3, 6.4.
 *
 * Cost: O(n) expected for n customers.
 * @example compressCustomers(readBtydCustomers([{ frequency: 0, recency: 0, T: 5 }, { frequency: 0, recency: 0, T: 5 }], 'fit')).size // 1
 */
import type { BtydArrays } from './readBtydCustomers';

export interface CompressedCustomers {
	/** Number of unique triples. */
	size: number;
	/** Total weight (number of customers). */
	customers: number;
	frequency: Int32Array;
	recencyIndex: Int32Array;
	ageIndex: Int32Array;
	weight: Float64Array;
	recencyValues: Float64Array;
	ageValues: Float64Array;
	maxFrequency: number;
	/** Total weight of the customers with each frequency 0..maxFrequency. */
	weightByFrequency: Float64Array;
	/** Sum of weight * x over all customers. */
	totalFrequency: number;
	/** Total weight of customers with x > 0. */
	repeatCustomers: number;
	maxAge: number;
	/** For each input customer, the index of its triple (-1 for weight 0). */
	tripleOf: Int32Array;
}

const scratch = new Float64Array(1);
const scratchBits = new Int32Array(scratch.buffer);

function mix(h: number): number {
	h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
	h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
	return (h ^ (h >>> 16)) >>> 0;
}

/** Index of each value among the distinct values (first-seen order); the table grows as values appear. */
function indexValues(values: Float64Array): { index: Int32Array; unique: Float64Array } {
	const n = values.length;
	let mask = 1023;
	let slots = new Int32Array(mask + 1).fill(-1);
	const hashes: number[] = [];
	const unique = new Float64Array(n);
	const index = new Int32Array(n);
	let count = 0;
	for (let i = 0; i < n; i++) {
		const value = values[i] + 0; // -0 and 0 hash alike
		scratch[0] = value;
		const hash = mix(scratchBits[0] ^ Math.imul(scratchBits[1], 0x9e3779b1));
		let slot = hash & mask;
		for (;;) {
			const found = slots[slot];
			if (found === -1) {
				slots[slot] = count;
				unique[count] = value;
				hashes.push(hash);
				index[i] = count++;
				if (2 * count > mask) {
					mask = 2 * mask + 1;
					slots = new Int32Array(mask + 1).fill(-1);
					for (let k = 0; k < count; k++) {
						let free = hashes[k] & mask;
						while (slots[free] !== -1) free = (free + 1) & mask;
						slots[free] = k;
					}
				}
				break;
			}
			if (unique[found] === value) {
				index[i] = found;
				break;
			}
			slot = (slot + 1) & mask;
		}
	}
	return { index, unique: unique.slice(0, count) };
}

function tripleHash(x: number, ageIndex: number, recencyIndex: number): number {
	return mix(Math.imul(x, 0x27d4eb2d) ^ Math.imul(ageIndex, 0x165667b1) ^ mix(recencyIndex));
}

export function compressCustomers(arrays: BtydArrays, weights?: ArrayLike<number>): CompressedCustomers {
	const { size: n } = arrays;
	const recency = indexValues(arrays.recency);
	const age = indexValues(arrays.age);
	let mask = 1023;
	let slots = new Int32Array(mask + 1).fill(-1);
	const frequency = new Int32Array(n);
	const recencyIndex = new Int32Array(n);
	const ageIndex = new Int32Array(n);
	const weight = new Float64Array(n);
	const tripleOf = new Int32Array(n).fill(-1);
	let count = 0;
	let maxFrequency = 0;
	let maxAge = 0;
	for (let i = 0; i < n; i++) {
		const w = weights ? weights[i] : 1;
		if (w === 0) continue;
		const x = arrays.frequency[i];
		const iR = recency.index[i];
		const iT = age.index[i];
		let slot = tripleHash(x, iT, iR) & mask;
		for (;;) {
			const found = slots[slot];
			if (found === -1) {
				slots[slot] = count;
				frequency[count] = x;
				recencyIndex[count] = iR;
				ageIndex[count] = iT;
				weight[count] = w;
				tripleOf[i] = count++;
				if (2 * count > mask) {
					mask = 2 * mask + 1;
					slots = new Int32Array(mask + 1).fill(-1);
					for (let k = 0; k < count; k++) {
						let free = tripleHash(frequency[k], ageIndex[k], recencyIndex[k]) & mask;
						while (slots[free] !== -1) free = (free + 1) & mask;
						slots[free] = k;
					}
				}
				break;
			}
			if (frequency[found] === x && ageIndex[found] === iT && recencyIndex[found] === iR) {
				weight[found] += w;
				tripleOf[i] = found;
				break;
			}
			slot = (slot + 1) & mask;
		}
		if (x > maxFrequency) maxFrequency = x;
		if (arrays.age[i] > maxAge) maxAge = arrays.age[i];
	}
	const weightByFrequency = new Float64Array(maxFrequency + 1);
	let customers = 0;
	let totalFrequency = 0;
	let repeatCustomers = 0;
	for (let k = 0; k < count; k++) {
		weightByFrequency[frequency[k]] += weight[k];
		customers += weight[k];
		totalFrequency += weight[k] * frequency[k];
		if (frequency[k] > 0) repeatCustomers += weight[k];
	}
	return {
		size: count,
		customers,
		frequency: frequency.slice(0, count),
		recencyIndex: recencyIndex.slice(0, count),
		ageIndex: ageIndex.slice(0, count),
		weight: weight.slice(0, count),
		recencyValues: recency.unique,
		ageValues: age.unique,
		maxFrequency,
		weightByFrequency,
		totalFrequency,
		repeatCustomers,
		maxAge,
		tripleOf,
	};
}
