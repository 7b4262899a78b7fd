/**
 * Score Churn inside a real n8n 2.41.1: CDNOW read by n8n's file nodes -> Build Profile -> Score Churn (fit and
 * score), the model written to a file by n8n's Read/Write Files node; then a second workflow that reads the model
 * file back and scores the same customers with it.
 */
import type { ExecutionItem, N8nHost as Host } from '../harness/n8nHost';
import { N8nHost } from '../harness/n8nHost';
import { loadWorkflow, outputOf, writeCdnowSampleCsv } from '../harness/workflows';

let host: Host;
let csv: string;
let modelFile: string;
let fitted: ExecutionItem[];

beforeAll(async () => {
	host = await N8nHost.create('score-churn');
	csv = host.file('cdnow_sample.csv');
	writeCdnowSampleCsv(csv);
	modelFile = host.file('churn-model.json');
});

afterAll(async () => {
	await host.stop();
	host.dispose();
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
		expect(model).toMatchObject({ modelItem: true, kind: 'lifecycleChurnModel', source: 'fit', scoredCustomers: 2357 });
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
});
