import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { BuildProfile } from '../../../nodes/BuildProfile/BuildProfile.node';
import { ChooseChannel } from '../../../nodes/ChooseChannel/ChooseChannel.node';
import { chooseChannelProperties } from '../../../nodes/ChooseChannel/properties';
import type { ParameterValue } from '../support/mockExecuteFunctions';
import { itemsOf, mockExecuteFunctions } from '../support/mockExecuteFunctions';

const node = new ChooseChannel();
const NOW = '2025-03-10T05:00:00Z'; // Monday 06:00 in Berlin (inside the default quiet hours), 01:00 in New York
const DAY = 24 * 3_600_000;

/** Every parameter at the default the node's description declares, as n8n fills them in. */
const DEFAULTS: Record<string, unknown> = Object.fromEntries(chooseChannelProperties.map((property) => [property.name, property.default]));

function parameters(overrides: Record<string, ParameterValue> = {}): Record<string, ParameterValue> {
	return { ...DEFAULTS, defaultTimeZone: 'UTC', now: NOW, ...overrides };
}

function contextFor(
	overrides: Record<string, ParameterValue>,
	rows: Array<Record<string, unknown>>,
	{ continueOnFail = false, timeZone = 'UTC' }: { continueOnFail?: boolean; timeZone?: string } = {},
): IExecuteFunctions {
	const { context } = mockExecuteFunctions(parameters(overrides), itemsOf(rows), { continueOnFail });
	return Object.assign(context, { getTimezone: () => timeZone });
}

async function run(overrides: Record<string, ParameterValue>, rows: Array<Record<string, unknown>>, options: { continueOnFail?: boolean; timeZone?: string } = {}) {
	const [output] = await node.execute.call(contextFor(overrides, rows, options));
	return output;
}

async function failureOf(overrides: Record<string, ParameterValue>, rows: Array<Record<string, unknown>>): Promise<NodeOperationError> {
	const failure = await node.execute.call(contextFor(overrides, rows)).catch((error: unknown) => error);
	expect(failure).toBeInstanceOf(NodeOperationError);
	return failure as NodeOperationError;
}

/** Local clock time of an ISO instant written with the offset of the customer's zone: "HH:MM". */
const localClock = (sendAt: unknown) => (sendAt as string).slice(11, 16);

const ada = { customerId: 'c1', email: 'ada@example.com', timeZone: 'Europe/Berlin', consent: { email: true }, consentEmail: true, rfmSegment: 'Champions' };
const ben = { customerId: 'c2', email: 'ben@example.com', timeZone: 'America/New_York', consent: {}, consentEmail: null };

