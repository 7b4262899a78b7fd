// Holdout evaluation on CDNOW: calibration weeks 1-39, holdout weeks 40-78 (Fader, Hardie & Lee 2005, figures 2-4).
import { evaluateHoldout, fitBgNbd } from '../../../lib/churn';
import type { BgNbdModel, HoldoutEvaluation } from '../../../lib/churn';
import { readCdnowSummary } from '../../support/sharedData';
import { cdnowCalibration, HOLDOUT_WEEKS } from './cdnowCalibration';

let model: BgNbdModel;
let evaluation: HoldoutEvaluation;
beforeAll(() => {
	const summary = readCdnowSummary();
	model = fitBgNbd(summary, { periodUnit: 'week' });
	const holdoutTimes = cdnowCalibration().map((customer) => customer.holdoutTimes);
	evaluation = evaluateHoldout(model, summary, { purchaseTimes: holdoutTimes, length: HOLDOUT_WEEKS });
});

describe('evaluateHoldout on CDNOW', () => {
	it('counts 1,882 actual repeat transactions and predicts about 1,653 (references.md)', () => {
		expect(evaluation.total.actual).toBe(1882);
		expect(Math.abs(evaluation.total.predicted - 1653)).toBeLessThan(1);
		expect(evaluation.customers).toBe(2357);
	});

	it('tracks 39 weeks, incremental and cumulative, adding up to the totals', () => {
		expect(evaluation.periods).toHaveLength(39);
		let actual = 0;
		let predicted = 0;
		for (const period of evaluation.periods) {
			actual += period.actual;
			predicted += period.predicted;
			expect(period.actualCumulative).toBe(actual);
			expect(period.predictedCumulative).toBeCloseTo(predicted, 8);
			expect(period.predicted).toBeGreaterThan(0);
		}
		expect(actual).toBe(1882);
		// Fewer repeat purchases per week as customers drop out: the first weeks predict more than the last.
		expect(evaluation.periods[0].predicted).toBeGreaterThan(evaluation.periods[38].predicted);
	});

	it('builds the calibration table by calibration purchases 0..7+ (FHL 2005, figure 4)', () => {
		const groups = evaluation.byCalibrationFrequency;
		expect(groups.map((group) => group.frequency)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
		expect(groups.reduce((sum, group) => sum + group.customers, 0)).toBe(2357);
		expect(groups[0].customers).toBe(1411);
		// The model's conditional expectations rise with calibration frequency and stay near the actual means.
		for (let f = 1; f < groups.length; f++) expect(groups[f].predictedMean).toBeGreaterThan(groups[f - 1].predictedMean);
		groups.forEach((group) => expect(Math.abs(group.predictedMean - group.actualMean)).toBeLessThan(0.4));
		expect(groups[7].actualMean).toBeCloseTo(6.359, 3);
	});

	it('ranks holdout buyers: AUC of expected purchases and purchase probability above 0.75', () => {
		expect(evaluation.buyers).toBeGreaterThan(0);
		expect(evaluation.auc?.expectedPurchases).toBeGreaterThan(0.75);
		expect(evaluation.auc?.probabilityOfPurchase).toBeGreaterThan(0.75);
		// BG/NBD sets P(alive) = 1 for every one-time buyer, most of whom never return: a poor ranking score.
		expect(evaluation.auc?.probabilityAlive).toBeLessThan(0.5);
	});

	it('checks its input', () => {
		const summary = readCdnowSummary();
		expect(() => evaluateHoldout(model, summary, { purchaseTimes: [], length: 39 })).toThrow('evaluateHoldout requires one list of holdout purchase times per customer; got 0 for 2357 customers');
		expect(() => evaluateHoldout(model, summary.slice(0, 1), { purchaseTimes: [[40]], length: 39 })).toThrow('holdout purchase times in (0, 39]; customer 0 has 40');
		expect(() => evaluateHoldout(model, summary.slice(0, 1), { purchaseTimes: [[]], length: 0 })).toThrow('holdout length > 0');
		expect(evaluateHoldout(model, summary.slice(0, 1), { purchaseTimes: [[]], length: 39 }).auc).toBeNull();
	});
});
