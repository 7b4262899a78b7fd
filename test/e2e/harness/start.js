'use strict';
// `npm start`: installs what is needed, builds and packs the package, provisions n8n, installs the
// package as a community package, imports the example workflows with their data, starts n8n on
// 127.0.0.1:5678 and creates the owner account, then prints where to open it and how to log in.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..', '..');
const port = Number(process.env.N8N_PORT || 5678);
const owner = { email: 'owner@lifecycle.local', firstName: 'Demo', lastName: 'Owner', password: 'Lifecycle-Demo-2026' };

function ensureInstalled() {
	if (fs.existsSync(path.join(root, 'node_modules', '.bin', 'jest'))) return;
	const result = spawnSync('npm', ['install', '--no-save'], { cwd: root, stdio: 'inherit', env: { ...process.env, npm_config_yes: 'true' } });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

async function main() {
	ensureInstalled();
	const { prepareE2e } = require('./prepare.js');
	const { N8nHost } = require('./n8nHost.js');
	const { workflowsFolder, writeCdnowSampleCsv } = require('./workflows.js');
	const axios = require('axios');
	process.stdout.write('Building the package and preparing n8n (the first run downloads n8n: about 5 minutes)...\n');
	await prepareE2e();

	const folder = path.join(root, '.cache', 'n8n-demo');
	fs.mkdirSync(folder, { recursive: true });
	const host = await N8nHost.open(folder, { port });
	const dataFolder = host.file('data');
	fs.mkdirSync(dataFolder, { recursive: true });
	writeCdnowSampleCsv(path.join(dataFolder, 'cdnow_sample.csv'));

	for (const file of fs.readdirSync(workflowsFolder).filter((name) => name.endsWith('.json')).sort()) {
		const workflow = JSON.parse(fs.readFileSync(path.join(workflowsFolder, file), 'utf8'));
		for (const node of workflow.nodes) {
			if (node.type === 'n8n-nodes-base.readWriteFile' && typeof node.parameters.fileSelector === 'string') {
				const name = path.basename(node.parameters.fileSelector.replace(/^=.*\}\}/, ''));
				node.parameters.fileSelector = path.join(dataFolder, name);
			}
		}
		host.importWorkflow(workflow);
		if (workflow.nodes.some((node) => node.type === 'n8n-nodes-base.webhook')) host.publishWorkflow(workflow.id);
	}

	await host.start();
	const base = `http://127.0.0.1:${port}`;
	const setup = await axios.post(`${base}/rest/owner/setup`, owner, { validateStatus: () => true });
	const created = setup.status === 200;
	process.stdout.write(
		[
			'',
			`n8n is running with n8n-nodes-lifecycle installed: ${base}`,
			`Log in with ${owner.email} / ${owner.password}${created ? ' (owner account created)' : ''}`,
			`Example workflows are imported; their data files are in ${dataFolder}`,
			`Webhook example: curl -X POST ${base}/webhook/build-profile -H 'content-type: application/json' -d '{"events":[{"customer_id":"C-1","event_type":"order","amount":"10","timestamp":"2024-05-01"}]}'`,
			'Press Ctrl+C to stop.',
			'',
		].join('\n'),
	);
	const stop = async () => {
		await host.stop();
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
