/**
 * Bounded min-heap that keeps the n best (item, score) pairs seen: higher score first, and on equal scores
 * the lower item number (in a model, the more popular item), so that results never depend on visiting order.
 *
 *   keep (item, score) if heap has < n entries or (score, -item) > (score, -item) of the heap's worst
 *
 * Reference: Cormen, Leiserson, Rivest & Stein, "Introduction to Algorithms", chapter 6 (heaps);
 * https://en.wikipedia.org/wiki/Partial_sorting
 *
 * Cost: O(log n) per offer, O(n log n) to drain; O(n) memory.
 * @example const heap = new TopNHeap(2); heap.offer(7, 0.5); heap.offer(3, 0.9); heap.offer(1, 0.1); heap.drain() // [{ item: 3, score: 0.9 }, { item: 7, score: 0.5 }]
 */
export class TopNHeap {
	private readonly items: Int32Array;
	private readonly scores: Float64Array;
	private size = 0;

	constructor(readonly capacity: number) {
		this.items = new Int32Array(Math.max(0, capacity));
		this.scores = new Float64Array(Math.max(0, capacity));
	}

	get length(): number {
		return this.size;
	}

	/** True when (scoreA, itemA) ranks below (scoreB, itemB). */
	private static worse(scoreA: number, itemA: number, scoreB: number, itemB: number): boolean {
		return scoreA < scoreB || (scoreA === scoreB && itemA > itemB);
	}

	offer(item: number, score: number): void {
		if (this.capacity <= 0 || Number.isNaN(score)) return;
		if (this.size < this.capacity) {
			let at = this.size++;
			while (at > 0) {
				const parent = (at - 1) >> 1;
				if (!TopNHeap.worse(score, item, this.scores[parent], this.items[parent])) break;
				this.items[at] = this.items[parent];
				this.scores[at] = this.scores[parent];
				at = parent;
			}
			this.items[at] = item;
			this.scores[at] = score;
			return;
		}
		if (!TopNHeap.worse(this.scores[0], this.items[0], score, item)) return;
		this.siftDown(item, score);
	}

	private siftDown(item: number, score: number): void {
		let at = 0;
		const size = this.size;
		for (;;) {
			const left = 2 * at + 1;
			if (left >= size) break;
			const right = left + 1;
			let child = left;
			if (right < size && TopNHeap.worse(this.scores[right], this.items[right], this.scores[left], this.items[left])) child = right;
			if (!TopNHeap.worse(this.scores[child], this.items[child], score, item)) break;
			this.items[at] = this.items[child];
			this.scores[at] = this.scores[child];
			at = child;
		}
		this.items[at] = item;
		this.scores[at] = score;
	}

	/** The kept pairs, best first; empties the heap. */
	drain(): Array<{ item: number; score: number }> {
		const out: Array<{ item: number; score: number }> = [];
		for (let i = 0; i < this.size; i++) out.push({ item: this.items[i], score: this.scores[i] });
		this.size = 0;
		out.sort((a, b) => b.score - a.score || a.item - b.item);
		return out;
	}
}
