'use strict';
// The demo that `npm start` runs and the demo e2e tests start the same way: a persistent n8n host with this
// package installed, the demo data (demoData.js), a local SMTP sink with the SMTP credentials the workflows use,
// the outbox page (mailPage.js, also the chat webhook the examples post to), every workflow of
// test/e2e/workflows imported with its files pointed at the data folder, the owner account, and the webhook
// workflows published. startDemo() assumes the package is built and packed (prepare.js: prepareE2e()).
const fs = require('node:fs');
const path = require('node:path');
const axios = require('axios');
const { writeDemoData } = require('./demoData.js');
const { MailPage } = require('./mailPage.js');
const { N8nHost, runsRoot } = require('./n8nHost.js');
const { assertPortsFree } = require('./ports.js');
const { SmtpSink } = require('./smtpSink.js');
const { workflowsFolder } = require('./workflows.js');

const DEMO_OWNER = { email: 'owner@lifecycle.local', firstName: 'Demo', lastName: 'Owner', password: 'Lifecycle-Demo-2026' };
/** The chat webhook the example workflows post their summaries to (rewritten to the demo's chat port). */
const EXAMPLE_CHAT_URL = /^http:\/\/127\.0\.0\.1:5680(?=\/)/;
/** The SMTP credential every demo workflow can use, and the one the examples reference. */
const DEFAULT_SMTP_CREDENTIAL = { id: 'lifecycleSmtp0001', name: 'Local SMTP sink' };
/** The browser id n8n binds its auth cookie to; any constant will do for REST calls. */
const BROWSER_ID = 'lifecycle-demo-harness';

/** Every workflow file of test/e2e/workflows, sorted. */
function allWorkflowFiles() {
	return fs
		.readdirSync(workflowsFolder)
		.filter((name) => name.endsWith('.json'))
		.sort();
}

/** File name inside the data folder for a file node's path or expression (`={{ ... }}name.csv` -> name.csv). */
function dataFileName(value) {
	return path.basename(String(value).replace(/^=.*\}\}/, '').replace(/^=/, ''));
}

/**
 * A workflow file made ready for the demo: file nodes read and write in the data folder, the chat webhook is the
 * outbox's. Returns the workflow and the SMTP credentials it references.
 */
function demoWorkflow(file, { dataFolder, chatUrl }) {
	const workflow = JSON.parse(fs.readFileSync(path.join(workflowsFolder, file), 'utf8'));
	const smtp = [];
	for (const node of workflow.nodes) {
		if (node.type === 'n8n-nodes-base.readWriteFile') {
			for (const key of ['fileSelector', 'fileName']) {
				if (typeof node.parameters[key] === 'string' && node.parameters[key] !== '') node.parameters[key] = path.join(dataFolder, dataFileName(node.parameters[key]));
			}
		}
		if (node.type === 'n8n-nodes-base.httpRequest' && typeof node.parameters.url === 'string') {
			node.parameters.url = node.parameters.url.replace(EXAMPLE_CHAT_URL, chatUrl.replace(/\/chat$/, ''));
		}
		if (node.credentials?.smtp) smtp.push(node.credentials.smtp);
	}
	const webhookPaths = workflow.nodes.filter((node) => node.type === 'n8n-nodes-base.webhook').map((node) => node.parameters.path);
	return { file, workflow, smtp, webhookPaths };
}

/**
 * The weekly example on UCI Online Retail instead of the simulated shop: the same workflow reading
 * online-retail.csv and its catalogue, with its own id, name, webhook path and chart file, so the demo offers both.
 */
function onlineRetailWeekly(weekly, dataFolder) {
	const workflow = JSON.parse(JSON.stringify(weekly.workflow));
	workflow.id = 'exampleWeeklyRetail1';
	workflow.name = 'Example: weekly lifecycle run on UCI Online Retail (4,372 customers; about 4 minutes, most of it sending 3,936 emails to the outbox)';
	const files = { 'Read Orders CSV': ['fileSelector', 'online-retail.csv'], 'Read Catalog CSV': ['fileSelector', 'online-retail-catalog.csv'], 'Write Stage Chart': ['fileName', 'lifecycle-stages-online-retail.svg'] };
	for (const node of workflow.nodes) {
		if (Object.prototype.hasOwnProperty.call(files, node.name)) {
			const [key, name] = files[node.name];
			node.parameters[key] = path.join(dataFolder, name);
		}
		// The chat summary names the chart file it wrote.
		if (node.name === 'Chat Summary') node.parameters.jsonBody = node.parameters.jsonBody.replace('lifecycle-stages.svg', 'lifecycle-stages-online-retail.svg');
		if (node.type === 'n8n-nodes-base.webhook') {
			node.parameters.path = 'weekly-lifecycle-online-retail';
			node.webhookId = '3f1d2c4b-5a6e-4f70-8a91-b2c3d4e5f6a1';
		}
		node.id = node.id.replace(/^e8a0e0c1-/, 'e8a0e0c9-');
	}
	return { file: `${weekly.file} (Online Retail)`, workflow, smtp: weekly.smtp, webhookPaths: ['weekly-lifecycle-online-retail'] };
}

