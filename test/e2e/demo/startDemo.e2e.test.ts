/**
 * The demo of `npm start`, started the same way (test/e2e/harness/demo.js) on free ports: the editor answers, the
 * owner account logs in through REST, every workflow of test/e2e/workflows is imported with the webhook ones
 * published, the outbox page lists what the SMTP sink received and the chat messages, and all three example
 * workflows run through the started server: the weekly run mails the simulated shop's customers through the sink
 * and writes its stage chart, the real-time cart answers with recommendations and a channel decision, the campaign
 * readout writes its report. Then everything stops.
 */
import type { Demo } from '../harness/demo';
import {
	allWorkflowFiles,
	DEMO_OWNER,
	disposeDemoFolder,
	httpRequest,
	ownerSession,
	startDemo,
	temporaryDemoFolder,
} from '../harness/demo';

let demo: Demo;
let folder: string;

beforeAll(async () => {
	folder = temporaryDemoFolder('demo');
	// A small shop (the weekly run then takes seconds) and Online Retail from ../shared/data, as npm start writes
	// them; the recommender model the real-time example reads is prepared as npm start prepares it.
	demo = await startDemo({
		folder,
		port: 0,
		mailPort: 0,
		chatPort: 0,
		prepare: ['recommend-build-model.json'],
		data: { customers: 60, campaignCustomers: 2000 },
	});
});

afterAll(async () => {
	await demo?.stop();
	disposeDemoFolder(folder);
});

