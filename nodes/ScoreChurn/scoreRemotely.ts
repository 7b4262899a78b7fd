import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';
import type { HttpFailure, ScoreChurnProfilesOptions } from '../../lib';
import { joinEndpointUrl, LifecycleInputError, parseRetryAfter, planRetry, readRemoteScores, redactSecrets, redactUrl, urlSecrets } from '../../lib';
import { errorItem, ItemErrorCollector } from '../shared/itemErrors';
import { inInputOrder } from '../shared/pairedItems';

export interface RemoteOptions {
	batchSize?: number;
	maxRetries?: number;
	timeout?: number;
}

/** Where and how to call the endpoint, and what must never be printed. */
interface RemoteCall {
	url: string;
	/** The URL as messages show it: user, password and key-like query values as ***. */
	shownUrl: string;
	secrets: string[];
	timeoutMs: number;
	maxRetries: number;
	signal: AbortSignal | undefined;
}

/** One failed batch: what n8n's HTTP helper reported and how the retries ended. */
interface FailedCall extends HttpFailure {
	message: string;
	responseBody: unknown;
	retries: number;
	reason: string;
}

type CallResult = { response: unknown } | { failed: FailedCall } | { cancelled: true };

const CHECK_CREDENTIAL =
	'Check the Lifecycle Scoring API credential (Base URL, API key or token, header) and that the endpoint answers POST {"horizon", "horizonUnit", "customers": [...]} with {"scores": [...]}, one per customer in the same order';

async function remoteCall(context: IExecuteFunctions, path: string, options: RemoteOptions): Promise<RemoteCall> {
	const credentials = await context.getCredentials('lifecycleScoringApi');
	const baseUrl = String(credentials.baseUrl ?? '').trim();
	const apiKey = String(credentials.apiKey ?? '');
	const url = joinEndpointUrl(baseUrl, path);
	const timeoutSeconds = options.timeout ?? 30;
	if (!(timeoutSeconds > 0 && Number.isFinite(timeoutSeconds))) {
		throw new NodeOperationError(context.getNode(), `Timeout must be a number of seconds > 0; got ${timeoutSeconds}`, { description: 'Set Timeout (Seconds) in the options, for example 30' });
	}
	const maxRetries = Math.max(0, Math.floor(options.maxRetries ?? 3));
	return {
		url,
		shownUrl: redactUrl(url),
		secrets: [...urlSecrets(url), ...(apiKey === '' ? [] : [apiKey])],
		timeoutMs: Math.round(timeoutSeconds * 1000),
		maxRetries,
		signal: context.getExecutionCancelSignal?.(),
	};
}

/** Status, network code, Retry-After and message of an error from n8n's HTTP helper (a NodeApiError around axios's). */
function failureFacts(error: unknown): Omit<FailedCall, 'retries' | 'reason'> & { retryAfter: unknown } {
	const layers = [error, (error as { cause?: unknown } | null)?.cause].filter((layer): layer is Record<string, unknown> => layer !== null && typeof layer === 'object');
	const response = layers.map((layer) => layer.response as { status?: unknown; headers?: Record<string, unknown>; data?: unknown } | undefined).find((found) => found && typeof found === 'object');
	const httpCode = layers.map((layer) => Number(layer.httpCode)).find((code) => Number.isInteger(code) && code >= 100);
	const status = typeof response?.status === 'number' ? response.status : (httpCode ?? null);
	const code = layers.map((layer) => layer.code).find((found): found is string => typeof found === 'string' && !/^\d+$/.test(found)) ?? null;
	const message = layers.map((layer) => layer.message).find((found): found is string => typeof found === 'string' && found !== '') ?? String(error);
	return { status, code, message, responseBody: response?.data, retryAfter: response?.headers?.['retry-after'] };
}

/** POSTs one batch, trying again on 429, 5xx, timeouts and broken connections (planRetry), until cancelled. */
async function postBatch(context: IExecuteFunctions, call: RemoteCall, body: IDataObject): Promise<CallResult> {
	const request: IHttpRequestOptions = { method: 'POST', url: call.url, body, json: true, timeout: call.timeoutMs, abortSignal: call.signal };
	for (let retries = 0; ; retries++) {
		if (call.signal?.aborted) return { cancelled: true };
		let error: unknown;
		try {
			return { response: (await context.helpers.httpRequestWithAuthentication.call(context, 'lifecycleScoringApi', request)) as unknown };
		} catch (caught) {
			error = caught;
		}
		if (call.signal?.aborted) return { cancelled: true };
		const { retryAfter, ...facts } = failureFacts(error);
		const plan = planRetry(facts, { retries, maxRetries: call.maxRetries, retryAfterMs: parseRetryAfter(retryAfter, Date.now()) });
		if (!plan.retry) return { failed: { ...facts, retries, reason: plan.reason } };
		const waited = await sleep(plan.delayMs, call.signal).then(
			() => true,
			() => false,
		);
		if (!waited) return { cancelled: true };
	}
}

