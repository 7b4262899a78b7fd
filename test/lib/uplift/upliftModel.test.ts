import { seededRandom } from '../../../lib/stats/seededRandom';
import { evaluateUplift } from '../../../lib/uplift/evaluateUplift';
import { scoreUplift } from '../../../lib/uplift/scoreUplift';
import { parseUpliftModel, trainUpliftModel } from '../../../lib/uplift/trainUpliftModel';
import { HETEROGENEOUS_FEATURES, simulateHeterogeneousCampaign, trueUpliftOfTop } from './simulateCampaign';

describe('uplift model on a campaign with a known heterogeneous effect (10,000 to train, 10,000 to evaluate)', () => {
	const random = seededRandom(2718);
	const train = simulateHeterogeneousCampaign(10_000, random);
	const test = simulateHeterogeneousCampaign(10_000, random);
	const oracleScores = test.map((row) => row.trueUplift);

	it.each(['twoModel', 'classTransformation'] as const)('%s: Qini coefficient > 0 with a bootstrap interval excluding 0, top 20%% within 10%% of the oracle', (method) => {
		const model = trainUpliftModel(train, { method, featureNames: HETEROGENEOUS_FEATURES });
		const scores = test.map((row) => scoreUplift(model, row.features).uplift);
		const evaluation = evaluateUplift(
			test.map((row, i) => ({ uplift: scores[i], treated: row.treated, converted: row.converted })),
			{ bootstrap: { replicates: 100, random: seededRandom(1) } },
		);
		expect(evaluation.qiniCoefficient).toBeGreaterThan(0);
		expect(evaluation.qiniCiLow).toBeGreaterThan(0);
		expect(evaluation.qiniCiHigh).toBeGreaterThan(evaluation.qiniCoefficient);
		expect(evaluation.upliftAuc).toBeGreaterThan(0);
		// The true mean uplift of the customers the model puts in its top 20%, against the oracle's top 20%.
		expect(trueUpliftOfTop(test, scores, 0.2)).toBeGreaterThan(0.9 * trueUpliftOfTop(test, oracleScores, 0.2));
		// Targeting the top 20% beats targeting everyone.
		expect(evaluation.upliftAtK[1].fraction).toBe(0.2);
		expect(evaluation.upliftAtK[1].uplift).toBeGreaterThan(evaluation.averageTreatmentEffect);
		expect(evaluation.qiniCurve).toHaveLength(101);
		expect(evaluation.qiniCurve[100].model).toBeCloseTo(evaluation.qiniCurve[100].random, 9);
	});

	it('two-model scores are the difference of two probabilities; records and arrays give the same score', () => {
		const model = trainUpliftModel(train, { featureNames: HETEROGENEOUS_FEATURES });
		const row = test[0].features;
		const record = Object.fromEntries(HETEROGENEOUS_FEATURES.map((name, j) => [name, row[j]]));
		const score = scoreUplift(model, row);
		expect(scoreUplift(model, record)).toEqual(score);
		expect(score.uplift).toBeCloseTo((score.treatedProbability ?? 0) - (score.controlProbability ?? 0), 15);
		expect(model).toMatchObject({ kind: 'upliftModel', method: 'twoModel', trainingSize: 10_000, featureNames: HETEROGENEOUS_FEATURES });
	});

	it('a stored model survives JSON and parses back; a broken one is rejected', () => {
		const model = trainUpliftModel(train.slice(0, 2000), { method: 'classTransformation' });
		const stored = parseUpliftModel(JSON.parse(JSON.stringify(model)));
		expect(scoreUplift(stored, test[1].features)).toEqual(scoreUplift(model, test[1].features));
		expect(() => parseUpliftModel({ ...model, transformedModel: null })).toThrow('parseUpliftModel rejected the model');
		expect(() => parseUpliftModel({ kind: 'other' })).toThrow('parseUpliftModel rejected the model: kind');
	});

	it('rejects data that cannot train a model, with the reason', () => {
		expect(() => trainUpliftModel([])).toThrow('trainUpliftModel requires rows of a randomised past campaign ({ features, treated, converted }); got none');
		const allTreated = train.slice(0, 50).map((row) => ({ ...row, treated: 1 }));
		expect(() => trainUpliftModel(allTreated)).toThrow('trainUpliftModel requires at least 10 treated and 10 control customers; got 50 treated and 0 control');
		const noConversions = train.slice(0, 200).map((row) => ({ ...row, converted: 0 }));
		expect(() => trainUpliftModel(noConversions)).toThrow('trainUpliftModel requires both converters and non-converters among the treated customers; got 0 of');
		expect(() => trainUpliftModel([{ features: [1, Number.NaN], treated: 1, converted: 0 }])).toThrow('trainUpliftModel requires a finite number for feature "x2"; row 0 has NaN');
		expect(() => trainUpliftModel([{ features: [1], treated: 2, converted: 0 }])).toThrow('trainUpliftModel requires treated to be 0, 1, true or false; row 0 has 2');
		const model = trainUpliftModel(train.slice(0, 1000));
		expect(() => scoreUplift(model, [1, 2])).toThrow('scoreUplift requires 5 features');
	});

	it('evaluateUplift validates rows and bootstrap settings', () => {
		expect(() => evaluateUplift([])).toThrow('evaluateUplift requires rows { uplift, treated, converted } from a randomised campaign; got none');
		expect(() => evaluateUplift([{ uplift: 0.1, treated: 1, converted: 'yes' as unknown as number }])).toThrow('evaluateUplift requires converted to be 0, 1, true or false; row 0 has the text "yes"');
		const rows = test.slice(0, 500).map((row) => ({ uplift: row.trueUplift, treated: row.treated === 1, converted: row.converted === 1 }));
		expect(() => evaluateUplift(rows, { bootstrap: { replicates: 5, random: seededRandom(1) } })).toThrow('evaluateUplift requires bootstrap.replicates to be a whole number >= 20; got 5');
		expect(evaluateUplift(rows).qiniCiLow).toBeNull();
	});
});
