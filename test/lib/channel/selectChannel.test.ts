import { customerRandom, hashString } from '../../../lib/channel/customerRandom';
import { sampleBeta } from '../../../lib/stats/sampleBeta';
import type { ChannelArm } from '../../../lib/channel/selectChannel';
import { selectChannel } from '../../../lib/channel/selectChannel';
import { logGamma } from '../../../lib/stats/logGamma';
import { seededRandom } from '../../../lib/stats/seededRandom';

const logBeta = (a: number, b: number) => logGamma(a) + logGamma(b) - logGamma(a + b);

/**
 * P(pB > pA) for pA ~ Beta(aA, bA), pB ~ Beta(aB, bB) with integer aB, in closed form:
 * sum_{i=0}^{aB-1} B(aA+i, bA+bB) / ((bB+i) B(1+i, bB) B(aA, bA)).
 * Source: Evan Miller, "Formulas for Bayesian A/B Testing", https://www.evanmiller.org/bayesian-ab-testing.html
 */
function probabilityBBeatsA(aA: number, bA: number, aB: number, bB: number): number {
	let total = 0;
	for (let i = 0; i < aB; i++) total += Math.exp(logBeta(aA + i, bA + bB) - Math.log(bB + i) - logBeta(1 + i, bB) - logBeta(aA, bA));
	return total;
}

describe('sampleBeta', () => {
	it.each([
		[0.1, 0.1],
		[0.5, 3],
		[1, 1],
		[2, 5],
		[30, 600],
	])('draws Beta(%d, %d) with the right mean and variance, always in [0, 1]', (alpha, beta) => {
		const random = seededRandom(Math.round(alpha * 100 + beta));
		const n = 100_000;
		let sum = 0;
		let sumSquares = 0;
		let outside = 0;
		for (let i = 0; i < n; i++) {
			const p = sampleBeta(alpha, beta, random);
			if (!(p >= 0 && p <= 1)) outside++;
			sum += p;
			sumSquares += p * p;
		}
		expect(outside).toBe(0);
		const mean = alpha / (alpha + beta);
		const variance = (alpha * beta) / ((alpha + beta) ** 2 * (alpha + beta + 1));
		expect(Math.abs(sum / n - mean)).toBeLessThan(5 * Math.sqrt(variance / n));
		expect(sumSquares / n - (sum / n) ** 2).toBeGreaterThan(variance * 0.95);
		expect(sumSquares / n - (sum / n) ** 2).toBeLessThan(variance * 1.05);
	});

	it('is reproducible from its seed and rejects invalid shapes', () => {
		const a = seededRandom(3);
		const b = seededRandom(3);
		expect(sampleBeta(2, 3, a)).toBe(sampleBeta(2, 3, b));
		expect(() => sampleBeta(0, 1, a)).toThrow('sampleBeta requires finite positive shapes; got alpha 0 and beta 1');
	});
});

describe('customerRandom', () => {
	it('derives the same stream from the same seed, now, campaign and customer, and different ones otherwise', () => {
		const first = customerRandom(1, 1000, 'promo', 'c1')();
		expect(customerRandom(1, 1000, 'promo', 'c1')()).toBe(first);
		expect(customerRandom(1, 1000, 'promo', 'c2')()).not.toBe(first);
		expect(customerRandom(2, 1000, 'promo', 'c1')()).not.toBe(first);
		expect(customerRandom(1, 1001, 'promo', 'c1')()).not.toBe(first);
		// FNV-1a test vector: "a" -> 0xe40c292c (http://www.isthe.com/chongo/tech/comp/fnv/).
		expect(hashString('a')).toBe(0xe40c292c);
	});
});

describe('selectChannel', () => {
	const arms: ChannelArm[] = [
		{ name: 'email', alpha: 3, beta: 40, value: 1, cost: 0 },
		{ name: 'sms', alpha: 5, beta: 45, value: 1, cost: 0 },
	];

	it('expectedValue takes the highest value minus cost, with propensity 1', () => {
		const selection = selectChannel(arms, 'expectedValue', { epsilon: 0.1, draws: 1 });
		expect(selection.index).toBe(1);
		expect(selection.probabilities).toEqual([0, 1]);
		expect(selection.expectedValues[0]).toBeCloseTo(3 / 43, 12);
		const costly = selectChannel([arms[0], { ...arms[1], cost: 0.05 }], 'expectedValue', { epsilon: 0.1, draws: 1 });
		expect(costly.index).toBe(0);
	});

	it('priority takes the first arm whatever the values', () => {
		expect(selectChannel(arms, 'priority', { epsilon: 0.1, draws: 1 })).toMatchObject({ index: 0, probabilities: [1, 0] });
	});

	it('epsilonGreedy logs 1 - eps + eps/K and eps/K, and picks with those frequencies', () => {
		const random = seededRandom(8);
		const three = [...arms, { name: 'push', alpha: 1, beta: 60, value: 1, cost: 0 }];
		const counts = [0, 0, 0];
		const n = 60_000;
		let selection = selectChannel(three, 'epsilonGreedy', { epsilon: 0.3, draws: 1, random });
		for (let i = 0; i < n; i++) {
			selection = selectChannel(three, 'epsilonGreedy', { epsilon: 0.3, draws: 1, random });
			counts[selection.index]++;
		}
		[0.1, 0.8, 0.1].forEach((expected, k) => expect(selection.probabilities[k]).toBeCloseTo(expected, 12));
		for (let k = 0; k < 3; k++) expect(Math.abs(counts[k] / n - selection.probabilities[k])).toBeLessThan(5 * Math.sqrt(0.8 * 0.2 / n));
	});

	it('thompson propensities match the closed-form probability that an arm is best (Evan Miller), within 4 standard errors', () => {
		const exact = probabilityBBeatsA(3, 40, 5, 45);
		const draws = 20_000;
		const selection = selectChannel(arms, 'thompson', { epsilon: 0.1, draws, random: seededRandom(12) });
		expect(selection.probabilities[1]).toBeGreaterThan(exact - 4 * Math.sqrt((exact * (1 - exact)) / draws));
		expect(selection.probabilities[1]).toBeLessThan(exact + 4 * Math.sqrt((exact * (1 - exact)) / draws));
		expect(selection.probabilities[0] + selection.probabilities[1]).toBeCloseTo(1, 12);
		expect(selection.probabilities[selection.index]).toBeGreaterThan(0);
	});

	it('thompson picks each arm about as often as its propensity says (the log is honest)', () => {
		const random = seededRandom(77);
		const exact = probabilityBBeatsA(3, 40, 5, 45);
		let wins = 0;
		const n = 20_000;
		for (let i = 0; i < n; i++) if (selectChannel(arms, 'thompson', { epsilon: 0.1, draws: 1, random }).index === 1) wins++;
		expect(Math.abs(wins / n - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / n));
	});

	it('needs a random source for the random policies and at least one arm', () => {
		expect(() => selectChannel(arms, 'thompson', { epsilon: 0.1, draws: 10 })).toThrow('selectChannel requires a random source for the thompson policy');
		expect(() => selectChannel([], 'expectedValue', { epsilon: 0.1, draws: 1 })).toThrow('selectChannel requires at least one candidate channel');
		expect(selectChannel([arms[0]], 'thompson', { epsilon: 0.1, draws: 10 }).probabilities).toEqual([1]);
	});
});