describe('npm start: the demo', () => {
	it('serves the n8n editor and has created the owner account', async () => {
		const editor = await httpRequest(`${demo.urls.editor}/`);
		expect(editor.status).toBe(200);
		expect(String(editor.data)).toContain('n8n');
		expect(demo.ownerCreated).toBe(true);
		expect(demo.warnings).toEqual([]);
	});

	it('lets the owner log in through REST with the printed credentials, and refuses a wrong password', async () => {
		const session = await ownerSession(demo.urls.editor, DEMO_OWNER);
		if (!session.ok)
			throw new Error(`login failed: HTTP ${session.status} ${JSON.stringify(session.data)}`);
		const me = await session.client.get('/login');
		expect(me.status).toBe(200);
		expect(me.data.data).toMatchObject({ email: DEMO_OWNER.email, firstName: 'Demo' });
		const wrong = await ownerSession(demo.urls.editor, {
			...DEMO_OWNER,
			password: 'not-the-password',
		});
		expect(wrong.ok).toBe(false);
	});

	it('has imported every workflow of test/e2e/workflows and published the webhook ones', async () => {
		const session = await ownerSession(demo.urls.editor, DEMO_OWNER);
		if (!session.ok) throw new Error('login failed');
		const listed = await session.client.get('/workflows');
		expect(listed.status).toBe(200);
		const workflows = listed.data.data as Array<{ id: string; name: string; active: boolean }>;
		// Every workflow file, and the weekly run once more on Online Retail (bench: npm run bench -- weekly).
		expect(demo.workflows.map((workflow) => workflow.file)).toEqual([...allWorkflowFiles(), 'example-weekly-lifecycle.json (Online Retail)']);
		for (const workflow of demo.workflows) {
			const found = workflows.find((candidate) => candidate.id === workflow.id);
			expect(found?.name).toBe(workflow.name);
			expect(found?.active).toBe(workflow.webhookPaths.length > 0);
			expect(workflow.published).toBe(workflow.webhookPaths.length > 0);
		}
	});

	it('offers the weekly run on UCI Online Retail too: the same workflow on online-retail.csv, published on its own path', async () => {
		const retail = demo.workflows.find((workflow) => workflow.file === 'example-weekly-lifecycle.json (Online Retail)')!;
		expect(retail).toMatchObject({ webhookPaths: ['weekly-lifecycle-online-retail'], published: true });
		const session = await ownerSession(demo.urls.editor, DEMO_OWNER);
		if (!session.ok) throw new Error('login failed');
		const stored = (await session.client.get(`/workflows/${retail.id}`)).data.data as { nodes: Array<{ name: string; parameters: Record<string, unknown> }> };
		const weekly = (await session.client.get(`/workflows/${demo.workflows.find((workflow) => workflow.file === 'example-weekly-lifecycle.json')!.id}`)).data.data as typeof stored;
		const parameter = (nodes: typeof stored.nodes, name: string, key: string) => String(nodes.find((node) => node.name === name)!.parameters[key]);
		expect(parameter(stored.nodes, 'Read Orders CSV', 'fileSelector')).toMatch(/\/data\/online-retail\.csv$/);
		expect(parameter(stored.nodes, 'Read Catalog CSV', 'fileSelector')).toMatch(/\/data\/online-retail-catalog\.csv$/);
		expect(parameter(stored.nodes, 'Write Stage Chart', 'fileName')).toMatch(/\/data\/lifecycle-stages-online-retail\.svg$/);
		expect(parameter(stored.nodes, 'Chat Summary', 'jsonBody')).toContain('chart in lifecycle-stages-online-retail.svg');
		expect(stored.nodes.map((node) => node.name)).toEqual(weekly.nodes.map((node) => node.name));
		const retailFile = demo.files.find((file) => file.name === 'online-retail.csv')!;
		expect(retailFile.rows).toBe(406_829 + 4_372);
		expect(demo.host.readFile('data/online-retail.csv').split('\n', 3)[2]).toBe(
			'17850,customer-17850@example.com,Customer 17850,United Kingdom,Europe/London,2010-12-01 08:26:00,order,15.30,6,GBP,536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,WHITE HANGING HEART T-LIGHT HOLDER,,',
		);
	});

	it('has written the demo data: the simulated shop and the files the workflows read', () => {
		const names = demo.files.map((file) => file.name);
		for (const name of [
			'shop-events.csv',
			'orders.csv',
			'events.csv',
			'catalog.csv',
			'customers.csv',
			'outcomes.csv',
			'shop-truth.json',
			'README.md',
		]) {
			expect(names).toContain(name);
		}
		expect(demo.files.find((file) => file.name === 'orders.csv')!.rows).toBeGreaterThan(200);
	});

	it('shows what the SMTP sink received on the outbox page: the weekly example run mails the treated, consented customers', async () => {
		const empty = await httpRequest(demo.urls.outbox);
		expect(empty.status).toBe(200);
		expect(String(empty.data)).toContain('Outbox of the local SMTP sink');

		const run = await demo.host.webhook('weekly-lifecycle', {});
		if (run.status !== 200)
			throw new Error(
				`HTTP ${run.status}: ${JSON.stringify(run.data)}\n${demo.host.readLog('main')}`,
			);
		const answer = run.data as { ok: boolean; emails: number; customers: number };
		expect(answer.ok).toBe(true);
		expect(answer.customers).toBeGreaterThan(60);
		expect(answer.emails).toBeGreaterThan(5);

		const messages = await httpRequest(`${demo.urls.outbox}messages.json`);
		expect(messages.data).toHaveLength(answer.emails);
		const page = String((await httpRequest(demo.urls.outbox)).data);
		expect(page).toContain(`Emails (${answer.emails})`);
		const first = (messages.data as Array<{ subject: string; to: string[] }>)[0];
		expect(page).toContain(first.to[0]);
		// The weekly run's chat summary went to the outbox's chat webhook, not to port 5680.
		const chats = await httpRequest(`${demo.urls.outbox}chat.json`);
		expect((chats.data as Array<{ body: { text: string } }>).map((chat) => chat.body.text)).toEqual(
			[expect.stringMatching(/^Weekly lifecycle run: \d+ customers; /)],
		);
		expect(page).toContain('Weekly lifecycle run:');
		const chart = demo.host.readFile('data/lifecycle-stages.svg');
		expect(chart).toContain(`${answer.customers} customers`);
	});

	it('answers a cart-abandoned event through the real-time example with recommendations and a channel decision', async () => {
		const event = demo.webhookExamples['cart-abandoned'] as { customer_id: string; product_id: string };
		const run = await demo.host.webhook('cart-abandoned', event);
		if (run.status !== 200) throw new Error(`HTTP ${run.status}: ${JSON.stringify(run.data)}\n${demo.host.readLog('main')}`);
		const answer = (Array.isArray(run.data) ? run.data[0] : run.data) as Record<string, unknown>;
		expect(answer).toMatchObject({ customerId: event.customer_id });
		expect(answer.productsInCart).toContain(event.product_id);
		expect(typeof answer.rec1Id).toBe('string');
		expect(answer.rec1Id).not.toBe(event.product_id);
		expect(String(answer.rec1Reason)).not.toBe('');
		// The demo's sample customer consented to email and never unsubscribed.
		expect(answer.channel).toBe('email');
		expect(String(answer.sendAt)).toMatch(/^\d{4}-\d{2}-\d{2}T/);
		expect(String(answer.decisionReason)).toContain('email');
	});

	it('writes the campaign readout report and posts its summary through the readout example', async () => {
		const run = await demo.host.webhook('campaign-readout', {});
		if (run.status !== 200) throw new Error(`HTTP ${run.status}: ${JSON.stringify(run.data)}\n${demo.host.readLog('main')}`);
		const summary = run.data as Record<string, unknown>;
		expect(summary).toMatchObject({ treatmentArm: 'treatment' });
		expect(summary.totalCustomers).toBe(demo.files.find((file) => file.name === 'outcomes.csv')!.rows);
		const html = demo.host.readFile('data/uplift-report.html');
		expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
		expect(html).toContain('<svg');
		const chats = await httpRequest(`${demo.urls.outbox}chat.json`);
		expect((chats.data as Array<{ body: { text: string } }>).map((chat) => chat.body.text)).toContainEqual(expect.stringContaining('Campaign readout: treatment converted'));
	});
});
