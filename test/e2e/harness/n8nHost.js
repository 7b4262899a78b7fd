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
const { PostgresCluster } = require('./postgres.js');

const runsRoot = path.join(projectRoot, 'test', 'e2e', '.runs');
const packageTemplate = path.join(runsRoot, 'package-template');

const liveProcesses = new Set();

function isRunning(child) {
	return child.exitCode === null && child.signalCode === null;
}

/** Sends a signal to a child's process group (n8n and its task runner); false when nothing is left. */
function signalGroup(child, signal) {
	try {
		process.kill(-child.pid, signal);
		return true;
	} catch {
		return false;
	}
}

/**
 * Stops children the way n8n expects: SIGTERM to each (n8n then stops its task runner and logs its own stop),
 * waits up to `graceMs` for them to exit, then SIGKILLs whatever is left of their process groups.
 */
async function stopProcesses(children, { graceMs = 30000 } = {}) {
	for (const child of children) {
		if (isRunning(child)) {
			try {
				process.kill(child.pid, 'SIGTERM');
			} catch {}
		}
	}
	const deadline = Date.now() + graceMs;
	while (children.some(isRunning) && Date.now() < deadline) await sleep(200);
	for (const child of children) {
		signalGroup(child, 'SIGKILL');
		liveProcesses.delete(child);
	}
}

// Last resort when the process exits without stopping its hosts (a crash, process.exit): nothing may outlive it.
process.once('exit', () => {
	for (const child of liveProcesses) signalGroup(child, 'SIGKILL');
});

// On SIGINT/SIGTERM the hosts stop gracefully before this process exits; one handler, so no other handler can
// race it with a hard kill. `npm start` replaces the action (setTerminationAction) to stop the whole demo.
let terminationAction = async () => await stopProcesses([...liveProcesses]);
let terminating = false;
function onTerminationSignal(signal) {
	if (terminating) return;
	terminating = true;
	let code = signal === 'SIGINT' ? 130 : 143;
	Promise.resolve()
		.then(() => terminationAction(signal))
		.then((chosen) => {
			if (typeof chosen === 'number') code = chosen;
		})
		.catch((error) => process.stderr.write(`${error.stack ?? error}\n`))
		.finally(() => process.exit(code));
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, onTerminationSignal);

/**
 * Replaces what happens on SIGINT/SIGTERM before the process exits (default: stop every started n8n gracefully);
 * the action may resolve to the exit code (default 130/143).
 */
function setTerminationAction(action) {
	terminationAction = action;
}

function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
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

/** The last `chars` characters of a text, marked when cut. */
function tail(text, chars = 4000) {
	const value = String(text ?? '');
	return value.length > chars ? `[... ${value.length - chars} characters before]\n${value.slice(-chars)}` : value;
}

/** Why a CLI run failed, for error messages: exit status, signal, time-out and the tail of n8n's output. */
function describeRun(run) {
	const how = [
		`exit status ${run.status ?? 'none'}`,
		run.signal ? `signal ${run.signal}` : null,
		run.error?.code === 'ETIMEDOUT' ? `killed after the ${run.timeoutMs / 1000} s time-out` : run.error ? `spawn error ${run.error.message}` : null,
		`${(run.ms / 1000).toFixed(1)} s`,
		`${run.stdout.length} characters of standard output`,
	].filter(Boolean);
	return `n8n ${run.args.join(' ')}: ${how.join(', ')}\n--- standard error (n8n's log), tail ---\n${tail(run.stderr)}\n--- standard output, tail ---\n${tail(run.stdout)}`;
}

let cliRuns = 0;

/**
 * Runs an n8n CLI command to completion, returning { status, signal, error, stdout, stderr, ms, args }; throws on
 * failure unless allowed. Standard output and error go to files, not pipes, and are read after the exit: n8n
 * exits without waiting for a pipe to drain, which cut off large `execute --rawOutput` results (26 MB arrived as
 * 12-16 MB on a busy machine). The files live in `folder` (the host's) and are removed after reading.
 */
