import type { IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import axios from 'axios';
import { LifecycleScoringApi } from '../../../credentials/LifecycleScoringApi.credentials';
import { ScoreChurn } from '../../../nodes/ScoreChurn/ScoreChurn.node';
import { scoreChurnProperties } from '../../../nodes/ScoreChurn/properties';
import { cdnowCalibration, HOLDOUT_WEEKS } from '../../lib/churn/cdnowCalibration';
import type { LoopbackServer } from '../../support/loopbackServer';
import { startLoopbackServer } from '../../support/loopbackServer';
import { readCdnowSummaryWithSpend } from '../../support/sharedData';
import type { ParameterValue } from '../support/mockExecuteFunctions';
import { itemsOf, mockExecuteFunctions } from '../support/mockExecuteFunctions';

const node = new ScoreChurn();
const DEFAULTS: Record<string, unknown> = Object.fromEntries(scoreChurnProperties.map((property) => [property.name, property.default]));

/** CDNOW's 2,357 customers as profile items (weeks), with the papers' repeat-purchase value. */
const cdnow = readCdnowSummaryWithSpend().map((row) => ({
	customerId: row.id,
	frequency: row.x,
	recency: row.t_x,
	T: row.T,
	monetaryValue: row.zbar,
	periodUnit: 'week',
}));

function contextFor(overrides: Record<string, ParameterValue>, rows: Array<Record<string, unknown>>, continueOnFail = false) {
	return mockExecuteFunctions({ ...DEFAULTS, ...overrides }, itemsOf(rows), { continueOnFail });
}

async function run(overrides: Record<string, ParameterValue>, rows: Array<Record<string, unknown>>, continueOnFail = false) {
	const mock = contextFor(overrides, rows, continueOnFail);
	const [output] = await node.execute.call(mock.context);
	return { output, hints: mock.hints };
}

async function failureOf(overrides: Record<string, ParameterValue>, rows: Array<Record<string, unknown>>): Promise<NodeOperationError> {
	const failure = await node.execute.call(contextFor(overrides, rows).context).catch((error: unknown) => error);
	expect(failure).toBeInstanceOf(NodeOperationError);
	return failure as NodeOperationError;
}

describe('Score Churn node: Fit and Score (mocked context)', () => {
	let fitted: Awaited<ReturnType<typeof run>>;
	beforeAll(async () => {
		fitted = await run({}, cdnow);
	});

	it('fits BG/NBD and Gamma-Gamma on CDNOW to the published parameters and scores every customer', () => {
		const { output } = fitted;
		expect(output).toHaveLength(cdnow.length + 1);
		const model = output[cdnow.length].json as IDataObject & { transaction: Record<string, number>; spend: Record<string, number> };
		expect(model).toMatchObject({ kind: 'lifecycleChurnModel', version: 1, source: 'fit', modelItem: true, scoredCustomers: 2357 });
		// The CSV rounds recency and T to 2 decimals: within 1e-3 of the unrounded figures (lib tests pin 1e-4 on those).
		const published = { r: 0.2425945, alpha: 4.4136019, a: 0.7929199, b: 2.4258881 };
		for (const [name, value] of Object.entries(published)) expect(Math.abs(model.transaction[name] / value - 1)).toBeLessThan(1e-3);
		expect(model.transaction.logLikelihood).toBeCloseTo(-9582.43, 0);
		expect(model.spend).toMatchObject({ kind: 'gammagamma' });
		expect(model.spend.p).toBeCloseTo(6.25, 1);
		output.slice(0, cdnow.length).forEach((item, index) => expect(item.pairedItem).toEqual({ item: index }));
	});

	it('adds flat, mappable fields to each profile: probabilities, expectations, value, risk band and reasons', () => {
		const first = fitted.output[0].json;
		expect(first).toMatchObject({ customerId: '1', frequency: 2, churnHorizon: '13 weeks', churnModel: 'BG/NBD + Gamma-Gamma', lowConfidence: false });
		for (const field of ['probabilityAlive', 'churnProbability', 'expectedPurchases', 'expectedSpend', 'predictedClv']) {
			expect(typeof first[field]).toBe('number');
			expect(Number.isFinite(first[field] as number)).toBe(true);
		}
		expect(first.churnReasons).toMatch(/^no purchase for 8\.4 weeks; usual gap 15\.2 weeks over 3 purchase days; P\(alive\) 0\.\d+; P\(no purchase in 13 weeks\) 0\.\d+$/);
		const risks = new Set(fitted.output.slice(0, cdnow.length).map((item) => item.json.churnRisk));
		expect([...risks].sort()).toEqual(['high', 'low', 'medium']);
		for (const item of fitted.output.slice(0, cdnow.length)) {
			const { churnProbability, churnRisk } = item.json as { churnProbability: number; churnRisk: string };
			expect(churnRisk).toBe(churnProbability >= 0.7 ? 'high' : churnProbability >= 0.4 ? 'medium' : 'low');
		}
	});

	it('fits Pareto/NBD when chosen, to the reference CDNOW parameters (references.md), and names it on every item', async () => {
		const { output } = await run({ model: 'paretonbd', options: { spend: false } }, cdnow);
		const model = output[cdnow.length].json as IDataObject & { transaction: Record<string, number> };
		const reference = { r: 0.55315, alpha: 10.57633, s: 0.60625, beta: 11.6715 };
		for (const [name, value] of Object.entries(reference)) expect(Math.abs(model.transaction[name] / value - 1)).toBeLessThan(1e-3);
		expect(model.transaction.logLikelihood).toBeCloseTo(-9594.976, 0);
		expect(output[0].json).toMatchObject({ churnModel: 'Pareto/NBD', lowConfidence: false, expectedSpend: null });
	});

	it('scores the same with the stored model (JSON round trip) as with the fit', async () => {
		const model = JSON.stringify(fitted.output[cdnow.length].json);
		const { output } = await run({ operation: 'scoreWithModel', storedModel: model }, cdnow.slice(0, 50));
		expect(output).toHaveLength(50);
		expect(output.map((item) => item.json.churnProbability)).toEqual(fitted.output.slice(0, 50).map((item) => item.json.churnProbability));
		expect(output.map((item) => item.json.predictedClv)).toEqual(fitted.output.slice(0, 50).map((item) => item.json.predictedClv));
	});

	it('refuses a tampered model and a model of another period unit, saying what to do', async () => {
		const model = fitted.output[cdnow.length].json as IDataObject & { transaction: IDataObject };
		const tampered = JSON.stringify({ ...model, transaction: { ...model.transaction, r: -1 } });
		expect((await failureOf({ operation: 'scoreWithModel', storedModel: tampered }, cdnow.slice(0, 3))).message).toContain('r');
		const inDays = cdnow.slice(0, 3).map((row) => ({ ...row, periodUnit: 'day' }));
		const mismatch = await failureOf({ operation: 'scoreWithModel', storedModel: JSON.stringify(model) }, inDays);
		expect(mismatch.message).toContain("The stored model is in 'week' but the customers are in 'day'");
		expect(mismatch.description).toContain('Rebuild the profiles');
		expect((await failureOf({ operation: 'scoreWithModel', storedModel: '{not json' }, cdnow.slice(0, 3))).message).toContain('not valid JSON');
	});

	it('refuses a model edited after its fit (a valid but different number), malformed models and an empty parameter', async () => {
		const model = fitted.output[cdnow.length].json as IDataObject & { transaction: IDataObject };
		const edited = JSON.stringify({ ...model, transaction: { ...model.transaction, alpha: 5 } });
		const failure = await failureOf({ operation: 'scoreWithModel', storedModel: edited }, cdnow.slice(0, 3));
		expect(failure.message).toBe('The stored churn model was changed after it was fitted: its content does not match its fingerprint');
		expect(failure.description).toContain('Use the model exactly as Fit and Score wrote it');
		expect((await failureOf({ operation: 'scoreWithModel', storedModel: '[1, 2]' }, cdnow.slice(0, 3))).message).toContain('must be an object; got a list');
		expect((await failureOf({ operation: 'scoreWithModel', storedModel: '{"kind": "xgboost"}' }, cdnow.slice(0, 3))).message).toContain("got \"xgboost\"");
		expect((await failureOf({ operation: 'scoreWithModel', storedModel: '  ' }, cdnow.slice(0, 3))).message).toBe('Stored Model is empty');
		const future = JSON.stringify({ ...model, version: 2 });
		expect((await failureOf({ operation: 'scoreWithModel', storedModel: future }, cdnow.slice(0, 3))).message).toContain('this package reads version 1');
	});

	it('says on the model item whether the run could fit, so a workflow stores only confident models', () => {
		expect(fitted.output[cdnow.length].json).toMatchObject({ lowConfidence: false, fingerprint: expect.stringMatching(/^sha256:/) });
	});

	it('writes the model as a JSON file when asked, and reads it back from binary', async () => {
		const mock = contextFor({ options: { modelOutput: 'binary' } }, cdnow);
		const files = mock.files;
		const [output] = await node.execute.call(mock.context);
		const last = output[output.length - 1];
		expect(last.json).toMatchObject({ modelItem: true, kind: 'lifecycleChurnModel' });
		expect(last.binary?.data.fileName).toBe('churn-model.json');
		const reader = contextFor({ operation: 'scoreWithModel', modelFrom: 'binary', modelBinaryProperty: 'data' }, []);
		const rows = itemsOf(cdnow.slice(0, 5));
		rows[0].binary = { data: last.binary!.data };
		Object.assign(reader.context, {
			getInputData: () => rows,
			helpers: { getBinaryDataBuffer: async () => files['churn-model.json'] },
		});
		const [scored] = await node.execute.call(reader.context);
		expect(scored.map((item) => item.json.churnProbability)).toEqual(fitted.output.slice(0, 5).map((item) => item.json.churnProbability));
	});
});

describe('Score Churn node: bad input and small data', () => {
	it('names the item and the field of a bad profile; with Continue on fail the others are still scored', async () => {
		const rows = [...cdnow.slice(0, 300)];
		rows[7] = { ...rows[7], recency: 99, T: 10 };
		rows[11] = { ...rows[11], frequency: -1 };
		const failure = await failureOf({}, rows);
		expect(failure.message).toContain('item 7');
		expect(failure.message).toContain('recency');
		const { output } = await run({}, rows, true);
		const errors = output.filter((item) => item.error);
		expect(errors.map((item) => item.pairedItem)).toEqual([{ item: 7 }, { item: 11 }]);
		expect(output.filter((item) => typeof item.json.churnProbability === 'number')).toHaveLength(298);
	});

	it('below the data minimum scores with the published prior, marks lowConfidence and says so in a hint', async () => {
		const { output, hints } = await run({}, cdnow.slice(0, 30));
		expect(output).toHaveLength(31);
		expect(output[0].json).toMatchObject({ lowConfidence: true, churnModel: 'BG/NBD (published prior)', expectedSpend: null, predictedClv: null });
		expect(output[30].json).toMatchObject({ source: 'prior' });
		expect(hints[0].message).toContain('Too little data for a stable fit (30 customers');
	});

	it('names a missing field and a negative value of a profile; Continue on fail keeps the order of the items', async () => {
		const rows = cdnow.slice(0, 150).map((row) => ({ ...row })) as Array<Record<string, unknown>>;
		delete rows[2].T;
		rows[5] = { ...rows[5], recency: -3 };
		const failure = await failureOf({}, rows);
		expect(failure.message).toBe('Score Churn requires T to be a finite number >= 0; item 2 has undefined');
		expect(failure.description).toContain('Field: T');
		const { output } = await run({}, rows, true);
		expect(output.slice(0, 6).map((item) => (item.error ? `error ${(item.pairedItem as { item: number }).item}` : item.json.customerId))).toEqual(['1', '2', 'error 2', '4', '5', 'error 5']);
		expect(output[5].json.error).toContain('recency');
		expect(output[output.length - 1].json).toMatchObject({ modelItem: true, scoredCustomers: 148 });
	});

	it('never shows numbers of a fit that did not converge: prior, lowConfidence and the reason in a hint', async () => {
		// Nobody lapses: every repeat buyer bought at the very end, so BG/NBD's drop-out odds run off to 0.
		const neverLapse = Array.from({ length: 200 }, (_, i) => ({ customerId: `n${i}`, frequency: 1 + (i % 5), recency: 30, T: 30, monetaryValue: 10, periodUnit: 'week' }));
		const { output, hints } = await run({}, neverLapse);
		expect(hints[0].message).toMatch(/^The BG\/NBD fit did not converge \(fitBgNbd did not converge: .+\): scores use the published CDNOW BG\/NBD fit as a prior and are marked lowConfidence/);
		expect(output[0].json).toMatchObject({ lowConfidence: true, churnModel: 'BG/NBD (published prior)', expectedSpend: null });
		expect(output[200].json).toMatchObject({ source: 'prior', lowConfidence: true, spend: null, transaction: { r: 0.2425945, alpha: 4.4136019 } });
	});

	it('uses the Fallback Model option instead of the prior on small data', async () => {
		const big = await run({ options: { spend: false } }, cdnow);
		const model = JSON.stringify(big.output[cdnow.length].json);
		const { output, hints } = await run({ options: { fallbackModel: model } }, cdnow.slice(0, 30));
		expect(output[0].json).toMatchObject({ lowConfidence: true, churnModel: 'BG/NBD (fallback model)', churnProbability: big.output[0].json.churnProbability });
		expect(output[30].json).toMatchObject({ modelItem: true, source: 'fit', lowConfidence: true });
		expect(hints[0].message).toContain('scores use the fallback model');
		expect((await failureOf({ options: { fallbackModel: '{oops' } }, cdnow.slice(0, 30))).message).toBe('The fallback model is not valid JSON');
	});

	it('rejects bad risk bands as a problem of the run', async () => {
		const failure = await failureOf({ options: { highRisk: 0.3, mediumRisk: 0.6 } }, cdnow.slice(0, 5));
		expect(failure.message).toContain('mediumRisk (0.6) must not exceed highRisk (0.3)');
	});

	it('does not let keys such as __proto__ reach any prototype', async () => {
		const rows = cdnow.slice(0, 120).map((row) => JSON.parse(JSON.stringify({ ...row, ['__proto__']: { polluted: true } })) as Record<string, unknown>);
		await run({}, rows);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});

/** A copy of a row without one field. */
function without(row: Record<string, unknown>, field: string): Record<string, unknown> {
	const copy = { ...row };
	delete copy[field];
	return copy;
}

describe('Score Churn node: churn label (supervised)', () => {
	// Label: no purchase in CDNOW's holdout weeks 40-78, given for every other customer.
	const rows = cdnowCalibration().map((customer, i) => ({
		customerId: customer.id,
		frequency: customer.frequency,
		recency: customer.recency,
		T: customer.T,
		periodUnit: 'week',
		emailOpened: i % 4,
		churned: i % 2 === 0 ? (customer.holdoutTimes.length === 0 ? 'yes' : 'no') : null,
	}));

	it('fits a logistic regression on the label and adds each customer\'s contributions and top factor', async () => {
		const { output } = await run({ labelField: 'churned', horizon: 39, options: { featureFields: 'emailOpened', spend: false } }, rows);
		expect(output).toHaveLength(rows.length + 1);
		const second = output[1].json as IDataObject & { churnContributions: Record<string, number> };
		expect(second).toMatchObject({ customerId: '2', churnModel: 'logistic regression on churned + BG/NBD', churnTopFactor: 'periodsSinceLastPurchase', lowConfidence: false, churnRisk: 'high' });
		expect(Object.keys(second.churnContributions)).toEqual(['frequency', 'periodsSinceLastPurchase', 'T', 'monetaryValue', 'emailOpened']);
		expect(second.churnReasons).toMatch(/^no purchase for 37\.1 weeks; usual gap 1\.7 weeks over 2 purchase days; P\(alive\) 0\.212; P\(churned\) 0\.8\d+ from the label model; log-odds vs an average customer: no purchase for 37\.1 weeks \+0\.9\d/);
		const model = output[rows.length].json as IDataObject & { supervised: { labelField: string; featureFields: string[]; classifier: { trainingSize: number } } };
		expect(model.supervised).toMatchObject({ labelField: 'churned', featureFields: ['emailOpened'], classifier: { trainingSize: 1179 } });
		// Scoring with the stored model needs the feature fields but no labels.
		const unlabelled = rows.slice(0, 10).map((row) => without(row, 'churned'));
		const again = await run({ operation: 'scoreWithModel', horizon: 39, storedModel: JSON.stringify(model) }, unlabelled);
		expect(again.output.map((item) => item.json.churnProbability)).toEqual(output.slice(0, 10).map((item) => item.json.churnProbability));
		const noFeature = unlabelled.map((row) => without(row, 'emailOpened'));
		expect((await failureOf({ operation: 'scoreWithModel', horizon: 39, storedModel: JSON.stringify(model) }, noFeature)).message).toBe(
			'Item 0 has nothing in emailOpened; a feature field must hold a number (or true/false)',
		);
	});

	it('turns a bad label into an error item under Continue on fail and scores the rest', async () => {
		const bad = rows.map((row) => ({ ...row }));
		bad[4].churned = 'perhaps';
		const { output } = await run({ labelField: 'churned', horizon: 39, options: { spend: false, modelOutput: 'none' } }, bad, true);
		expect(output).toHaveLength(rows.length);
		expect(output[4]).toMatchObject({ pairedItem: { item: 4 }, json: { itemIndex: 4 } });
		expect(output[4].json.error).toBe('Item 4 has "perhaps" in churned; a churn label must be true/false, 1/0, yes/no or empty (unlabelled)');
		expect(output[5].json.churnTopFactor).toBeDefined();
	});

	it('with too few labels keeps the purchase model, marks lowConfidence and says so in a hint', async () => {
		const few = rows.map((row, i) => ({ ...row, churned: i < 20 ? row.churned : null }));
		const { output, hints } = await run({ labelField: 'churned', horizon: 39, options: { spend: false } }, few);
		expect(output[0].json).toMatchObject({ lowConfidence: true, churnModel: 'BG/NBD' });
		expect(output[0].json.churnContributions).toBeUndefined();
		expect(hints[0].message).toMatch(/^Too few labelled customers for the label model on churned \(\d+ labelled churned, \d+ not; the minimum is 10 of each\)/);
	});
});

describe('Score Churn node: Evaluate', () => {
	it('reproduces the CDNOW holdout: 1,882 actual repeat purchases in weeks 40-78, prediction and AUC reported', async () => {
		const rows = cdnowCalibration().map((customer) => ({ ...customer, periodUnit: 'week', holdoutPurchases: customer.holdoutTimes }));
		const { output } = await run({ operation: 'evaluate', holdoutLength: HOLDOUT_WEEKS }, rows);
		expect(output).toHaveLength(1);
		const json = output[0].json as IDataObject & { periods: unknown[] };
		expect(json).toMatchObject({ evaluation: true, model: 'bgnbd', customers: 2357, actualPurchases: 1882, holdoutLength: 39 });
		expect(json.predictedPurchases as number).toBeGreaterThan(1500);
		expect(json.predictedPurchases as number).toBeLessThan(2000);
		expect(json.aucPurchaseProbability as number).toBeGreaterThan(0.75);
		expect(json.periods).toHaveLength(39);
		expect((output[0].pairedItem as unknown[]).length).toBe(2357);
	});

	it('accepts counts, leaving out the per-period tracking, and names a bad holdout value', async () => {
		const rows = cdnowCalibration().map((customer) => ({ ...customer, periodUnit: 'week', holdoutPurchases: customer.holdoutTimes.length }));
		const { output, hints } = await run({ operation: 'evaluate', holdoutLength: HOLDOUT_WEEKS }, rows);
		expect(output[0].json).toMatchObject({ actualPurchases: 1882, periods: [] });
		expect(hints[0].message).toContain('per-period tracking');
		rows[3] = { ...rows[3], holdoutPurchases: 'many' as unknown as number };
		const failure = await failureOf({ operation: 'evaluate', holdoutLength: HOLDOUT_WEEKS }, rows);
		expect(failure.message).toContain('Item 3 has the text "many" in holdoutPurchases');
	});

	it('refuses a holdout count beyond one purchase a day as an item error (4321416600718843 allocated an array and crashed the run)', async () => {
		const rows = cdnowCalibration().map((customer) => ({ ...customer, periodUnit: 'week', holdoutPurchases: customer.holdoutTimes.length }));
		rows[2] = { ...rows[2], holdoutPurchases: 4321416600718843 };
		const failure = await failureOf({ operation: 'evaluate', holdoutLength: HOLDOUT_WEEKS }, rows);
		expect(failure.message).toContain('Item 2 has 4321416600718843 in holdoutPurchases');
	});
});

describe('Score Churn node: remote endpoint (loopback server)', () => {
	let server: LoopbackServer;
	beforeAll(async () => {
		server = await startLoopbackServer((request) => {
			if (request.headers.authorization !== 'Bearer secret-token') return { status: 401, body: { error: 'unauthorized' } };
			const { customers } = request.body as { customers: Array<{ frequency: number }> };
			return { body: { scores: customers.map((customer) => (customer.frequency < 0 ? { churnProbability: 2 } : { churnProbability: customer.frequency > 1 ? 0.2 : 0.8, probabilityAlive: 0.5 })) } };
		});
	});
	afterAll(async () => await server.close());

	/** httpRequestWithAuthentication as n8n runs it for this credential: the header the credential defines. */
	function remoteContext(rows: Array<Record<string, unknown>>, continueOnFail = false, apiKey = 'secret-token', options: IDataObject = {}): IExecuteFunctions {
		const { context } = contextFor({ operation: 'scoreRemote', endpointPath: '/score', options }, rows, continueOnFail);
		const credentials = { baseUrl: `${server.url}/`, headerName: 'Authorization', apiKey };
		return Object.assign(context, {
			getCredentials: async () => credentials,
			helpers: {
				httpRequestWithAuthentication: async (name: string, request: IHttpRequestOptions) => {
					expect(name).toBe('lifecycleScoringApi');
					const response = await axios.request({ method: request.method, url: request.url, data: request.body, headers: { Authorization: `Bearer ${credentials.apiKey}` } });
					return response.data as unknown;
				},
			},
		});
	}

	it('posts the profiles with the bearer token and bands and explains the scores it gets back', async () => {
		const rows = [
			{ customerId: 'a', frequency: 3 },
			{ customerId: 'b', frequency: 0 },
		];
		const [output] = await node.execute.call(remoteContext(rows));
		expect(server.requests.at(-1)).toMatchObject({ method: 'POST', url: '/score', body: { horizon: 13, horizonUnit: 'week', customers: rows } });
		expect(output.map((item) => [item.json.customerId, item.json.churnRisk, item.json.churnModel])).toEqual([
			['a', 'low', 'remote'],
			['b', 'high', 'remote'],
		]);
		expect(output[1].json.churnReasons).toBe('remote model: P(no purchase in 13 weeks) 0.8; P(alive) 0.5');
	});

	it('turns an invalid score into an error item for its customer under Continue on fail', async () => {
		const rows = [
			{ customerId: 'a', frequency: 3 },
			{ customerId: 'bad', frequency: -1 },
		];
		const [output] = await node.execute.call(remoteContext(rows, true));
		expect(output[1].pairedItem).toEqual({ item: 1 });
		expect(output[1].json.error).toContain('The scoring endpoint returned 2 as churnProbability for item 1');
		expect(output[0].json.churnRisk).toBe('low');
	});

	it('sends the customers in batches and names the right item of a later batch', async () => {
		const rows = [3, 0, 2, -1, 5].map((frequency, i) => ({ customerId: `c${i}`, frequency }));
		const before = server.requests.length;
		const [output] = await node.execute.call(remoteContext(rows, true, 'secret-token', { batchSize: 2 }));
		expect(server.requests.slice(before).map((request) => (request.body as { customers: unknown[] }).customers.length)).toEqual([2, 2, 1]);
		expect(output.map((item) => item.json.churnRisk ?? 'error')).toEqual(['low', 'high', 'low', 'error', 'low']);
		expect(output[3].json.error).toContain('for item 3');
	});

	it('says which call failed and what to check when the endpoint refuses the token; Continue on fail gives an error per item', async () => {
		const rows = [{ customerId: 'a', frequency: 3 }, { customerId: 'b', frequency: 1 }];
		const failure = (await node.execute.call(remoteContext(rows, false, 'wrong-token')).catch((error: unknown) => error)) as NodeApiError;
		// An HTTP failure is a NodeApiError, as n8n's guide asks (this expected NodeOperationError before issue 16).
		expect(failure).toBeInstanceOf(NodeApiError);
		expect(failure.message).toMatch(/^The scoring endpoint http:\/\/127\.0\.0\.1:\d+\/score failed for items 0 to 1: .*401/);
		expect(failure.description).toContain('Check the Lifecycle Scoring API credential');
		const [output] = await node.execute.call(remoteContext(rows, true, 'wrong-token'));
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(output.every((item) => item.error)).toBe(true);
	});

	it('checks the risk bands before calling the endpoint', async () => {
		const before = server.requests.length;
		const failure = (await node.execute.call(remoteContext([{ frequency: 1 }], true, 'secret-token', { mediumRisk: 0.8, highRisk: 0.5 })).catch((error: unknown) => error)) as Error;
		expect(failure.message).toBe('Medium Risk From (0.8) and High Risk From (0.5) must be probabilities with medium <= high');
		expect(server.requests.length).toBe(before);
	});

	it('defines the credential as documented: bearer on Authorization, a health check under the base URL', () => {
		const credential = new LifecycleScoringApi();
		expect(credential.name).toBe('lifecycleScoringApi');
		expect(JSON.stringify(credential.authenticate)).toContain('Bearer ');
		expect(credential.test.request).toMatchObject({ url: '/health', method: 'GET' });
	});
});
