import { seededRandom } from '../../../lib/stats/seededRandom';

describe('seededRandom', () => {
	it('gives the same stream for the same seed and different streams for different seeds', () => {
		const a = seededRandom(42);
		const b = seededRandom(42);
		const c = seededRandom(43);
		const streamA = Array.from({ length: 5 }, () => a());
		expect(Array.from({ length: 5 }, () => b())).toEqual(streamA);
		expect(Array.from({ length: 5 }, () => c())).not.toEqual(streamA);
	});

	it('draws uniformly in [0, 1)', () => {
		const random = seededRandom(7);
		const bins = new Array(10).fill(0);
		const n = 100_000;
		for (let i = 0; i < n; i++) {
			const u = random();
			expect(u >= 0 && u < 1).toBe(true);
			bins[Math.floor(u * 10)]++;
		}
		// Chi-square with 9 dof: 27.88 is the 0.999 quantile.
		const chiSquare = bins.reduce((sum, count) => sum + (count - n / 10) ** 2 / (n / 10), 0);
		expect(chiSquare).toBeLessThan(27.88);
	});

	it('rejects a non-finite seed', () => {
		expect(() => seededRandom(Number.NaN)).toThrow('seededRandom requires a finite numeric seed');
	});
});
