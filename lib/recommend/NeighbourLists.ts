/**
 * Neighbour lists: for each product, its top-N related products with a score and a support count, stored
 * as compressed sparse rows of plain arrays (JSON-ready, never a dense product x product matrix).
 *
 *   row p = items[offsets[p] .. offsets[p + 1] - 1], with scores and support at the same positions
 *
 * Reference: Sarwar, Karypis, Konstan & Riedl (2001), "Item-based collaborative filtering recommendation
 * algorithms", WWW (model size k neighbours per item), https://doi.org/10.1145/371920.372071
 *
 * Cost: O(N) per appended row of N neighbours; O(products * N) memory.
 * @example const lists = emptyNeighbourLists(); appendNeighbourRow(lists, [{ item: 4, score: 0.5 }], () => 3); lists.offsets // [0, 1]
 */
import { roundSignificant } from './roundSignificant';

export interface NeighbourLists {
	offsets: number[];
	items: number[];
	scores: number[];
	/** Customers behind the score (co-buyers), for reasons; 0 when the method has no such count. */
	support: number[];
}

export function emptyNeighbourLists(): NeighbourLists {
	return { offsets: [0], items: [], scores: [], support: [] };
}

export function appendNeighbourRow(lists: NeighbourLists, row: ReadonlyArray<{ item: number; score: number }>, supportOf: (item: number) => number, scale = 1): void {
	for (const { item, score } of row) {
		lists.items.push(item);
		lists.scores.push(roundSignificant(score * scale));
		lists.support.push(supportOf(item));
	}
	lists.offsets.push(lists.items.length);
}


/** Rows 0 .. headRows - 1 from `head`, the remaining rows from `tail` (both with one row per product). */
export function spliceNeighbourRows(head: NeighbourLists, tail: NeighbourLists, headRows: number): NeighbourLists {
	const lists = emptyNeighbourLists();
	const rows = tail.offsets.length - 1;
	for (let p = 0; p < rows; p++) {
		const source = p < headRows ? head : tail;
		for (let k = source.offsets[p]; k < source.offsets[p + 1]; k++) {
			lists.items.push(source.items[k]);
			lists.scores.push(source.scores[k]);
			lists.support.push(source.support[k]);
		}
		lists.offsets.push(lists.items.length);
	}
	return lists;
}
