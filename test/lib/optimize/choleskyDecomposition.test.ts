// Cholesky factor, solves and inverse; Gauss-Legendre quadrature.
import { choleskyDecomposition, inverseFromCholesky, solveWithCholesky } from '../../../lib/optimize/choleskyDecomposition';
import { gaussLegendreRule, integrateGaussLegendre } from '../../../lib/optimize/integrateGaussLegendre';

describe('choleskyDecomposition', () => {
	it('factors, solves and inverts a positive-definite matrix', () => {
		const matrix = [
			[4, 2, 0.4],
			[2, 3, 0.5],
			[0.4, 0.5, 2],
		];
		const lower = choleskyDecomposition(matrix) as number[][];
		for (let i = 0; i < 3; i++) {
			for (let j = 0; j < 3; j++) {
				let product = 0;
				for (let k = 0; k < 3; k++) product += lower[i][k] * lower[j][k];
				expect(product).toBeCloseTo(matrix[i][j], 14);
			}
		}
		const x = solveWithCholesky(lower, [1, 2, 3]);
		matrix.forEach((row, i) => expect(row.reduce((sum, a, j) => sum + a * x[j], 0)).toBeCloseTo([1, 2, 3][i], 13));
		const inverse = inverseFromCholesky(lower);
		matrix.forEach((row, i) => row.forEach((_, j) => expect(row.reduce((sum, a, k) => sum + a * inverse[k][j], 0)).toBeCloseTo(i === j ? 1 : 0, 13)));
	});

	it('returns null for matrices that are not positive definite (a saddle, NaN)', () => {
		expect(choleskyDecomposition([[1, 2], [2, 1]])).toBeNull();
		expect(choleskyDecomposition([[0]])).toBeNull();
		expect(choleskyDecomposition([[Number.NaN]])).toBeNull();
		expect(choleskyDecomposition([])).toEqual([]);
	});
});

describe('integrateGaussLegendre', () => {
	it('integrates smooth functions to machine precision and polynomials of degree 2m - 1 exactly', () => {
		expect(integrateGaussLegendre(Math.exp, 0, 1)).toBeCloseTo(Math.E - 1, 14);
		expect(integrateGaussLegendre((u) => u ** 9, 0, 2, { panels: 1, order: 5 })).toBeCloseTo(2 ** 10 / 10, 10);
		const { nodes, weights } = gaussLegendreRule(20);
		expect(weights.reduce((sum, w) => sum + w, 0)).toBeCloseTo(2, 14);
		expect(nodes[0]).toBeCloseTo(-nodes[19], 15);
		expect(gaussLegendreRule(1).weights[0]).toBe(2);
		expect(() => gaussLegendreRule(0)).toThrow('gaussLegendreRule requires an integer order from 1 to 200');
	});
});