function runCli(args, { env, folder, allowFailure = false, timeoutMs = 600000 } = {}) {
	const outputs = fs.mkdtempSync(path.join(folder ?? runsRoot, `cli-${process.pid}-${++cliRuns}-`));
	const stdoutFile = path.join(outputs, 'stdout.txt');
	const stderrFile = path.join(outputs, 'stderr.txt');
	const stdoutFd = fs.openSync(stdoutFile, 'w');
	const stderrFd = fs.openSync(stderrFile, 'w');
	const started = Date.now();
	let result;
	try {
		result = spawnSync(nodeBinary, [n8nBinary, ...args], { env, stdio: ['ignore', stdoutFd, stderrFd], timeout: timeoutMs, killSignal: 'SIGKILL' });
	} finally {
		fs.closeSync(stdoutFd);
		fs.closeSync(stderrFd);
	}
	const run = {
		args,
		status: result.status,
		signal: result.signal,
		error: result.error,
		timeoutMs,
		ms: Date.now() - started,
		stdout: fs.readFileSync(stdoutFile, 'utf8'),
		stderr: fs.readFileSync(stderrFile, 'utf8'),
	};
	fs.rmSync(outputs, { recursive: true, force: true });
	if (!allowFailure && run.status !== 0) throw new Error(`failed: ${describeRun(run)}`);
	return run;
}

/** The JSON that `n8n execute --rawOutput` prints after its log lines. */
function parseExecuteOutput(stdout) {
	const lines = stdout.split('\n');
	const start = lines.findIndex((line) => line.startsWith('{'));
	let end = lines.length - 1;
	while (end > start && lines[end] !== '}') end--;
	if (start < 0 || end <= start) throw new Error(`n8n execute printed no JSON result (${stdout.length} characters):\n${stdout.slice(0, 2000)}\n[...]\n${stdout.slice(-2000)}`);
	return JSON.parse(lines.slice(start, end + 1).join('\n'));
}

class N8nHost {
	/**
	 * Creates an isolated host: a fresh user folder with the packed package installed. With `postgres`, n8n itself
	 * runs on a private PostgreSQL cluster in that folder from the first CLI command on (see usePostgres).
	 */
	static async create(name, { extraEnv = {}, postgres = false } = {}) {
		fs.mkdirSync(runsRoot, { recursive: true });
		const folder = fs.mkdtempSync(path.join(runsRoot, `${name}-`));
		const nodesFolder = path.join(folder, '.n8n', 'nodes');
		fs.mkdirSync(path.dirname(nodesFolder), { recursive: true });
		if (!fs.existsSync(packageTemplate)) throw new Error('The package is not packed: run the e2e global setup (prepare.mjs) first');
		fs.cpSync(packageTemplate, nodesFolder, { recursive: true });
		const host = new N8nHost(folder, extraEnv);
		host.port = await freePort();
		host.brokerPort = await freePort();
		if (postgres) await host.usePostgres(typeof postgres === 'object' ? postgres : {});
		return host;
	}

	/** A host in a folder that persists (the demo of `npm start`), with the package freshly installed. */
	static async open(folder, { port, brokerPort, extraEnv = {} } = {}) {
		const nodesFolder = path.join(folder, '.n8n', 'nodes');
		fs.rmSync(nodesFolder, { recursive: true, force: true });
		fs.mkdirSync(path.dirname(nodesFolder), { recursive: true });
		fs.cpSync(packageTemplate, nodesFolder, { recursive: true });
		const host = new N8nHost(folder, extraEnv);
		host.port = port ?? (await freePort());
		host.brokerPort = brokerPort ?? (await freePort());
		return host;
	}

	constructor(folder, extraEnv) {
		this.folder = folder;
		this.extraEnv = extraEnv;
		this.processes = [];
		/** The PostgreSQL cluster of this host (startPostgres), with the `shop` database; undefined until started. */
		this.postgres = undefined;
		/** Environment that puts n8n itself on PostgreSQL (usePostgres); undefined: n8n runs on sqlite. */
		this.postgresEnv = undefined;
		/** Set by the first CLI command or start: n8n's database is chosen then and cannot change afterwards. */
		this.databaseChosen = false;
	}

	/**
	 * Starts the host's PostgreSQL cluster (Debian's postgresql, installed when missing) in <folder>/postgres with a
	 * `shop` database for workflows' own tables; n8n itself stays where it is. Returns the cluster
	 * (postgres.js: credential(), query(), rows(), n8nEnv()). `settings`: extra server settings.
	 */
	async startPostgres({ settings = {} } = {}) {
		this.postgres ??= await PostgresCluster.start(this.folder, { databases: ['shop'], settings });
		return this.postgres;
	}

