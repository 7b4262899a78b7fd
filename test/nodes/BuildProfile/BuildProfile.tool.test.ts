import { BuildProfile } from '../../../nodes/BuildProfile/BuildProfile.node';
import { itemsOf, mockExecuteFunctions } from '../support/mockExecuteFunctions';

const node = new BuildProfile();
const TOOL = 'n8n-nodes-lifecycle.buildProfileTool';
const parameters = { source: 'csvRows', periodUnit: 'day', options: { observationEnd: '2024-03-01T00:00:00Z' } };
const rows = [
	{ customer_id: 'A', timestamp: '2024-01-01', amount: '10', order_id: 'o1', currency: 'EUR' },
	{ customer_id: 'A', timestamp: '2024-02-01', amount: '20', order_id: 'o2', currency: 'EUR' },
];

async function run(rowsIn: Array<Record<string, unknown>>, nodeType?: string, options: Record<string, unknown> = parameters.options) {
	const [output] = await node.execute.call(mockExecuteFunctions({ ...parameters, options }, itemsOf(rowsIn), { nodeType }).context);
	return output;
}

describe('Build Profile as an AI agent tool', () => {
	it('answers the profile in a few fields with a sentence, without the RFM segment of a one-customer run', async () => {
		const [full] = await run(rows);
		expect(Object.keys(full.json).length).toBeGreaterThan(50);
		expect(full.json.rfmSegment).not.toBeNull();
		const [answer] = await run(rows, TOOL);
		expect(answer.pairedItem).toEqual(full.pairedItem);
		expect(answer.json).toEqual({
			answer: `profile: 2 orders, revenue 30 EUR, last purchase ${String(full.json.daysSinceLastPurchase)} days ago`,
			customerId: 'A',
			orders: 2,
			revenue: 30,
			currency: 'EUR',
			lastPurchaseAt: full.json.lastPurchaseAt,
			daysSinceLastPurchase: full.json.daysSinceLastPurchase,
		});
	});

	it('keeps the RFM segment when a normal run asks for compact output (a whole customer base)', async () => {
		const [answer] = await run(rows, undefined, { ...parameters.options, toolOutput: 'compact' });
		expect(answer.json).toHaveProperty('rfmSegment');
	});
});
