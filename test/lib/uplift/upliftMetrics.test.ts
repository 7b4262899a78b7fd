// Expected values: scikit-uplift 0.5.1 sklift/metrics/metrics.py run on NumPy 2.4.6, with sklearn.metrics.auc replaced
// by numpy.trapezoid (the same trapezoid rule) and stable_cumsum by numpy.cumsum; data from numpy.random.default_rng(7).
import { perfectQiniCurve, qiniCoefficient, qiniCurve } from '../../../lib/uplift/qiniCurve';
import { rankByScore } from '../../../lib/uplift/rankByScore';
import { upliftAtK } from '../../../lib/uplift/upliftAtK';
import { upliftRanks } from '../../../lib/uplift/upliftRanks';
import { perfectUpliftCurve, upliftAucScore, upliftCurve } from '../../../lib/uplift/upliftCurve';

const y = [0, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 1, 1, 0, 1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 0, 1, 0, 0, 0, 1, 1, 1, 0];
const t = [1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1];
const s = [
	-0.1, 0.1, 0.1, -1.2, 0.1, 1.4, -1.5, 0.9, 0.1, -0.6, 2.0, 0.8, -1.2, 0.1, 0.6, -0.2, 0.7, -0.1, 0.7, 1.4, -0.7, 0.2, -0.5, 0.1, -1.2, -0.6, -0.2, 0.9, 1.1, -1.3, -0.8, 0.6, -2.0, -0.5, -0.1,
	1.3, 0.7, -0.3, -0.4, -0.3,
];

function expectCloseArray(actual: number[], expected: number[]): void {
	expect(actual).toHaveLength(expected.length);
	actual.forEach((value, i) => expect(value).toBeCloseTo(expected[i], 12));
}

describe('uplift curves and scores: scikit-uplift conventions', () => {
	it('qini_curve (ties grouped, one point per distinct score)', () => {
		const curve = qiniCurve(y, s, t);
		expect(curve.units).toEqual([0, 1, 3, 4, 5, 7, 8, 11, 13, 14, 20, 23, 25, 27, 28, 30, 32, 33, 34, 37, 38, 39, 40]);
		expectCloseArray(curve.values, [
			0.0, 0.0, 0.5, 0.0, -0.33333333333333326, 0.19999999999999996, 0.8, 1.2857142857142858, 0.5, 0.7777777777777777, 2.3333333333333335, 2.3333333333333335, 2.666666666666667, 3.0,
			2.2307692307692317, 2.2857142857142865, 3.0, 2.6875, 3.375, 4.4375, 5.125, 4.8125, 5.5,
		]);
	});

	it('uplift_curve', () => {
		expectCloseArray(upliftCurve(y, s, t).values, [
			0.0, 0.0, 1.5, 0.0, -0.8333333333333331, 0.6999999999999998, 2.133333333333333, 3.535714285714286, 1.2999999999999998, 2.177777777777778, 5.833333333333334, 4.878787878787878,
			5.128205128205128, 5.4, 4.1641025641025635, 4.285714285714286, 6.0, 5.216911764705882, 6.375, 7.818452380952382, 8.852272727272727, 8.160326086956522, 9.166666666666664,
		]);
	});

	it('perfect curves', () => {
		expect(perfectQiniCurve(y, t)).toEqual({ units: [0, 13, 35, 40], values: [0, 13, 13, 5.5] });
		const perfect = perfectUpliftCurve(y, t);
		expect(perfect.units).toEqual([0, 13, 24, 35, 40]);
		expectCloseArray(perfect.values, [0.0, 13.0, 24.0, 18.958333333333332, 9.166666666666664]);
	});

	it('qini_auc_score and uplift_auc_score', () => {
		expect(qiniCoefficient(y, s, t)).toBeCloseTo(-0.10294781737324524, 12);
		expect(upliftAucScore(y, s, t)).toBeCloseTo(-0.05540291230400749, 12);
		// scikit-uplift's own tests (test_qini_auc_score, test_uplift_auc_score).
		expect(qiniCoefficient([0, 1], [0.1, 0.3], [1, 0])).toBe(1);
		expect(qiniCoefficient([1, 0], [0.1, 0.3], [0, 1])).toBe(1);
		expect(upliftAucScore([0, 1], [0.1, 0.3], [1, 0])).toBe(0);
		expect(upliftAucScore([1, 0], [0.1, 0.3], [0, 1])).toBe(1);
	});

	it('uplift_at_k, strategies overall and by_group', () => {
		expect(upliftAtK(y, s, t, 0.3).uplift).toBeCloseTo(0.17142857142857143, 12);
		expect(upliftAtK(y, s, t, 0.3, 'byGroup').uplift).toBeCloseTo(0.2142857142857143, 12);
		expect(upliftAtK(y, s, t, 0.5).uplift).toBeCloseTo(0.2916666666666667, 12);
		expect(upliftAtK(y, s, t, 0.5, 'byGroup').uplift).toBeCloseTo(0, 12);
		expect(upliftAtK(y, s, t, 0.3)).toMatchObject({ units: 12, fraction: 0.3 });
	});

	it('ranks ties in reverse input order, like a reversed stable sort', () => {
		expect(Array.from(rankByScore([0.1, 0.3, 0.3, 0.2]))).toEqual([2, 1, 3, 0]);
	});

	it('rejects what cannot be evaluated', () => {
		expect(() => qiniCurve([0, 1], [0.1], [1, 0])).toThrow('qiniCurve requires one outcome, one score and one treatment flag per unit; got 2, 1 and 2');
		expect(() => qiniCurve([0, 2], [0.1, 0.2], [1, 0])).toThrow('qiniCurve requires binary outcomes (0 or 1); unit 1 has 2');
		expect(() => qiniCurve([0, 1], [0.1, 0.2], [1, 1])).toThrow('qiniCurve requires both treated and control units (a randomised campaign with a holdout); got 2 treated of 2');
		expect(() => qiniCoefficient([0, 0, 0], [0.1, 0.2, 0.3], [1, 0, 1])).toThrow('qiniCoefficient requires responders whose ranking matters');
		expect(() => upliftAtK(y, s, t, 1.5)).toThrow('upliftAtK requires a fraction k in (0, 1]; got 1.5');
		expect(() => upliftAtK(y, s, t, 0.03)).toThrow('upliftAtK requires treated and control units in the top 0.03 (0 treated, 1 control)');
		expect(() => rankByScore([0.1, Number.NaN])).toThrow('rankByScore requires finite scores; unit 1 has NaN');
	});
});

describe('upliftRanks', () => {
	it('ranks the most persuadable first and cuts the ranking into ten equal deciles', () => {
		expect(upliftRanks([0.1, 0.3, 0.2])).toEqual([
			{ rank: 3, decile: 7 },
			{ rank: 1, decile: 1 },
			{ rank: 2, decile: 4 },
		]);
		const deciles = upliftRanks(Array.from({ length: 100 }, (_, i) => i / 100)).map((entry) => entry.decile);
		expect(deciles.slice(90)).toEqual(new Array(10).fill(1));
		expect(deciles.slice(0, 10)).toEqual(new Array(10).fill(10));
	});
});
