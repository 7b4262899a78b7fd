/**
 * examples/weekly-lifecycle.json as a builder runs it (Execute workflow, signed in as the owner) in a started n8n:
 * the incremental weekly run. The first run folds the sample shop's history into the `customer_profiles` Data table,
 * each further run only the week after the stored watermark. After the history and two weeks, every node's output
 * (profiles, churn scores, stages, recommendations, holdout) equals that of one full rebuild over the same orders,
 * run in the same n8n; so do the stored rows.
 */
import { parse as parseFlatted } from 'flatted';
import { DEMO_OWNER, ownerSession } from '../harness/demo';
import { runFromEditor } from '../harness/manualRun';
import type { N8nHost as Host, Workflow } from '../harness/n8nHost';
import { N8nHost } from '../harness/n8nHost';
import { readProjectFile } from '../../support/projectFiles';
import { storedProfilesWorkflow } from '../stored/storedProfilesWorkflow';

const EXAMPLE = 'examples/weekly-lifecycle.json';
const INCREMENTAL_ID = 'weeklyIncrement1';
const REBUILD_ID = 'weeklyRebuild001';
/** The run dates of the example's first three runs: the history to 3 November, then two weeks. */
const RUN_DATES = ['2025-11-03T00:00:00.000Z', '2025-11-10T00:00:00.000Z', '2025-11-17T00:00:00.000Z'];
/** The nodes after Build Profile whose every item must match the rebuild's. */
const SCORING_NODES = ['Score Churn', 'Assign Lifecycle Stage', 'Recommend Products', 'Measure Uplift: Holdout'];

type Json = Record<string, unknown>;
type RunData = Record<string, Array<{ data?: { main?: Array<Array<{ json: Json }> | null> } }>>;
type Client = Extract<Awaited<ReturnType<typeof ownerSession>>, { ok: true }>['client'];

/**
 * The same weekly run without the store: This Run gives a fixed date and no watermark, so the sample orders up to
 * that date go into one Build Profile (Mode Build) with the same options, followed by the example's own nodes.
 */
function fullRebuild(example: Workflow, runDate: string): Workflow {
	const dropped = new Set(['Create Table If Missing', 'Get Stored Profiles', 'Store Profiles', 'Delete Merged Profiles']);
	const nodes = example.nodes
		.filter((node) => !dropped.has(node.name))
		.map((node) => {
			if (node.name === 'This Run') return { ...node, parameters: { jsCode: `return [{ json: { watermark: null, runDate: '${runDate}' } }];` } };
			if (node.name !== 'Build Profile') return node;
			const parameters = { ...(node.parameters as Json) };
			delete parameters.mode;
			delete parameters.customersToOutput;
			return { ...node, parameters };
		});
	const connections = Object.fromEntries(Object.entries(example.connections).filter(([source]) => !dropped.has(source))) as Workflow['connections'];
	connections['Run This Week'] = { main: [[{ node: 'This Run', type: 'main', index: 0 }, { node: 'Sample Catalog', type: 'main', index: 0 }]] };
	connections['Build Profile'] = { main: [[{ node: 'Score Churn', type: 'main', index: 0 }]] };
	return { ...example, id: REBUILD_ID, name: 'Weekly lifecycle run: full rebuild', nodes, connections } as Workflow;
}

/** Runs a workflow from the editor and returns its run data (n8n stores it as a flatted string). */
async function runAndRead(client: Client, workflowId: string): Promise<RunData> {
	const execution = await runFromEditor(client, workflowId, 'Run This Week');
	if (execution.status !== 'success') throw new Error(`${workflowId} ended ${String(execution.status)}: ${String(execution.data).slice(0, 3000)}`);
	const stored = await client.get(`/executions/${String(execution.id)}`);
	return (parseFlatted(String((stored.data.data as { data: string }).data)) as { resultData: { runData: RunData } }).resultData.runData;
}

