/**
 * EASE (Embarrassingly Shallow Autoencoder) on the head of the catalogue: a closed-form linear item-to-item
 * model over the `items` most popular products, sparsified to each product's N largest weights (by absolute
 * value; weights may be negative) so the stored model stays sparse. The dense Gram matrix exists only
 * during the build and only for the head (items x items, e.g. 1000 x 1000 = 8 MB).
 *
 *   G = X'X + lambda I  (X: customers x head products, entries v_cp),   P = G^-1
 *   B[i, j] = -P[i, j] / P[j, j]  for i != j,  B[j, j] = 0;   score(c, j) = sum over i in history(c) of v_ci * B[i, j]
 *
 * Reference: Steck (2019), "Embarrassingly Shallow Autoencoders for Sparse Data", WWW,
 * https://arxiv.org/abs/1905.03375
 *
 * Cost: O(sum over customers of h_c^2 + items^3) time (h_c: the customer's head products), O(items^2) memory.
 * @example computeEaseNeighbours(matrix, { items: 1000, regularisation: 500, neighbours: 50 }) // rows for products 0..999
 */
import type { CustomerItemMatrix } from './buildCustomerItemMatrix';
import { invertSymmetricPositiveDefinite } from './invertSymmetricPositiveDefinite';
import { appendNeighbourRow, emptyNeighbourLists } from './NeighbourLists';
import type { NeighbourLists } from './NeighbourLists';
import { TopNHeap } from './TopNHeap';

export interface EaseOptions {
	/** Head size: products 0 .. items - 1 (the model numbers products by popularity). */
	items: number;
	regularisation: number;
	neighbours: number;
}

export function computeEaseNeighbours(matrix: CustomerItemMatrix, options: EaseOptions): NeighbourLists {
	const n = Math.max(0, Math.min(options.items, matrix.products));
	const gram = new Float64Array(n * n);
	const counts = new Int32Array(n * n);
	const head: number[] = [];
	const headValues: number[] = [];
	for (let c = 0; c < matrix.customers; c++) {
		head.length = 0;
		headValues.length = 0;
		const start = matrix.offsets[c];
		const end = start + matrix.cooccurrenceLength[c];
		for (let j = start; j < end; j++) {
			if (matrix.product[j] < n) {
				head.push(matrix.product[j]);
				headValues.push(matrix.value[j]);
			}
		}
		for (let x = 0; x < head.length; x++) {
			const row = head[x] * n;
			const vx = headValues[x];
			for (let y = 0; y < head.length; y++) {
				gram[row + head[y]] += vx * headValues[y];
				counts[row + head[y]]++;
			}
		}
	}
	for (let i = 0; i < n; i++) gram[i * n + i] += options.regularisation;
	invertSymmetricPositiveDefinite(gram, n);
	const lists = emptyNeighbourLists();
	const heap = new TopNHeap(options.neighbours);
	const signed = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		const row = i * n;
		for (let j = 0; j < n; j++) {
			if (j === i) continue;
			const weight = -gram[row + j] / gram[j * n + j];
			signed[j] = weight;
			if (weight !== 0) heap.offer(j, Math.abs(weight));
		}
		const kept = heap.drain().map(({ item }) => ({ item, score: signed[item] }));
		appendNeighbourRow(lists, kept, (j) => counts[row + j]);
	}
	return lists;
}
