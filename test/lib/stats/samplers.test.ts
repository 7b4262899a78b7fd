// Gamma, beta, exponential and normal samplers: moments from 200,000 seeded draws.
import { sampleBeta } from '../../../lib/stats/sampleBeta';
import { sampleExponential } from '../../../lib/stats/sampleExponential';
import { sampleGamma } from '../../../lib/stats/sampleGamma';
import { sampleStandardNormal } from '../../../lib/stats/sampleStandardNormal';
import { seededRandom } from '../../../lib/stats/seededRandom';

function moments(draw: () => number, n = 200_000): { mean: number; variance: number } {
	let sum = 0;
	let squares = 0;
	for (let i = 0; i < n; i++) {
		const x = draw();
		sum += x;
		squares += x * x;
	}
	const mean = sum / n;
	return { mean, variance: squares / n - mean * mean };
}

describe('samplers', () => {
	it('gamma(shape, rate) has mean shape/rate and variance shape/rate^2, also for shape < 1', () => {
		for (const [shape, rate] of [[0.243, 4.414], [2.5, 0.5]]) {
			const random = seededRandom(1);
			const { mean, variance } = moments(() => sampleGamma(shape, rate, random));
			expect(Math.abs(mean - shape / rate) / (shape / rate)).toBeLessThan(0.01);
			expect(Math.abs(variance - shape / rate ** 2) / (shape / rate ** 2)).toBeLessThan(0.03);
		}
	});

	it('beta(a, b) has mean a/(a+b); exponential(rate) mean 1/rate; normal mean 0 variance 1', () => {
		const random = seededRandom(2);
		expect(moments(() => sampleBeta(0.793, 2.426, random)).mean).toBeCloseTo(0.793 / 3.219, 2);
		expect(moments(() => sampleExponential(0.5, random)).mean).toBeCloseTo(2, 1);
		const normal = moments(() => sampleStandardNormal(random));
		expect(normal.mean).toBeCloseTo(0, 2);
		expect(normal.variance).toBeCloseTo(1, 1);
	});

	it('is reproducible and rejects invalid shapes', () => {
		const a = seededRandom(9);
		const b = seededRandom(9);
		expect(sampleGamma(0.5, 1, a)).toBe(sampleGamma(0.5, 1, b));
		expect(() => sampleGamma(0, 1, a)).toThrow('sampleGamma requires a finite positive shape; got 0');
		expect(() => sampleGamma(1, -1, a)).toThrow('positive rate');
		expect(() => sampleBeta(1, Number.NaN, a)).toThrow('sampleBeta requires finite positive shapes');
		expect(() => sampleExponential(0, a)).toThrow('sampleExponential requires a positive rate');
	});
});
