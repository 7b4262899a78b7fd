// scoreChurnProfiles (what Score Churn runs): model fingerprints, the fallback model on small data, and the
// supervised option (a logistic regression on a CRM churn label) with per-customer contributions.
import {
	areaUnderRocCurve,
	canonicalJson,
	churnModelFingerprint,
	explainSupervisedChurn,
	parseChurnModelBundle,
	PUBLISHED_PRIOR,
	readChurnLabel,
	scoreChurnProfiles,
	supervisedChurnFeatures,
} from '../../../lib/churn';
import { LifecycleInputError } from '../../../lib/errors';
import { readCdnowSummaryWithSpend } from '../../support/sharedData';
import { cdnowCalibration } from './cdnowCalibration';

const cdnow = readCdnowSummaryWithSpend().map((row) => ({
	frequency: row.x,
	recency: row.t_x,
	T: row.T,
	monetaryValue: row.zbar,
	periodUnit: 'week',
}));

let fitted: ReturnType<typeof scoreChurnProfiles>;
beforeAll(() => {
	fitted = scoreChurnProfiles(cdnow, { horizon: 13 });
});

/** A JSON round trip, as a model stored in a file, a database or static data comes back. */
const stored = (model: unknown) => JSON.parse(JSON.stringify(model)) as Record<string, unknown>;

describe('churnModelFingerprint', () => {
	it('is SHA-256 of the canonical JSON: keys sorted at every level, whatever order they were written in', () => {
		expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }], skipped: undefined })).toBe(
			'{"a":[2,{"c":4,"d":3}],"b":1}',
		);
		// sha256sum of the text above (GNU coreutils 9.1): 9da95747...
		expect(churnModelFingerprint({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe(
			'sha256:9da9574727f41f18e3a4ffeaa320b627d810e778f3685a63d22d8b3262962c6d',
		);
		expect(churnModelFingerprint({ a: [2, { c: 4, d: 3 }], b: 1 })).toBe(
			churnModelFingerprint({ b: 1, a: [2, { d: 3, c: 4 }] }),
		);
		expect(() => canonicalJson({ r: Number.NaN })).toThrow('finite');
	});

	it('survives a JSON round trip of a fitted model, so the stored model reads back as it was written', () => {
		const back = parseChurnModelBundle(
			stored({ ...fitted.model, modelItem: true, scoredCustomers: 2357, lowConfidence: false }),
		);
		expect(back).toEqual(fitted.model);
		expect(fitted.model.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
	});

	it('refuses a model changed after its fit, a model without fingerprint, and names what to do', () => {
		const edited = stored(fitted.model);
		(edited.transaction as Record<string, number>).r = 0.3; // a valid number, just not the fitted one
		expect(() => parseChurnModelBundle(edited)).toThrow(
			'The stored churn model was changed after it was fitted',
		);
		const withoutSpend = stored(fitted.model);
		withoutSpend.spend = null;
		expect(() => parseChurnModelBundle(withoutSpend)).toThrow('changed after it was fitted');
		const unsealed = stored(fitted.model);
		delete unsealed.fingerprint;
		expect(() => parseChurnModelBundle(unsealed)).toThrow('has no fingerprint');
		const invalid = stored(fitted.model);
		(invalid.transaction as Record<string, number>).alpha = -4;
		expect(() => parseChurnModelBundle(invalid)).toThrow(LifecycleInputError);
		expect(() => parseChurnModelBundle(invalid)).toThrow('alpha');
		expect(() => parseChurnModelBundle([fitted.model])).toThrow('must be an object; got a list');
	});

	it('accepts a bare BG/NBD model as lib fits return it (no fingerprint to check)', () => {
		const bundle = parseChurnModelBundle(stored(fitted.model.transaction));
		expect(bundle).toMatchObject({ source: 'fit', spend: null, supervised: null });
		expect(bundle.transaction).toEqual(fitted.model.transaction);
	});
});

