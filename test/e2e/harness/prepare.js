'use strict';
// Once per e2e run: provision the host (cached), build and pack this package, and install the tarball
// into a template nodes folder that each test host copies (as `npm install` in ~/.n8n/nodes would).
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { packageTemplate, runsRoot } = require('./n8nHost.js');
const { projectRoot } = require('./paths.js');
const { provisionHost } = require('./provision.js');
const { ensureChromium } = require('./browser.js');
const { ensurePostgres } = require('./postgres.js');

/** Runs a command; its output goes to files (a child exiting before a pipe drains loses output), returns stdout. */
function run(command, args, options = {}) {
	fs.mkdirSync(runsRoot, { recursive: true });
	const folder = fs.mkdtempSync(path.join(runsRoot, `prepare-${process.pid}-`));
	const files = [path.join(folder, 'stdout.txt'), path.join(folder, 'stderr.txt')];
	const fds = files.map((file) => fs.openSync(file, 'w'));
	let result;
	try {
		result = spawnSync(command, args, { cwd: projectRoot, ...options, stdio: ['ignore', ...fds] });
	} finally {
		fds.forEach((fd) => fs.closeSync(fd));
	}
	const [stdout, stderr] = files.map((file) => fs.readFileSync(file, 'utf8'));
	fs.rmSync(folder, { recursive: true, force: true });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit status ${result.status ?? 'none'}${result.signal ? `, signal ${result.signal}` : ''}):\n${stdout.slice(-6000)}\n${stderr.slice(-6000)}`);
	return stdout;
}

/**
 * Options: chromium and redis (default true) also make sure the system Chromium of the editor screenshot test and
 * the redis-server of the queue-mode tests are installed, postgres (default: as redis, the production layout needs
 * both) the PostgreSQL of the Postgres tests; the demo needs none of them. progress(line) hears each step.
 */
async function prepareE2e({ chromium = true, redis = true, postgres = redis, progress = () => {} } = {}) {
	provisionHost();
	fs.mkdirSync(runsRoot, { recursive: true });
	progress('Building the package (n8n-node build) and packing it as npm would publish it');
	run('npm', ['run', 'build']);
	const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', runsRoot]));
	const tarball = path.join(runsRoot, packed[0].filename);
	fs.rmSync(packageTemplate, { recursive: true, force: true });
	fs.mkdirSync(packageTemplate, { recursive: true });
	fs.writeFileSync(path.join(packageTemplate, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }));
	run('npm', ['install', '--omit=peer', '--no-save', '--no-package-lock', '--ignore-scripts', tarball], { cwd: packageTemplate });
	const installed = path.join(packageTemplate, 'node_modules', 'n8n-nodes-lifecycle', 'package.json');
	if (!fs.existsSync(installed)) throw new Error('The packed package did not install into the template nodes folder');
	if (redis) ensureRedis();
	if (postgres) ensurePostgres();
	if (chromium) ensureChromium();
}

/** Queue-mode tests need Debian's redis-server; install it when missing (CI machines start bare). */
function ensureRedis() {
	if (spawnSync('which', ['redis-server']).status === 0) return;
	spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
	const install = spawnSync('apt-get', ['install', '-y', '-qq', 'redis-server'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
	if (install.status !== 0) throw new Error('redis-server is needed for the queue-mode test and could not be installed with apt-get');
}

module.exports = { prepareE2e, ensureRedis, ensureChromium, ensurePostgres };
