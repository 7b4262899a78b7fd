/**
 * Item-to-item collaborative filtering: for every product, the N products most similar to it by the
 * customers who interacted with both, computed sparsely (one dense scratch row, reused), never as a
 * product x product matrix. Customer weight w_c damps very active customers (inverse user frequency).
 *
 *   S(a, b)   = sum over customers c with a and b of  w_c * v_ca * v_cb,    n_ab = number of such customers
 *   w_c       = 1 (equal), 1 / sqrt(|I_c|) (inverseSqrt) or 1 / |I_c| (inverse)
 *   cosine    = S(a, b) / sqrt(Q_a * Q_b),            Q_a = sum_c w_c * v_ca^2
 *   jaccard   = S(a, b) / (Q_a + Q_b - S(a, b))      (Tanimoto; the Jaccard index on 0/1 data with w = 1)
 *   lift      = S(a, b) * W / (M_a * M_b),           M_a = sum_c w_c * v_ca,  W = sum_c w_c
 *   shrunk    = similarity * n_ab / (n_ab + shrinkage)
 * Pairs with n_ab < minCoCustomers are dropped; the N highest shrunk similarities are kept per product.
 * Reference: Sarwar et al. (2001), "Item-based collaborative filtering recommendation algorithms", WWW,
 * https://doi.org/10.1145/371920.372071; shrinkage: Koren (2008), KDD, https://doi.org/10.1145/1401890.1401944
 *
 * Cost: O(sum over customers of |I_c|^2 + products * N log N) time, O(products) scratch memory, with
 * |I_c| capped by maxItemsPerCustomer.
 * @example computeItemNeighbours(matrix, transposed, { similarity: 'cosine', neighbours: 50, shrinkage: 0, customerWeighting: 'inverse', minCoCustomers: 1 })
 */
import type { CustomerItemMatrix } from './buildCustomerItemMatrix';
import { appendNeighbourRow, emptyNeighbourLists } from './NeighbourLists';
import type { NeighbourLists } from './NeighbourLists';
import { TopNHeap } from './TopNHeap';
import type { ProductCustomerMatrix } from './transposeCustomerItems';

export type ItemSimilarity = 'cosine' | 'jaccard' | 'lift';
export type CustomerWeighting = 'equal' | 'inverseSqrt' | 'inverse';

export interface ItemNeighbourOptions {
	similarity: ItemSimilarity;
	neighbours: number;
	shrinkage: number;
	customerWeighting: CustomerWeighting;
	minCoCustomers: number;
	/** Compute rows only for these products (others get empty rows); default all. */
	includeRow?: (product: number) => boolean;
	/** Multiplies every stored score (used to rank tail neighbours below EASE's). */
	scale?: number;
}

export function customerWeights(matrix: CustomerItemMatrix, weighting: CustomerWeighting): Float64Array {
	const weights = new Float64Array(matrix.customers);
	for (let c = 0; c < matrix.customers; c++) {
		const length = matrix.cooccurrenceLength[c];
		weights[c] = length === 0 ? 0 : weighting === 'inverse' ? 1 / length : weighting === 'inverseSqrt' ? 1 / Math.sqrt(length) : 1;
	}
	return weights;
}

export function computeItemNeighbours(matrix: CustomerItemMatrix, transposed: ProductCustomerMatrix, options: ItemNeighbourOptions): NeighbourLists {
	const products = matrix.products;
	const weights = customerWeights(matrix, options.customerWeighting);
	// Per-product sums over its customers: Q (squares) and M (mass); W the total customer weight.
	const squares = new Float64Array(products);
	const mass = new Float64Array(products);
	let totalWeight = 0;
	for (let c = 0; c < matrix.customers; c++) totalWeight += weights[c];
	for (let p = 0; p < products; p++) {
		for (let k = transposed.offsets[p]; k < transposed.offsets[p + 1]; k++) {
			const w = weights[transposed.customer[k]];
			const v = transposed.value[k];
			squares[p] += w * v * v;
			mass[p] += w * v;
		}
	}
	const accumulated = new Float64Array(products);
	const together = new Int32Array(products);
	const touched = new Int32Array(products);
	const lists = emptyNeighbourLists();
	const { similarity, shrinkage, minCoCustomers } = options;
	const heap = new TopNHeap(options.neighbours);
	for (let a = 0; a < products; a++) {
		if (options.includeRow && !options.includeRow(a)) {
			lists.offsets.push(lists.items.length);
			continue;
		}
		let touchedCount = 0;
		for (let k = transposed.offsets[a]; k < transposed.offsets[a + 1]; k++) {
			const c = transposed.customer[k];
			const weightedA = weights[c] * transposed.value[k];
			const start = matrix.offsets[c];
			const end = start + matrix.cooccurrenceLength[c];
			for (let j = start; j < end; j++) {
				const b = matrix.product[j];
				if (b === a) continue;
				if (together[b] === 0) touched[touchedCount++] = b;
				together[b]++;
				accumulated[b] += weightedA * matrix.value[j];
			}
		}
		for (let t = 0; t < touchedCount; t++) {
			const b = touched[t];
			const count = together[b];
			if (count >= minCoCustomers) {
				const s = accumulated[b];
				let score: number;
				if (similarity === 'cosine') score = s / Math.sqrt(squares[a] * squares[b]);
				else if (similarity === 'jaccard') score = s / (squares[a] + squares[b] - s);
				else score = (s * totalWeight) / (mass[a] * mass[b]);
				if (shrinkage > 0) score *= count / (count + shrinkage);
				if (score > 0 && Number.isFinite(score)) heap.offer(b, score);
			}
		}
		const row = heap.drain();
		appendNeighbourRow(lists, row, (b) => together[b], options.scale ?? 1);
		for (let t = 0; t < touchedCount; t++) {
			const b = touched[t];
			together[b] = 0;
			accumulated[b] = 0;
		}
	}
	return lists;
}
