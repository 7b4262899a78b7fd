import fc from 'fast-check';
import { ExactSum } from '../../../lib/stats';

function exactSum(values: number[]): number {
	const sum = new ExactSum();
	for (const value of values) sum.add(value);
	return sum.value();
}

describe('ExactSum', () => {
	// Expected values: Python 3.11 math.fsum on the same lists.
	it.each([
		[[0.1, 0.2, 0.3], 0.6],
		[[1e15, 0.01, -1e15, 0.02], 0.03],
		[[1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50], 1e-100],
		[Array(10).fill(0.1), 1.0],
		[[29.99, 19.99, 4.5, 0.01, -12.34, 1e-9], 42.150000000999995],
		[[], 0],
	])('sums %j to %p as math.fsum does', (values, expected) => {
		expect(exactSum(values as number[])).toBe(expected);
	});

	it('matches math.fsum on 500 generated amounts (plain += is off in the last digits)', () => {
		const values = Array.from({ length: 500 }, (_, k) => (((k * 7919) % 20011) - 10000) * 97.13 + k / 3);
		// python3: math.fsum(v) with v as above
		expect(exactSum(values)).toBe(1494939.523333333);
	});

	it('gives the same bits in every order (fast-check, 300 runs)', () => {
		fc.assert(
			fc.property(fc.array(fc.double({ min: -1e15, max: 1e15, noNaN: true }), { maxLength: 40 }), fc.func(fc.integer()), (values, key) => {
				const shuffled = values.map((value, i) => ({ value, key: key(i) })).sort((a, b) => a.key - b.key).map(({ value }) => value);
				expect(Object.is(exactSum(shuffled), exactSum(values)) || exactSum(values) === 0).toBe(true);
			}),
			{ numRuns: 300 },
		);
	});

	it('reports a non-finite value instead of hiding it', () => {
		expect(exactSum([1, Number.POSITIVE_INFINITY])).toBe(Number.POSITIVE_INFINITY);
		expect(exactSum([1, Number.NaN])).toBeNaN();
	});

	it('reads out the same bits after merging two sums as one sum fed both lists (addSum, fast-check, 300 runs)', () => {
		fc.assert(
			fc.property(fc.array(fc.double({ noNaN: true, min: -1e12, max: 1e12 })), fc.array(fc.double({ noNaN: true, min: -1e12, max: 1e12 })), (left, right) => {
				const merged = new ExactSum();
				for (const value of left) merged.add(value);
				const other = new ExactSum();
				for (const value of right) other.add(value);
				merged.addSum(other);
				expect(merged.value()).toBe(exactSum([...left, ...right]));
				expect(other.value()).toBe(exactSum(right));
			}),
			{ numRuns: 300 },
		);
	});
});
