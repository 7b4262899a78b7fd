import { NodeOperationError } from 'n8n-workflow';
import { MeasureUplift } from '../../../nodes/MeasureUplift/MeasureUplift.node';
import { measureUpliftProperties } from '../../../nodes/MeasureUplift/properties';
import type { ParameterValue } from '../support/mockExecuteFunctions';
import { itemsOf, mockExecuteFunctions } from '../support/mockExecuteFunctions';

const node = new MeasureUplift();
const DEFAULTS: Record<string, unknown> = Object.fromEntries(measureUpliftProperties.map((property) => [property.name, property.default]));
const TOOL = 'n8n-nodes-lifecycle.measureUpliftTool';

async function run(overrides: Record<string, ParameterValue>, rows: Array<Record<string, unknown>>, nodeType?: string) {
	const mock = mockExecuteFunctions({ ...DEFAULTS, ...overrides }, itemsOf(rows), { nodeType });
	Object.assign(mock.context, { getCredentials: async () => ({ secret: 'a-long-random-secret-salt' }) });
	const [output] = await node.execute.call(mock.context);
	return output;
}

describe('Measure Uplift as an AI agent tool', () => {
	it('assigns one customer to the same arm as a batch does, in a compact answer', async () => {
		const customers = Array.from({ length: 30 }, (_, i) => ({ customerId: `c${i}`, email: `c${i}@example.com`, messageHistory: [] }));
		const batch = await run({ operation: 'assign', campaign: 'spring' }, customers);
		for (const index of [0, 7, 29]) {
			const [answer] = await run({ operation: 'assign', campaign: 'spring' }, [customers[index]], TOOL);
			expect(answer.json).toMatchObject({ customerId: `c${index}`, arm: batch[index].json.arm, isControl: batch[index].json.isControl, campaign: 'spring' });
			expect(answer.json).not.toHaveProperty('email');
			expect(String(answer.json.answer)).toMatch(/^arm: /);
		}
	});

	it('refuses Analyze and Train Uplift Model as a tool', async () => {
		for (const operation of ['analyze', 'trainUpliftModel']) {
			const failure = await run({ operation }, [{ customerId: 'c1' }], TOOL).catch((error: unknown) => error);
			expect(failure).toBeInstanceOf(NodeOperationError);
			expect((failure as Error).message).toMatch(/^As an AI tool Measure Uplift sees one customer/);
		}
	});
});
