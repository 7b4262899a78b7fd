import { NodeOperationError } from 'n8n-workflow';
import { ChooseChannel } from '../../../nodes/ChooseChannel/ChooseChannel.node';
import { chooseChannelProperties } from '../../../nodes/ChooseChannel/properties';
import type { ParameterValue } from '../support/mockExecuteFunctions';
import { itemsOf, mockExecuteFunctions } from '../support/mockExecuteFunctions';

const node = new ChooseChannel();
const DEFAULTS: Record<string, unknown> = Object.fromEntries(chooseChannelProperties.map((property) => [property.name, property.default]));
const TOOL = 'n8n-nodes-lifecycle.chooseChannelTool';
const NOW = '2025-03-10T05:00:00Z';

async function run(overrides: Record<string, ParameterValue>, rows: Array<Record<string, unknown>>, nodeType?: string) {
	const { context } = mockExecuteFunctions({ ...DEFAULTS, defaultTimeZone: 'UTC', now: NOW, ...overrides }, itemsOf(rows), { nodeType });
	const [output] = await node.execute.call(Object.assign(context, { getTimezone: () => 'UTC' }));
	return output;
}

const ada = { customerId: 'c1', email: 'ada@example.com', timeZone: 'Europe/Berlin', consent: { email: true }, consentEmail: true, lifecycleStage: 'repeat', stageReason: '3 purchase days' };
const ben = { customerId: 'c2', email: 'ben@example.com', timeZone: 'America/New_York', consent: {}, consentEmail: null };

/** As a tool Choose Channel cannot learn response rates and hours from other customers: the fixed defaults. */
const FIXED_PRIORS = { options: { fitPriors: false } };

describe('Choose Channel as an AI agent tool', () => {
	it('refuses to learn priors from the one customer it is given, naming the option to turn off', async () => {
		const failure = await run({}, [ada], TOOL).catch((error: unknown) => error);
		expect(failure).toBeInstanceOf(NodeOperationError);
		expect((failure as Error).message).toMatch(/^As an AI tool Choose Channel sees one customer, .*Learn Priors From the Batch off/);
	});

	it('answers the channel, send time and reason of one customer compactly, as a normal run decides', async () => {
		const [full] = await run(FIXED_PRIORS, [ada, ben]);
		const [answer] = await run(FIXED_PRIORS, [ada], TOOL);
		expect(Object.keys(answer.json).length).toBeLessThanOrEqual(15);
		expect(answer.json).toMatchObject({ customerId: 'c1', channel: 'email', sendAt: full.json.sendAt, decisionReason: full.json.decisionReason, suppressed: false, lifecycleStage: 'repeat' });
		expect(answer.json.answer).toBe(`channel: email at ${String(full.json.sendAt)} - ${String(full.json.decisionReason)}; stage: repeat - 3 purchase days`);
		expect(answer.json).not.toHaveProperty('blockedChannels');
		expect(full.json).toHaveProperty('blockedChannels');
	});

	it('says why nothing may be sent to a customer without consent', async () => {
		const [answer] = await run(FIXED_PRIORS, [ben], TOOL);
		expect(answer.json).toMatchObject({ customerId: 'c2', channel: 'none' });
		expect(String(answer.json.answer)).toMatch(/^channel: none - /);
	});
});
