/**
 * In-place inverse of a symmetric positive-definite matrix (row-major, n x n) by Gauss-Jordan elimination
 * without pivoting, which is stable for such matrices (every pivot stays positive).
 *
 *   for k = 1..n:  A[k, .] /= A[k, k];  A[i, .] -= A[i, k] * A[k, .] for i != k   (with the identity folded in)
 *
 * Reference: Golub & Van Loan, "Matrix Computations", 4th ed., section 3.1 and 4.2 (no pivoting needed for
 * positive-definite matrices); https://en.wikipedia.org/wiki/Gaussian_elimination#Finding_the_inverse_of_a_matrix
 *
 * Cost: O(n^3) time, no memory beyond the matrix.
 * @example const m = Float64Array.from([2, 1, 1, 2]); invertSymmetricPositiveDefinite(m, 2); m // [2/3, -1/3, -1/3, 2/3]
 */
export function invertSymmetricPositiveDefinite(matrix: Float64Array, n: number): void {
	if (matrix.length !== n * n) throw new Error(`invertSymmetricPositiveDefinite requires an n x n matrix (${n * n} values); got ${matrix.length}`);
	for (let k = 0; k < n; k++) {
		const rowK = k * n;
		const pivot = matrix[rowK + k];
		if (!(pivot > 0) || !Number.isFinite(pivot)) throw new Error(`invertSymmetricPositiveDefinite requires a positive-definite matrix; pivot ${k} is ${pivot}`);
		const inverse = 1 / pivot;
		for (let j = 0; j < n; j++) matrix[rowK + j] *= inverse;
		matrix[rowK + k] = inverse;
		for (let i = 0; i < n; i++) {
			if (i === k) continue;
			const rowI = i * n;
			const factor = matrix[rowI + k];
			if (factor === 0) continue;
			matrix[rowI + k] = 0;
			for (let j = 0; j < n; j++) matrix[rowI + j] -= factor * matrix[rowK + j];
		}
	}
}
