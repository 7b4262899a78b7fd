'use strict';
// `npm test`: every layer, on a fresh clone too. Installs what is missing, then type-checks, lints
// (n8n-node lint, strict), builds, runs the unit tests and the e2e tests in a real n8n host, and ends
// with one line "tests: N passed, N failed, N skipped".
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const resultsFolder = path.join(root, 'test', 'e2e', '.runs');
const env = { ...process.env, npm_config_yes: 'true', npm_config_fund: 'false', npm_config_audit: 'false', FORCE_COLOR: '0' };

function step(label, command, args) {
	const started = Date.now();
	process.stdout.write(`\n=== ${label}: ${command} ${args.join(' ')}\n`);
	const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
	process.stdout.write(`=== ${label}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
	return result.status === 0;
}

function jestCounts(file) {
	try {
		const report = JSON.parse(fs.readFileSync(file, 'utf8'));
		return { passed: report.numPassedTests, failed: report.numFailedTests + (report.numRuntimeErrorTestSuites || 0), skipped: report.numPendingTests + report.numTodoTests };
	} catch {
		return { passed: 0, failed: 1, skipped: 0 };
	}
}

fs.mkdirSync(resultsFolder, { recursive: true });
const unitReport = path.join(resultsFolder, 'unit-results.json');
const e2eReport = path.join(resultsFolder, 'e2e-results.json');
for (const file of [unitReport, e2eReport]) fs.rmSync(file, { force: true });

let ok = true;
// npm ci: exactly the lock file. (unrs-resolver is pinned in devDependencies to a version whose optional
// platform bindings all exist on the registry, which npm ci requires.)
if (!fs.existsSync(path.join(root, 'node_modules', '.bin', 'jest'))) ok = step('install', 'npm', ['ci']) && ok;
if (ok) {
	ok = step('typecheck', 'npm', ['run', '--silent', 'typecheck']) && ok;
	ok = step('lint', 'npm', ['run', '--silent', 'lint']) && ok;
	ok = step('unit tests', 'npx', ['jest', '--selectProjects', 'unit', '--json', `--outputFile=${unitReport}`]) && ok;
	ok = step('provision n8n host', 'node', ['test/e2e/harness/provision.js']) && ok;
	ok = step('e2e tests in real n8n', 'npx', ['jest', '--selectProjects', 'e2e', '--runInBand', '--json', `--outputFile=${e2eReport}`]) && ok;
}
const counts = [unitReport, e2eReport].map(jestCounts).reduce((total, c) => ({
	passed: total.passed + c.passed,
	failed: total.failed + c.failed,
	skipped: total.skipped + c.skipped,
}));
if (!ok && counts.failed === 0) counts.failed = 1;
process.stdout.write(`\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
process.exit(ok ? 0 : 1);
