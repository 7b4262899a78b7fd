// The simulator's building blocks: weighted draws, Dirichlet vectors, the next local time in a zone (across DST).
import { ZoneClock } from '../../../lib/channel/ZoneClock';
import { nextLocalTime, sampleDirichlet, weightedSampler } from '../../../lib/simulate';
import { seededRandom } from '../../../lib/stats/seededRandom';

describe('weightedSampler', () => {
	it('draws each index in proportion to its weight and never a zero weight (100,000 draws, within 1 %)', () => {
		const draw = weightedSampler([1, 0, 3, 6]);
		const random = seededRandom(5);
		const counts = [0, 0, 0, 0];
		for (let i = 0; i < 100_000; i++) counts[draw(random)]++;
		expect(counts[1]).toBe(0);
		expect(counts[0] / 100_000).toBeCloseTo(0.1, 2);
		expect(counts[2] / 100_000).toBeCloseTo(0.3, 2);
		expect(counts[3] / 100_000).toBeCloseTo(0.6, 2);
	});

	it('refuses weights that cannot be drawn from', () => {
		expect(() => weightedSampler([0, 0])).toThrow(
			'weightedSampler requires at least one positive weight',
		);
		expect(() => weightedSampler([1, -1])).toThrow(
			'weightedSampler requires finite weights >= 0; weight 1 is -1',
		);
		expect(() => weightedSampler([1, Number.NaN])).toThrow('weight 1 is NaN');
	});
});

describe('sampleDirichlet', () => {
	it('gives shares summing to 1 whose means are c_j / sum(c) (20,000 draws, within 0.01)', () => {
		const random = seededRandom(9);
		const sums = [0, 0, 0];
		let worstTotal = 0;
		for (let i = 0; i < 20_000; i++) {
			const shares = sampleDirichlet([0.5, 1, 2.5], random);
			worstTotal = Math.max(
				worstTotal,
				Math.abs(shares.reduce((sum, value) => sum + value, 0) - 1),
			);
			shares.forEach((value, j) => (sums[j] += value));
		}
		expect(worstTotal).toBeLessThan(1e-12);
		expect(sums.map((sum) => sum / 20_000)).toEqual([
			expect.closeTo(0.125, 2),
			expect.closeTo(0.25, 2),
			expect.closeTo(0.625, 2),
		]);
	});

	it('stays finite for tiny concentrations', () => {
		const shares = sampleDirichlet([0.01, 0.01], seededRandom(1));
		expect(shares.every((value) => Number.isFinite(value) && value >= 0)).toBe(true);
	});
});

describe('nextLocalTime', () => {
	const berlin = ZoneClock.of('Europe/Berlin')!;

	it('finds the next moment the local clock shows a given minute, today or tomorrow', () => {
		// 2025-03-10T07:00Z is 08:00 in Berlin (CET): 19:00 is today at 18:00Z, 07:30 is tomorrow at 06:30Z.
		expect(
			new Date(nextLocalTime(berlin, Date.parse('2025-03-10T07:00:00Z'), 19 * 60)).toISOString(),
		).toBe('2025-03-10T18:00:00.000Z');
		expect(
			new Date(
				nextLocalTime(berlin, Date.parse('2025-03-10T07:00:00Z'), 7 * 60 + 30),
			).toISOString(),
		).toBe('2025-03-11T06:30:00.000Z');
		expect(
			new Date(
				nextLocalTime(ZoneClock.of('Asia/Tokyo')!, Date.parse('2025-03-10T07:00:00Z'), 20 * 60),
			).toISOString(),
		).toBe('2025-03-10T11:00:00.000Z');
	});

	it('moves a skipped local time (spring forward) one hour on, and takes the first of a repeated one', () => {
		// 2025-03-30 02:30 does not exist in Berlin: 03:30 CEST = 01:30Z.
		expect(
			new Date(nextLocalTime(berlin, Date.parse('2025-03-30T00:00:00Z'), 150)).toISOString(),
		).toBe('2025-03-30T01:30:00.000Z');
		// 2025-10-26 02:30 happens twice: first at 00:30Z (CEST).
		expect(
			new Date(nextLocalTime(berlin, Date.parse('2025-10-25T23:00:00Z'), 150)).toISOString(),
		).toBe('2025-10-26T00:30:00.000Z');
	});

	it('checks the minute', () => {
		expect(() => nextLocalTime(berlin, 0, 1440)).toThrow(
			'nextLocalTime requires a minute of the day in [0, 1440); got 1440',
		);
	});
});
