/**
 * Choose Channel inside a real n8n 2.41.1: a CSV of events read by n8n's file nodes, Build Profile,
 * Choose Channel (fixed Now, Thompson sampling with a seed), n8n's Switch on `channel`, and n8n's Send
 * Email node delivering through an SMTP credential to a sink on 127.0.0.1 that records what arrives.
 */
import type { ExecutionItem, N8nHost as Host } from '../harness/n8nHost';
import { N8nHost } from '../harness/n8nHost';
import type { SmtpSink as Sink } from '../harness/smtpSink';
import { SmtpSink } from '../harness/smtpSink';
import { loadWorkflow, outputOf } from '../harness/workflows';

const NOW = '2025-03-10T07:00:00Z'; // the workflow's fixed Now: Monday 08:00 in Berlin, 16:00 in Tokyo
const SMTP_USER = 'lifecycle-e2e';

/** Events as a shop and an email tool would export them. */
const HEADER = 'customer_id,email,first_name,time_zone,timestamp,event_type,amount,order_id,channel,consent_granted';
const EVENTS = [
	// Alice: consented, bought twice, opens and clicks in the evening -> email.
	'C1,alice@example.com,Alice,Europe/Berlin,2025-01-05T10:00:00Z,consent,,,email,true',
	'C1,alice@example.com,Alice,Europe/Berlin,2025-01-20T12:00:00Z,order,49.90,O1,,',
	'C1,alice@example.com,Alice,Europe/Berlin,2025-02-14T09:00:00Z,email_sent,,,email,',
	'C1,alice@example.com,Alice,Europe/Berlin,2025-02-14T18:20:00Z,email_opened,,,email,',
	'C1,alice@example.com,Alice,Europe/Berlin,2025-02-14T18:25:00Z,email_clicked,,,email,',
	'C1,alice@example.com,Alice,Europe/Berlin,2025-02-28T19:05:00Z,order,30,O2,,',
	// Bob: consented, then unsubscribed -> none.
	'C2,bob@example.com,Bob,America/New_York,2025-01-06T15:00:00Z,consent,,,email,true',
	'C2,bob@example.com,Bob,America/New_York,2025-02-01T16:00:00Z,order,20,O3,,',
	'C2,bob@example.com,Bob,America/New_York,2025-02-10T15:00:00Z,unsubscribe,,,email,',
	// Carol: a buyer who never consented -> none.
	'C3,carol@example.com,Carol,Europe/London,2025-02-03T11:00:00Z,order,75,O4,,',
	'C3,carol@example.com,Carol,Europe/London,2025-02-05T20:00:00Z,email_opened,,,email,',
	// Dave: consented, but three emails in the last week reach the cap of 2 per 7 days -> none.
	'C4,dave@example.com,Dave,Europe/Berlin,2025-01-07T09:00:00Z,consent,,,email,true',
	'C4,dave@example.com,Dave,Europe/Berlin,2025-01-15T09:00:00Z,order,12,O5,,',
	'C4,dave@example.com,Dave,Europe/Berlin,2025-03-06T09:00:00Z,email_sent,,,email,',
	'C4,dave@example.com,Dave,Europe/Berlin,2025-03-07T09:00:00Z,email_sent,,,email,',
	'C4,dave@example.com,Dave,Europe/Berlin,2025-03-08T09:00:00Z,email_sent,,,email,',
	'C4,dave@example.com,Dave,Europe/Berlin,2025-03-08T19:00:00Z,email_opened,,,email,',
	// Erin: consent granted, later withdrawn -> none.
	'C5,erin@example.com,Erin,Europe/Paris,2025-01-08T10:00:00Z,consent,,,email,true',
	'C5,erin@example.com,Erin,Europe/Paris,2025-01-25T10:00:00Z,order,60,O6,,',
	'C5,erin@example.com,Erin,Europe/Paris,2025-02-20T10:00:00Z,consent,,,email,false',
	// Frank: unsubscribed, then consented again (the later consent wins) -> email.
	'C6,frank@example.com,Frank,Europe/Berlin,2025-01-10T10:00:00Z,unsubscribe,,,email,',
	'C6,frank@example.com,Frank,Europe/Berlin,2025-02-25T10:00:00Z,consent,,,email,true',
	'C6,frank@example.com,Frank,Europe/Berlin,2025-02-26T10:00:00Z,order,35,O7,,',
	// Grace: consented, in Tokyo -> email.
	'C7,grace@example.com,Grace,Asia/Tokyo,2025-01-11T01:00:00Z,consent,,,email,true',
	'C7,grace@example.com,Grace,Asia/Tokyo,2025-02-02T03:00:00Z,order,80,O8,,',
	'C7,grace@example.com,Grace,Asia/Tokyo,2025-02-12T00:00:00Z,email_sent,,,email,',
	'C7,grace@example.com,Grace,Asia/Tokyo,2025-02-12T11:30:00Z,email_opened,,,email,',
];
const MAILED = ['alice@example.com', 'frank@example.com', 'grace@example.com'];
const BAD_ZONE = 'C8,hank@example.com,Hank,Mars/Olympus_Mons,2025-01-12T10:00:00Z,consent,,,email,true';

