// Nelder-Mead (Gao & Han 2012 coefficients).
import { minimizeNelderMead } from '../../../lib/optimize/minimizeNelderMead';

describe('minimizeNelderMead', () => {
	it('minimises Rosenbrock from (-1.2, 1) without derivatives', () => {
		const result = minimizeNelderMead((x) => 100 * (x[1] - x[0] * x[0]) ** 2 + (1 - x[0]) ** 2, [-1.2, 1], { maxIterations: 2000 });
		expect(result.converged).toBe(true);
		expect(result.point[0]).toBeCloseTo(1, 5);
		expect(result.point[1]).toBeCloseTo(1, 5);
	});

	it('handles one dimension, a 5-dimensional quadratic, and non-finite values as +Infinity', () => {
		expect(minimizeNelderMead((x) => (x[0] - 3) ** 2, [0]).point[0]).toBeCloseTo(3, 6);
		const target = [1, -2, 3, -4, 5];
		const result = minimizeNelderMead((x) => x.reduce((sum, v, i) => sum + (i + 1) * (v - target[i]) ** 2, 0), [0, 0, 0, 0, 0], { maxIterations: 5000 });
		result.point.forEach((v, i) => expect(v).toBeCloseTo(target[i], 4));
		const guarded = minimizeNelderMead((x) => (x[0] > 0 ? x[0] - Math.log(x[0]) : Number.NaN), [0.2]);
		expect(guarded.point[0]).toBeCloseTo(1, 5);
	});

	it('reports when it runs out of iterations', () => {
		const result = minimizeNelderMead((x) => 100 * (x[1] - x[0] * x[0]) ** 2 + (1 - x[0]) ** 2, [-1.2, 1], { maxIterations: 5 });
		expect(result).toMatchObject({ converged: false, message: 'no convergence in 5 iterations' });
	});
});
