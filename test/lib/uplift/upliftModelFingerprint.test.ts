import { seededRandom } from '../../../lib/stats/seededRandom';
import { parseUpliftModel, trainUpliftModel } from '../../../lib/uplift/trainUpliftModel';

function campaign(n: number) {
	const random = seededRandom(4);
	return Array.from({ length: n }, () => {
		const engagement = random();
		const treated = random() < 0.5 ? 1 : 0;
		return { features: [engagement], treated, converted: random() < 0.1 + 0.3 * engagement * treated ? 1 : 0 };
	});
}

describe('uplift models carry a fingerprint', () => {
	const model = trainUpliftModel(campaign(600), { featureNames: ['engagement'] });

	it('writes a sha256 fingerprint and reads the stored model back unchanged', () => {
		expect(model.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
		expect(parseUpliftModel(JSON.parse(JSON.stringify(model)))).toEqual(model);
	});

	it('refuses a model edited after training, even by one ulp', () => {
		const edited = JSON.parse(JSON.stringify(model));
		edited.treatmentModel.intercept = edited.treatmentModel.intercept * (1 + Number.EPSILON);
		expect(() => parseUpliftModel(edited)).toThrow('parseUpliftModel rejected the model: its content does not match its fingerprint');
		expect(() => parseUpliftModel({ ...model, trainingSize: model.trainingSize + 1 })).toThrow('does not match its fingerprint');
		expect(() => parseUpliftModel({ ...model, featureNames: ['recency'] })).toThrow('does not match its fingerprint');
	});

	it('refuses a model without its fingerprint, so removing it does not get an edit through', () => {
		const { fingerprint, ...bare } = model;
		expect(fingerprint).toBeDefined();
		expect(() => parseUpliftModel(bare)).toThrow('parseUpliftModel rejected the model: fingerprint: Required');
		expect(() => parseUpliftModel({ ...model, fingerprint: 'sha256:00' })).toThrow('fingerprint: must be the fingerprint written by trainUpliftModel');
	});
});
