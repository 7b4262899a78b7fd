// L2-regularised logistic regression (Newton/IRLS on standardised features) and its explanations.
import {
	explainLogisticRegression,
	fitLogisticRegression,
	logisticRegressionOriginalCoefficients,
	parseLogisticRegressionModel,
	predictLogisticRegression,
} from '../../../lib/learn/logisticRegression';

// Challenger O-ring data (23 launches before 1986): launch temperature (F) and O-ring damage.
// Dalal, Fowlkes & Hoadley (1989), JASA 84(408):945-957; R: glm(damage ~ temp, binomial) gives 15.0429, -0.2322.
const TEMPERATURE = [66, 70, 69, 68, 67, 72, 73, 70, 57, 63, 70, 78, 67, 53, 67, 75, 70, 81, 76, 79, 75, 76, 58];
const DAMAGE = [0, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1];
const rows = TEMPERATURE.map((t) => [t]);

describe('fitLogisticRegression', () => {
	it('without penalty reproduces the maximum-likelihood fit (glm: 15.0429, -0.2322; log-likelihood -10.1576)', () => {
		const model = fitLogisticRegression(rows, DAMAGE, { l2: 0, featureNames: ['temperature'] });
		const { intercept, coefficients } = logisticRegressionOriginalCoefficients(model);
		// numpy Newton (50 iterations, float64): 15.04290165, -0.23216274 (scipy's BFGS stops at 15.04299, -0.232164).
		expect(intercept).toBeCloseTo(15.04290165, 7);
		expect(coefficients[0]).toBeCloseTo(-0.23216274, 8);
		expect(model.logLikelihood).toBeCloseTo(-10.157596344, 8);
		expect(model).toMatchObject({ kind: 'logisticRegression', version: 1, converged: true, trainingSize: 23, positives: 7 });
	});

	it('with l2 = 1 and 5 on the standardised feature matches numpy Newton iterations on the same penalised likelihood', () => {
		// Provenance: numpy 2.4, 50 Newton steps on sum(logaddexp(0, eta) - y eta) + l2/2 b^2, z = (t - mean)/sd (population sd).
		const one = fitLogisticRegression(rows, DAMAGE, { l2: 1 });
		expect(one.intercept).toBeCloseTo(-0.99648955, 7);
		expect(one.coefficients[0]).toBeCloseTo(-1.12102475, 7);
		expect(one.logLikelihood).toBeCloseTo(-10.405248998, 8);
		const five = fitLogisticRegression(rows, DAMAGE, { l2: 5 });
		expect(five.intercept).toBeCloseTo(-0.88768156, 7);
		expect(five.coefficients[0]).toBeCloseTo(-0.60432153, 7);
	});

	it('explains a prediction: contributions (coefficient x standardised value) add up to the logit', () => {
		const model = fitLogisticRegression(
			rows.map((row, i) => [row[0], i % 3]),
			DAMAGE,
			{ l2: 0.5, featureNames: ['temperature', 'batch'] },
		);
		const explanation = explainLogisticRegression(model, { temperature: 31, batch: 1 });
		const sum = explanation.intercept + explanation.contributions.reduce((total, c) => total + c.contribution, 0);
		expect(explanation.logit).toBeCloseTo(sum, 14);
		expect(explanation.probability).toBeCloseTo(predictLogisticRegression(model, [31, 1]), 14);
		expect(explanation.contributions[0].feature).toBe('temperature');
		expect(explanation.contributions[0].standardizedValue).toBeCloseTo((31 - model.means[0]) / model.scales[0], 14);
		// Cold launches: the temperature pushes the damage probability up.
		expect(explanation.contributions[0].contribution).toBeGreaterThan(0);
	});

	it('is deterministic, gives constant features coefficient 0, and round-trips through JSON', () => {
		const withConstant = rows.map((row) => [row[0], 5]);
		const model = fitLogisticRegression(withConstant, DAMAGE, { l2: 0 });
		expect(model.coefficients[1]).toBe(0);
		expect(logisticRegressionOriginalCoefficients(model).coefficients[0]).toBeCloseTo(-0.23216274, 8);
		expect(fitLogisticRegression(withConstant, DAMAGE, { l2: 0 })).toEqual(model);
		expect(parseLogisticRegressionModel(JSON.parse(JSON.stringify(model)))).toEqual(model);
		expect(() => parseLogisticRegressionModel({ ...model, coefficients: [1] })).toThrow('featureNames, means, scales and coefficients must have the same length');
		expect(() => parseLogisticRegressionModel({ ...model, scales: [0, 1] })).toThrow('scales.0');
	});

	it('fails clearly on separable classes without penalty, and fits them with one', () => {
		const separable = [[1], [2], [3], [4], [5], [6]];
		const labels = [0, 0, 0, 1, 1, 1];
		expect(() => fitLogisticRegression(separable, labels, { l2: 0 })).toThrow('fitLogisticRegression did not converge: the classes are (nearly) separable by the features; use l2 > 0');
		expect(predictLogisticRegression(fitLogisticRegression(separable, labels, { l2: 1 }), [6])).toBeGreaterThan(0.5);
	});

	it('names bad input', () => {
		expect(() => fitLogisticRegression([], [])).toThrow('fitLogisticRegression requires at least one row');
		expect(() => fitLogisticRegression([[1], [Number.NaN]], [0, 1])).toThrow('row 1 has NaN for x1');
		expect(() => fitLogisticRegression([[1], [2]], [0, 2])).toThrow('labels 0/1 or true/false; row 1 has 2');
		expect(() => fitLogisticRegression([[1], [2]], [1, 1])).toThrow('both classes');
		expect(() => fitLogisticRegression([[1], [2, 3]], [0, 1])).toThrow('row 1 has 2');
		expect(() => fitLogisticRegression([[1], [2]], [true, false], { l2: -1 })).toThrow('l2 >= 0');
		const model = fitLogisticRegression([[1], [2], [3], [4]], [false, true, false, true]);
		expect(() => predictLogisticRegression(model, [])).toThrow('predictLogisticRegression requires 1 features (x1); got 0');
		expect(() => predictLogisticRegression(model, { other: 1 })).toThrow('a finite number for x1; got undefined');
	});

	it('standardises a feature near 1e154 without overflow: finite scales and probabilities (fuzz: Train Uplift Model printed an Infinity scale)', () => {
		const values = [1, 2, 3, 4, 5, 6, -1.3854734860940685e154];
		const labels = [0, 1, 0, 1, 1, 0, 1];
		const model = fitLogisticRegression(values.map((v) => [v]), labels);
		expect(Number.isFinite(model.scales[0])).toBe(true);
		expect(Number.isFinite(model.means[0])).toBe(true);
		for (const v of values) expect(Number.isFinite(predictLogisticRegression(model, [v]))).toBe(true);
		// Ordinary features are computed as before, to the last bit.
		const plain = fitLogisticRegression([[1], [2], [3], [4]], [0, 1, 0, 1]);
		expect(plain.scales[0]).toBe(Math.sqrt(1.25));
	});

	it('standardises features at the ends of the double range (+-1e308) to finite values', () => {
		const model = fitLogisticRegression([[1e308], [-1e308], [0], [5]], [0, 1, 0, 1], { featureNames: ['preRevenue'] });
		expect([model.means[0], model.scales[0], model.intercept, ...model.coefficients].every(Number.isFinite)).toBe(true);
		expect(Number.isFinite(predictLogisticRegression(model, [1e308]))).toBe(true);
	});

	it('prints a NaN label as NaN, not null', () => {
		expect(() => fitLogisticRegression([[1], [2]], [0, Number.NaN])).toThrow('row 1 has NaN');
	});
});