const itemsOf = (runData: RunData, node: string, output = 0) => (runData[node]?.at(-1)?.data?.main?.[output] ?? []).map((item) => item.json);
/** Items by customer: the stored table gives its rows in its own order, a one-shot build in order of first appearance. */
const byCustomer = (items: Json[]) => [...items].sort((a, b) => String(a.profileId ?? a.customerId ?? '').localeCompare(String(b.profileId ?? b.customerId ?? '')));

describe('examples/weekly-lifecycle.json: the incremental weekly run in a started n8n', () => {
	let host: Host;
	let client: Client;
	const example = JSON.parse(readProjectFile(EXAMPLE)) as Workflow;

	beforeAll(async () => {
		host = await N8nHost.create('weekly-example', { extraEnv: { GENERIC_TIMEZONE: 'UTC' } });
		host.importWorkflow({ ...example, id: INCREMENTAL_ID });
		host.importWorkflow(fullRebuild(example, RUN_DATES[2]));
		const reader = storedProfilesWorkflow();
		host.importWorkflow(reader);
		host.publishWorkflow(reader.id);
		await host.start();
		const base = `http://127.0.0.1:${host.port}`;
		const setup = await fetch(`${base}/rest/owner/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(DEMO_OWNER) });
		expect(setup.status).toBe(200);
		const session = await ownerSession(base, DEMO_OWNER);
		if (!session.ok) throw new Error(`Sign-in failed: HTTP ${session.status}`);
		client = session.client;
	});

	afterAll(async () => {
		await host?.stop();
		host?.dispose();
	});

	it('history, then week 1, then week 2: every node gives what one full rebuild over the same orders gives', async () => {
		const runs: RunData[] = [];
		for (let run = 0; run < RUN_DATES.length; run++) runs.push(await runAndRead(client, INCREMENTAL_ID));
		expect(runs.map((runData) => itemsOf(runData, 'This Run')[0]?.runDate)).toEqual(RUN_DATES);
		const newOrders = runs.map((runData) => itemsOf(runData, 'Orders Since Last Run').filter((row) => row.event_type !== undefined).length);
		// The history is most of the year; each week adds a few dozen events, never one already stored.
		expect(newOrders[0]).toBeGreaterThan(300);
		expect(newOrders.slice(1).every((count) => count > 0 && count < newOrders[0] / 4)).toBe(true);

		const incremental = runs[2];
		const rebuild = await runAndRead(client, REBUILD_ID);
		const profiles = itemsOf(incremental, 'Build Profile', 1);
		expect(profiles.length).toBeGreaterThan(150);
		expect(byCustomer(profiles)).toEqual(byCustomer(itemsOf(rebuild, 'Build Profile', 0)));
		const differing = SCORING_NODES.filter((node) => JSON.stringify(byCustomer(itemsOf(incremental, node))) !== JSON.stringify(byCustomer(itemsOf(rebuild, node))));
		expect(differing).toEqual([]);
		for (const node of SCORING_NODES) expect([node, itemsOf(incremental, node).length > 0]).toEqual([node, true]);
		// Choose Channel reads the clock (send times), so only its decisions are compared.
		const decisions = (runData: RunData) => byCustomer(itemsOf(runData, 'Choose Channel')).map(({ customerId, channel, decisionReason, suppressionReason }) => ({ customerId, channel, decisionReason, suppressionReason }));
		expect(decisions(incremental)).toEqual(decisions(rebuild));

		// The table holds one row per customer, each stored with the last run's date as its watermark.
		const stored = await host.webhook('stored-profiles', { orders: [], every: true });
		expect(stored.status).toBe(200);
		const rows = stored.data as Json[];
		expect(rows.map((row) => row.profileId).sort()).toEqual(profiles.map((profile) => profile.profileId).sort());
		expect(new Set(rows.map((row) => row.observationEnd))).toEqual(new Set([RUN_DATES[2]]));
	});
});
