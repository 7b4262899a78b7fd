/**
 * Transpose of the co-occurrence part of a customer x product matrix: for each product, the customers
 * (and their values) whose co-occurrence entries contain it, in customer order.
 *
 *   productRow(p) = { (c, value(c, p)) : p among the first cooccurrenceLength[c] entries of row c }
 *
 * Reference: Gustavson (1978), "Two fast algorithms for sparse matrices: multiplication and permuted
 * transposition", ACM TOMS 4(3), https://doi.org/10.1145/355791.355796
 *
 * Cost: O(entries + products) time and memory.
 * @example transposeCustomerItems(matrix).offsets.length // products + 1
 */
import type { CustomerItemMatrix } from './buildCustomerItemMatrix';

export interface ProductCustomerMatrix {
	/** Product p's customers are customer[offsets[p] .. offsets[p + 1] - 1]. */
	offsets: Int32Array;
	customer: Int32Array;
	value: Float64Array;
}

export function transposeCustomerItems(matrix: CustomerItemMatrix): ProductCustomerMatrix {
	const offsets = new Int32Array(matrix.products + 1);
	for (let c = 0; c < matrix.customers; c++) {
		const start = matrix.offsets[c];
		const end = start + matrix.cooccurrenceLength[c];
		for (let j = start; j < end; j++) offsets[matrix.product[j] + 1]++;
	}
	for (let p = 0; p < matrix.products; p++) offsets[p + 1] += offsets[p];
	const fill = offsets.slice(0, matrix.products);
	const customer = new Int32Array(offsets[matrix.products]);
	const value = new Float64Array(offsets[matrix.products]);
	for (let c = 0; c < matrix.customers; c++) {
		const start = matrix.offsets[c];
		const end = start + matrix.cooccurrenceLength[c];
		for (let j = start; j < end; j++) {
			const at = fill[matrix.product[j]]++;
			customer[at] = c;
			value[at] = matrix.value[j];
		}
	}
	return { offsets, customer, value };
}
