'use strict';
// A private PostgreSQL cluster for end-to-end tests and benches: Debian's postgresql (installed with apt-get when
// missing, like redis-server), a data folder inside the run folder, a free 127.0.0.1 port, one application user and
// its databases (n8n's own and the shop's). Recipe: ../shared/docs/n8n-host.md "PostgreSQL".
//
// initdb and pg_ctl refuse to run as root: as root they run as the `postgres` user (runuser), which needs to
// traverse the folders down to the cluster; as any other user they run as that user. pg_ctl starts the server as a
// daemon, not as a child of this process, so every started cluster is stopped on stop(), on dispose() and, as a last
// resort, when this process exits (a crash or Ctrl+C); clusters left by a process that was killed outright are
// stopped by the next start() (each cluster folder records the pid of the process that owns it).
const { spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const DEFAULT_USER = 'lifecycle';
const liveClusters = new Set();

process.once('exit', () => {
	for (const cluster of liveClusters) cluster.stopSync('immediate');
});

/**
 * Ctrl+C or a kill must reach the exit handler above. n8nHost.js handles both signals (it stops n8n, then exits);
 * a process that uses a cluster without it gets a handler that just exits.
 */
function exitOnTerminationSignals() {
	for (const signal of ['SIGINT', 'SIGTERM']) {
		if (process.listenerCount(signal) === 0) process.once(signal, () => process.exit(signal === 'SIGINT' ? 130 : 143));
	}
}

/** The folder of the newest installed PostgreSQL's programs (Debian: /usr/lib/postgresql/<major>/bin), or undefined. */
function postgresBinDir() {
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return undefined;
	const majors = fs
		.readdirSync(root)
		.filter((name) => /^\d+$/.test(name) && fs.existsSync(path.join(root, name, 'bin', 'pg_ctl')))
		.sort((a, b) => Number(b) - Number(a));
	return majors.length > 0 ? path.join(root, majors[0], 'bin') : undefined;
}

/**
 * Tests on PostgreSQL need Debian's postgresql (initdb, pg_ctl, psql); install it when missing (CI machines start
 * bare). The package's own cluster on 5432 is not used. Returns the folder of its programs.
 */
function ensurePostgres() {
	const present = postgresBinDir();
	if (present) return present;
	spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
	const install = spawnSync('apt-get', ['install', '-y', '-qq', 'postgresql'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
	const installed = postgresBinDir();
	if (install.status !== 0 || !installed) throw new Error('PostgreSQL is needed for the Postgres tests and could not be installed with apt-get install postgresql');
	return installed;
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

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a PostgreSQL program as the cluster's owner (the `postgres` user when this process is root). */
function runAsOwner(binDir, program, args, { input, allowFailure = false, timeoutMs = 120000 } = {}) {
	const binary = path.join(binDir, program);
	const [command, commandArgs] = isRoot() ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
	const result = spawnSync(command, commandArgs, { input, encoding: 'utf8', timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 1024 * 1024 * 1024, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
	if (!allowFailure && result.status !== 0) {
		throw new Error(`${program} ${args.join(' ')} failed (exit status ${result.status ?? 'none'}${result.signal ? `, signal ${result.signal}` : ''}${result.error ? `, ${result.error.message}` : ''}):\n${String(result.stderr).slice(-4000)}\n${String(result.stdout).slice(-2000)}`);
	}
	return result;
}

/** Gives the `postgres` user the right to pass through every folder from / down to `folder` (o+x, never o+r). */
function makeTraversable(folder) {
	if (!isRoot()) return;
	for (let current = path.resolve(folder); ; current = path.dirname(current)) {
		const mode = fs.statSync(current).mode & 0o777;
		if ((mode & 0o001) === 0) fs.chmodSync(current, mode | 0o001);
		if (current === path.dirname(current)) break;
	}
}

const quoteLiteral = (text) => `'${String(text).replace(/'/g, "''")}'`;
const quoteIdentifier = (text) => `"${String(text).replace(/"/g, '""')}"`;

/** Stops clusters under `root` whose owning process is gone (it was killed before it could stop them). */
function stopAbandonedClusters(root, binDir) {
	if (!fs.existsSync(root)) return;
	for (const entry of fs.readdirSync(root)) {
		const folder = path.join(root, entry, 'postgres');
		const ownerFile = path.join(folder, 'owner.pid');
		if (!fs.existsSync(ownerFile) || !fs.existsSync(path.join(folder, 'data', 'postmaster.pid'))) continue;
		const owner = Number(fs.readFileSync(ownerFile, 'utf8'));
		let alive = true;
		try {
			process.kill(owner, 0);
		} catch {
			alive = false;
		}
		if (!alive) runAsOwner(binDir, 'pg_ctl', ['-D', path.join(folder, 'data'), '-m', 'immediate', '-w', 'stop'], { allowFailure: true });
	}
}

class PostgresCluster {
	/**
	 * Creates and starts a cluster in <folder>/postgres on a free 127.0.0.1 port, with an application user (random
	 * password) that owns `databases`. `settings` are extra server settings (-c name=value), e.g. { max_connections: 200 }.
	 */
	static async start(folder, { databases = ['shop'], user = DEFAULT_USER, settings = {} } = {}) {
		const binDir = ensurePostgres();
		exitOnTerminationSignals();
		stopAbandonedClusters(path.dirname(path.resolve(folder)), binDir);
		const root = path.join(path.resolve(folder), 'postgres');
		fs.mkdirSync(root, { recursive: true });
		makeTraversable(root);
		if (isRoot()) spawnSync('chown', ['-R', 'postgres:postgres', root]);
		const cluster = new PostgresCluster(root, binDir, await freePort(), user, crypto.randomBytes(12).toString('hex'));
		fs.writeFileSync(path.join(root, 'owner.pid'), String(process.pid));
		runAsOwner(binDir, 'initdb', ['-D', cluster.dataDir, '-U', 'postgres', '--auth-local=trust', '--auth-host=scram-sha-256', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync']);
		cluster.settings = settings;
		cluster.startServer();
		cluster.admin(`CREATE ROLE ${quoteIdentifier(user)} LOGIN PASSWORD ${quoteLiteral(cluster.password)}`);
		for (const database of databases) cluster.createDatabase(database);
		return cluster;
	}

	constructor(root, binDir, port, user, password) {
		this.root = root;
		this.binDir = binDir;
		this.dataDir = path.join(root, 'data');
		this.logFile = path.join(root, 'postgres.log');
		this.host = '127.0.0.1';
		this.port = port;
		this.user = user;
		this.password = password;
		this.running = false;
	}

	/**
	 * Starts the server of the created cluster (again after stop(): its data is kept). Durability settings are off
	 * (fsync, synchronous commit, full page writes): a test cluster is thrown away, never recovered.
	 */
	startServer() {
		if (this.running) return;
		const options = [`-p ${this.port}`, `-k ${this.root}`, '-c listen_addresses=127.0.0.1', '-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off'];
		for (const [name, value] of Object.entries(this.settings ?? {})) options.push(`-c ${name}=${value}`);
		liveClusters.add(this);
		this.running = true;
		runAsOwner(this.binDir, 'pg_ctl', ['-D', this.dataDir, '-l', this.logFile, '-o', options.join(' '), '-w', '-t', '120', 'start']);
	}

	/** Runs SQL as the superuser over the cluster's socket (psql, stops at the first error); returns psql's output. */
	admin(sql, { database = 'postgres' } = {}) {
		return runAsOwner(this.binDir, 'psql', ['-h', this.root, '-p', String(this.port), '-U', 'postgres', '-d', database, '-v', 'ON_ERROR_STOP=1', '-X', '-q', '-At'], { input: sql }).stdout;
	}

	/** Creates a database owned by the application user. */
	createDatabase(name) {
		this.admin(`CREATE DATABASE ${quoteIdentifier(name)} OWNER ${quoteIdentifier(this.user)}`);
	}

	/**
	 * Runs SQL as the application user over TCP (as n8n connects), one psql run, stopping at the first error;
	 * returns psql's unaligned output. `input` may hold COPY ... FROM STDIN data after the SQL.
	 */
	query(sql, { database = 'shop', timeoutMs = 600000 } = {}) {
		const result = spawnSync(path.join(this.binDir, 'psql'), ['-h', this.host, '-p', String(this.port), '-U', this.user, '-d', database, '-v', 'ON_ERROR_STOP=1', '-X', '-q', '-At'], {
			input: sql,
			encoding: 'utf8',
			env: { ...process.env, PGPASSWORD: this.password, PGCONNECT_TIMEOUT: '10' },
			timeout: timeoutMs,
			killSignal: 'SIGKILL',
			maxBuffer: 1024 * 1024 * 1024,
		});
		if (result.status !== 0) throw new Error(`psql on ${database} failed (exit status ${result.status ?? 'none'}${result.error ? `, ${result.error.message}` : ''}):\n${String(result.stderr).slice(-4000)}\nSQL: ${sql.slice(0, 2000)}`);
		return result.stdout;
	}

	/** The rows of a SELECT as JSON objects (PostgreSQL's own row_to_json: timestamptz as ISO text with offset). */
	rows(select, { database = 'shop' } = {}) {
		const text = this.query(`SELECT coalesce(json_agg(row_to_json(result)), '[]'::json) FROM (${select}) AS result`, { database });
		return JSON.parse(text);
	}

	/** Environment that runs n8n itself on `database` of this cluster. */
	n8nEnv(database = 'n8n') {
		return {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: this.host,
			DB_POSTGRESDB_PORT: String(this.port),
			DB_POSTGRESDB_DATABASE: database,
			DB_POSTGRESDB_USER: this.user,
			DB_POSTGRESDB_PASSWORD: this.password,
		};
	}

	/** A credential of n8n's Postgres node for `database`, for N8nHost.importCredentials. */
	credential({ id = 'lifecyclePgShop1', name = 'Lifecycle Postgres', database = 'shop' } = {}) {
		return {
			id,
			name,
			type: 'postgres',
			data: { host: this.host, port: this.port, database, user: this.user, password: this.password, ssl: 'disable', allowUnauthorizedCerts: false, maxConnections: 20 },
		};
	}

	/** The tail of the server's log. */
	readLog(chars = 4000) {
		try {
			return fs.readFileSync(this.logFile, 'utf8').slice(-chars);
		} catch {
			return '(no log)';
		}
	}

	/** Stops the server (fast: open sessions are ended, the data is written) and waits for it. */
	stopSync(mode = 'fast') {
		if (!this.running) return;
		runAsOwner(this.binDir, 'pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', '-t', '60', 'stop'], { allowFailure: true });
		this.running = false;
		liveClusters.delete(this);
	}

	async stop() {
		this.stopSync('fast');
	}

	/** Stops the server if it still runs and removes its folder. */
	dispose() {
		this.stopSync('fast');
		fs.rmSync(this.root, { recursive: true, force: true });
	}
}

module.exports = { PostgresCluster, ensurePostgres, postgresBinDir };