/**
 * Published webhook workflows the demo calls once after n8n starts, by webhook path: the weekly run that creates the
 * Data tables and loads the demo shop into them (profiles, population figures, churn and recommender models), so the
 * real-time cart example answers from stored profiles on a fresh start. Data tables only work in a started n8n.
 */
const SETUP_WEBHOOKS = ['lifecycle-weekly-tables'];

/** Request bodies that make the webhook workflows answer something useful, by webhook path. */
function webhookExamples(sample) {
	return {
		'weekly-lifecycle': {},
		'weekly-lifecycle-online-retail': {},
		'campaign-readout': {},
		'cart-abandoned': { ...sample.customer, timestamp: sample.observationEnd, ...sample.product },
		'lifecycle-weekly-tables': {},
		recommend: { customerId: 'NEW-1', cart: [sample.product.product_id] },
		'build-profile': { events: [{ customer_id: 'C-1', event_type: 'order', amount: '10', timestamp: '2024-05-01' }] },
	};
}

/** An axios client for n8n's REST API with the owner's session, or null when the login fails. */
async function ownerSession(base, owner) {
	const headers = { 'browser-id': BROWSER_ID };
	const login = await axios.post(`${base}/rest/login`, { emailOrLdapLoginId: owner.email, password: owner.password }, { headers, validateStatus: () => true });
	if (login.status !== 200) return { ok: false, status: login.status, data: login.data };
	const cookie = (login.headers['set-cookie'] || []).map((entry) => entry.split(';')[0]).join('; ');
	const client = axios.create({ baseURL: `${base}/rest`, headers: { ...headers, cookie }, validateStatus: () => true });
	return { ok: true, client, cookie };
}

/**
 * Starts the demo. Options:
 *   folder      where n8n keeps its state (kept between runs); data files go to <folder>/data
 *   port        n8n's port (5678); mailPort the outbox page (5679); chatPort the chat webhook (5680); brokerPort
 *               n8n's task-runner broker and smtpPort the SMTP sink (free ones); 0 = a free port. Every fixed
 *               port is checked before anything starts (PortsError naming the port and its variable).
 *   workflows   workflow files of test/e2e/workflows to import (default all)
 *   prepare     workflows to execute once before the server starts, e.g. the model file the recommend webhook reads
 *               (the Data tables of the real-time cart are loaded after the start: SETUP_WEBHOOKS)
 *   data        options of writeDemoData ({ customers, seed, onlineRetail, sharedData, ... })
 *   log         function for progress lines (default: none)
 * Resolves to { host, sink, mailPage, owner, ownerCreated, dataFolder, files, workflows, webhookExamples, urls,
 * warnings, stop() }.
 */