	/**
	 * Runs n8n itself on PostgreSQL (DB_TYPE=postgresdb, database `n8n` of the host's cluster), as self-hosters do in
	 * production and as queue mode with several workers needs. Must come before the first CLI command (import,
	 * execute) or start: those create n8n's database.
	 */
	async usePostgres({ settings = {} } = {}) {
		if (this.postgresEnv) return this.postgres;
		if (this.databaseChosen) throw new Error('n8n already created its sqlite database in this host: ask for PostgreSQL before the first import or start (N8nHost.create(name, { postgres: true }))');
		const cluster = await this.startPostgres({ settings });
		cluster.createDatabase('n8n');
		this.postgresEnv = cluster.n8nEnv('n8n');
		return cluster;
	}

	env(extra = {}) {
		this.databaseChosen = true;
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
			...this.postgresEnv,
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
		runCli(['import:workflow', `--input=${file}`], { env: this.env(), folder: this.folder });
		return workflow.id;
	}

	/** Imports several workflows with one CLI start (`import:workflow --separate`); returns their ids. */
	importWorkflows(workflows) {
		const folder = fs.mkdtempSync(this.file('workflows-'));
		try {
			workflows.forEach((workflow, index) => fs.writeFileSync(path.join(folder, `${String(index).padStart(3, '0')}-${workflow.id}.json`), JSON.stringify(workflow, null, 2)));
			runCli(['import:workflow', '--separate', `--input=${folder}`], { env: this.env(), folder: this.folder });
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
			const run = runCli(['import:credentials', `--input=${file}`], { env: this.env(), folder: this.folder });
			if (!/Successfully imported/.test(`${run.stdout}${run.stderr}`)) {
				throw new Error(`n8n import:credentials did not import:\n${run.stdout}\n${run.stderr}`);
			}
		} finally {
			fs.rmSync(file, { force: true });
		}
		return credentials.map((credential) => credential.id);
	}

	publishWorkflow(id) {
		runCli(['publish:workflow', `--id=${id}`], { env: this.env(), folder: this.folder });
	}

	/**
	 * Executes an imported workflow headless; returns { ok, result, stdout, stderr, status, signal, failure }.
	 * `failure` says why a run was not ok (exit status, signal, the tail of n8n's log); a line of it goes to
	 * standard error, so a test that only asserts `ok` still shows the cause. A run that ended without a result
	 * (n8n crashed, was killed or timed out before it ran the workflow) is tried once more; each such attempt's
	 * cause is reported, never hidden.
	 */
	execute(id, { attempts = 2 } = {}) {
		const causes = [];
		for (let attempt = 1; ; attempt++) {
			const run = runCli(['execute', `--id=${id}`, '--rawOutput'], { env: this.env(), folder: this.folder, allowFailure: true });
			let result;
			let parseError;
			try {
				result = parseExecuteOutput(run.stdout);
			} catch (error) {
				parseError = error;
			}
			const outcome = { ok: run.status === 0 && result !== undefined, result, stdout: run.stdout, stderr: run.stderr, status: run.status, signal: run.signal };
			if (result !== undefined) {
				if (!outcome.ok) {
					const error = result.data?.resultData?.error;
					const summary = `workflow ${id} failed${error ? ` in ${error.node?.name ?? 'a node'}: ${error.message}` : ''} (exit status ${run.status ?? 'none'}${run.signal ? `, signal ${run.signal}` : ''})`;
					outcome.failure = `${summary}\n${describeRun(run)}`;
					// One line: some tests expect a failing run; the full log stays in outcome.failure.
					process.stderr.write(`[n8n execute] ${summary}\n`);
				}
				if (causes.length > 0) outcome.earlierAttempts = causes;
				return outcome;
			}
			const cause = `attempt ${attempt} of ${attempts} gave no result (${parseError.message.split('\n')[0]}): ${describeRun(run)}`;
			causes.push(cause);
			process.stderr.write(`[n8n execute] workflow ${id}: ${cause}\n`);
			if (attempt >= attempts) {
				if (run.status === 0) throw new Error(`n8n execute exited 0 without a result for workflow ${id}:\n${causes.join('\n')}`);
				return { ...outcome, failure: causes.join('\n') };
			}
		}
	}

