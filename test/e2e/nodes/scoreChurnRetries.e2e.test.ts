/**
 * Score Churn's remote scoring as an HTTP client inside a real n8n 2.41.1: the team's endpoint hangs, answers 503
 * with Retry-After and resets the connection, and the run still scores every customer of a CDNOW extract after
 * retries (an extract: n8n execute cuts off the printed result of the whole sample's profiles in these failing runs);
 * an endpoint that keeps hanging ends in a timeout error that names the items and the batch, with the key of the
 * credential's base URL redacted everywhere in the execution.
 */
import type { N8nHost as Host, Workflow } from '../harness/n8nHost';
import { N8nHost } from '../harness/n8nHost';
import type { ScoringFault } from '../harness/scoringEndpoint';
import { ScoringEndpoint } from '../harness/scoringEndpoint';
import { loadWorkflow, outputOf, writeCdnowSampleCsv } from '../harness/workflows';

let host: Host;
let csv: string;
const endpoints: ScoringEndpoint[] = [];
/** The bearer the loopback endpoint accepts (a test value, not a secret). */
const endpointBearer = 'not-a-secret-e2e';
/** A key in the base URL's query, as some hosted model endpoints take it (a test value). */
const baseUrlQueryValue = 'not-a-secret-e2e-query';

beforeAll(async () => {
	host = await N8nHost.create('score-churn-retries');
	csv = host.file('cdnow_sample.csv');
	writeCdnowSampleCsv(csv);
	// The first 600 transactions (a few hundred customers): three batches of at most 60, a printed result n8n completes.
	csv = host.writeFile('cdnow_extract.csv', `${host.readFile('cdnow_sample.csv').split('\n').slice(0, 601).join('\n')}\n`);
});

afterAll(async () => {
	for (const endpoint of endpoints) await endpoint.stop();
	await host?.stop();
	host?.dispose();
});

/** An endpoint with the given faults, a credential for it (key in the base URL) and the workflow using both. */
async function remoteWorkflow(name: string, faults: ScoringFault[], options: Record<string, unknown>): Promise<{ endpoint: ScoringEndpoint; workflow: Workflow }> {
	const endpoint = await ScoringEndpoint.start({ folder: host.folder, token: endpointBearer, faults });
	endpoints.push(endpoint);
	const credentialId = `scoring${name}01`;
	host.importCredentials([{ id: credentialId, name: `Scoring ${name}`, type: 'lifecycleScoringApi', data: { baseUrl: `${endpoint.url}/?key=${baseUrlQueryValue}`, headerName: 'Authorization', apiKey: endpointBearer } }]);
	const workflow = loadWorkflow('cdnow-score-churn-remote', { 'Read CSV File': { fileSelector: csv }, 'Score Churn Remote': { options: { batchSize: 60, ...options } } });
	workflow.id = `cdnowRetry${name}`;
	const scoring = workflow.nodes.find((node) => node.name === 'Score Churn Remote')!;
	scoring.credentials = { lifecycleScoringApi: { id: credentialId, name: `Scoring ${name}` } };
	host.importWorkflow(workflow);
	return { endpoint, workflow };
}

describe('Score Churn remote scoring in real n8n: timeout, retries, redaction', () => {
	it('scores every customer after the endpoint hung once, answered 503 with Retry-After once and reset once', async () => {
		const { endpoint, workflow } = await remoteWorkflow('Recover', ['hang', '503', 'reset'], { timeout: 2, maxRetries: 3 });
		const run = host.execute(workflow.id);
		expect(run.ok).toBe(true);
		const requests = endpoint.requests();
		expect(requests.map((request) => request.fault)).toEqual(['hang', '503', 'reset', null, null, null]);
		expect(requests.map((request) => request.customers)).toEqual([60, 60, 60, 60, 60, 59]);
		expect(requests.every((request) => request.url === '/score' && request.query === `key=${baseUrlQueryValue}` && request.authorized)).toBe(true);
		const scored = outputOf(run.result!, 'Score Churn Remote');
		expect(scored).toHaveLength(179);
		expect(scored.every((item) => item.json.churnModel === 'remote')).toBe(true);
		scored.forEach((item, index) => expect(item.pairedItem).toEqual({ item: index }));
	});

	it('gives up on an endpoint that keeps hanging with a timeout error naming items and batch, the key redacted everywhere', async () => {
		const { endpoint, workflow } = await remoteWorkflow('Hang', ['hang', 'hang'], { timeout: 1, maxRetries: 1 });
		const run = host.execute(workflow.id);
		expect(run.ok).toBe(false);
		const error = run.result!.data.resultData.runData['Score Churn Remote'][0].error!;
		expect(error.message).toBe(`The scoring endpoint ${endpoint.url}/score?key=*** failed for items 0 to 59: no answer within 1 s (the Timeout option); batch 1 of 3, gave up after 1 retry`);
		expect(error.description).toContain('raise Timeout (Seconds) or lower Batch Size');
		expect(endpoint.requests().map((request) => request.fault)).toEqual(['hang', 'hang']);
		expect(`${run.stdout}${run.stderr}`).not.toContain(baseUrlQueryValue);
		expect(`${run.stdout}${run.stderr}`).not.toContain(endpointBearer);
	});
});
