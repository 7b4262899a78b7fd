'use strict';
// `npm start`: installs what is needed, builds and packs the package, provisions n8n, and starts the demo
// (demo.js): n8n on 127.0.0.1:5678 with this package installed, the owner account, the example workflows and
// their data, a local SMTP sink and the outbox page on 127.0.0.1:5679 that shows every email sent. Prints where
// to open what and how to log in; Ctrl+C stops everything. Ports: N8N_PORT, LIFECYCLE_OUTBOX_PORT,
// LIFECYCLE_CHAT_PORT (the example workflows post their chat summaries to 5680).
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..', '..');
const ports = {
	port: Number(process.env.N8N_PORT || 5678),
	mailPort: Number(process.env.LIFECYCLE_OUTBOX_PORT || 5679),
	chatPort: Number(process.env.LIFECYCLE_CHAT_PORT || 5680),
};

function ensureInstalled() {
	if (fs.existsSync(path.join(root, 'node_modules', '.bin', 'jest'))) return;
	const result = spawnSync('npm', ['ci'], { cwd: root, stdio: 'inherit', env: { ...process.env, npm_config_yes: 'true' } });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

function summary(demo) {
	const lines = [
		'',
		`n8n is running with n8n-nodes-lifecycle installed: ${demo.urls.editor}`,
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
	ensureInstalled();
	const { prepareE2e } = require('./prepare.js');
	const { startDemo } = require('./demo.js');
	process.stdout.write('Building the package and preparing n8n (the first run downloads n8n: about 5 minutes)...\n');
	await prepareE2e({ chromium: false });
	const demo = await startDemo({
		folder: path.join(root, '.cache', 'n8n-demo'),
		...ports,
		log: (line) => process.stdout.write(`${line}\n`),
	});
	process.stdout.write(summary(demo));
	const stop = async () => {
		await demo.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	setInterval(() => {}, 1 << 30);
}

main().catch((error) => {
	process.stderr.write(`${error.stack || error}\n`);
	process.exit(1);
});
