// Models are data: a fitted model survives JSON, and tampered or foreign objects are rejected with a clear message.
import { fitBgNbd, fitGammaGamma, fitShiftedBetaGeometric, fitLogisticRegression, parseChurnModel } from '../../../lib/churn';
import type { BgNbdModel } from '../../../lib/churn';
import { readCdnowSummary, readCdnowSummaryWithSpend } from '../../support/sharedData';

let model: BgNbdModel;
beforeAll(() => {
	model = fitBgNbd(readCdnowSummary(), { periodUnit: 'week', trainingWindow: { start: '1997-01-01', end: '1997-09-30' } });
});

describe('parseChurnModel', () => {
	it('accepts every fitted model kind after a JSON round trip', () => {
		expect(parseChurnModel(JSON.parse(JSON.stringify(model)))).toEqual(model);
		const spend = fitGammaGamma(readCdnowSummaryWithSpend().map((row) => ({ frequency: row.x, monetaryValue: row.zbar })));
		expect(parseChurnModel(JSON.parse(JSON.stringify(spend)))).toEqual(spend);
		const retention = fitShiftedBetaGeometric([1000, 869, 743, 653, 593, 551, 517, 491]);
		expect(parseChurnModel(JSON.parse(JSON.stringify(retention)))).toEqual(retention);
		const classifier = fitLogisticRegression([[1], [2], [3], [4]], [0, 1, 0, 1]);
		expect(parseChurnModel(JSON.parse(JSON.stringify(classifier)))).toEqual(classifier);
	});

	it('rejects tampered parameters', () => {
		expect(() => parseChurnModel({ ...model, r: -0.2 })).toThrow("parseChurnModel rejected the 'bgnbd' model: r: Number must be greater than 0");
		expect(() => parseChurnModel({ ...model, alpha: null })).toThrow("parseChurnModel rejected the 'bgnbd' model: alpha: Expected number, received null");
		expect(() => parseChurnModel({ ...model, standardErrors: { ...model.standardErrors, b: -1 } })).toThrow('standardErrors.b: Number must be greater than or equal to 0');
		expect(() => parseChurnModel({ ...model, converged: false })).toThrow('converged: Invalid literal value, expected true');
		expect(() => parseChurnModel({ ...model, periodUnit: 'month' })).toThrow('periodUnit');
		expect(() => parseChurnModel({ ...model, trainingWindow: { start: '1997-09-30', end: '1997-01-01' } })).toThrow('start must not be after end');
		expect(() => parseChurnModel({ ...model, extra: 1 })).toThrow("Unrecognized key(s) in object: 'extra'");
	});

	it('rejects unknown kinds, other versions and non-objects', () => {
		expect(() => parseChurnModel({ ...model, kind: 'bgnbd2' })).toThrow("parseChurnModel requires kind 'bgnbd', 'paretonbd', 'gammagamma', 'sbg', 'logisticRegression'; got \"bgnbd2\"");
		expect(() => parseChurnModel({ ...model, version: 2 })).toThrow("parseChurnModel requires version 1 of a 'bgnbd' model; got 2");
		expect(() => parseChurnModel({ ...model, version: undefined })).toThrow('got no version');
		expect(() => parseChurnModel(null)).toThrow('parseChurnModel requires a model object; got null');
		expect(() => parseChurnModel([model])).toThrow('got an array');
		expect(() => parseChurnModel('{"kind":"bgnbd"}')).toThrow('got string');
		expect(() => parseChurnModel(model, ['gammagamma'])).toThrow("parseChurnModel requires a 'gammagamma' model here; got a 'bgnbd' model");
	});

	it('resists prototype tricks', () => {
		const polluted = JSON.parse(`{"__proto__": {"kind": "bgnbd"}, "version": 1}`);
		expect(() => parseChurnModel(polluted)).toThrow('parseChurnModel requires kind');
	});
});
