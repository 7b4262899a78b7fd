/**
 * Columns of numbers that grow by doubling, for the long per-event lists of a profile state (each purchase's
 * identity, UTC day and value; each event's identity and item position). Typed arrays rather than one small array
 * per identity: the garbage collector never scans them, and a read hands them to summarizePurchaseDays as they are.
 *
 * Cost: O(1) amortised per row; O(rows) to append another set of columns.
 * @example const columns = new NumberColumns(2); columns.push2(0, 19.99); columns.length // 1
 */
export class NumberColumns {
	readonly columns: Float64Array[];
	length = 0;

	constructor(width: number, capacity = 64) {
		this.columns = Array.from({ length: width }, () => new Float64Array(capacity));
	}

	private grow(): void {
		for (let c = 0; c < this.columns.length; c++) {
			const larger = new Float64Array(this.columns[c].length * 2);
			larger.set(this.columns[c]);
			this.columns[c] = larger;
		}
	}

	push2(first: number, second: number): void {
		if (this.length === this.columns[0].length) this.grow();
		this.columns[0][this.length] = first;
		this.columns[1][this.length++] = second;
	}

	push3(first: number, second: number, third: number): void {
		if (this.length === this.columns[0].length) this.grow();
		this.columns[0][this.length] = first;
		this.columns[1][this.length] = second;
		this.columns[2][this.length++] = third;
	}

	/** The first `length` rows of column `c` (a view, not a copy). */
	column(c: number): Float64Array {
		return this.columns[c].subarray(0, this.length);
	}
}
