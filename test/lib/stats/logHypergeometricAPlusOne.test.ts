// ln 2F1(a, b; a + 1; z) by quadrature, against the series (run with a term budget of 10 million where it is slow).
import { logHypergeometric2F1 } from '../../../lib/stats/hypergeometric2F1';
import { logHypergeometricAPlusOne } from '../../../lib/stats/logHypergeometricAPlusOne';

describe('logHypergeometricAPlusOne', () => {
	it('matches the series to 1e-13 relative, from z = 0.2 to z = 0.9997 and a from 1.5 to 10,000', () => {
		const cases: Array<[number, number, number]> = [[2, 1, 0.5], [2.3, 1.3, 0.9], [50, 1.3, 0.99], [500, 501, 0.9], [1.5, 0.7, 0.2], [5000, 1.3, 0.999], [2.2, 1.2, 0.9997], [10000.5, 10000.3, 0.99], [3, -2, 0.7]];
		for (const [a, b, z] of cases) {
			const series = logHypergeometric2F1(a, b, a + 1, z, 10_000_000).logMagnitude;
			expect(Math.abs(logHypergeometricAPlusOne(a, b, z) - series) / Math.max(1, Math.abs(series))).toBeLessThan(1e-13);
		}
	});

	it('has the closed form at a = 2, b = 1: 2F1(2, 1; 3; z) = 2 (-ln(1 - z) - z) / z^2', () => {
		const z = 0.5;
		expect(logHypergeometricAPlusOne(2, 1, z)).toBeCloseTo(Math.log((2 * (-Math.log(1 - z) - z)) / (z * z)), 14);
		expect(logHypergeometricAPlusOne(7, 3, 0)).toBe(0);
	});

	it('stays quick where the series runs out of terms (z = 1 - 1e-9, a = 100,000)', () => {
		const started = Date.now();
		expect(Number.isFinite(logHypergeometricAPlusOne(100_000, 1.3, 1 - 1e-9))).toBe(true);
		expect(Date.now() - started).toBeLessThan(50);
		expect(() => logHypergeometric2F1(100_000, 1.3, 100_001, 1 - 1e-9)).toThrow('did not converge');
	});

	it('refuses arguments outside its domain', () => {
		expect(() => logHypergeometricAPlusOne(0, 1, 0.5)).toThrow('requires a > 0');
		expect(() => logHypergeometricAPlusOne(2, 1, 1)).toThrow('0 <= z < 1');
	});
});