async function startDemo({ folder, port = 5678, mailPort = 5679, chatPort = 5680, brokerPort = 0, smtpPort = 0, workflows = allWorkflowFiles(), prepare = ['recommend-build-model.json'], data = {}, log = () => {} } = {}) {
	if (!folder) throw new Error('startDemo needs a folder for the n8n state');
	await assertPortsFree([
		{ port, what: 'the n8n editor', variable: 'N8N_PORT' },
		{ port: mailPort, what: 'the outbox page', variable: 'LIFECYCLE_OUTBOX_PORT' },
		{ port: chatPort, what: 'the chat webhook of the examples', variable: 'LIFECYCLE_CHAT_PORT' },
		{ port: brokerPort, what: "n8n's task-runner broker", variable: 'N8N_RUNNERS_BROKER_PORT' },
		{ port: smtpPort, what: 'the local SMTP sink', variable: 'LIFECYCLE_SMTP_PORT' },
	]);
	fs.mkdirSync(folder, { recursive: true });
	for (const name of fs.readdirSync(folder)) if (/^smtp-sink-.*\.jsonl$/.test(name)) fs.rmSync(path.join(folder, name), { force: true });
	const warnings = [];
	const host = await N8nHost.open(folder, { port: port === 0 ? undefined : port, brokerPort: brokerPort === 0 ? undefined : brokerPort });
	const dataFolder = host.file('data');
	log(`Writing the demo data to ${dataFolder}`);
	const { files, sample } = writeDemoData(dataFolder, data);

	const sink = await SmtpSink.start({ folder, name: 'lifecycle-demo-smtp', port: smtpPort });
	const editorUrl = `http://127.0.0.1:${host.port}`;
	const chatFile = path.join(folder, 'chat.jsonl');
	fs.writeFileSync(chatFile, '');
	let mailPage;
	try {
		mailPage = await MailPage.start({ messagesFile: sink.logFile, chatFile, port: mailPort, chatPort, editorUrl });
	} catch (error) {
		await sink.stop();
		throw error;
	}
	const stopServices = async () => {
		await mailPage.stop();
		await sink.stop();
	};

	try {
		const prepared = workflows.map((file) => demoWorkflow(file, { dataFolder, chatUrl: mailPage.chatUrl }));
		const weekly = prepared.find((entry) => entry.file === 'example-weekly-lifecycle.json');
		if (weekly && files.some((file) => file.name === 'online-retail.csv')) prepared.push(onlineRetailWeekly(weekly, dataFolder));
		const smtp = new Map([[DEFAULT_SMTP_CREDENTIAL.id, DEFAULT_SMTP_CREDENTIAL.name]]);
		for (const entry of prepared) for (const credential of entry.smtp) smtp.set(credential.id, credential.name);
		log(`Importing ${smtp.size} SMTP credential(s) for the sink on 127.0.0.1:${sink.port} and ${prepared.length} workflows`);
		host.importCredentials(
			[...smtp].map(([id, name]) => ({
				id,
				name,
				type: 'smtp',
				data: { user: 'lifecycle-demo', password: 'not-a-secret', host: sink.host, port: sink.port, secure: false, disableStartTls: true, hostName: '' },
			})),
		);
		host.importWorkflows(prepared.map((entry) => entry.workflow));
		for (const file of prepare.filter((name) => workflows.includes(name))) {
			const entry = prepared.find((candidate) => candidate.file === file);
			log(`Executing "${entry.workflow.name}" once (its output is another example's input)`);
			const run = host.execute(entry.workflow.id);
			if (!run.ok) warnings.push(`Preparing with ${file} failed: ${(run.result?.data.resultData.error?.message ?? run.failure ?? '').slice(0, 600)}`);
		}

		log(`Starting n8n on ${editorUrl}`);
		await host.start();
		const setup = await axios.post(`${editorUrl}/rest/owner/setup`, DEMO_OWNER, { validateStatus: () => true });
		const ownerCreated = setup.status === 200;
		const session = await ownerSession(editorUrl, DEMO_OWNER);
		if (!session.ok) warnings.push(`Logging in as ${DEMO_OWNER.email} failed (HTTP ${session.status}): the owner of this n8n has another password; remove ${folder} for a fresh demo`);
		const published = [];
		for (const entry of prepared.filter((candidate) => candidate.webhookPaths.length > 0)) {
			if (!session.ok) break;
			const current = await session.client.get(`/workflows/${entry.workflow.id}`);
			const versionId = current.data?.data?.versionId;
			const activation = versionId ? await session.client.post(`/workflows/${entry.workflow.id}/activate`, { versionId }) : current;
			if (activation.status === 200) published.push(entry.workflow.id);
			else warnings.push(`Publishing "${entry.workflow.name}" failed (HTTP ${activation.status}): ${JSON.stringify(activation.data).slice(0, 300)}`);
		}
		for (const entry of prepared.filter((candidate) => published.includes(candidate.workflow.id))) {
			for (const webhookPath of entry.webhookPaths.filter((candidate) => SETUP_WEBHOOKS.includes(candidate))) {
				log(`Loading the Data tables: "${entry.workflow.name}"`);
				const loaded = await host.webhook(webhookPath, {});
				if (loaded.status !== 200) warnings.push(`Loading the Data tables with "${entry.workflow.name}" failed (HTTP ${loaded.status}): ${JSON.stringify(loaded.data).slice(0, 300)}`);
			}
		}
		const stop = async () => {
			await host.stop();
			await stopServices();
		};
		log(`n8n is ready (pid ${host.processes[0].pid}, its log: ${host.file('main.log')})`);
		return {
			host,
			sink,
			mailPage,
			owner: DEMO_OWNER,
			ownerCreated,
			dataFolder,
			files,
			workflows: prepared.map((entry) => ({ id: entry.workflow.id, name: entry.workflow.name, file: entry.file, webhookPaths: entry.webhookPaths, published: published.includes(entry.workflow.id) })),
			webhookExamples: webhookExamples(sample),
			urls: { editor: editorUrl, outbox: mailPage.url, chat: mailPage.chatUrl, smtp: `smtp://127.0.0.1:${sink.port}` },
			warnings,
			stop,
		};
	} catch (error) {
		await host.stop();
		await stopServices();
		throw error;
	}
}

/** A fresh folder for a demo started by a test (under test/e2e/.runs). */
function temporaryDemoFolder(name) {
	fs.mkdirSync(runsRoot, { recursive: true });
	return fs.mkdtempSync(path.join(runsRoot, `${name}-`));
}

/** Removes a test's demo folder (kept with KEEP_E2E_RUNS=1 to inspect logs). */
function disposeDemoFolder(folder) {
	if (process.env.KEEP_E2E_RUNS === '1' || !folder) return;
	fs.rmSync(folder, { recursive: true, force: true });
}

/** One HTTP request that never throws on a status: { status, data, headers }. */
async function httpRequest(url, { method = 'GET', body, headers = {} } = {}) {
	const response = await axios.request({ url, method, data: body, headers, validateStatus: () => true, timeout: 120000, maxContentLength: Infinity });
	return { status: response.status, data: response.data, headers: response.headers };
}

module.exports = { startDemo, ownerSession, demoWorkflow, onlineRetailWeekly, allWorkflowFiles, temporaryDemoFolder, disposeDemoFolder, httpRequest, DEMO_OWNER, BROWSER_ID };