describe('scoreChurnProfiles: small data', () => {
	it('below the minimum scores with the published prior, lowConfidence, and says so', () => {
		const result = scoreChurnProfiles(cdnow.slice(0, 30), { horizon: 13 });
		expect(result.model).toMatchObject({ source: 'prior', spend: null });
		expect(result.model.transaction).toMatchObject({
			r: PUBLISHED_PRIOR.r,
			alpha: PUBLISHED_PRIOR.alpha,
		});
		expect(result.scores.every((score) => score.lowConfidence)).toBe(true);
		expect(result.notes[0]).toMatch(
			/^Too little data for a stable fit \(30 customers, \d+ with repeat purchases; the minimum is 100 and 20\): scores use the published CDNOW BG\/NBD fit/,
		);
	});

	it('uses a fallback model instead of the prior when given one, with the same numbers as scoring with it', () => {
		const rows = cdnow.slice(0, 30);
		const result = scoreChurnProfiles(rows, { horizon: 13, fallbackModel: stored(fitted.model) });
		expect(result.notes[0]).toContain('scores use the fallback model and are marked lowConfidence');
		expect(result.model.transaction).toEqual(fitted.model.transaction);
		expect(result.model.spend).toEqual(fitted.model.spend);
		expect(parseChurnModelBundle(stored(result.model))).toEqual(result.model);
		const withModel = scoreChurnProfiles(rows, { horizon: 13, storedModel: stored(fitted.model) });
		result.scores.forEach((score, k) => {
			expect(score).toMatchObject({
				lowConfidence: true,
				churnModel: 'BG/NBD + Gamma-Gamma (fallback model)',
			});
			expect(score.churnProbability).toBe(withModel.scores[k].churnProbability);
			expect(score.predictedClv).toBe(withModel.scores[k].predictedClv);
		});
		const inDays = { ...stored(fitted.model.transaction), periodUnit: 'day' };
		expect(() => scoreChurnProfiles(rows, { horizon: 13, fallbackModel: inDays })).toThrow(
			"The fallback model is in 'day' but the customers are in 'week'",
		);
	});
});

