/**
 * Cholesky decomposition of a symmetric positive-definite matrix, A = L L', and what it is used for here:
 * the positive-definiteness test of a Hessian, linear solves (Newton steps) and the inverse (covariance matrices).
 *
 *   L_jj = sqrt(A_jj - sum_{k<j} L_jk^2),  L_ij = (A_ij - sum_{k<j} L_ik L_jk) / L_jj  (i > j)
 *
 * Returns null when A is not (numerically) positive definite, i.e. a pivot is not strictly positive.
 * Reference: Golub & Van Loan (2013), Matrix Computations, 4th ed., algorithm 4.2.1;
 * https://en.wikipedia.org/wiki/Cholesky_decomposition
 *
 * Cost: O(n^3 / 3) for the decomposition, O(n^2) per solve, O(n^3) for the inverse.
 * @example choleskyDecomposition([[4, 2], [2, 3]]) // [[2, 0], [1, 1.4142135623730951]]
 */
export function choleskyDecomposition(matrix: ReadonlyArray<ReadonlyArray<number>>): number[][] | null {
	const n = matrix.length;
	const lower = Array.from({ length: n }, () => new Array<number>(n).fill(0));
	for (let j = 0; j < n; j++) {
		let pivot = matrix[j][j];
		for (let k = 0; k < j; k++) pivot -= lower[j][k] * lower[j][k];
		if (!(pivot > 0) || !Number.isFinite(pivot)) return null;
		const diagonal = Math.sqrt(pivot);
		lower[j][j] = diagonal;
		for (let i = j + 1; i < n; i++) {
			let sum = matrix[i][j];
			for (let k = 0; k < j; k++) sum -= lower[i][k] * lower[j][k];
			lower[i][j] = sum / diagonal;
		}
	}
	return lower;
}

/**
 * Solves A x = b given the Cholesky factor L of A (forward then back substitution).
 * @example solveWithCholesky([[2, 0], [1, Math.SQRT2]], [2, 1]) // [0.5, 0] (A = [[4, 2], [2, 3]])
 */
export function solveWithCholesky(lower: ReadonlyArray<ReadonlyArray<number>>, rhs: ReadonlyArray<number>): number[] {
	const n = lower.length;
	const y = new Array<number>(n);
	for (let i = 0; i < n; i++) {
		let sum = rhs[i];
		for (let k = 0; k < i; k++) sum -= lower[i][k] * y[k];
		y[i] = sum / lower[i][i];
	}
	const x = new Array<number>(n);
	for (let i = n - 1; i >= 0; i--) {
		let sum = y[i];
		for (let k = i + 1; k < n; k++) sum -= lower[k][i] * x[k];
		x[i] = sum / lower[i][i];
	}
	return x;
}

/**
 * Inverse of A from its Cholesky factor (column by column).
 * @example inverseFromCholesky([[2, 0], [1, Math.SQRT2]]) // [[0.375, -0.25], [-0.25, 0.5]]
 */
export function inverseFromCholesky(lower: ReadonlyArray<ReadonlyArray<number>>): number[][] {
	const n = lower.length;
	const columns = Array.from({ length: n }, (_, j) => solveWithCholesky(lower, Array.from({ length: n }, (_, i) => (i === j ? 1 : 0))));
	return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (columns[j][i] + columns[i][j]) / 2));
}
