'use strict';
// Installs the packed package into a plain n8n user folder exactly as the README's "By hand" section says: its
// shell block is read from README.md and run with bash, with HOME pointing at the new user folder, the provisioned
// Node 24 first on PATH (so its npm runs), and the registry name replaced by the packed tarball (the README's
// "From a release tarball" section). Plain .js: it spawns processes and reads files.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { N8nHost, runsRoot, freePort } = require('./n8nHost.js');
const { projectRoot } = require('./paths.js');
const { hostNodeEnv } = require('./provision.js');

/** The commands of the README's "### By hand" shell block, one per line, comments removed. */
function readmeInstallCommands() {
	const readme = fs.readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
	const section = readme.split(/^### By hand.*$/m)[1];
	if (!section) throw new Error('README.md has no "### By hand" section');
	const block = /```sh\n([\s\S]*?)```/.exec(section);
	if (!block) throw new Error('The README\'s "By hand" section has no ```sh block');
	return block[1]
		.split('\n')
		.map((line) => line.replace(/\s+#.*$/, '').trim())
		.filter(Boolean);
}

/** The tarball the e2e global setup packed (npm pack of this project). */
function packedTarball() {
	const { name, version } = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));
	const tarball = path.join(runsRoot, `${name}-${version}.tgz`);
	if (!fs.existsSync(tarball)) throw new Error(`${tarball} is missing: the e2e global setup packs it`);
	return tarball;
}

/**
 * A fresh user folder (no .n8n at all, as before n8n's first start) where the README's commands are run.
 * Returns { host, commands, stdout } with an N8nHost on that folder, not started.
 */
async function installAsReadmeSays(name) {
	fs.mkdirSync(runsRoot, { recursive: true });
	const home = fs.mkdtempSync(path.join(runsRoot, `${name}-`));
	const tarball = packedTarball();
	const commands = readmeInstallCommands().map((command) => command.replace(/(npm install\b.*?)\bn8n-nodes-lifecycle$/, `$1${tarball}`));
	if (!commands.some((command) => command.includes(tarball))) throw new Error(`No README command installs the package: ${commands.join(' / ')}`);
	const script = ['set -euo pipefail', ...commands].join('\n');
	// HOME is the user folder; npm's user config and cache stay the machine's (no registry access is needed for a tarball).
	const env = hostNodeEnv({ HOME: home, npm_config_userconfig: path.join(process.env.HOME ?? home, '.npmrc'), npm_config_cache: path.join(process.env.HOME ?? home, '.npm') });
	const run = spawnSync('bash', ['-c', script], { cwd: home, env, encoding: 'utf8', timeout: 300000 });
	if (run.status !== 0) throw new Error(`The README's install commands failed (${run.status}):\n${script}\n${run.stdout}\n${run.stderr}`);
	const host = new N8nHost(home, {});
	host.port = await freePort();
	host.brokerPort = await freePort();
	return { host, home, commands, stdout: run.stdout };
}

module.exports = { readmeInstallCommands, installAsReadmeSays };
