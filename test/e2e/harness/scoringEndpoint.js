'use strict';
// A team's own churn scoring endpoint, as Score Churn's "Score With Remote Endpoint" expects one, for e2e
// tests in a real n8n: POST /score with {"horizon", "horizonUnit", "customers": [...]} answers {"scores": [...]}
// in the same order; GET /health answers 200. Both require `Authorization: Bearer <token>` (401 otherwise).
//
// Its model is a stand-in with a closed form the test can recompute from each customer's profile:
//   churnProbability = (T - recency) / (T + 1),  probabilityAlive = 1 - churnProbability,
//   expectedPurchases = horizon x frequency / (T + 1),  churnReasons only for customers with repeat purchases.
// It runs in a child process, because the harness runs `n8n execute` with spawnSync: an in-process server could
// not answer while that call blocks the test's event loop. Each request is appended as one JSON line to a log.
// Plain .js: it opens sockets and files, which n8n-node lint forbids in linted .ts files.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
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

function createScoringServer(token, onRequest) {
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
			onRequest({
				method: request.method,
				url: request.url,
				authorized,
				contentType: request.headers['content-type'] || null,
				horizon: body?.horizon ?? null,
				horizonUnit: body?.horizonUnit ?? null,
				customers: customers ? customers.length : null,
				customerIds: customers ? customers.map((customer) => customer.customerId ?? null) : [],
			});
			const answer = (status, payload) => {
				response.writeHead(status, { 'content-type': 'application/json' });
				response.end(JSON.stringify(payload));
			};
			if (!authorized) return answer(401, { error: 'unauthorized' });
			if (request.method === 'GET' && request.url === '/health') return answer(200, { ok: true });
			if (request.method !== 'POST' || request.url !== '/score')
				return answer(404, { error: 'not found' });
			if (!customers) return answer(400, { error: 'body must be {"customers": [...]}' });
			return answer(200, {
				scores: customers.map((customer) => stubScore(customer, Number(body.horizon) || 0)),
			});
		});
	});
}

const liveEndpoints = new Set();
process.once('exit', () => {
	for (const child of liveEndpoints) {
		try {
			child.kill('SIGKILL');
		} catch {}
	}
});

/** The scoring endpoint in a child process on 127.0.0.1; requests are read from its log file. */
class ScoringEndpoint {
	static async start({ folder, token }) {
		if (!folder || !token)
			throw new Error('ScoringEndpoint.start needs a folder for its request log and a token');
		const logFile = path.join(folder, `scoring-endpoint-${process.pid}-${Date.now()}.jsonl`);
		fs.writeFileSync(logFile, '');
		const child = spawn(process.execPath, [__filename, '--serve', logFile, token], {
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		liveEndpoints.add(child);
		child.on('exit', () => liveEndpoints.delete(child));
		const port = await new Promise((resolve, reject) => {
			let output = '';
			const fail = (why) =>
				reject(new Error(`The scoring endpoint did not start: ${why}\n${output}`));
			child.stdout.setEncoding('utf8');
			child.stdout.on('data', (chunk) => {
				output += chunk;
				const match = /listening (\d+)/.exec(output);
				if (match) resolve(Number(match[1]));
			});
			child.stderr.on('data', (chunk) => (output += chunk));
			child.once('error', (error) => fail(error.message));
			child.once('exit', (code) => fail(`exited with ${code}`));
		});
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
		return fs
			.readFileSync(this.logFile, 'utf8')
			.split('\n')
			.filter((line) => line !== '')
			.map((line) => JSON.parse(line));
	}

	async stop() {
		if (this.child.exitCode !== null || this.child.signalCode !== null) return;
		await new Promise((resolve) => {
			this.child.once('exit', resolve);
			this.child.kill('SIGTERM');
		});
	}
}

if (require.main === module && process.argv[2] === '--serve') {
	const [, , , logFile, token] = process.argv;
	const server = createScoringServer(token, (request) =>
		fs.appendFileSync(logFile, `${JSON.stringify(request)}\n`),
	);
	server.listen(0, '127.0.0.1', () => process.stdout.write(`listening ${server.address().port}\n`));
	process.on('SIGTERM', () => {
		server.close(() => process.exit(0));
		setTimeout(() => process.exit(0), 1000).unref();
	});
}

module.exports = { ScoringEndpoint, createScoringServer, stubScore };
