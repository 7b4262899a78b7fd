'use strict';
// Stored profiles in PostgreSQL in a real n8n 2.41.1, in the production layout: n8n itself on PostgreSQL, queue mode
// (Redis, main, one worker). UCI Online Retail (the weekly run's CSV Rows columns) is loaded into the shop database's
// `orders` table with COPY; the shipped example examples/postgres/stored-profiles-postgres.json, with a webhook as
// trigger and its sample orders replaced by a Postgres query of `orders` between two times, first stores every
// customer from the orders before the last week, then folds the last week in (the incremental weekly update). A full
// rebuild in the same n8n reads every order and runs Build Profile > Assign Lifecycle Stage. For each run: wall time
// of the webhook call and the peak RSS of the worker (which runs the workflow) and of the main instance (VmHWM, reset
// through /proc/<pid>/clear_refs before each run; sampled RSS when that is not allowed).
// Plain .js: it starts processes and reads /proc. Options (environment): LIFECYCLE_BENCH_SAVE=all|none
// (EXECUTIONS_DATA_SAVE_ON_SUCCESS, default: n8n's, all).
const fs = require('node:fs');
const { performance } = require('node:perf_hooks');
const { prepareE2e } = require('../e2e/harness/prepare.js');
const { N8nHost } = require('../e2e/harness/n8nHost.js');
const { writeOnlineRetailCsv } = require('../e2e/harness/demoData.js');
const { report } = require('./report.js');
const { memoryOf, runBench } = require('./realN8n.js');
const { EXAMPLE_CREDENTIAL, fullRebuildWorkflow, postgresWebhookWorkflow } = require('../e2e/stored/storedProfilesPostgresWorkflow.ts');

const ORDER_COLUMNS = ['customer_id', 'email', 'first_name', 'country', 'time_zone', 'timestamp', 'event_type', 'amount', 'quantity', 'currency', 'order_id', 'product_id', 'product_title', 'title', 'channel', 'consent_granted'];
const SELECT_ORDERS = `SELECT ${ORDER_COLUMNS.map((name) => `"${name}"`).join(', ')} FROM orders`;

/** Resets the peak RSS (VmHWM) of a process to its current RSS; false when the kernel does not let us. */
function resetPeak(pid) {
	try {
		fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
		return true;
	} catch {
		return false;
	}
}

/** The weekly workflow of the example, its orders read from `orders` between body.from (inclusive) and body.to. */
function weeklyWorkflow() {
	const workflow = postgresWebhookWorkflow('bench-weekly', 'benchWeeklyPg001');
	workflow.nodes = workflow.nodes.map((node) =>
		node.name !== 'Orders Since Last Run'
			? node
			: {
					...node,
					type: 'n8n-nodes-base.postgres',
					typeVersion: 2.6,
					credentials: { postgres: EXAMPLE_CREDENTIAL },
					parameters: {
						operation: 'executeQuery',
						query: `${SELECT_ORDERS} WHERE at >= $1::timestamptz AND at < $2::timestamptz ORDER BY line`,
						options: { queryReplacement: "={{ [$('Webhook').first().json.body.from, $('Webhook').first().json.body.to] }}" },
					},
				},
	);
	return workflow;
}

/** The full rebuild: every order from `orders` into one Build Profile, then the example's Assign Lifecycle Stage. */
function rebuildWorkflow() {
	const workflow = fullRebuildWorkflow();
	workflow.id = 'benchFullRebuild';
	const webhook = workflow.nodes.find((node) => node.name === 'Webhook');
	webhook.parameters = { ...webhook.parameters, path: 'bench-full' };
	webhook.webhookId = '3c8e5a10-2b7d-4f6e-8a1c-9d4e7f2b6a09';
	workflow.nodes = workflow.nodes.map((node) =>
		node.name !== 'Split Out Orders'
			? node
			: { ...node, type: 'n8n-nodes-base.postgres', typeVersion: 2.6, credentials: { postgres: EXAMPLE_CREDENTIAL }, parameters: { operation: 'executeQuery', query: `${SELECT_ORDERS} ORDER BY line`, options: {} } },
	);
	return workflow;
}

