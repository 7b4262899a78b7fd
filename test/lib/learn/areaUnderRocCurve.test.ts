import { areaUnderRocCurve } from '../../../lib/learn/areaUnderRocCurve';

describe('areaUnderRocCurve', () => {
	it('is the share of (positive, negative) pairs ranked correctly, ties counting 1/2', () => {
		expect(areaUnderRocCurve([0.9, 0.8, 0.3, 0.1], [1, 0, 1, 0])).toBe(0.75);
		expect(areaUnderRocCurve([1, 2, 3], [0, 1, 1])).toBe(1);
		expect(areaUnderRocCurve([3, 2, 1], [0, 1, 1])).toBe(0);
		expect(areaUnderRocCurve([0.5, 0.5, 0.5, 0.5], [true, false, true, false])).toBe(0.5);
		// Brute force over pairs on a random-looking vector.
		const scores = [0.2, 0.7, 0.7, 0.1, 0.9, 0.4, 0.4, 0.6];
		const labels = [0, 1, 0, 0, 1, 1, 0, 1];
		let wins = 0;
		let pairs = 0;
		scores.forEach((s, i) => scores.forEach((t, j) => {
			if (labels[i] === 1 && labels[j] === 0) {
				pairs++;
				wins += s > t ? 1 : s === t ? 0.5 : 0;
			}
		}));
		expect(areaUnderRocCurve(scores, labels)).toBeCloseTo(wins / pairs, 15);
	});

	it('needs both classes, one label per score and no NaN', () => {
		expect(() => areaUnderRocCurve([1, 2], [1, 1])).toThrow('areaUnderRocCurve requires both positive and negative labels');
		expect(() => areaUnderRocCurve([1, 2], [1])).toThrow('one label per score');
		expect(() => areaUnderRocCurve([Number.NaN, 2], [1, 0])).toThrow('score 0 is NaN');
	});
});