	/**
	 * Starts an n8n process in its own process group (a terminal's Ctrl+C reaches only this process, which then
	 * stops n8n gracefully). Its output goes straight to <label>.log, appended across runs: a file, not a pipe
	 * this process must drain, so n8n never blocks on its log while a test waits in a synchronous CLI call.
	 */
	spawnProcess(args, env, label) {
		const logFile = this.file(`${label}.log`);
		const logFd = fs.openSync(logFile, 'a');
		const logStart = fs.fstatSync(logFd).size;
		let child;
		try {
			child = spawn(nodeBinary, [n8nBinary, ...args], { env, detached: true, stdio: ['ignore', logFd, logFd] });
		} finally {
			fs.closeSync(logFd);
		}
		child.label = label;
		child.logStart = logStart;
		liveProcesses.add(child);
		child.on('exit', () => liveProcesses.delete(child));
		this.processes.push(child);
		return child;
	}

	/**
	 * Starts `n8n start` (and, in queue mode, Redis and `workers` workers running `concurrency` jobs each) and waits
	 * until it is ready. `postgres`: n8n itself on PostgreSQL (usePostgres; only before the first CLI command). A host
	 * stopped before starts its cluster again.
	 */
	async start({ queue = false, workers = 1, concurrency = 2, postgres = false } = {}) {
		if (postgres) await this.usePostgres();
		this.postgres?.startServer();
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
		const main = this.spawnProcess(['start'], this.env(extra), 'main');
		await this.waitForReady(this.port, 300000, 'main', '/healthz/readiness', main);
		for (let w = 0; w < (queue ? workers : 0); w++) {
			const healthPort = await freePort();
			const brokerPort = await freePort();
			const worker = this.spawnProcess(
				['worker', `--concurrency=${concurrency}`],
				this.env({ ...extra, QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(healthPort), N8N_RUNNERS_BROKER_PORT: String(brokerPort) }),
				`worker-${w}`,
			);
			await this.waitForReady(healthPort, 300000, `worker-${w}`, '/healthz', worker);
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

	/**
	 * Waits until `child` is ready: its endpoint answers 200 while the child is alive, and for `n8n start` its own
	 * log says the editor is accessible, so an answer from another server on the same port never counts.
	 */
	async waitForReady(port, timeoutMs, label, endpoint, child) {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (!isRunning(child)) {
				throw new Error(`n8n ${label} (pid ${child.pid}) exited (${child.exitCode ?? child.signalCode}) before it was ready; its log:\n${this.readLog(label, child)}`);
			}
			let answered = false;
			try {
				const response = await axios.get(`http://127.0.0.1:${port}${endpoint}`, { timeout: 2000, validateStatus: () => true });
				answered = response.status === 200;
			} catch {}
			const ours = label !== 'main' || /Editor is now accessible via/.test(this.readLog(label, child, Infinity));
			if (answered && ours && isRunning(child)) return;
			await sleep(500);
		}
		throw new Error(`n8n ${label} (pid ${child.pid}) not ready after ${timeoutMs} ms; its log:\n${this.readLog(label, child)}`);
	}

	/** The tail of a process's log (<label>.log); with `child`, only what that process wrote. */
	readLog(label, child = undefined, chars = 4000) {
		try {
			const bytes = fs.readFileSync(this.file(`${label}.log`));
			const own = (child ? bytes.subarray(child.logStart) : bytes).toString('utf8');
			return chars === Infinity ? own : own.slice(-chars);
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
				process.stderr.write(`[n8n webhook] ${method} /webhook/${webhookPath}: ${error.code} before any answer (try ${resets} of 2 more)\n`);
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

	/**
	 * Stops every process this host started: SIGTERM to n8n (it logs "Stopping n8n..." and closes its database
	 * cleanly, so the next start finds no crashed session), then Redis, then PostgreSQL (its data is kept for a
	 * next start); SIGKILL after `graceMs`.
	 */
	async stop({ graceMs = 30000 } = {}) {
		const n8nProcesses = this.processes.filter((child) => child.label);
		await stopProcesses(n8nProcesses, { graceMs });
		await stopProcesses(this.processes.filter((child) => !child.label), { graceMs });
		this.processes = [];
		await this.postgres?.stop();
	}

	/** Stops PostgreSQL if it still runs and removes the host's folder (keep it with KEEP_E2E_RUNS=1 to inspect logs). */
	dispose() {
		this.postgres?.stopSync();
		if (process.env.KEEP_E2E_RUNS === '1') return;
		fs.rmSync(this.folder, { recursive: true, force: true });
	}
}

module.exports = { runsRoot, packageTemplate, freePort, parseExecuteOutput, runCli, describeRun, stopProcesses, setTerminationAction, N8nHost };