describe('Choose Channel node (mocked context)', () => {
	it('sends email to a consented customer outside quiet hours, merged onto the profile, paired with its input item', async () => {
		const output = await run({}, [ada]);
		expect(output).toHaveLength(1);
		const json = output[0].json;
		expect(json).toMatchObject({
			...ada,
			channel: 'email',
			sendTimeZone: 'Europe/Berlin',
			timeZoneSource: 'profile',
			eligibleChannels: ['email'],
			suppressed: false,
			suppressionCode: null,
			suppressionReason: null,
			policy: 'expectedValue',
			propensity: 1,
			decidedAt: '2025-03-10T05:00:00.000Z',
		});
		// 06:00 local is inside the quiet hours 21:00-08:00: the send moves to an allowed local time after now.
		expect(json.sendAt).toMatch(/^2025-03-1\dT\d\d:\d\d:00\.000\+01:00$/);
		expect(localClock(json.sendAt) >= '08:00' && localClock(json.sendAt) < '21:00').toBe(true);
		expect(Date.parse(json.sendAt as string)).toBeGreaterThanOrEqual(Date.parse(NOW));
		expect(json.decisionReason).toContain('email: only candidate left');
		expect(json.blockedChannels).toEqual({ sms: 'no consent recorded', push: 'no consent recorded' });
		expect(output[0].pairedItem).toEqual({ item: 0 });
	});

	it('gives none with the reason to a customer without consent', async () => {
		const output = await run({}, [ada, ben]);
		expect(output.map((item) => [item.json.customerId, item.json.channel, item.json.suppressed, item.json.sendAt])).toEqual([
			['c1', 'email', false, expect.any(String)],
			['c2', 'none', true, null],
		]);
		expect(output[1].json).toMatchObject({ suppressionCode: 'no_eligible_channel', eligibleChannels: [] });
		expect(output[1].json.suppressionReason).toContain('email: no consent recorded');
		expect(output[1].json.decisionReason).toMatch(/^No message: no eligible channel/);
		expect(output[1].pairedItem).toEqual({ item: 1 });
	});

	it('honours a withdrawal and an unsubscribe', async () => {
		const output = await run({}, [
			{ ...ada, customerId: 'w', consent: { email: false }, consentEmail: false },
			{ ...ada, customerId: 'u', unsubscribed: ['email'] },
		]);
		expect(output.map((item) => item.json.channel)).toEqual(['none', 'none']);
		expect(output[0].json.suppressionReason).toContain('email: consent withdrawn');
		expect(output[1].json.suppressionReason).toContain('unsubscribed from email');
	});

	it('blocks a customer whose frequency cap is reached, and names the cap and when it frees', async () => {
		const now = Date.parse(NOW);
		const messageHistory = [1, 2, 3].map((days) => ({ channel: 'email', sentAt: new Date(now - days * DAY).toISOString() }));
		const caps = { cap: [{ channel: 'all', maxMessages: 3, windowDays: 7 }] };
		const output = await run({ frequencyCaps: caps }, [{ ...ada, messageHistory }, { ...ada, customerId: 'c3', messageHistory: messageHistory.slice(0, 2) }]);
		expect(output[0].json).toMatchObject({ channel: 'none', suppressed: true, suppressionCode: 'frequency_cap' });
		expect(output[0].json.suppressionReason).toContain('cap 3 messages per 7 days reached');
		expect(output[0].json.suppressionReason).toContain('frees 2025-03-14');
		expect(output[1].json.channel).toBe('email');
	});

	it('stops on a bad item with a NodeOperationError naming the item, the field and the fix', async () => {
		const failure = await failureOf({}, [ada, { ...ada, customerId: 'bad', timeZone: 'Mars/Olympus' }]);
		expect(failure.message).toContain('Choose Channel requires timeZone to be a known IANA time zone');
		expect(failure.message).toContain('"Mars/Olympus"');
		expect(failure.context.itemIndex).toBe(1);
		expect(failure.description).toContain('Field: timeZone');
	});

	it('with Continue on fail, returns an error item in place of each bad item, with its pairedItem, and decides the others', async () => {
		const output = await run(
			{},
			[
				{ ...ada, timeZone: 'Mars/Olympus' },
				ada,
				{ ...ada, customerId: 'c5', consent: { email: 'yes please' } },
				{ ...ada, customerId: 'c6', messageHistory: [{ channel: 'email', sentAt: '2030-01-01T00:00:00Z' }] },
				ben,
			],
			{ continueOnFail: true },
		);
		expect(output.map((item) => [item.pairedItem, item.error ? 'error' : item.json.channel])).toEqual([
			[{ item: 0 }, 'error'],
			[{ item: 1 }, 'email'],
			[{ item: 2 }, 'error'],
			[{ item: 3 }, 'error'],
			[{ item: 4 }, 'none'],
		]);
		expect(output[0].json.error).toContain('timeZone');
		expect(output[2].json.error).toContain('consent.email to be true, false or empty');
		expect(output[3].json.error).toContain('history cannot be in the future');
		expect(output[3].json.itemIndex).toBe(3);
	});

	it('rejects a negative frequency cap with a clear NodeOperationError', async () => {
		const failure = await failureOf({ frequencyCaps: { cap: [{ channel: 'email', maxMessages: -1, windowDays: 7 }] } }, [ada]);
		expect(failure.message).toBe('Frequency cap 1 (email) needs Max Messages to be a whole number, 0 or more; got -1');
		expect(failure.context.itemIndex).toBeUndefined();
		const window = await failureOf({ frequencyCaps: { cap: [{ channel: 'all', maxMessages: 2, windowDays: 0 }] } }, [ada]);
		expect(window.message).toBe('Frequency cap 1 (all channels) needs Window (Days) to be a positive number of days; got 0');
	});

	it('names the parameter to fix for other bad parameters', async () => {
		const zone = await failureOf({ defaultTimeZone: 'Europe/Atlantis' }, [ada]);
		expect(zone.message).toContain('Choose Channel requires defaultTimeZone to be a known IANA time zone');
		expect(zone.description).toBe('Check the parameter Default Time Zone.');
		const quiet = await failureOf({ quietHoursStart: '25:00' }, [ada]);
		expect(quiet.description).toBe('Check the parameter Quiet Hours Start and Quiet Hours End.');
		const capOnMissingChannel = await failureOf({ channels: { channel: [{ name: 'email' }] }, frequencyCaps: { cap: [{ channel: 'sms', maxMessages: 1, windowDays: 1 }] } }, [ada]);
		expect(capOnMissingChannel.message).toContain('caps[0].channel to be a configured channel');
		expect(capOnMissingChannel.description).toBe('Check the parameter Frequency Caps.');
		const twice = await failureOf({ channels: { channel: [{ name: 'email' }, { name: 'email' }] } }, [ada]);
		expect(twice.message).toBe('Choose Channel requires each channel once in channels; "email" appears twice');
		expect(twice.description).toBe('Check the parameter Channels Offered.');
		const noChannels = await failureOf({ channels: {} }, [ada]);
		expect(noChannels.description).toBe('Check the parameter Channels Offered.');
		const noDays = await failureOf({ allowedDays: [] }, [ada]);
		expect(noDays.message).toBe('Allowed Days needs at least one weekday');
		const badNow = await failureOf({ now: 'next Tuesday' }, [ada]);
		expect(badNow.message).toBe('Now is not a valid date and time: "next Tuesday"');
	});

	it('gives byte-identical output for the same input, Now and seed (Thompson sampling)', async () => {
		const rows = Array.from({ length: 40 }, (_, k) => ({
			customerId: `c${k}`,
			email: `c${k}@example.com`,
			phone: `+4915100000${String(k).padStart(2, '0')}`,
			pushToken: `token-${k}`,
			timeZone: ['Europe/Berlin', 'America/New_York', 'Asia/Tokyo'][k % 3],
			consent: { email: true, sms: k % 2 === 0, push: true },
			engagement: { email: { sent: 10, opened: k % 7, clicked: k % 4, bounced: 0, lastSentAt: '2025-02-01T09:00:00Z', lastEngagedAt: null } },
			engagementHistory: [`2025-03-0${(k % 9) + 1}T${String(8 + (k % 10)).padStart(2, '0')}:15:00Z`],
		}));
		const settings = { policy: 'thompson', seed: 42 };
		const first = JSON.stringify(await run(settings, rows));
		const second = JSON.stringify(await run(settings, rows.map((row) => JSON.parse(JSON.stringify(row)))));
		expect(second).toBe(first);
		const decided = JSON.parse(first) as INodeExecutionData[];
		expect(new Set(decided.map((item) => item.json.channel)).size).toBeGreaterThan(1);
		for (const item of decided) {
			expect(item.json.policy).toBe('thompson');
			expect(item.json.propensity as number).toBeGreaterThan(0);
			expect(item.json.propensity as number).toBeLessThanOrEqual(1);
		}
		const otherSeed = JSON.stringify(await run({ ...settings, seed: 43 }, rows));
		expect(otherSeed).not.toBe(first);
	});

	it('takes the start time once when Now is empty, the same for every item', async () => {
		const before = Date.now();
		const output = await run({ now: '' }, [ada, { ...ada, customerId: 'c9' }]);
		const after = Date.now();
		const decidedAt = Date.parse(output[0].json.decidedAt as string);
		expect(decidedAt).toBeGreaterThanOrEqual(before);
		expect(decidedAt).toBeLessThanOrEqual(after);
		expect(output[1].json.decidedAt).toBe(output[0].json.decidedAt);
	});

	it("reads a Now without offset in the workflow time zone, and uses that zone for profiles without one", async () => {
		const output = await run({ now: '2025-03-10T06:00:00', defaultTimeZone: '' }, [{ ...ada, timeZone: null }], { timeZone: 'Europe/Berlin' });
		expect(output[0].json).toMatchObject({ decidedAt: '2025-03-10T05:00:00.000Z', sendTimeZone: 'Europe/Berlin', timeZoneSource: 'default', timeZone: null });
	});

	it('follows allowed days and quiet hours set by parameter', async () => {
		const output = await run({ allowedDays: ['saturday'], quietHoursStart: '', quietHoursEnd: '', options: { optimizeSendTime: false } }, [ada]);
		expect(output[0].json.sendAt).toBe('2025-03-15T00:00:00.000+01:00');
		const late = await run({ quietHoursStart: '20:00', quietHoursEnd: '09:30', options: { optimizeSendTime: false } }, [ada]);
		expect(late[0].json.sendAt).toBe('2025-03-10T09:30:00.000+01:00');
	});

	it('takes the fixed priority order of Channels Offered', async () => {
		const both = { ...ada, phone: '+49 151 2345678', consent: { email: true, sms: true }, consentSms: true };
		const channels = { channel: [{ name: 'sms', valuePerResponse: 1, costPerMessage: 0.05 }, { name: 'email', valuePerResponse: 1, costPerMessage: 0 }] };
		const byPriority = await run({ channels, policy: 'priority' }, [both]);
		expect(byPriority[0].json).toMatchObject({ channel: 'sms', policy: 'priority', eligibleChannels: ['sms', 'email'] });
		const byValue = await run({ channels }, [both]);
		expect(byValue[0].json).toMatchObject({ channel: 'email', policy: 'expectedValue' });
		expect((byValue[0].json.expectedValues as IDataObject).sms).toBeCloseTo(0.05 - 0.05, 10);
	});

	it('lets the higher-priority campaign win when two items compete for one customer', async () => {
		const campaigns = ['newsletter', 'winback'];
		const output = await run({ campaign: (i: number) => campaigns[i], campaignPriority: (i: number) => (i === 1 ? 5 : 1) }, [ada, ada]);
		expect(output.map((item) => [item.json.campaign, item.json.channel, item.json.suppressionCode])).toEqual([
			['newsletter', 'none', 'lost_to_campaign'],
			['winback', 'email', null],
		]);
		expect(output[0].json.suppressionReason).toContain('campaign "winback" (priority 5, item 1)');
	});

	it("uses the items' own campaign fields when Campaign is empty", async () => {
		const output = await run({}, [
			{ ...ada, campaign: 'newsletter', campaignPriority: 9 },
			{ ...ada, campaign: 'winback', campaignPriority: 1 },
		]);
		expect(output.map((item) => item.json.channel)).toEqual(['email', 'none']);
	});

	it('adds a run summary item paired with every input when asked', async () => {
		const output = await run({ options: { includeRunSummary: true } }, [ada, ben]);
		expect(output).toHaveLength(3);
		expect(output[2].json).toMatchObject({ runSummary: true, itemsIn: 2, itemsWithErrors: 0, sent: 1, byChannel: { email: 1 }, bySuppression: { no_eligible_channel: 1 } });
		expect(output[2].pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('decides on the output of Build Profile as it is', async () => {
		const events = [
			{ customer_id: 'A', email: 'a@example.com', timestamp: '2025-02-01T10:00:00Z', event_type: 'order', amount: '40' },
			{ customer_id: 'A', timestamp: '2025-02-20T10:00:00Z', event_type: 'email_sent', channel: 'email' },
			{ customer_id: 'A', timestamp: '2025-02-20T18:30:00Z', event_type: 'email_clicked', channel: 'email' },
			{ customer_id: 'B', email: 'b@example.com', timestamp: '2025-02-02T10:00:00Z', event_type: 'order', amount: '15' },
			{ customer_id: 'B', timestamp: '2025-03-08T10:00:00Z', event_type: 'email_sent', channel: 'email' },
			{ customer_id: 'B', timestamp: '2025-03-09T10:00:00Z', event_type: 'email_sent', channel: 'email' },
		];
		const consent = (customerId: string) => ({ customerId, timestamp: '2025-01-15T00:00:00Z', eventType: 'consent', channel: 'email', consentGranted: 'true' });
		const { context: profileContext } = mockExecuteFunctions(
			{
				source: 'custom',
				customerId: (i: number) => (i < events.length ? events[i].customer_id : consent(['A', 'B'][i - events.length]).customerId),
				timestamp: (i: number) => (i < events.length ? events[i].timestamp : '2025-01-15T00:00:00Z'),
				otherFields: (i: number) =>
					i < events.length
						? { email: events[i].email ?? '', eventType: events[i].event_type, value: events[i].amount ?? '', channel: events[i].channel ?? '' }
						: { eventType: 'consent', channel: 'email', consentGranted: 'true' },
				periodUnit: 'day',
				options: {},
			},
			itemsOf([...events, {}, {}]),
		);
		const [profiles] = await new BuildProfile().execute.call(profileContext);
		const output = await run(
			{ frequencyCaps: { cap: [{ channel: 'email', maxMessages: 2, windowDays: 7 }] } },
			profiles.map((item) => item.json),
		);
		expect(output.map((item) => [item.json.customerId, item.json.email, item.json.channel, item.json.suppressionCode])).toEqual([
			['A', 'a@example.com', 'email', null],
			['B', 'b@example.com', 'none', 'frequency_cap'],
		]);
		expect(output[0].json.responseRates).toBeDefined();
		// Build Profile's messageHistory and engagementHistory: caps counted exactly, the send hour from the opens.
		expect(output[0].json.decisionReason).not.toContain('Caps counted from engagement counts');
		expect(output[0].json.decisionReason).toContain('best hour 18 from 1 engagements');
	});
});
