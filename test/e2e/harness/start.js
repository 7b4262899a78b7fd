'use strict';
// `npm start`: checks its ports, installs what is needed, builds and packs the package, provisions n8n, and starts
// the demo (demo.js): n8n on 127.0.0.1:5678 with this package installed, the owner account, the example workflows
// and their data, a local SMTP sink and the outbox page on 127.0.0.1:5679 that shows every email sent. Prints where
// to open what and how to log in; Ctrl+C stops n8n gracefully (SIGTERM, n8n logs its own stop) and everything else.
// Ports (checked before anything starts): N8N_PORT, LIFECYCLE_OUTBOX_PORT, LIFECYCLE_CHAT_PORT (the example
// workflows post their chat summaries to 5680), N8N_RUNNERS_BROKER_PORT and LIFECYCLE_SMTP_PORT (free ones by
// default). LIFECYCLE_DEMO_FOLDER moves the demo's state (default .cache/n8n-demo).
// Install output (npm ci, the n8n install) goes to log files; the terminal shows one line per step.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { assertPortsFree, demoPorts, PortsError } = require('./ports.js');

const root = path.resolve(__dirname, '..', '..', '..');
const demoFolder = process.env.LIFECYCLE_DEMO_FOLDER ? path.resolve(process.env.LIFECYCLE_DEMO_FOLDER) : path.join(root, '.cache', 'n8n-demo');
const logsFolder = path.join(root, '.cache', 'logs');
/** Measured on a 2-core machine (see docs/demo.md): first run idle and busy, later starts. */
const FIRST_RUN_ESTIMATE = 'about 8-10 minutes on an idle 2-core machine, up to 20 when it is busy';
const WARM_START_ESTIMATE = 'about 2 minutes (4 on a busy machine)';

function say(line) {
	process.stdout.write(`${line}\n`);
}

/** Runs an install command with its output in a log file; on failure shows the log's last lines. */
function installQuietly(label, command, args, logName) {
	fs.mkdirSync(logsFolder, { recursive: true });
	const logFile = path.join(logsFolder, logName);
	say(`${label} (log: ${path.relative(root, logFile)})`);
	const started = Date.now();
	const logFd = fs.openSync(logFile, 'w');
	let result;
	try {
		result = spawnSync(command, args, { cwd: root, stdio: ['ignore', logFd, logFd], env: { ...process.env, npm_config_yes: 'true', npm_config_fund: 'false', npm_config_audit: 'false' } });
	} finally {
		fs.closeSync(logFd);
	}
	if (result.status !== 0) {
		const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
		throw new Error(`${command} ${args.join(' ')} failed (exit status ${result.status ?? 'none'}${result.signal ? `, signal ${result.signal}` : ''}); last lines of ${logFile}:\n${tail}`);
	}
	say(`  done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

function ensureInstalled() {
	if (fs.existsSync(path.join(root, 'node_modules', '.bin', 'jest'))) return;
	// npm ci: exactly the lock file.
	installQuietly("Installing the project's development tools with npm ci", 'npm', ['ci'], 'npm-ci.log');
}

function summary(demo) {
	const lines = [
		'',
		`n8n is running with n8n-nodes-lifecycle installed: ${demo.urls.editor}   (pid ${demo.host.processes[0].pid}, log: ${demo.host.file('main.log')})`,
		`Log in with ${demo.owner.email} / ${demo.owner.password}${demo.ownerCreated ? ' (owner account created)' : ''}`,
		`Sent emails (local SMTP sink ${demo.urls.smtp}) and chat summaries: ${demo.urls.outbox}`,
		'',
		'Workflows (open one, press "Execute workflow"):',
	];
	for (const workflow of demo.workflows) {
		lines.push(`  ${workflow.name}`);
		for (const webhookPath of workflow.published ? workflow.webhookPaths : []) {
			const body = JSON.stringify(demo.webhookExamples[webhookPath] ?? {});
			lines.push(`      curl -X POST ${demo.urls.editor}/webhook/${webhookPath} -H 'content-type: application/json' -d '${body}'`);
		}
	}
	lines.push('', `Data files in ${demo.dataFolder}:`);
	for (const file of demo.files) lines.push(`  ${file.name.padEnd(22)} ${file.what}`);
	for (const warning of demo.warnings) lines.push('', `Note: ${warning}`);
	lines.push('', 'Press Ctrl+C to stop.', '');
	return lines.join('\n');
}

async function main() {
	const ports = demoPorts();
	await assertPortsFree(ports);
	const { hostIsProvisioned } = require('./provision.js');
	const firstRun = !hostIsProvisioned();
	if (firstRun) {
		say(`First run: installs n8n and Node 24 from the npm registry into .cache/ (about 3 GB), ${FIRST_RUN_ESTIMATE}. Later starts take ${WARM_START_ESTIMATE}.`);
	} else {
		say(`Starting the demo (${WARM_START_ESTIMATE}; n8n is already installed in .cache/).`);
	}
	ensureInstalled();
	const { prepareE2e } = require('./prepare.js');
	const { startDemo } = require('./demo.js');
	const { setTerminationAction } = require('./n8nHost.js');
	await prepareE2e({ chromium: false, redis: false, progress: say });
	const demo = await startDemo({
		folder: demoFolder,
		...Object.fromEntries(ports.map((entry) => [entry.key, entry.port])),
		log: say,
	});
	const main = demo.host.processes[0];
	let stopping = false;
	// Ctrl+C in the terminal reaches only this process (n8n runs in its own process group): stop n8n with SIGTERM
	// and wait, so it logs its own stop and the next start finds no crashed session.
	setTerminationAction(async (signal) => {
		stopping = true;
		say(`\n${signal}: stopping n8n (pid ${main.pid}) and the outbox...`);
		await demo.stop();
		say('Stopped.');
		return 0;
	});
	main.once('exit', (code, signal) => {
		if (stopping) return;
		process.stderr.write(`\nn8n (pid ${main.pid}) stopped on its own (${signal ?? `exit code ${code}`}); its log:\n${demo.host.readLog('main')}\n`);
		demo.stop().finally(() => process.exit(1));
	});
	say(summary(demo));
	setInterval(() => {}, 1 << 30);
}

main().catch((error) => {
	if (error instanceof PortsError) process.stderr.write(`${error.message}\n`);
	else process.stderr.write(`npm start failed: ${error.stack || error}\n`);
	process.exit(error instanceof PortsError ? 2 : 1);
});
