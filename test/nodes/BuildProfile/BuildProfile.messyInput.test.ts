import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { BuildProfile } from '../../../nodes/BuildProfile/BuildProfile.node';
import { ChooseChannel } from '../../../nodes/ChooseChannel/ChooseChannel.node';
import { chooseChannelProperties } from '../../../nodes/ChooseChannel/properties';
import { itemsOf, mockExecuteFunctions } from '../support/mockExecuteFunctions';

const node = new BuildProfile();
const csv = (options: IDataObject = {}) => ({ source: 'csvRows', periodUnit: 'day', options });
const good = [
	{ customer_id: 'A', timestamp: '2024-01-01', amount: '10' },
	{ customer_id: 'B', timestamp: '2024-01-02', amount: '5' },
	{ customer_id: 'A', timestamp: '2024-01-05', amount: '20' },
];

async function run(rows: Array<Record<string, unknown>>, options: IDataObject = {}, continueOnFail = true) {
	const mock = mockExecuteFunctions(csv(options), itemsOf(rows), { continueOnFail });
	const [output] = await node.execute.call(mock.context);
	return { output, hints: mock.hints.map((hint) => hint.message).join(' ') };
}

const profilesOf = (output: INodeExecutionData[]) => output.filter((item) => !item.error);
const errorsOf = (output: INodeExecutionData[]) => output.filter((item) => item.error).map((item) => [(item.pairedItem as { item: number }).item, item.json.error]);

describe('Build Profile node on messy input', () => {
	it.each([1e16, 1.7e18, 1_700_000_000_000_000, '9999-12-31', '0099-01-01', '2024-01-01T10:00:00+99:99'])(
		'the timestamp %p is an error item naming item and field; Continue on fail keeps every good item',
		async (timestamp) => {
			const { output } = await run([...good, { customer_id: 'C', timestamp, amount: '1' }]);
			expect(profilesOf(output).map((item) => [item.json.customerId, item.json.revenue, item.json.observationEnd])).toEqual([
				['A', 30, '2024-01-05T00:00:00.000Z'],
				['B', 5, '2024-01-05T00:00:00.000Z'],
			]);
			expect(errorsOf(output)).toEqual([[3, expect.stringMatching(/Field "timestamp" is not a valid date/)]]);
		},
	);

	it('without Continue on fail the bad timestamp stops the node with its item index, never a crash', async () => {
		const failure = await run([...good, { customer_id: 'C', timestamp: 1e16 }], {}, false).catch((error: unknown) => error);
		expect(failure).toBeInstanceOf(NodeOperationError);
		expect(failure).toMatchObject({ context: { itemIndex: 3 } });
	});

	it('one far-future date is an error item and never moves the observation end of the good profiles', async () => {
		const { output, hints } = await run([...good, { customer_id: 'C', timestamp: '2150-12-31', amount: '1' }]);
		expect(profilesOf(output).map((item) => item.json.observationEnd)).toEqual(['2024-01-05T00:00:00.000Z', '2024-01-05T00:00:00.000Z']);
		expect(errorsOf(output)).toEqual([[3, expect.stringMatching(/after the bulk of the data/)]]);
		expect(hints).toMatch(/1 events dated far after the rest/);
	});

	it('an amount near 1e308 is an error item, never Infinity revenue', async () => {
		const { output } = await run([...good, { customer_id: 'A', timestamp: '2024-01-03', amount: '1.7e308' }, { customer_id: 'A', timestamp: '2024-01-03', amount: '1.7e308' }]);
		expect(profilesOf(output).map((item) => item.json.revenue)).toEqual([30, 5]);
		expect(errorsOf(output).map(([item]) => item)).toEqual([3, 4]);
	});

	it('placeholder phones never merge strangers; they are ignored and counted in a hint', async () => {
		const { output, hints } = await run([
			{ anonymous_id: 'visitor-1', phone: 'n/a', timestamp: '2024-01-01', event_type: 'view' },
			{ anonymous_id: 'visitor-2', phone: '-', timestamp: '2024-01-01', event_type: 'view' },
			{ customer_id: 'C', email: 'c@example.com', phone: 'N/A', timestamp: '2024-01-02', amount: '5' },
			{ email: 'stranger@example.com', phone: 'unknown', timestamp: '2024-01-03', event_type: 'identify' },
		]);
		expect(output).toHaveLength(4);
		expect(output.find((item) => item.json.customerId === 'C')?.json.email).toBe('c@example.com');
		expect(hints).toMatch(/4 placeholder identity values/);
	});

	it('Placeholder Identities set to Error makes such an item an error item', async () => {
		const { output } = await run([...good, { customer_id: 'unknown', timestamp: '2024-01-03', amount: '1' }], { placeholderIdentities: 'error' });
		expect(errorsOf(output)).toEqual([[3, expect.stringMatching(/placeholder/)]]);
	});

	it('counts unsubscribes naming a channel nobody recognises in a hint, and the Channel Aliases option teaches new names', async () => {
		const rows = [
			{ customer_id: 'A', email: 'a@example.com', timestamp: '2024-01-01', event_type: 'consent', channel: 'email', consent_granted: 'true' },
			{ customer_id: 'A', timestamp: '2024-01-02', event_type: 'unsubscribe', channel: 'Courriel' },
		];
		const unknown = await run(rows);
		expect(unknown.output[0].json).toMatchObject({ consentEmail: false, unsubscribed: ['courriel'] });
		expect(unknown.hints).toMatch(/1 unsubscribes, complaints or consent withdrawals named a channel nobody recognises/);
		const taught = await run(rows, { channelAliases: { alias: [{ alias: 'courriel', channel: 'email' }] } });
		expect(taught.output[0].json).toMatchObject({ consentEmail: false, unsubscribed: ['email'] });
		expect(taught.hints).toBe('');
	});

	it('end to end: consent on email, unsubscribe on E-Mail; Choose Channel does not send', async () => {
		const { output } = await run([
			{ customer_id: 'C', email: 'c@example.com', timestamp: '2024-01-01', event_type: 'consent', channel: 'email', consent_granted: 'true' },
			{ customer_id: 'C', timestamp: '2024-01-02', event_type: 'unsubscribe', channel: 'E-Mail' },
		]);
		expect(output[0].json).toMatchObject({ consentEmail: false, unsubscribed: ['email'] });
		const defaults = Object.fromEntries(chooseChannelProperties.map((property) => [property.name, property.default]));
		const choose = mockExecuteFunctions({ ...defaults, defaultTimeZone: 'UTC', now: '2024-01-03T12:00:00Z' }, output);
		Object.assign(choose.context, { getTimezone: () => 'UTC' });
		const [decisions] = await new ChooseChannel().execute.call(choose.context);
		expect(decisions[0].json).toMatchObject({ channel: 'none', suppressed: true });
	});
});
