/**
 * Score Churn's Score With Remote Endpoint as an HTTP client: timeout, bounded retries with backoff on 429/5xx/
 * timeouts/resets honouring Retry-After, cancellation, NodeApiError, secrets redacted. The endpoint is the e2e
 * scoring endpoint's server in this process, with injected faults; the request goes through axios the way n8n's
 * httpRequestWithAuthentication sends it (timeout, abort signal, errors wrapped in NodeApiError).
 */
import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import axios from 'axios';
import { ScoreChurn } from '../../../nodes/ScoreChurn/ScoreChurn.node';
import { scoreChurnProperties } from '../../../nodes/ScoreChurn/properties';
import type { ScoringFault, ScoringRequest } from '../../e2e/harness/scoringEndpoint';
import { createScoringServer } from '../../e2e/harness/scoringEndpoint';
import { itemsOf, mockExecuteFunctions } from '../support/mockExecuteFunctions';

const node = new ScoreChurn();
const DEFAULTS: Record<string, unknown> = Object.fromEntries(scoreChurnProperties.map((property) => [property.name, property.default]));
/** The bearer the in-process endpoint accepts (a test value, not a secret). */
const endpointBearer = 'apikey-value-123';
const rows = [0, 1, 2, 3].map((i) => ({ customerId: `c${i}`, frequency: i, recency: i, T: 10 }));

interface Endpoint {
	url: string;
	requests: ScoringRequest[];
	close(): Promise<void>;
}

