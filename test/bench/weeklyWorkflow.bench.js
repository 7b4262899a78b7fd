'use strict';
// The example "weekly lifecycle run" on all of UCI Online Retail in a real n8n 2.41.1 (the e2e host: the packed
// package installed, `n8n start`, triggered through its production webhook), with wall time and the peak memory of
// the n8n process. Plain .js: it starts processes and reads /proc, which n8n-node lint forbids in .ts files.
// Options (environment): LIFECYCLE_BENCH_WEEKLY_SAVE=all|none (EXECUTIONS_DATA_SAVE_ON_SUCCESS, default: n8n's).
const fs = require('node:fs');
const { performance } = require('node:perf_hooks');
const { prepareE2e } = require('../e2e/harness/prepare.js');
const { N8nHost } = require('../e2e/harness/n8nHost.js');
const { SmtpSink } = require('../e2e/harness/smtpSink.js');
const { demoWorkflow, onlineRetailWeekly } = require('../e2e/harness/demo.js');
const { writeOnlineRetailCsv } = require('../e2e/harness/demoData.js');
const { latestExecutionTimes } = require('../e2e/harness/executionTimes.js');
const { startLoopbackServer } = require('../support/loopbackServer.js');
const { report } = require('./report.js');
const { memoryOf, runBench } = require('./realN8n.js');

async function main() {
	await prepareE2e({ chromium: false, redis: false });
	const save = process.env.LIFECYCLE_BENCH_WEEKLY_SAVE;
	const host = await N8nHost.create('bench-weekly', { extraEnv: save ? { EXECUTIONS_DATA_SAVE_ON_SUCCESS: save } : {} });
	const sink = await SmtpSink.start({ folder: host.folder });
	const chat = await startLoopbackServer(() => ({ body: { ok: true } }));
	try {
		const written = performance.now();
		const data = writeOnlineRetailCsv(host.file('online-retail.csv'), host.file('online-retail-catalog.csv'));
		const writeMs = performance.now() - written;
		host.importCredentials([
			{
				id: 'lifecycleSmtp0001',
				name: 'Local SMTP sink',
				type: 'smtp',
				data: { user: 'lifecycle-demo', password: 'not-a-secret', host: sink.host, port: sink.port, secure: false, disableStartTls: true, hostName: '' },
			},
		]);
		// Exactly the workflow npm start offers as the weekly run on Online Retail.
		const weekly = onlineRetailWeekly(demoWorkflow('example-weekly-lifecycle.json', { dataFolder: host.folder, chatUrl: `${chat.url}/chat` }), host.folder);
		host.importWorkflow(weekly.workflow);
		host.publishWorkflow(weekly.workflow.id);
		await host.start();
		const main = host.processes.find((child) => child.spawnargs.includes('start'));
		const idle = memoryOf(main.pid);
		let sampledPeakMb = idle.rssMb;
		const sampler = setInterval(() => {
			const now = memoryOf(main.pid);
			if (now) sampledPeakMb = Math.max(sampledPeakMb, now.rssMb);
		}, 250);
		const started = performance.now();
		const response = await host.webhook(weekly.webhookPaths[0], {}, { timeoutMs: 3_600_000 });
		const wallMs = performance.now() - started;
		clearInterval(sampler);
		const after = memoryOf(main.pid);
		if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${JSON.stringify(response.data)}\n${host.readLog('main').slice(-4000)}`);
		const answer = response.data;
		const summary = chat.requests.length ? chat.requests[0].body.text : null;
		// n8n saves the execution after the Respond node answered; its run data holds each node's time.
		const saved = save === 'none' ? { error: 'executions are not saved (LIFECYCLE_BENCH_WEEKLY_SAVE=none)' } : latestExecutionTimes(host.folder);
		const nodeMs = saved.times ? Object.fromEntries(Object.entries(saved.times).map(([node, ms]) => [node, Math.round(ms)])) : saved;
		report('workflow.weeklyLifecycle.onlineRetail.realN8n', data.rows, wallMs, {
			customers: answer.customers,
			emailsSent: sink.messages().length,
			emailsReported: answer.emails,
			heldOut: answer.heldOut,
			stageCounts: answer.stageCounts,
			stageChartBytes: fs.existsSync(host.file('lifecycle-stages-online-retail.svg')) ? fs.statSync(host.file('lifecycle-stages-online-retail.svg')).size : null,
			products: data.products,
			peakRssMb: after.peakMb,
			sampledPeakRssMb: Math.max(sampledPeakMb, after.rssMb),
			idleRssMb: idle.rssMb,
			rssAfterMb: after.rssMb,
			nodeMs,
			savedRunDataMb: saved.bytes ? Math.round(saved.bytes / 1048576) : null,
			writeCsvMs: Math.round(writeMs),
			n8n: '2.41.1',
			executionsDataSaveOnSuccess: save ?? 'all (n8n default)',
			chatSummary: summary,
			note: 'wall time = the webhook call (CSV read and parsed by n8n, all six nodes, SMTP to a local sink, chat post); peak = VmHWM of the n8n main process since its start',
		});
	} finally {
		await chat.close();
		await sink.stop();
		await host.stop();
		host.dispose();
	}
}

runBench(main);
