import { estimateBestHour } from '../../../lib/channel/estimateBestHour';
import { fitHourPrior } from '../../../lib/channel/fitHourPrior';
import { fitResponsePrior } from '../../../lib/channel/fitResponsePrior';
import { goldenSectionMaximum } from '../../../lib/channel/goldenSectionMaximum';
import { logRisingFactorial } from '../../../lib/channel/logRisingFactorial';
import { sampleBeta } from '../../../lib/stats/sampleBeta';
import { smoothCircular } from '../../../lib/channel/smoothCircular';
import { logGamma } from '../../../lib/stats/logGamma';
import type { RandomSource } from '../../../lib/stats/seededRandom';
import { seededRandom } from '../../../lib/stats/seededRandom';

const everyHour = new Array<boolean>(24).fill(true);
const uniform = new Array<number>(24).fill(1 / 24);

function countsAt(entries: Record<number, number>): number[] {
	const counts = new Array<number>(24).fill(0);
	for (const [hour, count] of Object.entries(entries)) counts[Number(hour)] = count;
	return counts;
}

function binomial(random: RandomSource, n: number, p: number): number {
	let count = 0;
	for (let i = 0; i < n; i++) if (random() < p) count++;
	return count;
}

describe('smoothCircular', () => {
	it('spreads a spike over its neighbours with a wrapped normal kernel and keeps the total', () => {
		// Hand computation: weights exp(-d^2/2) for d = -2..2 are 0.1353, 0.6065, 1, 0.6065, 0.1353 (sum 2.4837).
		const smoothed = smoothCircular([0, 0, 0, 1, 0, 0], 1);
		expect(smoothed[3]).toBeCloseTo(1 / 2.483731, 6);
		expect(smoothed[2]).toBeCloseTo(0.606531 / 2.483731, 6);
		expect(smoothed.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 12);
	});

	it('wraps midnight: mass at 23:00 reaches 00:00 and 01:00', () => {
		const smoothed = smoothCircular(countsAt({ 23: 10 }), 1);
		expect(smoothed[0]).toBeCloseTo(smoothed[22], 12);
		expect(smoothed[1]).toBeGreaterThan(0);
		expect(smoothCircular([1, 2, 3], 0)).toEqual(new Float64Array([1, 2, 3]));
	});
});

describe('estimateBestHour', () => {
	it('picks the hour of a clear personal peak', () => {
		const estimate = estimateBestHour(countsAt({ 19: 7, 20: 2, 9: 1 }), uniform, 12, everyHour, 1, 10);
		expect(estimate.hour).toBe(19);
		expect(estimate.engagements).toBe(10);
		expect(estimate.dataWeight).toBeCloseTo(10 / 22, 12);
	});

	it('shrinks thin histories towards the prior pattern instead of applying a minimum count', () => {
		const morning = smoothCircular(countsAt({ 9: 1 }), 1);
		const pattern = Array.from(morning, (value) => 0.5 * value + 0.5 / 24);
		expect(estimateBestHour(countsAt({ 3: 1 }), pattern, 12, everyHour, 1, 10).hour).toBe(9);
		expect(estimateBestHour(countsAt({ 3: 20 }), pattern, 12, everyHour, 1, 10).hour).toBe(3);
	});

	it('falls back to the hour nearest the default when the posterior is flat, and only picks allowed hours', () => {
		expect(estimateBestHour(new Array<number>(24).fill(0), uniform, 12, everyHour, 1, 10).hour).toBe(10);
		const dayOnly = everyHour.map((_, hour) => hour >= 8 && hour < 21);
		expect(estimateBestHour(countsAt({ 23: 30 }), uniform, 12, dayOnly, 1, 10).hour).toBe(20);
		expect(estimateBestHour(new Array<number>(24).fill(0), uniform, 12, dayOnly, 1, 5).hour).toBe(8);
	});
});

describe('logRisingFactorial', () => {
	it('equals lnG(a + c) - lnG(a) on both sides of the product limit (identity, relative 1e-12)', () => {
		expect(logRisingFactorial(2, 3)).toBeCloseTo(Math.log(24), 14);
		expect(logRisingFactorial(5, 0)).toBe(0);
		for (const a of [0.003, 0.5, 1, 7.25, 400, 1e5]) {
			for (const c of [1, 2, 15, 16, 17, 40, 1000]) {
				const expected = logGamma(a + c) - logGamma(a);
				expect(Math.abs(logRisingFactorial(a, c) - expected)).toBeLessThan(1e-12 * Math.max(1, Math.abs(expected)) + 1e-9);
			}
		}
	});
});

describe('goldenSectionMaximum', () => {
	it('finds the maximiser of a unimodal function and returns an end when the function is monotone', () => {
		expect(goldenSectionMaximum((x) => -(x - 2) * (x - 2), 0, 5, 1e-9)).toBeCloseTo(2, 6);
		expect(goldenSectionMaximum((x) => x, 0, 5, 1e-9)).toBe(5);
	});
});