async function startEndpoint(faults: ScoringFault[], onRequest: (request: ScoringRequest) => void = () => undefined): Promise<Endpoint> {
	const requests: ScoringRequest[] = [];
	const server = createScoringServer(
		endpointBearer,
		(request) => {
			requests.push(request);
			onRequest(request);
		},
		faults,
	);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

/** httpRequestWithAuthentication as n8n 2.41 runs it: bearer header, timeout and abort signal to axios, errors as NodeApiError. */
async function sendLikeN8n(context: IExecuteFunctions, request: IHttpRequestOptions, token = endpointBearer): Promise<unknown> {
	try {
		const response = await axios.request({ method: request.method, url: request.url, data: request.body, headers: { Authorization: `Bearer ${token}` }, timeout: request.timeout, signal: request.abortSignal as AbortSignal | undefined });
		return response.data as unknown;
	} catch (error) {
		throw new NodeApiError(context.getNode(), error as JsonObject);
	}
}

interface RemoteSetup {
	baseUrl: string;
	options?: IDataObject;
	continueOnFail?: boolean;
	signal?: AbortSignal;
	send?: (context: IExecuteFunctions, request: IHttpRequestOptions) => Promise<unknown>;
}

function remoteContext(setup: RemoteSetup): { context: IExecuteFunctions; sent: IHttpRequestOptions[] } {
	const { context } = mockExecuteFunctions({ ...DEFAULTS, operation: 'scoreRemote', endpointPath: '/score', options: setup.options ?? {} } as never, itemsOf(rows), { continueOnFail: setup.continueOnFail ?? false });
	const sent: IHttpRequestOptions[] = [];
	const send = setup.send ?? sendLikeN8n;
	Object.assign(context, {
		getCredentials: async () => ({ baseUrl: setup.baseUrl, headerName: 'Authorization', apiKey: endpointBearer }),
		getExecutionCancelSignal: () => setup.signal,
		helpers: {
			httpRequestWithAuthentication: async (name: string, request: IHttpRequestOptions) => {
				sent.push(request);
				return await send(context, request);
			},
		},
	});
	return { context, sent };
}

async function outcome(context: IExecuteFunctions): Promise<INodeExecutionData[] | Error> {
	return await node.execute.call(context).then(
		([output]) => output,
		(error: Error) => error,
	);
}

describe('Score Churn remote scoring: a good HTTP client', () => {
	it('sends a 30 s timeout and the execution\'s cancel signal with every request', async () => {
		const endpoint = await startEndpoint([]);
		const controller = new AbortController();
		const { context, sent } = remoteContext({ baseUrl: endpoint.url, signal: controller.signal });
		const output = (await outcome(context)) as INodeExecutionData[];
		await endpoint.close();
		expect(output).toHaveLength(4);
		expect(sent[0]).toMatchObject({ timeout: 30000, abortSignal: controller.signal, method: 'POST' });
	});

	it('retries a batch the endpoint answered 503 with Retry-After, and scores every item', async () => {
		const endpoint = await startEndpoint(['503']);
		const { context } = remoteContext({ baseUrl: endpoint.url });
		const output = (await outcome(context)) as INodeExecutionData[];
		await endpoint.close();
		expect(endpoint.requests.map((request) => request.fault)).toEqual(['503', null]);
		expect(output.map((item) => item.json.churnModel)).toEqual(['remote', 'remote', 'remote', 'remote']);
	});

	it('retries after a 429 (Retry-After), a 500 and a reset connection', async () => {
		const endpoint = await startEndpoint(['500', 'reset', '429']);
		const { context } = remoteContext({ baseUrl: endpoint.url, options: { maxRetries: 3 } });
		const output = (await outcome(context)) as INodeExecutionData[];
		await endpoint.close();
		expect(endpoint.requests.map((request) => request.fault)).toEqual(['500', 'reset', '429', null]);
		expect(output.every((item) => item.json.churnModel === 'remote')).toBe(true);
	}, 20000);

	it('retries a request that timed out, and succeeds', async () => {
		const endpoint = await startEndpoint(['hang']);
		const { context } = remoteContext({ baseUrl: endpoint.url, options: { timeout: 0.5 } });
		const output = (await outcome(context)) as INodeExecutionData[];
		await endpoint.close();
		expect(endpoint.requests.map((request) => request.fault)).toEqual(['hang', null]);
		expect(output).toHaveLength(4);
	});

	it('gives up after Retries with a NodeApiError that names the items, the batch and the timeout', async () => {
		const endpoint = await startEndpoint(['hang', 'hang', 'hang']);
		const { context } = remoteContext({ baseUrl: endpoint.url, options: { timeout: 0.3, maxRetries: 1, batchSize: 2 } });
		const failure = (await outcome(context)) as NodeApiError;
		await endpoint.close();
		expect(failure).toBeInstanceOf(NodeApiError);
		expect(failure.message).toBe(`The scoring endpoint ${endpoint.url}/score failed for items 0 to 1: no answer within 0.3 s (the Timeout option); batch 1 of 2, gave up after 1 retry`);
		expect(failure.description).toContain('raise Timeout (Seconds) or lower Batch Size');
		expect(endpoint.requests).toHaveLength(2);
	});

	it('does not retry what will fail again (401), and says so with the HTTP status', async () => {
		const endpoint = await startEndpoint([]);
		const { context } = remoteContext({ baseUrl: endpoint.url, send: async (ctx, request) => await sendLikeN8n(ctx, request, 'wrong-token') });
		const failure = (await outcome(context)) as NodeApiError;
		await endpoint.close();
		expect(failure).toBeInstanceOf(NodeApiError);
		expect(failure.httpCode).toBe('401');
		expect(failure.message).toMatch(/failed for items 0 to 3: HTTP 401 \{"error":"unauthorized"\}; batch 1 of 1$/);
		expect(endpoint.requests).toHaveLength(1);
	});

	it('gives up on a failed batch under Continue on fail with one error item per item of that batch; later batches are scored', async () => {
		const endpoint = await startEndpoint(['500']);
		const { context } = remoteContext({ baseUrl: endpoint.url, continueOnFail: true, options: { maxRetries: 0, batchSize: 2 } });
		const output = (await outcome(context)) as INodeExecutionData[];
		await endpoint.close();
		expect(output.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
		expect(output.slice(0, 2).map((item) => item.json.error)).toEqual([0, 1].map(() => expect.stringMatching(/failed for items 0 to 1: HTTP 500 \{"error":"injected 500"\}; batch 1 of 2, gave up after 0 retries$/)));
		expect(output.slice(0, 2).every((item) => item.error instanceof NodeApiError)).toBe(true);
		expect(output.slice(2).map((item) => item.json.churnModel)).toEqual(['remote', 'remote']);
	});

	it('aborts a hanging request when the execution is cancelled, without waiting for the timeout', async () => {
		const controller = new AbortController();
		const endpoint = await startEndpoint(['hang'], () => controller.abort());
		const { context } = remoteContext({ baseUrl: endpoint.url, signal: controller.signal });
		const started = Date.now();
		const failure = (await outcome(context)) as NodeOperationError;
		await endpoint.close();
		expect(failure).toBeInstanceOf(NodeOperationError);
		expect(failure.message).toBe('The execution was cancelled while items 0 to 3 were being scored (batch 1 of 1)');
		expect(Date.now() - started).toBeLessThan(5000);
		expect(endpoint.requests).toHaveLength(1);
	});

	it('does not wait to retry, nor retry, once the execution is cancelled', async () => {
		const controller = new AbortController();
		let calls = 0;
		const { context } = remoteContext({
			baseUrl: 'http://127.0.0.1:9',
			signal: controller.signal,
			send: async (ctx) => {
				calls++;
				controller.abort();
				throw new NodeApiError(ctx.getNode(), { httpCode: '503', message: 'Service Unavailable' });
			},
		});
		const failure = (await outcome(context)) as Error;
		expect(failure.message).toContain('The execution was cancelled');
		expect(calls).toBe(1);
	});

	it('keeps the password, the ?key= of the base URL and the API key out of messages, descriptions and error items', async () => {
		const baseUrl = 'http://admin:hunter2pass@127.0.0.1:9/?key=SECRETKEY123&region=eu';
		const leaky = async (ctx: IExecuteFunctions, request: IHttpRequestOptions) => {
			// A proxy or library that prints the whole request: URL with userinfo and query, and the bearer.
			throw new NodeApiError(ctx.getNode(), { message: `connect ECONNREFUSED ${request.url} with Bearer ${endpointBearer}`, code: 'ECONNREFUSED' });
		};
		const { context, sent } = remoteContext({ baseUrl, send: leaky, options: { maxRetries: 0 } });
		const failure = (await outcome(context)) as NodeApiError;
		expect(sent[0].url).toBe('http://admin:hunter2pass@127.0.0.1:9/score?key=SECRETKEY123&region=eu');
		const { context: continuing } = remoteContext({ baseUrl, send: leaky, options: { maxRetries: 0 }, continueOnFail: true });
		const items = (await outcome(continuing)) as INodeExecutionData[];
		const shown = JSON.stringify([failure.message, failure.description, failure.messages, items.map((item) => [item.json, item.error?.message, item.error?.description])]);
		for (const secret of ['hunter2pass', 'admin', 'SECRETKEY123', endpointBearer]) expect(shown).not.toContain(secret);
		expect(failure.message).toContain('http://***:***@127.0.0.1:9/score?key=***&region=eu failed for items 0 to 3');
		expect(items).toHaveLength(4);
	});

	it('keeps the key of the base URL on the request when the endpoint path is added', async () => {
		const endpoint = await startEndpoint([]);
		const { context } = remoteContext({ baseUrl: `${endpoint.url}/?key=SECRETKEY123` });
		await outcome(context);
		await endpoint.close();
		expect(endpoint.requests[0]).toMatchObject({ url: '/score', query: 'key=SECRETKEY123' });
	});
});
