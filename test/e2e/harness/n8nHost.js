'use strict';
// A real n8n host for end-to-end tests and `npm start`: an isolated user folder with this package
// installed as a community package, the n8n CLI for import/execute, and a server for webhooks,
// optionally in queue mode with Redis and workers. Recipe: ../shared/docs/n8n-host.md.
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const axios = require('axios');
const { n8nBinary, nodeBinary, projectRoot } = require('./paths.js');
const { hostNodeEnv } = require('./provision.js');

const runsRoot = path.join(projectRoot, 'test', 'e2e', '.runs');
const packageTemplate = path.join(runsRoot, 'package-template');

const liveProcesses = new Set();
function killAll() {
	for (const child of liveProcesses) {
		try {
			process.kill(-child.pid, 'SIGKILL');
		} catch {}
	}
}
process.once('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.once(signal, () => {
		killAll();
		process.exit(130);
	});
}

async function freePort() {
	return await new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs a command to completion, returning { status, stdout, stderr }; throws on failure unless allowed. */
function runCli(args, { env, allowFailure = false, timeoutMs = 300000 } = {}) {
	const result = spawnSync(nodeBinary, [n8nBinary, ...args], { env, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 1 << 30 });
	if (!allowFailure && result.status !== 0) {
		throw new Error(`n8n ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
	}
	return result;
}

/** The JSON that `n8n execute --rawOutput` prints after its log lines. */
function parseExecuteOutput(stdout) {
	const lines = stdout.split('\n');
	const start = lines.findIndex((line) => line.startsWith('{'));
	let end = lines.length - 1;
	while (end > start && lines[end] !== '}') end--;
	if (start < 0 || end <= start) throw new Error(`n8n execute printed no JSON result:\n${stdout.slice(0, 4000)}`);
	return JSON.parse(lines.slice(start, end + 1).join('\n'));
}

class N8nHost {
	/** Creates an isolated host: a fresh user folder with the packed package installed. */
	static async create(name, { extraEnv = {} } = {}) {
		fs.mkdirSync(runsRoot, { recursive: true });
		const folder = fs.mkdtempSync(path.join(runsRoot, `${name}-`));
		const nodesFolder = path.join(folder, '.n8n', 'nodes');
		fs.mkdirSync(path.dirname(nodesFolder), { recursive: true });
		if (!fs.existsSync(packageTemplate)) throw new Error('The package is not packed: run the e2e global setup (prepare.mjs) first');
		fs.cpSync(packageTemplate, nodesFolder, { recursive: true });
		const host = new N8nHost(folder, extraEnv);
		host.port = await freePort();
		host.brokerPort = await freePort();
		return host;
	}

	/** A host in a folder that persists (the demo of `npm start`), with the package freshly installed. */
	static async open(folder, { port, extraEnv = {} } = {}) {
		const nodesFolder = path.join(folder, '.n8n', 'nodes');
		fs.rmSync(nodesFolder, { recursive: true, force: true });
		fs.mkdirSync(path.dirname(nodesFolder), { recursive: true });
		fs.cpSync(packageTemplate, nodesFolder, { recursive: true });
		const host = new N8nHost(folder, extraEnv);
		host.port = port ?? (await freePort());
		host.brokerPort = await freePort();
		return host;
	}

	constructor(folder, extraEnv) {
		this.folder = folder;
		this.extraEnv = extraEnv;
		this.processes = [];
	}

	env(extra = {}) {
		return hostNodeEnv({
			NODE_ENV: 'production',
			N8N_USER_FOLDER: this.folder,
			DB_TYPE: 'sqlite',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_SECURE_COOKIE: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PORT: String(this.port),
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
			N8N_DISABLED_MODULES: 'mcp-registry',
			N8N_RESTRICT_FILE_ACCESS_TO: this.folder,
			N8N_BLOCK_ENV_ACCESS_IN_NODE: 'true',
			...this.extraEnv,
			...extra,
		});
	}

	/** A file inside the host's folder, the only place its file nodes may read and write. */
	file(...parts) {
		return path.join(this.folder, ...parts);
	}

	/** Writes a text file into the host's folder and returns its path. */
	writeFile(name, text) {
		const file = this.file(name);
		fs.writeFileSync(file, text);
		return file;
	}

	readFile(name) {
		return fs.readFileSync(this.file(name), 'utf8');
	}

	importWorkflow(workflow) {
		const file = this.file(`workflow-${workflow.id}.json`);
		fs.writeFileSync(file, JSON.stringify(workflow, null, 2));
		runCli(['import:workflow', `--input=${file}`], { env: this.env() });
		return workflow.id;
	}

	/** Imports several workflows with one CLI start (`import:workflow --separate`); returns their ids. */
	importWorkflows(workflows) {
		const folder = fs.mkdtempSync(this.file('workflows-'));
		try {
			workflows.forEach((workflow, index) => fs.writeFileSync(path.join(folder, `${String(index).padStart(3, '0')}-${workflow.id}.json`), JSON.stringify(workflow, null, 2)));
			runCli(['import:workflow', '--separate', `--input=${folder}`], { env: this.env() });
		} finally {
			fs.rmSync(folder, { recursive: true, force: true });
		}
		return workflows.map((workflow) => workflow.id);
	}

	/**
	 * Imports credentials with `n8n import:credentials`: [{ id, name, type, data }], where `data` is the plain
	 * object of the credential's fields (n8n 2.41.1 encrypts an object `data` with the host's key on import).
	 * The plain-text file is removed after the import. Returns the ids.
	 */
	importCredentials(credentials) {
		const file = this.file(`credentials-${credentials.map((credential) => credential.id).join('-')}.json`);
		fs.writeFileSync(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
		try {
			const run = runCli(['import:credentials', `--input=${file}`], { env: this.env() });
			if (!/Successfully imported/.test(`${run.stdout}${run.stderr}`)) {
				throw new Error(`n8n import:credentials did not import:\n${run.stdout}\n${run.stderr}`);
			}
		} finally {
			fs.rmSync(file, { force: true });
		}
		return credentials.map((credential) => credential.id);
	}

	publishWorkflow(id) {
		runCli(['publish:workflow', `--id=${id}`], { env: this.env() });
	}

	/** Executes an imported workflow headless; returns { ok, result, stdout, stderr }. */
	execute(id, { attempts = 2 } = {}) {
		const run = runCli(['execute', `--id=${id}`, '--rawOutput'], { env: this.env(), allowFailure: true });
		let result;
		try {
			result = parseExecuteOutput(run.stdout);
		} catch (error) {
			if (run.status === 0) {
				// Seen rarely under heavy load: exit 0 without the result on stdout. Run once more, and say why if that fails too.
				if (attempts > 1) return this.execute(id, { attempts: attempts - 1 });
				throw new Error(`${error.message}\n--- stderr ---\n${String(run.stderr).slice(-4000)}`);
			}
		}
		return { ok: run.status === 0, result, stdout: run.stdout, stderr: run.stderr };
	}

	spawnProcess(args, env, label) {
		const child = spawn(nodeBinary, [n8nBinary, ...args], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
		const log = fs.createWriteStream(this.file(`${label}.log`));
		child.stdout.pipe(log);
		child.stderr.pipe(log);
		liveProcesses.add(child);
		child.on('exit', () => liveProcesses.delete(child));
		this.processes.push(child);
		return child;
	}

	/** Starts `n8n start` (and, in queue mode, Redis and workers) and waits until it is ready. */
	async start({ queue = false, workers = 1 } = {}) {
		let extra = {};
		if (queue) {
			this.redisPort = await freePort();
			const redis = spawn('redis-server', ['--port', String(this.redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
				detached: true,
				stdio: 'ignore',
			});
			liveProcesses.add(redis);
			this.processes.push(redis);
			await this.waitForPort(this.redisPort, 20000);
			extra = { EXECUTIONS_MODE: 'queue', QUEUE_BULL_REDIS_HOST: '127.0.0.1', QUEUE_BULL_REDIS_PORT: String(this.redisPort), OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true' };
			this.queueEnv = extra;
		}
		this.spawnProcess(['start'], this.env(extra), 'main');
		await this.waitForReady(this.port, 120000, 'main');
		for (let w = 0; w < (queue ? workers : 0); w++) {
			const healthPort = await freePort();
			const brokerPort = await freePort();
			this.spawnProcess(
				['worker', '--concurrency=2'],
				this.env({ ...extra, QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(healthPort), N8N_RUNNERS_BROKER_PORT: String(brokerPort) }),
				`worker-${w}`,
			);
			await this.waitForReady(healthPort, 120000, `worker-${w}`, '/healthz');
		}
	}

	async waitForPort(port, timeoutMs) {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			const open = await new Promise((resolve) => {
				const socket = net.connect(port, '127.0.0.1', () => {
					socket.end();
					resolve(true);
				});
				socket.on('error', () => resolve(false));
			});
			if (open) return;
			await sleep(200);
		}
		throw new Error(`Nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
	}

	async waitForReady(port, timeoutMs, label, endpoint = '/healthz/readiness') {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			try {
				const response = await axios.get(`http://127.0.0.1:${port}${endpoint}`, { timeout: 2000, validateStatus: () => true });
				if (response.status === 200) return;
			} catch {}
			const dead = this.processes.find((child) => child.exitCode !== null && child.spawnargs.includes(label === 'main' ? 'start' : 'worker'));
			if (dead) throw new Error(`n8n ${label} exited (${dead.exitCode}); log: ${this.readLog(label)}`);
			await sleep(500);
		}
		throw new Error(`n8n ${label} not ready after ${timeoutMs} ms; log: ${this.readLog(label)}`);
	}

	readLog(label) {
		try {
			return fs.readFileSync(this.file(`${label}.log`), 'utf8').slice(-4000);
		} catch {
			return '(no log)';
		}
	}

	/** Calls a production webhook; retries while n8n is still registering the published workflow. */
	async webhook(webhookPath, body, { method = 'POST', registrationWaitMs = 30000, timeoutMs = 120000 } = {}) {
		const deadline = Date.now() + registrationWaitMs;
		let resets = 0;
		for (;;) {
			let response;
			try {
				response = await this.request(webhookPath, body, method, timeoutMs);
			} catch (error) {
				// A connection reset or refused before any answer (n8n still settling after start): try again, twice at most.
				if (!['ECONNRESET', 'ECONNREFUSED'].includes(error.code) || ++resets > 2) throw error;
				await sleep(2000);
				continue;
			}
			if (response.status !== 404 || Date.now() > deadline) return response;
			await sleep(500);
		}
	}

	async request(webhookPath, body, method, timeoutMs = 120000) {
		const response = await axios.request({
			method,
			url: `http://127.0.0.1:${this.port}/webhook/${webhookPath}`,
			data: body,
			timeout: timeoutMs,
			validateStatus: () => true,
			maxContentLength: Infinity,
			maxBodyLength: Infinity,
		});
		return { status: response.status, data: response.data };
	}

	/** Stops every process this host started: SIGTERM, then SIGKILL after a grace period. */
	async stop() {
		const running = this.processes.filter((child) => child.exitCode === null && child.signalCode === null);
		for (const child of running) {
			try {
				process.kill(-child.pid, 'SIGTERM');
			} catch {}
		}
		const deadline = Date.now() + 10000;
		while (running.some((child) => child.exitCode === null && child.signalCode === null) && Date.now() < deadline) await sleep(200);
		for (const child of running) {
			if (child.exitCode === null && child.signalCode === null) {
				try {
					process.kill(-child.pid, 'SIGKILL');
				} catch {}
			}
			liveProcesses.delete(child);
		}
		this.processes = [];
	}

	/** Removes the host's folder (keep it with KEEP_E2E_RUNS=1 to inspect logs). */
	dispose() {
		if (process.env.KEEP_E2E_RUNS === '1') return;
		fs.rmSync(this.folder, { recursive: true, force: true });
	}
}

module.exports = { runsRoot, packageTemplate, freePort, parseExecuteOutput, N8nHost };