let host: Host;
let sink: Sink;

beforeAll(async () => {
	host = await N8nHost.create('choose-channel-email');
	sink = await SmtpSink.start({ folder: host.folder });
	host.importCredentials([
		{
			id: 'smtpSinkCred0001',
			name: 'SMTP sink',
			type: 'smtp',
			data: { user: SMTP_USER, password: 'not-a-secret', host: sink.host, port: sink.port, secure: false, disableStartTls: true, hostName: '' },
		},
	]);
});

afterAll(async () => {
	await sink?.stop();
	await host?.stop();
	host?.dispose();
});

beforeEach(() => sink.clear());

function workflowFor(csv: string, id: string) {
	const file = host.writeFile(`events-${id}.csv`, `${csv}\n`);
	const workflow = loadWorkflow('choose-channel-email', { 'Read Events CSV': { fileSelector: file } });
	workflow.id = id;
	return workflow;
}

function byCustomer(items: ExecutionItem[]): Map<string, Record<string, unknown>> {
	return new Map(items.filter((item) => !('error' in item.json)).map((item) => [item.json.customerId as string, item.json]));
}

describe('Choose Channel in real n8n: CSV -> Build Profile -> Choose Channel -> Switch -> Send Email over SMTP', () => {
	it('mails only the consented, uncapped customers, at allowed local times, and says why the others get none', () => {
		const workflow = workflowFor([HEADER, ...EVENTS].join('\n'), 'chooseChannelMail01');
		host.importWorkflow(workflow);
		const run = host.execute(workflow.id);
		expect(run.ok).toBe(true);
		const result = run.result!;

		const chosen = outputOf(result, 'Choose Channel');
		expect(chosen).toHaveLength(7);
		chosen.forEach((item, index) => expect(item.pairedItem).toEqual({ item: index }));
		const decisions = byCustomer(chosen);
		expect([...decisions].map(([id, json]) => [id, json.channel, json.suppressionCode])).toEqual([
			['C1', 'email', null],
			['C2', 'none', 'no_eligible_channel'],
			['C3', 'none', 'no_eligible_channel'],
			['C4', 'none', 'frequency_cap'],
			['C5', 'none', 'no_eligible_channel'],
			['C6', 'email', null],
			['C7', 'email', null],
		]);
		// Build Profile records an unsubscribe as withdrawn consent too, so that is the first reason given.
		expect(decisions.get('C2')).toMatchObject({ unsubscribed: ['email'], consentEmail: false });
		expect(decisions.get('C2')!.suppressionReason).toContain('email: consent withdrawn');
		expect(decisions.get('C3')!.suppressionReason).toContain('email: no consent recorded');
		expect(decisions.get('C4')!.suppressionReason).toContain('cap 2 messages per 7 days reached');
		expect(decisions.get('C5')!.suppressionReason).toContain('email: consent withdrawn');
		for (const id of ['C1', 'C6', 'C7']) {
			const json = decisions.get(id)!;
			// sendAt carries the offset of the customer's zone, so its clock time is local: outside 21:00-08:00.
			const local = (json.sendAt as string).slice(11, 16);
			expect(local >= '08:00' && local < '21:00').toBe(true);
			expect(Date.parse(json.sendAt as string)).toBeGreaterThanOrEqual(Date.parse(NOW));
			expect(json).toMatchObject({ suppressed: false, policy: 'thompson', campaign: 'spring-sale', decidedAt: '2025-03-10T07:00:00.000Z' });
			expect(json.propensity).toBeGreaterThan(0);
			expect(json.email).toBe(`${(json.firstName as string).toLowerCase()}@example.com`);
		}
		// Send hours learned from Build Profile's engagementHistory: Alice opens and clicks at 19:2x Berlin time; Grace
		// opened at 20:30 Tokyo time; Frank has no opens of his own, so he gets everyone's pattern (evening, 20:00).
		expect(['C1', 'C6', 'C7'].map((id) => decisions.get(id)!.sendAt)).toEqual([
			'2025-03-10T19:00:00.000+01:00',
			'2025-03-10T20:00:00.000+01:00',
			'2025-03-10T20:00:00.000+09:00',
		]);

		// The Switch routes on `channel`: three to email, none to sms or push, four to the fallback.
		expect([0, 1, 2, 3].map((output) => outputOf(result, 'Route by Channel', output).length)).toEqual([3, 0, 0, 4]);
		expect(outputOf(result, 'Send Email')).toHaveLength(3);

		const customerOf = new Map([...decisions].map(([id, json]) => [json.email as string, id]));
		const messages = sink.messages();
		expect(messages.map((message) => message.to).flat().sort()).toEqual(MAILED);
		for (const message of messages) {
			const name = message.to[0].split('@')[0];
			const firstName = name[0].toUpperCase() + name.slice(1);
			expect(message.from).toBe('shop@example.com');
			expect(message.auth).toBe(SMTP_USER);
			expect(message.subject).toBe(`Spring sale for ${firstName}`);
			expect(message.body).toContain(`Hi ${firstName},`);
			expect(message.body).toContain(`planned for ${decisions.get(customerOf.get(message.to[0])!)!.sendAt}`);
		}
	});

	it('stops on a customer with an unknown time zone, naming the item and the field; sends nothing', () => {
		const workflow = workflowFor([HEADER, ...EVENTS, BAD_ZONE].join('\n'), 'chooseChannelMail02');
		host.importWorkflow(workflow);
		const run = host.execute(workflow.id);
		expect(run.ok).toBe(false);
		const error = run.result?.data.resultData.error ?? { message: run.stdout + run.stderr };
		expect(error.message).toContain('Choose Channel requires timeZone to be a known IANA time zone');
		expect(error.message).toContain('Mars/Olympus_Mons');
		expect(error.message).toContain('(item 7)');
		expect(sink.messages()).toEqual([]);
	});

	it('with Continue on fail, turns the bad customer into an error item with its pairedItem and mails the others', () => {
		const workflow = workflowFor([HEADER, ...EVENTS, BAD_ZONE].join('\n'), 'chooseChannelMail03');
		workflow.nodes.find((node) => node.name === 'Choose Channel')!.onError = 'continueRegularOutput';
		host.importWorkflow(workflow);
		const run = host.execute(workflow.id);
		expect(run.ok).toBe(true);
		const chosen = outputOf(run.result!, 'Choose Channel');
		expect(chosen).toHaveLength(8);
		const errors = chosen.filter((item) => 'error' in item.json);
		expect(errors.map((item) => item.pairedItem)).toEqual([{ item: 7 }]);
		expect(errors[0].json.error).toContain('timeZone');
		expect(chosen.filter((item) => item.json.channel === 'email')).toHaveLength(3);
		expect(sink.recipients().sort()).toEqual(MAILED);
	});
});
