/**
 * examples/lifecycle-agent-tools.json in a real n8n server, called by an MCP client from the npm registry
 * (@modelcontextprotocol/sdk) as Claude Desktop or Cursor would: no language model. The workflow's refresh part is
 * run the way a builder runs it (Execute workflow: n8n's manual-run REST call, signed in as the owner), which fills
 * the Data table; then tools/list must show the tool and its description, and tools/call for a known customer must
 * return what the same lifecycle nodes compute for that customer in a batch run (`n8n execute`, without the
 * Data table nodes, which only run in a server).
 */
import type { ExecutionItem, N8nHost as Host, Workflow } from '../harness/n8nHost';
import { N8nHost } from '../harness/n8nHost';
import { DEMO_OWNER, ownerSession } from '../harness/demo';
import { runFromEditor } from '../harness/manualRun';
import type { McpConnection } from '../harness/mcpClient';
import { connectMcp } from '../harness/mcpClient';
import { readProjectFile } from '../../support/projectFiles';
import { assignArm } from '../../../lib';

const FILE = 'examples/lifecycle-agent-tools.json';
/** Choose Channel's clock, pinned in both runs so that send times compare (the example leaves it empty: the run's time). */
const NOW = '2025-12-08T12:00:00Z';
const CUSTOMERS = ['C-0001', 'C-0042', 'C-0137'];
const DATA_TABLE_NODES = new Set(['n8n-nodes-base.dataTable', 'n8n-nodes-base.dataTableTool']);

function example(): Workflow {
	const workflow = JSON.parse(readProjectFile(FILE)) as Workflow;
	const chooseChannel = workflow.nodes.find((node) => node.type === 'n8n-nodes-lifecycle.chooseChannel')!;
	chooseChannel.parameters = { ...chooseChannel.parameters, now: NOW };
	return workflow;
}

/** The refresh part alone, for `n8n execute`: the trigger straight to the sample data, no Data table or MCP nodes. */
function batchOnly(workflow: Workflow): Workflow {
	const connections = JSON.parse(JSON.stringify(workflow.connections)) as Record<string, { main?: Array<Array<{ node: string }>> }>;
	const emptyTable = connections['Empty Table'];
	connections['Refresh by Hand'] = { main: emptyTable.main };
	for (const name of ['Create Table', 'Empty Table', 'Choose Channel', 'customer_lifecycle']) delete connections[name];
	const nodes = workflow.nodes.filter((node) => !DATA_TABLE_NODES.has(node.type) && node.type !== '@n8n/n8n-nodes-langchain.mcpTrigger');
	return { ...workflow, id: 'agentToolsBatch1', name: `${workflow.name} (batch)`, nodes, connections };
}

const ARMS = [
	{ name: 'control', weight: 10 },
	{ name: 'treatment', weight: 90 },
];

/**
 * This package's own nodes as MCP tools (their tool variants, types ending in "Tool"), to prove in real n8n what
 * the unit tests show with a mocked context: Measure Uplift answers compactly, Score Churn refuses to fit on one
 * customer. n8n builds a tool's one input item only from the `$fromAI()` arguments in its parameters, so Campaign
 * declares the argument customerId (and is always "weekly-lifecycle"): the item is { customerId }.
 */
