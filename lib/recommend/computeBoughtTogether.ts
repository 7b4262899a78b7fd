/**
 * Frequently bought together: association rules a -> b between products in the same basket (order), counted
 * in distinct customers so that one wholesaler repeating an order does not make a rule. Rules must pass
 * support, confidence and lift thresholds; the N most confident consequents are kept per product.
 *
 *   support(a, b)    = customers with a basket holding a and b
 *   confidence(a->b) = support(a, b) / customers(a)          (customers(a): with a basket holding a)
 *   lift(a->b)       = confidence(a->b) / (customers(b) / customers with a basket)
 * Baskets with more than `maxBasketSize` distinct products (bulk orders) are left out and counted.
 * Reference: Agrawal, Imielinski & Swami (1993), "Mining association rules between sets of items in large
 * databases", SIGMOD, https://doi.org/10.1145/170035.170072; lift: Brin et al. (1997), https://doi.org/10.1145/253260.253325
 *
 * Cost: O(sum over baskets of |basket|^2 + products * N log N) time, O(products + basket entries) memory.
 * @example computeBoughtTogether(matrix, { minSupport: 2, minConfidence: 0.01, minLift: 1, neighbours: 20, maxBasketSize: 200 })
 */
import type { CustomerItemMatrix } from './buildCustomerItemMatrix';
import { roundSignificant } from './roundSignificant';
import { TopNHeap } from './TopNHeap';

export interface BoughtTogetherOptions {
	minSupport: number;
	minConfidence: number;
	minLift: number;
	neighbours: number;
	maxBasketSize: number;
}

export interface BoughtTogetherLists {
	offsets: number[];
	items: number[];
	/** Support: customers who bought both in one basket. */
	customers: number[];
	confidence: number[];
	lift: number[];
}

export interface BoughtTogetherResult {
	lists: BoughtTogetherLists;
	/** Baskets used and baskets left out as too large. */
	baskets: number;
	largeBaskets: number;
	/** Customers with at least one basket used. */
	basketCustomers: number;
}

export function computeBoughtTogether(matrix: CustomerItemMatrix, options: BoughtTogetherOptions): BoughtTogetherResult {
	const products = matrix.products;
	const basketCount = matrix.basketCustomer.length;
	const usable = new Uint8Array(basketCount);
	let largeBaskets = 0;
	for (let b = 0; b < basketCount; b++) {
		const size = matrix.basketOffsets[b + 1] - matrix.basketOffsets[b];
		if (size <= options.maxBasketSize) usable[b] = 1;
		else largeBaskets++;
	}
	// Product -> baskets (in basket order, which is customer order), and customers per product.
	const offsets = new Int32Array(products + 1);
	for (let b = 0; b < basketCount; b++) {
		if (!usable[b]) continue;
		for (let k = matrix.basketOffsets[b]; k < matrix.basketOffsets[b + 1]; k++) offsets[matrix.basketProducts[k] + 1]++;
	}
	for (let p = 0; p < products; p++) offsets[p + 1] += offsets[p];
	const fill = offsets.slice(0, products);
	const basketsOf = new Int32Array(offsets[products]);
	for (let b = 0; b < basketCount; b++) {
		if (!usable[b]) continue;
		for (let k = matrix.basketOffsets[b]; k < matrix.basketOffsets[b + 1]; k++) basketsOf[fill[matrix.basketProducts[k]]++] = b;
	}
	const customersOf = new Int32Array(products);
	const stamp = new Int32Array(products).fill(-1);
	for (let p = 0; p < products; p++) {
		let last = -1;
		for (let k = offsets[p]; k < offsets[p + 1]; k++) {
			const c = matrix.basketCustomer[basketsOf[k]];
			if (c !== last) customersOf[p]++;
			last = c;
		}
	}
	let basketCustomers = 0;
	let lastCustomer = -1;
	let baskets = 0;
	for (let b = 0; b < basketCount; b++) {
		if (!usable[b]) continue;
		baskets++;
		if (matrix.basketCustomer[b] !== lastCustomer) basketCustomers++;
		lastCustomer = matrix.basketCustomer[b];
	}
	const together = new Int32Array(products);
	const touched = new Int32Array(products);
	const lists: BoughtTogetherLists = { offsets: [0], items: [], customers: [], confidence: [], lift: [] };
	const heap = new TopNHeap(options.neighbours);
	for (let a = 0; a < products; a++) {
		let touchedCount = 0;
		for (let k = offsets[a]; k < offsets[a + 1]; k++) {
			const basket = basketsOf[k];
			const c = matrix.basketCustomer[basket];
			for (let j = matrix.basketOffsets[basket]; j < matrix.basketOffsets[basket + 1]; j++) {
				const b = matrix.basketProducts[j];
				if (b === a || stamp[b] === c) continue;
				stamp[b] = c;
				if (together[b] === 0) touched[touchedCount++] = b;
				together[b]++;
			}
		}
		const customersA = customersOf[a];
		for (let t = 0; t < touchedCount; t++) {
			const b = touched[t];
			const support = together[b];
			const confidence = support / customersA;
			const lift = (confidence * basketCustomers) / customersOf[b];
			if (support >= options.minSupport && confidence >= options.minConfidence && lift >= options.minLift) {
				// Rank by confidence; equal confidences keep the more popular product (lower number).
				heap.offer(b, confidence);
			}
		}
		for (const { item: b } of heap.drain()) {
			const support = together[b];
			const confidence = support / customersA;
			lists.items.push(b);
			lists.customers.push(support);
			lists.confidence.push(roundSignificant(confidence));
			lists.lift.push(roundSignificant((confidence * basketCustomers) / customersOf[b]));
		}
		lists.offsets.push(lists.items.length);
		for (let t = 0; t < touchedCount; t++) {
			together[touched[t]] = 0;
			stamp[touched[t]] = -1;
		}
	}
	return { lists, baskets, largeBaskets, basketCustomers };
}
