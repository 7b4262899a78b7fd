/**
 * Build Profile's Update Stored Profiles mode: new items on input 1, the stored rows on input 2 exactly as the Data
 * table node returns them; rows to store, profiles and retired rows out. Two weeks folded give the profiles one
 * build over both weeks gives.
 */
import type { INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { BuildProfile } from '../../../nodes/BuildProfile/BuildProfile.node';
import { itemsOf, mockExecuteFunctions } from '../support/mockExecuteFunctions';

const node = new BuildProfile();
const parameters = (mode: string, customersToOutput = 'touched') => ({ mode, customersToOutput, source: 'csvRows', periodUnit: 'week', options: {} });

const week1 = [
	{ customer_id: 'A', email: 'ana@example.com', timestamp: '2024-01-01', amount: '10', order_id: 'o1' },
	{ anonymous_id: 'cookie-1', event_type: 'view', product_id: 'P1', timestamp: '2024-01-02' },
	{ customer_id: 'B', timestamp: '2024-01-03', amount: '5', order_id: 'o2' },
];
const week2 = [
	{ customer_id: 'A', timestamp: '2024-01-09', amount: '20', order_id: 'o3' },
	{ email: 'ana@example.com', anonymous_id: 'cookie-1', event_type: 'identify', timestamp: '2024-01-10' },
	{ customer_id: 'C', timestamp: '2024-01-11', amount: '7', order_id: 'o4' },
];

/** Rows as a Data table returns them: JSON values plus its own id, createdAt and updatedAt columns. */
function asTableRows(rows: INodeExecutionData[]): INodeExecutionData[] {
	return rows.map((row, index) => ({ json: { id: index + 1, createdAt: '2024-01-08T00:00:00.000Z', updatedAt: '2024-01-08T00:00:00.000Z', ...JSON.parse(JSON.stringify(row.json)) } }));
}

async function update(items: Array<Record<string, unknown>>, stored: INodeExecutionData[], customersToOutput = 'touched') {
	const { context } = mockExecuteFunctions(parameters('update', customersToOutput), itemsOf(items), { secondInput: stored });
	return await node.execute.call(context);
}

const byId = (items: INodeExecutionData[]) => Object.fromEntries(items.map((item) => [item.json.profileId as string, item.json]));

describe('Build Profile: Update Stored Profiles', () => {
	it('declares two inputs and three outputs in this mode only', () => {
		// The expressions are `={{ $parameter.mode === "update" ? [...] : [...] }}` with JSON lists: read the branch.
		const evaluate = (expression: unknown, mode: string) => {
			const branches = /^=\{\{ \$parameter\.mode === "update" \? (\[.*\]) : (\[.*\]) \}\}$/.exec(String(expression));
			if (!branches) throw new Error(`unexpected expression ${String(expression)}`);
			return JSON.parse(mode === 'update' ? branches[1] : branches[2]) as Array<string | { displayName: string }>;
		};
		const names = (list: Array<string | { displayName: string }>) => list.map((entry) => (typeof entry === 'string' ? entry : entry.displayName));
		expect(names(evaluate(node.description.inputs, 'update'))).toEqual(['New Items', 'Stored Profiles']);
		expect(names(evaluate(node.description.outputs, 'update'))).toEqual(['Rows to Store', 'Profiles', 'Retired Rows']);
		expect(evaluate(node.description.inputs, 'build')).toEqual(['main']);
		expect(evaluate(node.description.outputs, 'build')).toEqual(['main']);
	});

	it('folds week 2 into the rows of week 1: the profiles of one build over both weeks, the merged row retired', async () => {
		const [rows1, profiles1, retired1] = await update(week1, []);
		expect([rows1.length, profiles1.length, retired1.length]).toEqual([3, 3, 0]);
		const [rows2, profiles2, retired2] = await update(week2, asTableRows(rows1));
		expect(retired2.map((item) => item.json)).toEqual([{ profileId: 'anonymous:cookie-1' }]);
		expect(rows2.map((item) => item.json.profileId).sort()).toEqual(['A', 'C']);

		const { context } = mockExecuteFunctions(parameters('build'), itemsOf([...week1, ...week2]));
		const [oneShot] = await node.execute.call(context);
		const expected = byId(oneShot);
		for (const [id, profile] of Object.entries(byId(profiles2))) expect(profile).toEqual(expected[id]);
		expect(byId(profiles2).A).toMatchObject({ anonymousIds: ['cookie-1'], productsViewed: ['P1'], orders: 2, revenue: 30 });
		expect(profiles2.map((item) => item.pairedItem)).toEqual([[{ item: 0 }, { item: 1 }], [{ item: 2 }]]);

		const stored = [...asTableRows(rows1).filter((row) => row.json.profileId === 'B'), ...asTableRows(rows2)];
		const [, everyone] = await update([], stored, 'every');
		expect(everyone.map((item) => item.json.profileId).sort()).toEqual(['A', 'B', 'C']);
		for (const [id, profile] of Object.entries(byId(everyone))) expect(profile).toEqual(expected[id]);
	});

	it('reads an empty item on input 2 (Always Output Data on an empty table) as no rows', async () => {
		const [rows] = await update(week1, [{ json: {} }]);
		expect(rows).toHaveLength(3);
	});

	it('refuses corrupted stored rows by naming the row and the column', async () => {
		const [rows] = await update(week1, []);
		const broken = asTableRows(rows).map((row) => ({ json: { ...row.json, state: '{"version":7,"events":[]}' } }));
		await expect(update(week2, broken)).rejects.toThrow(NodeOperationError);
		await expect(update(week2, broken)).rejects.toThrow('Stored profile row 0: state has version 7');
	});

	it('stores the rows with exactly the columns to create, JSON lists as text', async () => {
		const [rows] = await update(week1, []);
		for (const row of rows) {
			for (const value of Object.values(row.json)) expect(['string', 'number', 'boolean'].includes(typeof value) || value === null).toBe(true);
		}
	});
});
