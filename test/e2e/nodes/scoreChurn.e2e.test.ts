/**
 * Score Churn inside a real n8n 2.41.1: CDNOW read by n8n's file nodes -> Build Profile -> Score Churn (fit and
 * score), the model written to a file by n8n's Read/Write Files node; then a second workflow that reads the model
 * file back and scores the same customers with it (its fingerprint survives the file and n8n's JSON handling);
 * then a third that scores them with a team's own endpoint through the Lifecycle Scoring API credential.
 */
import type { ExecutionItem, N8nHost as Host } from '../harness/n8nHost';
import { N8nHost } from '../harness/n8nHost';
import { ScoringEndpoint, stubScore } from '../harness/scoringEndpoint';
import { loadWorkflow, outputOf, writeCdnowSampleCsv } from '../harness/workflows';

let host: Host;
let endpoint: ScoringEndpoint;
let csv: string;
let modelFile: string;
let fitted: ExecutionItem[];
/** The bearer the loopback endpoint accepts (a test value, not a secret). */
const endpointBearer = 'not-a-secret-e2e';

beforeAll(async () => {
	host = await N8nHost.create('score-churn');
	csv = host.file('cdnow_sample.csv');
	writeCdnowSampleCsv(csv);
	modelFile = host.file('churn-model.json');
	endpoint = await ScoringEndpoint.start({ folder: host.folder, token: endpointBearer });
	host.importCredentials([
		{ id: 'scoringEndpoint01', name: 'Team scoring endpoint', type: 'lifecycleScoringApi', data: { baseUrl: `${endpoint.url}/`, headerName: 'Authorization', apiKey: endpointBearer } },
	]);
});

afterAll(async () => {
	await endpoint?.stop();
	await host?.stop();
	host?.dispose();
});

const published = { r: 0.2425945, alpha: 4.4136019, a: 0.7929199, b: 2.4258881 };

describe('Score Churn in real n8n (CLI)', () => {
	it('fits BG/NBD on CDNOW profiles built in n8n to the published parameters, scores 2,357 customers and writes the model file', () => {
		const workflow = loadWorkflow('cdnow-score-churn', { 'Read CSV File': { fileSelector: csv }, 'Write Model File': { fileName: modelFile } });
		host.importWorkflow(workflow);
		const run = host.execute(workflow.id);
		expect(run.ok).toBe(true);
		const output = outputOf(run.result!, 'Score Churn');
		expect(output).toHaveLength(2358);
		fitted = output.slice(0, 2357);
		const model = output[2357].json;
		expect(model).toMatchObject({ modelItem: true, kind: 'lifecycleChurnModel', source: 'fit', scoredCustomers: 2357, lowConfidence: false });
		expect(model.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
		for (const item of fitted) {
			expect(item.json).toEqual(expect.objectContaining({ lowConfidence: false, churnHorizon: '13 weeks', churnModel: 'BG/NBD + Gamma-Gamma' }));
			expect(['high', 'medium', 'low']).toContain(item.json.churnRisk);
			expect(item.json.probabilityAlive as number).toBeGreaterThanOrEqual(0);
			expect(item.json.probabilityAlive as number).toBeLessThanOrEqual(1);
		}
		expect(outputOf(run.result!, 'Write Model File')).toHaveLength(1);
		const stored = JSON.parse(host.readFile('churn-model.json')) as { transaction: Record<string, number> };
		// Build Profile's summary is unrounded, as in the paper: the published figures to 1e-4.
		for (const [name, value] of Object.entries(published)) expect(Math.abs(stored.transaction[name] / value - 1)).toBeLessThan(1e-4);
		expect(stored.transaction.logLikelihood).toBeCloseTo(-9582.43, 1);
	});

	it('scores with the stored model file in a second workflow exactly as the fit did', () => {
		const workflow = loadWorkflow('cdnow-score-churn-stored-model', { 'Read Model File': { fileSelector: modelFile }, 'Read CSV File': { fileSelector: csv } });
		host.importWorkflow(workflow);
		const run = host.execute(workflow.id);
		expect(run.ok).toBe(true);
		const scored = outputOf(run.result!, 'Score Churn');
		expect(scored).toHaveLength(2357);
		const fields = ['customerId', 'probabilityAlive', 'churnProbability', 'expectedPurchases', 'expectedSpend', 'predictedClv', 'churnRisk', 'churnReasons'];
		const pick = (items: ExecutionItem[]) => items.map((item) => fields.map((field) => item.json[field]));
		expect(pick(scored)).toEqual(pick(fitted));
	});

	it('scores with the team\'s own endpoint: bearer token from the credential, batches of 1,000, same flat fields', () => {
		const workflow = loadWorkflow('cdnow-score-churn-remote', { 'Read CSV File': { fileSelector: csv } });
		host.importWorkflow(workflow);
		const run = host.execute(workflow.id);
		expect(run.ok).toBe(true);
		const requests = endpoint.requests();
		expect(requests.map((request) => [request.method, request.url, request.authorized, request.horizon, request.horizonUnit, request.customers])).toEqual([
			['POST', '/score', true, 13, 'week', 1000],
			['POST', '/score', true, 13, 'week', 1000],
			['POST', '/score', true, 13, 'week', 357],
		]);
		const scored = outputOf(run.result!, 'Score Churn Remote');
		expect(scored).toHaveLength(2357);
		expect(requests.flatMap((request) => request.customerIds)).toEqual(scored.map((item) => item.json.customerId));
		scored.forEach((item, index) => {
			const expected = stubScore(item.json, 13);
			const churnProbability = expected.churnProbability as number;
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json).toMatchObject({
				churnProbability,
				probabilityAlive: expected.probabilityAlive,
				expectedPurchases: expected.expectedPurchases,
				expectedSpend: null,
				predictedClv: null,
				churnRisk: churnProbability >= 0.7 ? 'high' : churnProbability >= 0.4 ? 'medium' : 'low',
				churnHorizon: '13 weeks',
				churnModel: 'remote',
				lowConfidence: false,
			});
			expect(item.json.churnReasons).toBe(expected.churnReasons ?? `remote model: P(no purchase in 13 weeks) ${churnProbability}; P(alive) ${expected.probabilityAlive}`);
		});
	});
});
