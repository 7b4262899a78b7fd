import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { ChooseChannel } from '../../../nodes/ChooseChannel/ChooseChannel.node';
import { chooseChannelProperties } from '../../../nodes/ChooseChannel/properties';
import type { ParameterValue } from '../support/mockExecuteFunctions';
import { itemsOf, mockExecuteFunctions } from '../support/mockExecuteFunctions';

const node = new ChooseChannel();
const DEFAULTS: Record<string, unknown> = Object.fromEntries(chooseChannelProperties.map((property) => [property.name, property.default]));

function contextFor(overrides: Record<string, ParameterValue>, rows: Array<Record<string, unknown>>): IExecuteFunctions {
	const { context } = mockExecuteFunctions({ ...DEFAULTS, defaultTimeZone: 'UTC', now: '2025-03-10T12:00:00Z', ...overrides }, itemsOf(rows), { continueOnFail: true });
	return Object.assign(context, { getTimezone: () => 'UTC' });
}

const ada = { customerId: 'c1', email: 'ada@example.com', phone: '+49 151 2345678', consent: { email: true, sms: true }, consentEmail: true, consentSms: true };

describe('Choose Channel node: suppression fails closed', () => {
	it.each(['Email', 'EMAIL', ' email ', 'ALL', 'All', 'e-mail', 'mail', 'newsletter'])('never emails a customer unsubscribed or complaining as %j', async (spelling) => {
		const rows = [{ ...ada, consent: { email: true }, consentSms: null, unsubscribed: [spelling] }, { ...ada, customerId: 'c2', consent: { email: true }, consentSms: null, complained: [spelling] }];
		const [output] = await node.execute.call(contextFor({}, rows));
		expect(output.map((item) => item.json.channel)).toEqual(['none', 'none']);
	});

	it('names the unrecognised channel in the decision reason and suppresses every channel', async () => {
		const [output] = await node.execute.call(contextFor({}, [{ ...ada, unsubscribed: ['Telefax'] }]));
		expect(output[0].json).toMatchObject({ channel: 'none', suppressed: true });
		expect(output[0].json.decisionReason).toMatch(/unrecognised channel "Telefax".*every channel is suppressed/);
	});

	it('reads the Channel Aliases option', async () => {
		const [output] = await node.execute.call(contextFor({ options: { channelAliases: { alias: [{ alias: 'Telefax', channel: 'sms' }] } }, policy: 'priority' }, [{ ...ada, unsubscribed: ['Telefax'] }]));
		expect(output[0].json).toMatchObject({ channel: 'email' });
		expect((output[0].json.blockedChannels as Record<string, string>).sms).toBe('unsubscribed from sms');
	});

	it('refuses an alias row without a channel as a parameter error naming the option', async () => {
		const failure = await node.execute.call(contextFor({ options: { channelAliases: { alias: [{ alias: 'Telefax', channel: '' }] } } }, [ada])).catch((error: unknown) => error);
		expect(failure).toBeInstanceOf(NodeOperationError);
		expect((failure as NodeOperationError).description).toMatch(/Channel Aliases/);
	});

	it.each(['toString', '__proto__', 'constructor'])('never crashes on the channel name %j', async (name) => {
		const [output] = await node.execute.call(contextFor({}, [{ ...ada, unsubscribed: [name], consent: { email: true, [name]: true } }, { ...ada, customerId: 'c2' }]));
		expect(output.map((item) => item.json.channel)).toEqual(['none', 'email']);
	});
});
