'use strict';
// The real-time cart example (test/e2e/workflows/example-realtime-cart.json) in a real n8n 2.41.1: the weekly run
// (example-weekly-tables.json) loads the demo shop into the Data tables once, then one cart event at a time goes
// through the webhook (append to customer_events, read the stored row and pending events, Update Stored Profiles with
// the stored figures, Score Churn with the stored model, Assign Lifecycle Stage, Recommend Products, Choose Channel,
// respond). Latency of each request, sequential; events rotate over the shop's customers, so each customer has a few
// pending events, as between two compaction runs. Plain .js: it starts processes, which n8n-node lint forbids in .ts.
// Options (environment): LIFECYCLE_BENCH_CART_REQUESTS (default 500), LIFECYCLE_BENCH_CART_CUSTOMERS (shop size, 150).
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { prepareE2e } = require('../e2e/harness/prepare.js');
const { N8nHost } = require('../e2e/harness/n8nHost.js');
const { demoWorkflow } = require('../e2e/harness/demo.js');
const { writeDemoData } = require('../e2e/harness/demoData.js');
const { readCsv } = require('../support/sharedData.js');
const { report } = require('./report.js');
const { runBench } = require('./realN8n.js');

/** The value at quantile q of sorted values (nearest rank). */
function quantile(sorted, q) {
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

async function main() {
	const requests = Number(process.env.LIFECYCLE_BENCH_CART_REQUESTS ?? 500);
	const shopCustomers = Number(process.env.LIFECYCLE_BENCH_CART_CUSTOMERS ?? 150);
	await prepareE2e({ chromium: false, redis: false });
	const host = await N8nHost.create('bench-cart');
	try {
		const dataFolder = host.file('data');
		const { sample } = writeDemoData(dataFolder, { customers: shopCustomers, campaignCustomers: 100, sharedData: false });
		const customers = readCsv(path.join(dataFolder, 'shop-customers.csv'));
		const products = readCsv(path.join(dataFolder, 'catalog.csv')).filter((product) => product.in_stock === 'true');
		const chatUrl = 'http://127.0.0.1:9/chat';
		const weekly = demoWorkflow('example-weekly-tables.json', { dataFolder, chatUrl });
		const cart = demoWorkflow('example-realtime-cart.json', { dataFolder, chatUrl });
		for (const entry of [weekly, cart]) {
			host.importWorkflow(entry.workflow);
			host.publishWorkflow(entry.workflow.id);
		}
		await host.start();
		const loadStarted = performance.now();
		const loaded = await host.webhook('lifecycle-weekly-tables', {}, { timeoutMs: 600_000 });
		const loadMs = performance.now() - loadStarted;
		if (loaded.status !== 200) throw new Error(`weekly run: HTTP ${loaded.status}: ${JSON.stringify(loaded.data)}\n${host.readLog('main').slice(-4000)}`);

		const latencies = [];
		let answered = 0;
		for (let k = 0; k < requests; k++) {
			const customer = customers[k % customers.length];
			const product = products[(k * 7) % products.length];
			const event = { customer_id: customer.customerId, email: customer.email, first_name: customer.firstName, time_zone: customer.timeZone, timestamp: sample.observationEnd, product_id: product.product_id, title: product.title };
			const started = performance.now();
			const response = await host.webhook('cart-abandoned', event);
			latencies.push(performance.now() - started);
			if (response.status !== 200) throw new Error(`request ${k}: HTTP ${response.status}: ${JSON.stringify(response.data)}\n${host.readLog('main').slice(-4000)}`);
			if (response.data && response.data.lifecycleStage) answered++;
		}
		const sorted = [...latencies].sort((a, b) => a - b);
		const total = latencies.reduce((sum, ms) => sum + ms, 0);
		const round = (ms) => Math.round(ms * 10) / 10;
		report('storedProfiles.cartWebhook', requests, total, {
			p50Ms: round(quantile(sorted, 0.5)),
			p95Ms: round(quantile(sorted, 0.95)),
			p99Ms: round(quantile(sorted, 0.99)),
			maxMs: round(sorted[sorted.length - 1]),
			meanMs: round(total / requests),
			firstMs: round(latencies[0]),
			answeredWithStage: answered,
			storedProfiles: loaded.data.profiles,
			pendingEventsPerCustomerAtEnd: Math.ceil(requests / customers.length),
			weeklyLoadMs: Math.round(loadMs),
			n8n: '2.41.1',
			note: 'sequential POSTs to the published cart-abandoned webhook of a started n8n (sqlite, regular mode, executions saved as n8n defaults); each appends one event, reads the stored row, the pending events and the stored figures and models from Data tables, and answers stage, churn scores, recommendations and the channel',
		});
	} finally {
		await host.stop();
		host.dispose();
	}
}

runBench(main);
