'use strict';
// Stored profiles in a real n8n 2.41.1 on UCI Online Retail (the e2e host: packed package installed, `n8n start`,
// production webhooks): the history is folded into the `customer_profiles` Data table, then the last week's orders
// are folded in (the weekly update, timed), against one full rebuild over the whole file (timed). n8n is restarted
// before each timed step, so the peak memory (VmHWM of the n8n process) is that step's. Every profile the weekly
// update gives is compared with the rebuild's, byte for byte; each node's time comes from the saved execution.
// Plain .js: it starts processes and reads /proc, which n8n-node lint forbids in .ts files.
const fs = require('node:fs');
const { performance } = require('node:perf_hooks');
const { prepareE2e } = require('../e2e/harness/prepare.js');
const { N8nHost } = require('../e2e/harness/n8nHost.js');
const { writeOnlineRetailCsv } = require('../e2e/harness/demoData.js');
const { latestExecutionTimes } = require('../e2e/harness/executionTimes.js');
const { report } = require('./report.js');
const { memoryOf, runBench } = require('./realN8n.js');

const DAY = 86_400_000;

let ids = 0;
const node = (name, type, typeVersion, position, parameters, extra = {}) => ({ id: `5f0d0000-0000-4000-8000-${String(++ids).padStart(12, '0')}`, name, type, typeVersion, position, parameters, ...extra });
const csvFrom = (position) => [
	node('Read CSV', 'n8n-nodes-base.readWriteFile', 1, position, { operation: 'read', fileSelector: '={{ $json.body.file }}', options: {} }),
	node('Extract CSV', 'n8n-nodes-base.extractFromFile', 1, [position[0] + 220, position[1]], { operation: 'csv', options: { headerRow: true } }),
];
const respondAll = (position) => node('Respond', 'n8n-nodes-base.respondToWebhook', 1.1, position, { respondWith: 'allIncomingItems', options: {} });
const webhook = (path, webhookId) => node('Webhook', 'n8n-nodes-base.webhook', 2, [0, 0], { httpMethod: 'POST', path, responseMode: 'responseNode', options: {} }, { webhookId });
const table = (operation) => ({ resource: 'row', dataTableId: { __rl: true, mode: 'id', value: "={{ $('Create Table').first().json.id }}" }, ...operation });
const BY_PROFILE_ID = { matchType: 'anyCondition', filters: { conditions: [{ keyName: 'profileId', condition: 'eq', keyValue: '={{ $json.profileId }}' }] } };
const PROFILE_OPTIONS = { source: 'csvRows', periodUnit: 'day', options: { missingIdentity: 'skip' } };