async function main() {
	await prepareE2e({ chromium: false, redis: true, postgres: true });
	const save = process.env.LIFECYCLE_BENCH_SAVE;
	const host = await N8nHost.create('bench-stored-postgres', { postgres: true, extraEnv: { GENERIC_TIMEZONE: 'UTC', ...(save ? { EXECUTIONS_DATA_SAVE_ON_SUCCESS: save } : {}) } });
	try {
		const csv = host.file('online-retail.csv');
		const data = writeOnlineRetailCsv(csv);
		const loaded = performance.now();
		host.postgres.query(
			`CREATE TABLE orders (line bigserial PRIMARY KEY, ${ORDER_COLUMNS.map((name) => `"${name}" text`).join(', ')}, at timestamptz);\n` +
				`COPY orders (${ORDER_COLUMNS.map((name) => `"${name}"`).join(', ')}) FROM STDIN WITH (FORMAT csv, HEADER true, FORCE_NOT_NULL (${ORDER_COLUMNS.map((name) => `"${name}"`).join(', ')}));\n` +
				`${fs.readFileSync(csv, 'utf8')}\\.\n` +
				// Online Retail's times have no zone; Build Profile reads them as UTC.
				`UPDATE orders SET at = "timestamp"::timestamp AT TIME ZONE 'UTC';\nCREATE INDEX orders_at ON orders (at);\nANALYZE orders;\n`,
		);
		const loadMs = performance.now() - loaded;
		const [{ lines, lastWeekStart, end }] = host.postgres.rows(`SELECT count(*)::int AS lines, to_json(max(at) - interval '7 days') AS "lastWeekStart", to_json(max(at) + interval '1 second') AS "end" FROM orders`);

		host.importCredentials([host.postgres.credential(EXAMPLE_CREDENTIAL)]);
		const workflows = [weeklyWorkflow(), rebuildWorkflow()];
		host.importWorkflows(workflows);
		for (const workflow of workflows) host.publishWorkflow(workflow.id);
		await host.start({ queue: true, workers: 1 });
		const main = host.processes.find((child) => child.spawnargs.includes('start'));
		const worker = host.processes.find((child) => child.spawnargs.includes('worker'));

		const run = async (path, body) => {
			const reset = resetPeak(main.pid) && resetPeak(worker.pid);
			const sampled = { main: memoryOf(main.pid).rssMb, worker: memoryOf(worker.pid).rssMb };
			const sampler = setInterval(() => {
				for (const [name, child] of [['main', main], ['worker', worker]]) sampled[name] = Math.max(sampled[name], memoryOf(child.pid)?.rssMb ?? 0);
			}, 250);
			const started = performance.now();
			const response = await host.webhook(path, body, { timeoutMs: 3_600_000 });
			const wallMs = performance.now() - started;
			clearInterval(sampler);
			if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status}: ${JSON.stringify(response.data).slice(0, 2000)}\n${host.readLog('worker-0').slice(-4000)}`);
			const peak = (child, name) => (reset ? memoryOf(child.pid).peakMb : sampled[name]);
			return { wallMs, items: response.data, workerPeakRssMb: peak(worker, 'worker'), mainPeakRssMb: peak(main, 'main'), peakFrom: reset ? 'VmHWM after a reset' : 'RSS sampled every 250 ms' };
		};

		const initial = await run('bench-weekly', { from: '1970-01-01T00:00:00Z', to: lastWeekStart });
		const [{ linesBefore }] = host.postgres.rows(`SELECT count(*)::int AS "linesBefore" FROM orders WHERE at < '${lastWeekStart}'`);
		const [{ storedRows, storedMb }] = host.postgres.rows(`SELECT count(*)::int AS "storedRows", round(sum(pg_column_size(t.*)) / 1048576.0, 1)::float AS "storedMb" FROM customer_profiles t`);
		const incremental = await run('bench-weekly', { from: lastWeekStart, to: end });
		const full = await run('bench-full', {});

		const byId = (items) => new Map(items.map((item) => [item.profileId, JSON.stringify(item)]));
		const rebuilt = byId(full.items);
		const updated = byId(incremental.items);
		const equalsFullRebuild = rebuilt.size === updated.size && [...rebuilt].every(([id, text]) => updated.get(id) === text);
		const common = { n8n: '2.41.1', layout: 'n8n on PostgreSQL 15, queue mode: Redis, main, 1 worker (concurrency 2)', executionsDataSaveOnSuccess: save ?? 'all (n8n default)' };
		report('workflow.storedProfiles.postgres.onlineRetail.lastWeekUpdate', lines - linesBefore, incremental.wallMs, {
			storedRowsBefore: storedRows,
			storedMbBefore: storedMb,
			profilesOut: incremental.items.length,
			workerPeakRssMb: incremental.workerPeakRssMb,
			mainPeakRssMb: incremental.mainPeakRssMb,
			fullRebuildMs: Math.round(full.wallMs),
			fullRebuildLines: lines,
			fullRebuildWorkerPeakRssMb: full.workerPeakRssMb,
			fullRebuildMainPeakRssMb: full.mainPeakRssMb,
			equalsFullRebuild,
			peakFrom: incremental.peakFrom,
			...common,
			note: 'wall time = the webhook call: the example workflow (read watermark, select every stored row, the week\'s orders from Postgres, Build Profile update with every customer out, upsert every row, watermark, delete merged, Assign Lifecycle Stage); full rebuild = every order from Postgres, Build Profile, Assign Lifecycle Stage',
		});
		report('workflow.storedProfiles.postgres.onlineRetail.initialStore', linesBefore, initial.wallMs, {
			storedRows,
			storedMb,
			workerPeakRssMb: initial.workerPeakRssMb,
			mainPeakRssMb: initial.mainPeakRssMb,
			csvLines: data.rows,
			copyIntoPostgresMs: Math.round(loadMs),
			...common,
			note: 'the first run into an empty customer_profiles: every order before the last week folded in and every row inserted',
		});
	} finally {
		await host.stop();
		host.dispose();
	}
}

runBench(main);
