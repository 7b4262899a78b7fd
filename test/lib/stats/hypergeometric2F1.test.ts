// Gauss 2F1 (series, Euler and Pfaff transformations) and the log-sum-exp family.
import { hypergeometric2F1, logHypergeometric2F1 } from '../../../lib/stats/hypergeometric2F1';
import { logAddExp, logSubtractExp, logSumExp, signedLogSumExp } from '../../../lib/stats/logSumExp';

const relative = (actual: number, expected: number): number => Math.abs(actual - expected) / Math.abs(expected);

describe('hypergeometric2F1', () => {
	it('matches closed forms', () => {
		// 2F1(1, 1; 2; z) = -ln(1 - z)/z;  2F1(a, b; b; z) = (1 - z)^-a;  2F1(1/2, 1/2; 3/2; z^2) = asin(z)/z.
		expect(relative(hypergeometric2F1(1, 1, 2, 0.5), 2 * Math.log(2))).toBeLessThan(1e-15);
		expect(relative(hypergeometric2F1(1, 1, 2, 0.99), -Math.log(0.01) / 0.99)).toBeLessThan(1e-13);
		expect(relative(hypergeometric2F1(2.5, 1.3, 1.3, 0.7), 0.3 ** -2.5)).toBeLessThan(1e-13);
		expect(relative(hypergeometric2F1(0.5, 0.5, 1.5, 0.36), Math.asin(0.6) / 0.6)).toBeLessThan(1e-14);
		expect(relative(hypergeometric2F1(1, 1, 2, -3), Math.log(4) / 3)).toBeLessThan(1e-14);
		expect(hypergeometric2F1(-2, 3, 4, 0.5)).toBeCloseTo(1 - 0.75 + 0.15, 14); // terminating series
		expect(hypergeometric2F1(3, 4, 5, 0)).toBe(1);
	});

	it('matches mpmath where the direct series sums numbers of order 1e60 (BG/NBD with x = 200)', () => {
		// mpmath 1.3.0, 40 digits: hyp2f1(200.25, 202.5, 202.3, 0.5) = 2.192910904560718554e60, ln = 138.94033542105789
		const { logMagnitude, sign } = logHypergeometric2F1(200.25, 202.5, 202.3, 0.5);
		expect(sign).toBe(1);
		expect(logMagnitude).toBeCloseTo(138.9403354210579, 11);
		expect(relative(hypergeometric2F1(200.25, 202.5, 202.3, 0.5), 2.1929109045607186e60)).toBeLessThan(1e-12);
		// Past the range of a double, the logarithm is still finite.
		expect(Number.isFinite(logHypergeometric2F1(5000.25, 5002.5, 5002.3, 0.5).logMagnitude)).toBe(true);
	});

	it('rejects z >= 1, non-finite arguments and poles', () => {
		expect(() => hypergeometric2F1(1, 1, 2, 1)).toThrow('hypergeometric2F1 requires z < 1; got a=1, b=1, c=2, z=1');
		expect(() => hypergeometric2F1(1, Number.NaN, 2, 0.5)).toThrow('finite arguments');
		expect(() => hypergeometric2F1(1, 1, -2, 0.5)).toThrow('c not a non-positive integer');
		expect(() => hypergeometric2F1(0.5, 0.5, 0.2, 0.999999, 50)).toThrow('did not converge within 50 terms');
	});
});

describe('log-sum-exp', () => {
	it('adds on the log scale without overflow', () => {
		expect(logSumExp([1000, 1000])).toBeCloseTo(1000 + Math.log(2), 12);
		expect(logSumExp([-1000, -1000 + Math.log(3)])).toBeCloseTo(-1000 + Math.log(4), 12);
		expect(logSumExp([])).toBe(Number.NEGATIVE_INFINITY);
		expect(logSumExp([1, Number.NaN])).toBeNaN();
		expect(logAddExp(0, 0)).toBeCloseTo(Math.log(2), 15);
		expect(logAddExp(Number.NEGATIVE_INFINITY, 3)).toBe(3);
	});

	it('subtracts and sums signed terms', () => {
		expect(logSubtractExp(Math.log(3), Math.log(1))).toBeCloseTo(Math.log(2), 15);
		expect(logSubtractExp(1e-20, 0)).toBeCloseTo(Math.log(1e-20), 6);
		expect(logSubtractExp(0, 1)).toBeNaN();
		expect(logSubtractExp(2, 2)).toBe(Number.NEGATIVE_INFINITY);
		const result = signedLogSumExp([
			{ logMagnitude: Math.log(5), sign: 1 },
			{ logMagnitude: Math.log(7), sign: -1 },
		]);
		expect(result.sign).toBe(-1);
		expect(result.logMagnitude).toBeCloseTo(Math.log(2), 14);
		expect(signedLogSumExp([{ logMagnitude: 800, sign: 1 }, { logMagnitude: 800, sign: -1 }])).toEqual({ logMagnitude: Number.NEGATIVE_INFINITY, sign: 0 });
	});
});