function nodeToolsWorkflow(): Workflow {
	return {
		id: 'agentToolsNodes1',
		name: 'Lifecycle nodes as MCP tools',
		nodes: [
			{ id: 'b0a1e2d3-0000-4000-8000-000000000001', name: 'MCP Server Trigger', type: '@n8n/n8n-nodes-langchain.mcpTrigger', typeVersion: 2, position: [0, 0], webhookId: '9c2e7a41-5b3d-4f60-8e19-2d7c4a6b0f11', parameters: { path: 'lifecycle-node-tools' } },
			{
				id: 'b0a1e2d3-0000-4000-8000-000000000002',
				name: 'holdout_arm',
				type: 'n8n-nodes-lifecycle.measureUpliftTool',
				typeVersion: 2,
				position: [0, 240],
				parameters: {
					operation: 'assign',
					customerIdField: 'customerId',
					campaign: "={{ $fromAI('customerId', 'The customer ID, e.g. C-0042', 'string') ? 'weekly-lifecycle' : 'weekly-lifecycle' }}",
					saltFrom: 'campaign',
					arms: { arm: ARMS },
					controlArm: 'control',
					globalControlSize: 0,
				},
			},
			{ id: 'b0a1e2d3-0000-4000-8000-000000000003', name: 'churn_fit', type: 'n8n-nodes-lifecycle.scoreChurnTool', typeVersion: 1, position: [240, 240], parameters: { operation: 'fitAndScore', options: {} } },
		],
		connections: {
			holdout_arm: { ai_tool: [[{ node: 'MCP Server Trigger', type: 'ai_tool', index: 0 }]] },
			churn_fit: { ai_tool: [[{ node: 'MCP Server Trigger', type: 'ai_tool', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

describe('examples/lifecycle-agent-tools.json: lifecycle answers through n8n\'s MCP Server Trigger', () => {
	let host: Host;
	let batch: Map<string, Record<string, unknown>>;
	let mcp: McpConnection;
	let nodeTools: McpConnection;

	beforeAll(async () => {
		host = await N8nHost.create('agent-tools', { extraEnv: { GENERIC_TIMEZONE: 'UTC' } });
		const workflow = example();

		const batchWorkflow = batchOnly(workflow);
		host.importWorkflow(batchWorkflow);
		const run = host.execute(batchWorkflow.id);
		if (!run.ok) throw new Error(`The batch run failed: ${run.result?.data.resultData.error?.message ?? run.failure}`);
		const items: ExecutionItem[] = run.result!.data.resultData.runData['Choose Channel'][0].data!.main[0];
		batch = new Map(items.map((item) => [String(item.json.customerId), item.json]));

		const id = 'agentToolsExampl';
		host.importWorkflow({ ...workflow, id });
		host.publishWorkflow(id);
		const nodesWorkflow = nodeToolsWorkflow();
		host.importWorkflow(nodesWorkflow);
		host.publishWorkflow(nodesWorkflow.id);
		await host.start();
		const base = `http://127.0.0.1:${host.port}`;
		const setup = await fetch(`${base}/rest/owner/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(DEMO_OWNER) });
		if (setup.status !== 200) throw new Error(`Owner setup failed: HTTP ${setup.status} ${await setup.text()}`);
		const session = await ownerSession(base, DEMO_OWNER);
		if (!session.ok) throw new Error(`Sign-in failed: HTTP ${session.status}`);
		// What "Execute workflow" in the editor sends: run from the Manual Trigger.
		const execution = await runFromEditor(session.client, id, 'Refresh by Hand');
		if (execution.status !== 'success') throw new Error(`The refresh ended "${String(execution.status)}": ${host.readLog('main')}`);

		mcp = await connectMcp(`${base}/mcp/lifecycle-agent`);
		nodeTools = await connectMcp(`${base}/mcp/lifecycle-node-tools`);
	});

	afterAll(async () => {
		await mcp?.close().catch(() => undefined);
		await nodeTools?.close().catch(() => undefined);
		await host?.stop();
		host?.dispose();
	});

	it('computes a compact answer for each of the 200 sample customers in the batch', () => {
		expect(batch.size).toBe(200);
		for (const answer of batch.values()) {
			expect(Object.keys(answer).length).toBeLessThanOrEqual(15);
			expect(String(answer.answer)).toMatch(/^channel: .*; stage: .*; churn risk: .*; next best products: /);
		}
	});

	it('tools/list shows the lifecycle tool with its description and a customerId argument', async () => {
		const tools = await mcp.tools();
		expect(tools.map((tool) => tool.name)).toEqual(['customer_lifecycle']);
		const [tool] = tools;
		expect(tool.description).toContain('Looks up one customer of the shop by customer ID');
		expect(tool.description).toContain('churn risk');
		expect(tool.description).toContain('next best products');
		expect(Object.keys(tool.inputSchema.properties ?? {})).toEqual(['customerId']);
		expect(tool.inputSchema.properties!.customerId.description).toBe('The customer ID, e.g. C-0042');
	});

	it.each(CUSTOMERS)('tools/call for %s returns what the batch computed for that customer', async (customerId) => {
		const { isError, value } = await mcp.call('customer_lifecycle', { customerId });
		expect(isError).toBe(false);
		const rows = value as Array<Record<string, unknown>>;
		expect(rows).toHaveLength(1);
		const expected = batch.get(customerId)!;
		expect(expected).toBeDefined();
		const { id, createdAt, updatedAt, ...stored } = rows[0];
		expect([typeof id, typeof createdAt, typeof updatedAt]).toEqual(['number', 'string', 'string']);
		// Every column the table stores is the batch's value; a column the batch left out of this answer is null.
		for (const [column, value] of Object.entries(stored)) expect([column, value]).toEqual([column, expected[column] ?? null]);
		for (const [field, value] of Object.entries(expected)) expect([field, stored[field]]).toEqual([field, value]);
		expect(String(stored.answer)).toContain(`stage: ${String(expected.lifecycleStage).replace(/_/g, ' ')}`);
	});

	it('tools/call for an unknown customer returns no row', async () => {
		const { isError, value } = await mcp.call('customer_lifecycle', { customerId: 'C-9999' });
		expect(isError).toBe(false);
		expect(Array.isArray(value) ? value : [value].filter((entry) => entry !== null && entry !== undefined && entry !== '')).toEqual([]);
	});

	it('this package\'s nodes as MCP tools: Measure Uplift answers compactly as a batch would, Score Churn refuses to fit on one customer', async () => {
		const tools = await nodeTools.tools();
		expect(tools.map((tool) => tool.name).sort()).toEqual(['churn_fit', 'holdout_arm']);
		// n8n sends each node's own tool description (Tool Description, only on the tool variant), not its panel text.
		const described = Object.fromEntries(tools.map((tool) => [tool.name, tool.description ?? '']));
		expect(described.holdout_arm).toMatch(/^Assigns one customer to a campaign arm .* as a tool those refuse\.$/);
		expect(described.churn_fit).toMatch(/^Scores one customer's churn risk, .* as a tool, Fit and Score and Evaluate refuse\.$/);
		for (const customerId of CUSTOMERS) {
			const { isError, value } = await nodeTools.call('holdout_arm', { customerId });
			expect(isError).toBe(false);
			const [answer, ...rest] = value as Array<Record<string, unknown>>;
			expect(rest).toEqual([]);
			const expected = assignArm(customerId, { salt: 'weekly-lifecycle', arms: ARMS });
			expect(answer).toEqual({
				answer: `arm: ${expected.arm}${expected.arm === 'control' ? ' (holdout, send nothing)' : ''}`,
				customerId,
				arm: expected.arm,
				isControl: expected.arm === 'control',
				campaign: 'weekly-lifecycle',
			});
		}
		const refused = await nodeTools.call('churn_fit', {});
		expect(refused.text).toContain('As an AI tool Score Churn sees one customer, so it cannot fit a churn model');
	});
});
