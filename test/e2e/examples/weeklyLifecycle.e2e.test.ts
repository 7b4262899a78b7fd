/**
 * The example "weekly lifecycle run" in a started n8n 2.41.1, triggered through its webhook: orders CSV ->
 * Build Profile -> Score Churn -> Assign Lifecycle Stage -> Recommend Products -> Measure Uplift (holdout) ->
 * Choose Channel -> email to treated, consented customers with stage-specific content -> a chat summary.
 */
import { assignArm, seededRandom } from '../../../lib';
import type { N8nHost as Host } from '../harness/n8nHost';
import { N8nHost } from '../harness/n8nHost';
import type { SmtpSink as Sink } from '../harness/smtpSink';
import { SmtpSink } from '../harness/smtpSink';
import { loadWorkflow } from '../harness/workflows';
import type { LoopbackServer } from '../../support/loopbackServer';
import { startLoopbackServer } from '../../support/loopbackServer';

const PRODUCTS: Array<[string, string]> = [
	['P1', 'WHITE METAL LANTERN'],
	['P2', 'T-LIGHT HOLDER'],
	['P3', 'PAPER NAPKINS'],
	['P4', 'TEA CUP'],
	['P5', 'SAUCER'],
	['P6', 'JUMBO BAG'],
];
const HEADER = 'customer_id,email,first_name,time_zone,timestamp,event_type,amount,order_id,product_id,product_title,channel,consent_granted';

/** 40 customers; about 80% consent to email; orders through 2025 with a customer-specific rhythm. */
function ordersCsv(): { csv: string; consented: Set<string> } {
	const random = seededRandom(8);
	const rows: string[] = [HEADER];
	const consented = new Set<string>();
	const day = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString();
	for (let c = 1; c <= 40; c++) {
		const id = `C${String(c).padStart(2, '0')}`;
		const email = `customer${c}@example.com`;
		const person = `${id},${email},Customer${c},Europe/Berlin`;
		const first = Math.floor(random() * 200);
		if (random() < 0.8) {
			rows.push(`${person},${day(first)},consent,,,,,email,true`);
			consented.add(email);
		}
		const orders = 1 + Math.floor(random() * 5);
		const gap = 10 + Math.floor(random() * 60);
		for (let o = 0; o < orders; o++) {
			const at = first + o * gap;
			if (at > 330) break;
			const [productId, title] = PRODUCTS[Math.floor(random() * random() * PRODUCTS.length)];
			const [secondId, secondTitle] = PRODUCTS[(Number(productId.slice(1)) % PRODUCTS.length)];
			rows.push(`${person},${day(at)},order,${(10 + random() * 40).toFixed(2)},${id}-O${o},${productId},${title},,`);
			if (random() < 0.5) rows.push(`${person},${day(at)},order,5.00,${id}-O${o},${secondId},${secondTitle},,`);
		}
	}
	return { csv: `${rows.join('\n')}\n`, consented };
}

/** The arm Measure Uplift: Holdout gives a customer (salt = campaign, 10 % control). */
const armOf = (id: string) => assignArm(id, { salt: 'weekly-lifecycle', hashing: 'colonJoined', arms: [{ name: 'control', weight: 10 }, { name: 'treatment', weight: 90 }] }).arm;

let host: Host;
let sink: Sink;
let chat: LoopbackServer;

beforeAll(async () => {
	host = await N8nHost.create('example-weekly');
	sink = await SmtpSink.start({ folder: host.folder });
	chat = await startLoopbackServer(() => ({ body: { ok: true } }));
	host.importCredentials([
		{
			id: 'lifecycleSmtp0001',
			name: 'Local SMTP sink',
			type: 'smtp',
			data: { user: 'lifecycle-demo', password: 'not-a-secret', host: sink.host, port: sink.port, secure: false, disableStartTls: true, hostName: '' },
		},
	]);
});

afterAll(async () => {
	await chat?.close();
	await sink?.stop();
	await host?.stop();
	host?.dispose();
});

describe('Example workflow: weekly lifecycle run (through the running server)', () => {
	it('emails treated, consented customers with stage-specific content and recommendations, and posts a chat summary', async () => {
		const { csv, consented } = ordersCsv();
		const orders = host.writeFile('orders.csv', csv);
		const catalog = host.writeFile('catalog.csv', `${['product_id,title,category,price,in_stock', ...PRODUCTS.map(([id, title], i) => `${id},${title},${i < 2 ? 'Lighting' : 'Kitchen'},${(2 + i).toFixed(2)},true`)].join('\n')}\n`);
		const workflow = loadWorkflow('example-weekly-lifecycle', {
			'Read Orders CSV': { fileSelector: orders },
			'Read Catalog CSV': { fileSelector: catalog },
			'Chat Summary': { url: `${chat.url}/chat` },
			'Write Stage Chart': { fileName: host.file('lifecycle-stages.svg') },
		});
		host.importWorkflow(workflow);
		host.publishWorkflow(workflow.id);
		await host.start();
		const response = await host.webhook('weekly-lifecycle', {});
		if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${JSON.stringify(response.data)}\n${host.readLog('main')}`);
		const answer = response.data as { ok: boolean; emails: number; customers: number; heldOut: number; stageCounts: Record<string, number> };
		expect(answer).toMatchObject({ ok: true, customers: 40 });
		expect(Object.values(answer.stageCounts).reduce((sum, count) => sum + count, 0)).toBe(40);
		const heldOut = Array.from({ length: 40 }, (_, c) => `C${String(c + 1).padStart(2, '0')}`).filter(
			(id) => armOf(id) === 'control',
		);
		expect(answer.heldOut).toBe(heldOut.length);

		const messages = sink.messages();
		expect(messages.length).toBe(answer.emails);
		expect(messages.length).toBeGreaterThan(10);
		for (const message of messages) {
			const email = message.to[0];
			const id = `C${String(Number(/customer(\d+)@/.exec(email)![1])).padStart(2, '0')}`;
			expect(consented.has(email)).toBe(true);
			expect(armOf(id)).toBe('treatment');
			expect(message.subject).toMatch(/^(Welcome to Lifecycle Shop|We miss you|It has been a while|Welcome back|News for you|Customer\d+, (picked for you|thank you))/);
			expect(message.body).toMatch(/\n1\. [A-Z][A-Z -]+\n2\. /);
			expect(message.body).toContain('(stage ');
		}
		const stages = new Set(messages.map((message) => /\(stage (\w+):/.exec(message.body)![1]));
		expect(stages.size).toBeGreaterThan(1);

		expect(chat.requests).toHaveLength(1);
		const text = (chat.requests[0].body as { text: string }).text;
		expect(text).toMatch(/^Weekly lifecycle run: 40 customers; stages \{.*\}; \d+ held out; \d+ email decisions; \d+ emails sent; chart in lifecycle-stages.svg$/);
		expect(text).toContain(`${messages.length} emails sent`);
		expect(text).toContain(`; ${heldOut.length} held out;`);
		const stagesInChat = JSON.parse(/stages (\{.*?\});/.exec(text)![1]) as Record<string, number>;
		expect(stagesInChat).toEqual(Object.fromEntries(Object.entries(answer.stageCounts).filter(([, count]) => count > 0)));

		// The Include Summary item's chart, written by n8n's Read/Write Files node.
		const chart = host.readFile('lifecycle-stages.svg');
		expect(chart.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
		expect(chart).toContain('40 customers');
		for (const [stage, count] of Object.entries(answer.stageCounts)) expect(chart).toContain(`<title>${stage}: ${count}</title>`);
	});
});
