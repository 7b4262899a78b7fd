/**
 * Population figures through the nodes (issue 14 item 4): the weekly run's Build Profile (run summary) and Assign
 * Lifecycle Stage (summary item) write them; in real time, Update Stored Profiles with one customer's row and Assign
 * Lifecycle Stage with the stored figures give that customer the weekly run's RFM and stage. Bad figures stop the
 * node with an error naming the field.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { AssignLifecycleStage } from '../../../nodes/AssignLifecycleStage/AssignLifecycleStage.node';
import { BuildProfile } from '../../../nodes/BuildProfile/BuildProfile.node';
import { itemsOf, mockExecuteFunctions } from '../support/mockExecuteFunctions';

const buildProfile = new BuildProfile();
const assignStage = new AssignLifecycleStage();

/** Ten customers, 1 to 4 orders each, different amounts and days; all orders in January 2024. */
const ORDERS = Array.from({ length: 10 }, (_, c) =>
	Array.from({ length: 1 + (c % 4) }, (_, o) => ({
		customer_id: `C${c}`,
		timestamp: `2024-01-${String(1 + c + o * 5).padStart(2, '0')}T10:00:00Z`,
		amount: String(10 + ((c * 13) % 17)),
		order_id: `O${c}-${o}`,
	})),
).flat();

const updateParameters = (options: IDataObject, customersToOutput = 'every') => ({ mode: 'update', customersToOutput, source: 'csvRows', periodUnit: 'day', options });
const stageParameters = (options: IDataObject) => ({ stageModel: 'default', atRiskSignal: 'purchaseRhythm', previousStage: '', stageNames: {}, options });

async function weeklyRun() {
	const { context } = mockExecuteFunctions(updateParameters({ includeRunSummary: true }), itemsOf(ORDERS), { secondInput: [] });
	const [rows, profileItems] = await buildProfile.execute.call(context);
	const summary = profileItems[profileItems.length - 1].json;
	const profiles = profileItems.slice(0, -1);
	const stage = mockExecuteFunctions(stageParameters({ includeSummary: true, summaryChart: false }), profiles);
	const [staged] = await assignStage.execute.call(stage.context);
	const lifecycleSummary = staged[staged.length - 1].json;
	// What the weekly workflow stores in one Data table row (a Set node merging the two summaries).
	const figures = JSON.stringify({ ...(lifecycleSummary.populationFigures as IDataObject), ...(summary.populationFigures as IDataObject) });
	return { rows, profiles, staged: staged.slice(0, -1), summary, figures };
}

const asTableRow = (row: INodeExecutionData): INodeExecutionData => ({ json: { id: 1, createdAt: '2024-02-01T00:00:00.000Z', updatedAt: '2024-02-01T00:00:00.000Z', ...JSON.parse(JSON.stringify(row.json)) } });

describe('Population figures through Build Profile and Assign Lifecycle Stage', () => {
	it('the run summary carries the figures: kind, version, observation end and RFM edges', async () => {
		const { summary } = await weeklyRun();
		expect(summary.populationFigures).toMatchObject({ kind: 'populationFigures', version: 1, observationEnd: summary.observationEnd, rfm: { purchasers: 10, valued: 10 } });
	});

	it('one customer in real time (their row and a cart event) gets the weekly RFM and stage', async () => {
		const weekly = await weeklyRun();
		for (const [index, row] of weekly.rows.entries()) {
			const id = row.json.profileId as string;
			const cart = { customer_id: id, event_type: 'add_to_cart', product_id: 'P1', timestamp: weekly.summary.observationEnd as string };
			const { context } = mockExecuteFunctions(updateParameters({ populationFigures: weekly.figures }, 'touched'), itemsOf([cart]), { secondInput: [asTableRow(row)] });
			const [rows, profiles] = await buildProfile.execute.call(context);
			expect(rows).toHaveLength(1);
			const weeklyProfile = weekly.profiles.find((item) => item.json.profileId === id)!.json;
			expect(profiles[0].json).toMatchObject({ rfmScore: weeklyProfile.rfmScore, rfmSegment: weeklyProfile.rfmSegment, observationEnd: weekly.summary.observationEnd });
			const stage = mockExecuteFunctions(stageParameters({ populationFigures: weekly.figures }), [{ json: profiles[0].json }]);
			const [staged] = await assignStage.execute.call(stage.context);
			const weeklyStage = weekly.staged.find((item) => item.json.profileId === id)!.json;
			expect([index, staged[0].json.lifecycleStage, staged[0].json.stageReason]).toEqual([index, weeklyStage.lifecycleStage, weeklyStage.stageReason]);
		}
	});

	it('stops with an error naming the field when the figures are of another version or lack a part', async () => {
		const weekly = await weeklyRun();
		const figures = JSON.parse(weekly.figures) as IDataObject;
		const run = async (populationFigures: string) => {
			const { context } = mockExecuteFunctions(updateParameters({ populationFigures }, 'touched'), itemsOf([ORDERS[0]]), { secondInput: [asTableRow(weekly.rows[0])] });
			return await buildProfile.execute.call(context).then(
				() => undefined,
				(error: unknown) => error,
			);
		};
		const other = await run(JSON.stringify({ ...figures, version: 2 }));
		expect(other).toBeInstanceOf(NodeOperationError);
		expect((other as Error).message).toMatch(/populationFigures\.version to be 1/);
		const noRfm = await run(JSON.stringify({ ...figures, rfm: undefined }));
		expect((noRfm as Error).message).toMatch(/populationFigures\.rfm/);

		const stage = mockExecuteFunctions(stageParameters({ populationFigures: JSON.stringify({ ...figures, lifecycle: undefined }) }), weekly.profiles.slice(0, 1));
		const failure = await assignStage.execute.call(stage.context).then(
			() => undefined,
			(error: unknown) => error,
		);
		expect(failure).toBeInstanceOf(NodeOperationError);
		expect((failure as Error).message).toMatch(/populationFigures\.lifecycle/);
	});
});
