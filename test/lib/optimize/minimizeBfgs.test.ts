// BFGS, its line search, and the numerical derivatives it can use.
import { minimizeBfgs } from '../../../lib/optimize/minimizeBfgs';
import { numericalGradient, withNumericalGradient } from '../../../lib/optimize/numericalGradient';
import { numericalHessian } from '../../../lib/optimize/numericalHessian';
import { wolfeLineSearch } from '../../../lib/optimize/wolfeLineSearch';

// Rosenbrock (1960): minimum 0 at (1, 1); the classic start (-1.2, 1).
const rosenbrock = (x: number[]): number => 100 * (x[1] - x[0] * x[0]) ** 2 + (1 - x[0]) ** 2;
const rosenbrockGradient = (x: number[]): number[] => [-400 * x[0] * (x[1] - x[0] * x[0]) - 2 * (1 - x[0]), 200 * (x[1] - x[0] * x[0])];

describe('minimizeBfgs', () => {
	it('minimises Rosenbrock from (-1.2, 1) with the exact gradient', () => {
		const result = minimizeBfgs((x) => ({ value: rosenbrock(x), gradient: rosenbrockGradient(x) }), [-1.2, 1]);
		expect(result.converged).toBe(true);
		expect(result.point[0]).toBeCloseTo(1, 7);
		expect(result.point[1]).toBeCloseTo(1, 7);
		expect(result.iterations).toBeLessThan(100);
	});

	it('minimises Rosenbrock with a numerical gradient, deterministically', () => {
		const run = (): ReturnType<typeof minimizeBfgs> => minimizeBfgs(withNumericalGradient(rosenbrock), [-1.2, 1], { gradientTolerance: 1e-7 });
		const result = run();
		expect(result.converged).toBe(true);
		expect(result.point[0]).toBeCloseTo(1, 6);
		expect(run()).toEqual(result);
	});

	it('backs off from points outside the domain (non-finite values)', () => {
		// f(x) = x - ln(x) has its minimum at 1 and is undefined for x <= 0; a long first step would leave the domain.
		const objective = (x: number[]): { value: number; gradient: number[] } =>
			x[0] > 0 ? { value: x[0] - Math.log(x[0]), gradient: [1 - 1 / x[0]] } : { value: Number.NaN, gradient: [Number.NaN] };
		const result = minimizeBfgs(objective, [0.01]);
		expect(result.converged).toBe(true);
		expect(result.point[0]).toBeCloseTo(1, 8);
	});

	it('says so when it runs out of iterations or starts outside the domain', () => {
		const result = minimizeBfgs((x) => ({ value: rosenbrock(x), gradient: rosenbrockGradient(x) }), [-1.2, 1], { maxIterations: 3 });
		expect(result.converged).toBe(false);
		expect(result.message).toBe('no convergence in 3 iterations');
		expect(minimizeBfgs(() => ({ value: Number.NaN, gradient: [0] }), [0]).message).toBe('objective is not finite at the start');
	});
});

describe('wolfeLineSearch', () => {
	it('accepts the unit step on a quadratic when it satisfies both Wolfe conditions', () => {
		const result = wolfeLineSearch((x) => ({ value: x[0] ** 2, gradient: [2 * x[0]] }), [1], [-1], 1, -2);
		expect(result).toMatchObject({ step: 1, value: 0, wolfe: true });
	});
	it('shortens a step that overshoots', () => {
		const result = wolfeLineSearch((x) => ({ value: x[0] ** 2, gradient: [2 * x[0]] }), [1], [-10], 1, -20);
		expect(result.wolfe).toBe(true);
		expect(result.value).toBeLessThan(1);
		expect(Math.abs(2 * (1 - 10 * result.step) * -10)).toBeLessThanOrEqual(0.9 * 20);
	});
});

describe('numerical derivatives', () => {
	it('numericalGradient: fourth-order central differences to about 1e-10', () => {
		const f = (x: number[]): number => Math.exp(x[0]) * Math.sin(x[1]);
		const g = numericalGradient(f, [0.3, 1.1]);
		expect(g[0]).toBeCloseTo(Math.exp(0.3) * Math.sin(1.1), 10);
		expect(g[1]).toBeCloseTo(Math.exp(0.3) * Math.cos(1.1), 10);
		const second = numericalGradient(f, [0.3, 1.1], { order: 2 });
		expect(second[0]).toBeCloseTo(Math.exp(0.3) * Math.sin(1.1), 8);
	});

	it('numericalHessian: symmetric second derivatives from the gradient', () => {
		const hessian = numericalHessian((x) => ({ value: x[0] * x[0] * x[1], gradient: [2 * x[0] * x[1], x[0] * x[0]] }), [1, 2]);
		expect(hessian[0][0]).toBeCloseTo(4, 8);
		expect(hessian[0][1]).toBeCloseTo(2, 8);
		expect(hessian[1][0]).toBe(hessian[0][1]);
		expect(hessian[1][1]).toBeCloseTo(0, 8);
	});
});
