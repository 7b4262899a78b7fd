'use strict';
// A team's own churn scoring endpoint, as Score Churn's "Score With Remote Endpoint" expects one, for e2e
// tests in a real n8n: POST /score with {"horizon", "horizonUnit", "customers": [...]} answers {"scores": [...]}
// in the same order; GET /health answers 200. Both require `Authorization: Bearer <token>` (401 otherwise).
//
// Its model is a stand-in with a closed form the test can recompute from each customer's profile:
//   churnProbability = (T - recency) / (T + 1),  probabilityAlive = 1 - churnProbability,
//   expectedPurchases = horizon x frequency / (T + 1),  churnReasons only for customers with repeat purchases.
// Faults for the retry tests: `faults` lists what the endpoint does to successive POST /score requests before it
// answers normally: 'hang' (never answers), '503' and '429' (with Retry-After: 1), '500' (no Retry-After),
// 'reset' (drops the connection without an answer). Each request's log line names the fault it got (or null).
// It runs in a child process, because the harness runs `n8n execute` with spawnSync: an in-process server could
// not answer while that call blocks the test's event loop. Each request is appended as one JSON line to a log.
// Plain .js: it opens sockets and files, which n8n-node lint forbids in linted .ts files.
const fs = require('node:fs');
const { readJsonLines, serveUntilTerminated, startChildServer, stopChild } = require('./childServer.js');
const http = require('node:http');
const path = require('node:path');

const round4 = (value) => Math.round(value * 1e4) / 1e4;

/** The stand-in model for one customer profile (see the file comment). */
function stubScore(customer, horizon) {
	const { frequency, recency, T } = customer;
	if (
		![frequency, recency, T].every((value) => typeof value === 'number' && Number.isFinite(value))
	)
		return { churnProbability: null };
	const churnProbability = round4((T - recency) / (T + 1));
	const score = {
		churnProbability,
		probabilityAlive: round4(1 - churnProbability),
		expectedPurchases: round4((horizon * frequency) / (T + 1)),
	};
	if (frequency > 0)
		score.churnReasons = `stub model: ${round4(T - recency)} periods since the last purchase`;
	return score;
}

/** Applies one fault to a request; true when it was answered (or dropped) that way. */
function applyFault(fault, request, response) {
	if (fault === 'hang') return true; // never answered: the client's timeout or cancel ends it
	if (fault === 'reset') {
		request.socket.destroy();
		return true;
	}
	const status = Number(fault);
	const headers = { 'content-type': 'application/json' };
	if (status === 503 || status === 429) headers['retry-after'] = '1';
	response.writeHead(status, headers);
	response.end(JSON.stringify({ error: `injected ${fault}` }));
	return true;
}

function createScoringServer(token, onRequest, faults = []) {
	const pending = [...faults];
	return http.createServer((request, response) => {
		let text = '';
		request.setEncoding('utf8');
		request.on('data', (chunk) => (text += chunk));
		request.on('end', () => {
			const authorized = request.headers.authorization === `Bearer ${token}`;
			let body = null;
			try {
				body = text ? JSON.parse(text) : null;
			} catch {
				body = null;
			}
			const customers = Array.isArray(body?.customers) ? body.customers : null;
			const pathname = (request.url || '').split('?')[0];
			const fault = authorized && request.method === 'POST' && pathname === '/score' && pending.length > 0 ? pending.shift() : null;
			onRequest({
				method: request.method,
				url: pathname,
				query: (request.url || '').includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : null,
				authorized,
				contentType: request.headers['content-type'] || null,
				horizon: body?.horizon ?? null,
				horizonUnit: body?.horizonUnit ?? null,
				customers: customers ? customers.length : null,
				customerIds: customers ? customers.map((customer) => customer.customerId ?? null) : [],
				fault,
			});
			if (fault && applyFault(fault, request, response)) return;
			const answer = (status, payload) => {
				response.writeHead(status, { 'content-type': 'application/json' });
				response.end(JSON.stringify(payload));
			};
			if (!authorized) return answer(401, { error: 'unauthorized' });
			if (request.method === 'GET' && pathname === '/health') return answer(200, { ok: true });
			if (request.method !== 'POST' || pathname !== '/score')
				return answer(404, { error: 'not found' });
			if (!customers) return answer(400, { error: 'body must be {"customers": [...]}' });
			return answer(200, {
				scores: customers.map((customer) => stubScore(customer, Number(body.horizon) || 0)),
			});
		});
	});
}

/** The scoring endpoint in a child process on 127.0.0.1; requests are read from its log file. */
class ScoringEndpoint {
	static async start({ folder, token, faults = [] }) {
		if (!folder || !token)
			throw new Error('ScoringEndpoint.start needs a folder for its request log and a token');
		const logFile = path.join(folder, `scoring-endpoint-${process.pid}-${Date.now()}.jsonl`);
		fs.writeFileSync(logFile, '');
		const { child, ports } = await startChildServer(__filename, [logFile, token, JSON.stringify(faults)], 'scoring endpoint');
		const [port] = ports;
		return new ScoringEndpoint(child, port, logFile);
	}

	constructor(child, port, logFile) {
		this.child = child;
		this.port = port;
		this.url = `http://127.0.0.1:${port}`;
		this.logFile = logFile;
	}

	/** Every request received so far, in order. */
	requests() {
		return readJsonLines(this.logFile);
	}

	async stop() {
		await stopChild(this.child);
	}
}

if (require.main === module && process.argv[2] === '--serve') {
	const [, , , logFile, token, faults] = process.argv;
	const server = createScoringServer(
		token,
		(request) => fs.appendFileSync(logFile, `${JSON.stringify(request)}\n`),
		faults ? JSON.parse(faults) : [],
	);
	serveUntilTerminated(server);
}

module.exports = { ScoringEndpoint, createScoringServer, stubScore };