/** What went wrong, in words, without secrets. */
function describeFailure(failed: FailedCall, call: RemoteCall): string {
	const timedOut = failed.status === null && (failed.code === 'ECONNABORTED' || failed.code === 'ETIMEDOUT' || /timeout/i.test(failed.message));
	if (timedOut) return `no answer within ${call.timeoutMs / 1000} s (the Timeout option)`;
	if (failed.status !== null) {
		const body = failed.responseBody === undefined ? '' : ` ${JSON.stringify(failed.responseBody)?.slice(0, 200) ?? ''}`;
		return `HTTP ${failed.status}${body}`;
	}
	return failed.code ? `${failed.message} (${failed.code})` : failed.message;
}

/** A failed batch as the NodeApiError n8n's guide asks for: which items, which batch, what happened; secrets as ***. */
function batchError(context: IExecuteFunctions, failed: FailedCall, call: RemoteCall, first: number, count: number, batch: string): NodeApiError {
	const retried = failed.reason === 'not retryable' ? '' : `, ${failed.reason}`;
	const message = redactSecrets(`The scoring endpoint ${call.shownUrl} failed for items ${first} to ${first + count - 1}: ${describeFailure(failed, call)}; ${batch}${retried}`, call.secrets);
	const slow = failed.status === null ? '. If the endpoint is slow, raise Timeout (Seconds) or lower Batch Size in the options' : '';
	const description = redactSecrets(`${CHECK_CREDENTIAL}${slow}`, call.secrets);
	const httpCode = failed.status === null ? undefined : String(failed.status);
	return new NodeApiError(context.getNode(), { message, description, httpCode: httpCode ?? null } as JsonObject, { message, description, httpCode, itemIndex: first });
}

/** A lib error about the endpoint's answer, with anything the answer echoed of a secret as ***. */
function redactedInputError(error: LifecycleInputError, secrets: string[]): LifecycleInputError {
	return new LifecycleInputError(redactSecrets(error.message, secrets), { itemIndex: error.itemIndex, field: error.field, hint: error.hint === undefined ? undefined : redactSecrets(error.hint, secrets) });
}

function failBatch(context: IExecuteFunctions, errors: ItemErrorCollector, error: NodeApiError, first: number, count: number): void {
	if (!context.continueOnFail()) throw error;
	for (let k = 0; k < count; k++) errors.items.push({ ...errorItem(error as unknown as NodeOperationError, first + k), error });
}

export async function scoreRemotely(context: IExecuteFunctions, items: INodeExecutionData[], settings: ScoreChurnProfilesOptions, options: RemoteOptions): Promise<INodeExecutionData[][]> {
	const path = (context.getNodeParameter('endpointPath', 0, '/score') as string).trim() || '/score';
	const call = await remoteCall(context, path, options);
	const batchSize = Math.max(1, Math.floor(options.batchSize ?? 1000));
	const batches = Math.ceil(items.length / batchSize);
	const errors = new ItemErrorCollector(context);
	const output: INodeExecutionData[] = [];
	for (let first = 0; first < items.length; first += batchSize) {
		const batch = items.slice(first, first + batchSize);
		const label = `batch ${first / batchSize + 1} of ${batches}`;
		const result = await postBatch(context, call, { horizon: settings.horizon, horizonUnit: settings.horizonUnit, customers: batch.map((item) => item.json) });
		if ('cancelled' in result) {
			throw new NodeOperationError(context.getNode(), `The execution was cancelled while items ${first} to ${first + batch.length - 1} were being scored (${label})`);
		}
		if ('failed' in result) {
			failBatch(context, errors, batchError(context, result.failed, call, first, batch.length, label), first, batch.length);
			continue;
		}
		let scores;
		try {
			scores = readRemoteScores(result.response, batch.length, { highRisk: settings.highRisk, mediumRisk: settings.mediumRisk, horizon: settings.horizon, horizonUnit: settings.horizonUnit ?? 'week', firstItemIndex: first });
		} catch (error) {
			const contract = error instanceof LifecycleInputError ? redactedInputError(error, call.secrets) : new LifecycleInputError(String(error));
			const message = `The scoring endpoint ${call.shownUrl} answered items ${first} to ${first + batch.length - 1} (${label}) against its contract: ${contract.message}`;
			batch.forEach((_, k) => errors.fail(new LifecycleInputError(message, { field: contract.field, hint: contract.hint ?? CHECK_CREDENTIAL }), first + k));
			continue;
		}
		scores.forEach((scored, k) => {
			const itemIndex = first + k;
			if (scored instanceof LifecycleInputError) errors.fail(redactedInputError(scored, call.secrets), itemIndex);
			else output.push({ json: { ...items[itemIndex].json, ...scored }, pairedItem: { item: itemIndex } });
		});
	}
	return [inInputOrder([...output, ...errors.items])];
}
