/**
 * Exactly rounded running sum: the float nearest to the true sum of everything added, whatever the order
 * of the additions. Profiles built from the same events in any order (or in batches) get the same revenue
 * to the last bit, which plain `+=` does not give (0.1 + 0.2 + 0.3 !== 0.3 + 0.2 + 0.1).
 *
 * Shewchuk's non-overlapping partials ("msum"), with the final correctly rounded read-out of CPython's
 * math.fsum:
 *   add x: for each partial y, (hi, lo) = twoSum(x, y); keep lo when non-zero; carry hi; append the carry
 *   value: sum the partials from the largest, then correct a half-way rounding with the next partial's sign
 * Reference: Shewchuk (1997), "Adaptive Precision Floating-Point Arithmetic and Fast Robust Geometric
 * Predicates", Discrete & Computational Geometry 18; https://docs.python.org/3/library/math.html#math.fsum
 *
 * Cost: O(p) per addition and per read-out, p the number of partials (1-3 for amounts of money).
 * @example const sum = new ExactSum(); [0.1, 0.2, 0.3].forEach((x) => sum.add(x)); sum.value() // 0.6
 */
export class ExactSum {
	private readonly partials: number[] = [];
	private nonFinite = 0;

	add(value: number): void {
		if (!Number.isFinite(value)) {
			this.nonFinite += value;
			return;
		}
		let x = value;
		let kept = 0;
		const partials = this.partials;
		for (let i = 0; i < partials.length; i++) {
			let y = partials[i];
			if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
			const hi = x + y;
			const lo = y - (hi - x);
			if (lo !== 0) partials[kept++] = lo;
			x = hi;
		}
		partials.length = kept;
		partials.push(x);
	}

	/**
	 * Adds everything another sum holds, exactly: its partials are non-overlapping pieces of its true sum, so
	 * merging two sums reads out the same value as one sum fed both sequences (for merging profile states).
	 */
	addSum(other: ExactSum): void {
		for (const partial of other.partials) this.add(partial);
		this.nonFinite += other.nonFinite;
	}

	/** The correctly rounded sum of every value added (NaN or an infinity when one was added). */
	value(): number {
		if (this.nonFinite !== 0 || Number.isNaN(this.nonFinite)) return this.nonFinite;
		const partials = this.partials;
		let n = partials.length;
		if (n === 0) return 0;
		let hi = partials[--n];
		let lo = 0;
		while (n > 0) {
			const x = hi;
			const y = partials[--n];
			hi = x + y;
			lo = y - (hi - x);
			if (lo !== 0) break;
		}
		if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
			const y = lo * 2;
			const x = hi + y;
			if (y === x - hi) hi = x;
		}
		return hi;
	}
}