/** Webhook `stored-fold` { file, every? }: the CSV's rows folded into `customer_profiles`; answers with the profiles. */
function foldWorkflow(columns) {
	return {
		id: 'benchStoredFold1',
		name: 'Bench: fold a CSV into customer_profiles',
		nodes: [
			webhook('stored-fold', '7b1e0c52-3c1d-4a55-9d0e-2f6d3f4a9c01'),
			...csvFrom([220, 0]),
			node('Create Table', 'n8n-nodes-base.dataTable', 1.1, [220, 200], { resource: 'table', operation: 'create', tableName: 'customer_profiles', columns: { column: columns }, options: { createIfNotExists: true } }),
			node('Get Stored Rows', 'n8n-nodes-base.dataTable', 1.1, [440, 200], table({ operation: 'get', returnAll: true }), { alwaysOutputData: true }),
			node('Build Profile', 'n8n-nodes-lifecycle.buildProfile', 1, [660, 0], { mode: 'update', customersToOutput: "={{ $('Webhook').first().json.body.every ? 'every' : 'touched' }}", ...PROFILE_OPTIONS }),
			node('Store Rows', 'n8n-nodes-base.dataTable', 1.1, [880, -200], table({ operation: 'upsert', ...BY_PROFILE_ID, columns: { mappingMode: 'autoMapInputData', value: null }, options: {} })),
			respondAll([880, 0]),
			node('Delete Retired Rows', 'n8n-nodes-base.dataTable', 1.1, [880, 200], table({ operation: 'deleteRows', ...BY_PROFILE_ID, options: {} })),
		],
		connections: {
			Webhook: { main: [[{ node: 'Read CSV', type: 'main', index: 0 }, { node: 'Create Table', type: 'main', index: 0 }]] },
			'Read CSV': { main: [[{ node: 'Extract CSV', type: 'main', index: 0 }]] },
			'Extract CSV': { main: [[{ node: 'Build Profile', type: 'main', index: 0 }]] },
			'Create Table': { main: [[{ node: 'Get Stored Rows', type: 'main', index: 0 }]] },
			'Get Stored Rows': { main: [[{ node: 'Build Profile', type: 'main', index: 1 }]] },
			// Execution order v1 runs output 1's branch (the rows stored) before output 2's answer.
			'Build Profile': { main: [[{ node: 'Store Rows', type: 'main', index: 0 }], [{ node: 'Respond', type: 'main', index: 0 }], [{ node: 'Delete Retired Rows', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

/** Webhook `full-rebuild` { file }: one Build Profile over the whole CSV; answers with the profiles. */
function rebuildWorkflow() {
	return {
		id: 'benchFullRebuil1',
		name: 'Bench: full rebuild from a CSV',
		nodes: [webhook('full-rebuild', '7b1e0c52-3c1d-4a55-9d0e-2f6d3f4a9c02'), ...csvFrom([220, 0]), node('Build Profile', 'n8n-nodes-lifecycle.buildProfile', 1, [660, 0], PROFILE_OPTIONS), respondAll([880, 0])],
		connections: {
			Webhook: { main: [[{ node: 'Read CSV', type: 'main', index: 0 }]] },
			'Read CSV': { main: [[{ node: 'Extract CSV', type: 'main', index: 0 }]] },
			'Extract CSV': { main: [[{ node: 'Build Profile', type: 'main', index: 0 }]] },
			'Build Profile': { main: [[{ node: 'Respond', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

/** The CSV cut at the last week: the history before it and the last week's rows. */
function splitCsv(host, file) {
	const [header, ...rows] = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
	const column = header.split(',').indexOf('timestamp');
	// Online Retail's fields before the timestamp never hold commas (ids, emails, names, countries, time zones).
	const at = (row) => Date.parse(row.split(',')[column]);
	const latest = rows.reduce((largest, row) => Math.max(largest, at(row)), Number.NEGATIVE_INFINITY);
	const lastWeekStart = latest - 7 * DAY;
	const write = (name, lines) => host.writeFile(name, `${[header, ...lines].join('\n')}\n`);
	const history = rows.filter((row) => at(row) < lastWeekStart);
	const lastWeek = rows.filter((row) => at(row) >= lastWeekStart);
	return { history: write('history.csv', history), lastWeek: write('last-week.csv', lastWeek), historyRows: history.length, lastWeekRows: lastWeek.length };
}

/** Restarts n8n (so VmHWM is this step's), calls a webhook and measures wall time and peak memory. */
let executions = 0;
async function timedStep(host, path, body) {
	executions++;
	await host.stop();
	await host.start();
	const main = host.processes.find((child) => child.spawnargs.includes('start'));
	const idle = memoryOf(main.pid);
	const started = performance.now();
	const response = await host.webhook(path, body, { timeoutMs: 3_600_000 });
	const ms = performance.now() - started;
	if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status}: ${JSON.stringify(response.data).slice(0, 2000)}\n${host.readLog('main').slice(-4000)}`);
	const peakRssMb = memoryOf(main.pid).peakMb;
	// n8n saves the execution after the answer; wait for this one (the n-th) to read each node's time.
	let saved = latestExecutionTimes(host.folder);
	for (let attempt = 0; attempt < 60 && saved.executionId !== executions; attempt++) {
		await new Promise((resolve) => setTimeout(resolve, 2000));
		saved = latestExecutionTimes(host.folder);
	}
	const nodeMs = saved.times ? Object.fromEntries(Object.entries(saved.times).map(([name, time]) => [name, Math.round(time)])) : saved;
	return { ms, profiles: response.data, idleRssMb: idle.rssMb, peakRssMb, nodeMs };
}

/** Whether each profile equals the one of the same customer in `all`, byte for byte. */
function sameAsIn(profiles, all) {
	const byId = new Map(all.map((profile) => [profile.profileId, JSON.stringify(profile)]));
	return profiles.every((profile) => byId.get(profile.profileId) === JSON.stringify(profile));
}

async function main() {
	await prepareE2e({ chromium: false, redis: false });
	const host = await N8nHost.create('bench-stored-profiles', { extraEnv: { GENERIC_TIMEZONE: 'UTC' } });
	try {
		const data = writeOnlineRetailCsv(host.file('online-retail.csv'));
		const files = splitCsv(host, host.file('online-retail.csv'));
		const { STORED_PROFILE_COLUMNS } = require('../../dist/lib');
		for (const workflow of [foldWorkflow(STORED_PROFILE_COLUMNS.map(({ name, type }) => ({ name, type }))), rebuildWorkflow()]) {
			host.importWorkflow(workflow);
			host.publishWorkflow(workflow.id);
		}
		await host.start();
		const backfill = await timedStep(host, 'stored-fold', { file: files.history });
		const weekly = await timedStep(host, 'stored-fold', { file: files.lastWeek });
		const rebuild = await timedStep(host, 'full-rebuild', { file: host.file('online-retail.csv') });
		const common = { n8n: '2.41.1', customers: data.customers, database: 'sqlite (n8n default)' };
		report('profile.storedProfiles.onlineRetail.realN8n.backfill', files.historyRows, backfill.ms, { ...common, customersStored: backfill.profiles.length, peakRssMb: backfill.peakRssMb, idleRssMb: backfill.idleRssMb, nodeMs: backfill.nodeMs });
		report('profile.storedProfiles.onlineRetail.realN8n.lastWeekUpdate', files.lastWeekRows, weekly.ms, {
			...common,
			customersTouched: weekly.profiles.length,
			touchedEqualRebuild: sameAsIn(weekly.profiles, rebuild.profiles),
			peakRssMb: weekly.peakRssMb,
			idleRssMb: weekly.idleRssMb,
			fullRebuildMs: Math.round(rebuild.ms),
			fullRebuildRows: data.rows,
			fullRebuildPeakRssMb: rebuild.peakRssMb,
			nodeMs: weekly.nodeMs,
			fullRebuildNodeMs: rebuild.nodeMs,
			note: 'wall time = the webhook call (CSV read, all stored rows read from the Data table, Build Profile, touched rows upserted); peak = VmHWM of n8n main, restarted before each step',
		});
	} finally {
		await host.stop();
		host.dispose();
	}
}

runBench(main);
