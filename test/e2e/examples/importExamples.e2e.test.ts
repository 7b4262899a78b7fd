/**
 * The workflows in examples/ as a builder gets them: imported into an empty n8n (only this package installed, no
 * files, no credentials) and executed. Each must succeed with sample data from inside the workflow, and every node
 * of this package must run and give items.
 *
 * `n8n execute` cannot run Data table nodes (they only run in a started server), so an example with Data table
 * nodes is run through a started server by its own test, named here; this test checks that test exists and runs it.
 */
import type { N8nHost as Host, Workflow } from '../harness/n8nHost';
import { N8nHost } from '../harness/n8nHost';
import { listProjectFiles, readProjectFile } from '../../support/projectFiles';

const EXAMPLES = listProjectFiles('examples', '.json');
/** Node types that only run in a started n8n server (not in `n8n execute`). */
const SERVER_ONLY_TYPES = new Set(['n8n-nodes-base.dataTable', 'n8n-nodes-base.dataTableTool']);
/** The server test of each example that needs a server. */
const SERVER_EXAMPLE_TESTS: Record<string, string> = {
	'examples/lifecycle-agent-tools.json': 'test/e2e/examples/agentTools.e2e.test.ts',
	'examples/stored-profiles.json': 'test/e2e/examples/storedProfilesExample.e2e.test.ts',
	'examples/weekly-lifecycle.json': 'test/e2e/examples/weeklyLifecycleExample.e2e.test.ts',
};
const needsServer = (file: string) => (JSON.parse(readProjectFile(file)) as Workflow).nodes.some((node) => SERVER_ONLY_TYPES.has(node.type));
const CLI_EXAMPLES = EXAMPLES.filter((file) => !needsServer(file));
const SERVER_EXAMPLES = EXAMPLES.filter(needsServer);

describe('examples/ import into an empty n8n and run', () => {
	let host: Host;

	beforeAll(async () => {
		host = await N8nHost.create('examples-import');
	});

	afterAll(() => host?.dispose());

	it('has examples to import, each without files, credentials or an id of its own', () => {
		expect(EXAMPLES.length).toBeGreaterThanOrEqual(2);
		for (const file of EXAMPLES) {
			const workflow = JSON.parse(readProjectFile(file));
			expect(workflow.id).toBeUndefined();
			for (const node of workflow.nodes) {
				expect([file, node.name, node.credentials]).toEqual([file, node.name, undefined]);
				expect([file, node.name, node.type]).not.toEqual([file, node.name, 'n8n-nodes-base.readWriteFile']);
			}
		}
	});

	it('runs each example that needs a server through the server, in its own test', () => {
		// The weekly run keeps its profiles in a Data table, so only the campaign readout runs without a server.
		expect(CLI_EXAMPLES.length).toBeGreaterThanOrEqual(1);
		for (const file of SERVER_EXAMPLES) {
			const testFile = SERVER_EXAMPLE_TESTS[file];
			expect([file, testFile]).toEqual([file, expect.any(String)]);
			expect(readProjectFile(testFile)).toContain(`'${file}'`);
		}
	});

	it.each(CLI_EXAMPLES)('%s executes successfully, every lifecycle node giving items', (file) => {
		const workflow = JSON.parse(readProjectFile(file)) as Workflow;
		const id = `example${EXAMPLES.indexOf(file)}${'0'.repeat(8)}`.slice(0, 16);
		host.importWorkflow({ ...workflow, id });
		const run = host.execute(id);
		const runData = run.result?.data.resultData.runData ?? {};
		expect([run.ok, run.result?.data.resultData.error?.message]).toEqual([true, undefined]);
		for (const node of workflow.nodes.filter((n) => n.type.startsWith('n8n-nodes-lifecycle.'))) {
			const items = runData[node.name]?.[0]?.data?.main?.[0] ?? [];
			expect([node.name, items.length > 0]).toEqual([node.name, true]);
		}
		const lastNode = workflow.nodes[workflow.nodes.length - 1].name;
		expect([lastNode, (runData[lastNode]?.[0]?.data?.main?.[0] ?? []).length > 0]).toEqual([lastNode, true]);
	});
});