describe('fitResponsePrior', () => {
	// Known truth: p_i ~ Beta(2, 38) (mean 0.05, concentration 40), n_i ~ U{5..60}, x_i ~ Binomial(n_i, p_i).
	const random = seededRandom(31);
	const sent: number[] = [];
	const responses: number[] = [];
	for (let i = 0; i < 4000; i++) {
		const n = 5 + Math.floor(random() * 56);
		sent.push(n);
		responses.push(binomial(random, n, sampleBeta(2, 38, random)));
	}

	it('recovers the mean and the concentration of a simulated population', () => {
		const fit = fitResponsePrior(sent, responses, { alpha: 1, beta: 19 });
		expect(fit.fitted).toBe(true);
		expect(fit.customers).toBe(4000);
		expect(fit.alpha / (fit.alpha + fit.beta)).toBeCloseTo(0.05, 2);
		expect(fit.alpha + fit.beta).toBeGreaterThan(25);
		expect(fit.alpha + fit.beta).toBeLessThan(65);
	});

	it('maximises the beta-binomial likelihood computed customer by customer (histogram identity)', () => {
		const fit = fitResponsePrior(sent, responses, { alpha: 1, beta: 19 });
		const mean = fit.alpha / (fit.alpha + fit.beta);
		const logBeta = (a: number, b: number) => logGamma(a) + logGamma(b) - logGamma(a + b);
		const likelihood = (kappa: number) => {
			let sum = 0;
			for (let i = 0; i < sent.length; i++) sum += logBeta(mean * kappa + responses[i], (1 - mean) * kappa + sent[i] - responses[i]) - logBeta(mean * kappa, (1 - mean) * kappa);
			return sum;
		};
		const kappa = fit.alpha + fit.beta;
		expect(likelihood(kappa)).toBeGreaterThan(likelihood(kappa * 1.2));
		expect(likelihood(kappa)).toBeGreaterThan(likelihood(kappa / 1.2));
	});

	it('keeps the fallback prior with fewer than 20 customers with sends, and caps responses at sends', () => {
		expect(fitResponsePrior([10, 0, 5], [1, 3, 0], { alpha: 1, beta: 19 })).toEqual({ alpha: 1, beta: 19, customers: 2, fitted: false });
		expect(() => fitResponsePrior([1], [], { alpha: 1, beta: 1 })).toThrow('fitResponsePrior requires as many response counts as send counts; got 1 and 0');
	});
});

describe('fitHourPrior', () => {
	it('recovers the Dirichlet strength of simulated customers (truth: strength 8, a two-peak pattern)', () => {
		const random = seededRandom(41);
		const pattern = Array.from({ length: 24 }, (_, hour) => 0.2 + Math.exp(-((hour - 9) ** 2) / 4) + 1.5 * Math.exp(-((hour - 19) ** 2) / 4));
		const total = pattern.reduce((sum, value) => sum + value, 0);
		const shares = pattern.map((value) => value / total);
		const strength = 8;
		const counts: number[][] = [];
		for (let i = 0; i < 3000; i++) {
			// Dirichlet by stick breaking with Beta draws, then a multinomial by inversion.
			const theta: number[] = [];
			let rest = 1;
			let restShape = strength;
			for (let hour = 0; hour < 23; hour++) {
				restShape -= strength * shares[hour];
				const piece = rest * sampleBeta(strength * shares[hour], Math.max(restShape, 1e-9), random);
				theta.push(piece);
				rest -= piece;
			}
			theta.push(rest);
			const row = new Array<number>(24).fill(0);
			const n = 2 + Math.floor(random() * 29);
			for (let e = 0; e < n; e++) {
				let u = random();
				let hour = 0;
				while (hour < 23 && u >= theta[hour]) u -= theta[hour++];
				row[hour]++;
			}
			counts.push(row);
		}
		const fit = fitHourPrior(counts, counts.map((_, i) => (i % 2 === 0 ? 'even' : null)), { smoothingHours: 0, segmentStrength: 100, fallbackStrength: 12 });
		expect(fit.fitted).toBe(true);
		expect(fit.strength).toBeGreaterThan(8 / 1.4);
		expect(fit.strength).toBeLessThan(8 * 1.4);
		for (let hour = 0; hour < 24; hour++) expect(Math.abs(fit.pattern[hour] - shares[hour])).toBeLessThan(0.006);
		expect(Object.keys(fit.segments)).toEqual(['even']);
		expect(fit.segments.even.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 12);
	});

	it('keeps the fallback strength without enough customers and returns a normalised pattern', () => {
		const fit = fitHourPrior([countsAt({ 9: 3 })], [null], { smoothingHours: 1, segmentStrength: 100, fallbackStrength: 12 });
		expect(fit.fitted).toBe(false);
		expect(fit.strength).toBe(12);
		expect(fit.pattern.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 12);
		expect(fit.pattern.indexOf(Math.max(...fit.pattern))).toBe(9);
	});
});
