/**
 * Trending per group of customers (country or segment): the products with the highest trending score among
 * the group's customers, top `listSize` per group. A group with nothing inside the window gets an empty
 * list, so the fallback chain moves on to the next level instead of padding.
 *
 *   trending_g(p) = sum over customers c in group g of recent(c, p)
 *
 * Reference: Cremonesi, Koren & Turrin (2010), RecSys (popularity baselines), https://doi.org/10.1145/1864708.1864721
 *
 * Cost: O(entries + groups * products_g log listSize).
 * @example computeGroupTrending(matrix, countries, 'country', 100)[0] // { kind: 'country', key: 'France', customers: 87, items: [...], ... }
 */
import type { CustomerItemMatrix } from './buildCustomerItemMatrix';
import { roundSignificant } from './roundSignificant';
import { TopNHeap } from './TopNHeap';

export type GroupKind = 'segment' | 'country';

export interface GroupTrending {
	kind: GroupKind;
	key: string;
	/** Customers in the group. */
	customers: number;
	items: number[];
	scores: number[];
	/** Customers of the group with the product inside the window. */
	buyers: number[];
}

export function computeGroupTrending(matrix: CustomerItemMatrix, groupOfCustomer: ReadonlyArray<string | null>, kind: GroupKind, listSize: number): GroupTrending[] {
	const groupIndex = new Map<string, number>();
	const members: number[][] = [];
	const keys: string[] = [];
	for (let c = 0; c < matrix.customers; c++) {
		const key = groupOfCustomer[c];
		if (key === null || key === undefined) continue;
		let g = groupIndex.get(key);
		if (g === undefined) {
			g = keys.length;
			groupIndex.set(key, g);
			keys.push(key);
			members.push([]);
		}
		members[g].push(c);
	}
	const scores = new Float64Array(matrix.products);
	const buyers = new Int32Array(matrix.products);
	const touched: number[] = [];
	const result: GroupTrending[] = [];
	const order = keys.map((_, g) => g).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
	for (const g of order) {
		touched.length = 0;
		for (const c of members[g]) {
			for (let j = matrix.offsets[c]; j < matrix.offsets[c + 1]; j++) {
				const recent = matrix.recent[j];
				if (recent <= 0) continue;
				const p = matrix.product[j];
				if (buyers[p] === 0) touched.push(p);
				buyers[p]++;
				scores[p] += recent;
			}
		}
		const heap = new TopNHeap(listSize);
		for (const p of touched) heap.offer(p, scores[p]);
		const top = heap.drain();
		result.push({
			kind,
			key: keys[g],
			customers: members[g].length,
			items: top.map(({ item }) => item),
			scores: top.map(({ score }) => roundSignificant(score)),
			buyers: top.map(({ item }) => buyers[item]),
		});
		for (const p of touched) {
			scores[p] = 0;
			buyers[p] = 0;
		}
	}
	return result;
}