describe('scoreChurnProfiles: supervised option (churn label from the CRM)', () => {
	// Label: no purchase in CDNOW's holdout weeks 40-78. Every other customer is labelled; the rest are scored only.
	const customers = cdnowCalibration();
	const rows = customers.map((customer, i) => ({
		...customer,
		periodUnit: 'week',
		churned: i % 2 === 0 ? customer.holdoutTimes.length === 0 : '',
	}));
	const unlabelled = (i: number) => i % 2 === 1;
	const truth = customers
		.filter((_, i) => unlabelled(i))
		.map((customer) => (customer.holdoutTimes.length === 0 ? 1 : 0));
	let supervised: ReturnType<typeof scoreChurnProfiles>;
	beforeAll(() => {
		supervised = scoreChurnProfiles(rows, { horizon: 39, labelField: 'churned', spend: false });
	});

	it('fits on the labelled half and ranks the unlabelled half better than the purchase model alone (AUC 0.779 vs 0.752)', () => {
		const classifier = supervised.model.supervised!.classifier;
		expect(classifier).toMatchObject({
			trainingSize: 1179,
			positives: 840,
			featureNames: ['frequency', 'periodsSinceLastPurchase', 'T', 'monetaryValue'],
		});
		const btyd = scoreChurnProfiles(rows, { horizon: 39, spend: false });
		const aucSupervised = areaUnderRocCurve(
			supervised.scores.filter((_, i) => unlabelled(i)).map((score) => score.churnProbability),
			truth,
		);
		const aucBtyd = areaUnderRocCurve(
			btyd.scores.filter((_, i) => unlabelled(i)).map((score) => score.churnProbability),
			truth,
		);
		expect(aucSupervised).toBeCloseTo(0.7795, 3);
		expect(aucBtyd).toBeCloseTo(0.7524, 3);
		// The purchase-model fields stay those of the BTYD fit.
		supervised.scores.forEach((score, k) => {
			expect(score.probabilityAlive).toBe(btyd.scores[k].probabilityAlive);
			expect(score.expectedPurchases).toBe(btyd.scores[k].expectedPurchases);
		});
	});

	it('explains each score: contributions sum with the intercept to the logit, reasons name the largest with numbers', () => {
		const model = supervised.model.supervised!;
		supervised.scores.slice(0, 200).forEach((score, k) => {
			const logit =
				model.classifier.intercept +
				Object.values(score.churnContributions!).reduce((sum, value) => sum + value, 0);
			expect(score.churnProbability).toBeCloseTo(1 / (1 + Math.exp(-logit)), 3);
			const exact = explainSupervisedChurn(model, supervisedChurnFeatures(rows[k], rows[k], [], k));
			expect(score.churnProbability).toBeCloseTo(exact.probability, 6);
			expect(score.churnRisk).toBe(
				score.churnProbability >= 0.7 ? 'high' : score.churnProbability >= 0.4 ? 'medium' : 'low',
			);
		});
		// CDNOW customer 2: one repeat purchase, then 37.1 weeks without one.
		expect(supervised.scores[1].churnReasons).toBe(
			'no purchase for 37.1 weeks; usual gap 1.7 weeks over 2 purchase days; P(alive) 0.212; P(churned) 0.87 from the label model; log-odds vs an average customer: no purchase for 37.1 weeks +0.93, customer for 38.9 weeks -0.1, 1 repeat purchase day +0.01',
		);
		expect(supervised.scores[1]).toMatchObject({
			churnTopFactor: 'periodsSinceLastPurchase',
			churnModel: 'logistic regression on churned + BG/NBD',
			lowConfidence: false,
		});
	});

	it('stores the label model with the purchase model: a stored model scores the same, labels no longer needed', () => {
		const unlabelledRows = rows.slice(0, 40).map((row) => {
			const copy: Record<string, unknown> = { ...row };
			delete copy.churned;
			return copy;
		});
		const back = scoreChurnProfiles(unlabelledRows, {
			horizon: 39,
			storedModel: stored(supervised.model),
		});
		back.scores.forEach((score, k) => {
			expect(score.churnProbability).toBe(supervised.scores[k].churnProbability);
			expect({ ...score.churnContributions }).toEqual({
				...supervised.scores[k].churnContributions,
			});
		});
		const edited = stored(supervised.model);
		((edited.supervised as { classifier: { coefficients: number[] } }).classifier
			.coefficients[1] as number) = 0;
		expect(() =>
			scoreChurnProfiles(rows.slice(0, 5), { horizon: 39, storedModel: edited }),
		).toThrow('changed after it was fitted');
	});

	it('reads extra feature fields; a missing or non-numeric one, or a label that is not yes/no, is an issue of its item', () => {
		const extra = rows.map((row, i) => ({ ...row, emailOpened: i % 7, vip: i % 5 === 0 }));
		extra[3] = { ...extra[3], emailOpened: 'often' as unknown as number };
		extra[4] = { ...extra[4], churned: 'maybe' };
		const result = scoreChurnProfiles(extra, {
			horizon: 39,
			labelField: 'churned',
			featureFields: ['emailOpened', ' vip', 'frequency', ''],
			spend: false,
		});
		expect(result.model.supervised!.featureFields).toEqual(['emailOpened', 'vip']);
		expect(result.issues.map((issue) => [issue.itemIndex, issue.field])).toEqual([
			[3, 'emailOpened'],
			[4, 'churned'],
		]);
		expect(result.issues[0].message).toBe(
			'Item 3 has "often" in emailOpened; a feature field must hold a number (or true/false)',
		);
		expect(result.issues[1].message).toContain(
			'a churn label must be true/false, 1/0, yes/no or empty (unlabelled)',
		);
		expect(result.scores).toHaveLength(rows.length - 2);
		expect(Object.keys(result.scores[0].churnContributions!)).toEqual([
			'frequency',
			'periodsSinceLastPurchase',
			'T',
			'monetaryValue',
			'emailOpened',
			'vip',
		]);
	});

	it('with too few labels of one kind keeps the purchase model churnProbability, marked lowConfidence, and says why', () => {
		const few = rows.map((row, i) => ({ ...row, churned: i < 300 ? row.churned : null }));
		few.forEach((row, i) => {
			if (i < 300 && row.churned === false && i > 10) row.churned = null;
		});
		const result = scoreChurnProfiles(few, { horizon: 39, labelField: 'churned', spend: false });
		expect(result.model.supervised).toBeNull();
		expect(result.notes[0]).toMatch(
			/^Too few labelled customers for the label model on churned \(\d+ labelled churned, [0-5] not; the minimum is 10 of each\)/,
		);
		expect(
			result.scores.every((score) => score.lowConfidence && score.churnContributions === undefined),
		).toBe(true);
	});

	it('reads labels as the CRM writes them', () => {
		expect(
			[true, 1, 'Yes', ' TRUE ', '1', false, 0, 'no', 'False', '0', null, undefined, ''].map(
				(value) => readChurnLabel(value, 'churned', 0),
			),
		).toEqual([1, 1, 1, 1, 1, 0, 0, 0, 0, 0, null, null, null]);
		expect(() => readChurnLabel(2, 'churned', 9)).toThrow('Item 9 has 2 in churned');
	});

	it('keeps user feature names such as __proto__ off every prototype', () => {
		const hostile = rows.map(
			(row, i) =>
				JSON.parse(JSON.stringify({ ...row, ['__proto__']: i % 3 })) as Record<string, unknown>,
		);
		const result = scoreChurnProfiles(hostile, {
			horizon: 39,
			labelField: 'churned',
			featureFields: ['__proto__'],
			spend: false,
		});
		expect(Object.keys(result.scores[0].churnContributions!)).toContain('__proto__');
		expect(({} as Record<string, unknown>).frequency).toBeUndefined();
		expect(Object.getPrototypeOf(result.scores[0].churnContributions)).toBeNull();
	});
});
