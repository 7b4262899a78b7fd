/**
 * The workflows in examples/ as a builder gets them: imported into an empty n8n (only this package installed, no
 * files, no credentials) and executed. Each must succeed with sample data from inside the workflow, and every node
 * of this package must run and give items.
 *
 * `n8n execute` cannot run Data table nodes (they only run in a started server), so an example with Data table
 * nodes is run through a started server by its own test, named here; this test checks that test exists and runs it.
 *
 * examples/postgres/ holds the examples for self-hosters with a PostgreSQL server. They are exercised here, not
 * skipped: the host gets a private PostgreSQL cluster and the Postgres credential the docs name (Lifecycle
 * Postgres), which is the only credential those examples may refer to; the stored-profiles one also runs five weeks
 * and must store exactly the profiles of one build over its four weeks of orders.
 */
import type { N8nHost as Host, Workflow } from '../harness/n8nHost';
import { N8nHost } from '../harness/n8nHost';
import { listProjectFiles, readProjectFile } from '../../support/projectFiles';
import { EXAMPLE_CREDENTIAL, POSTGRES_EXAMPLE } from '../stored/storedProfilesPostgresWorkflow';
import { oneShot } from '../stored/storedProfilesWorkflow';

const EXAMPLES = listProjectFiles('examples', '.json');
/** Node types that only run in a started n8n server (not in `n8n execute`). */
const SERVER_ONLY_TYPES = new Set(['n8n-nodes-base.dataTable', 'n8n-nodes-base.dataTableTool']);
/** The server test of each example that needs a server. */
const SERVER_EXAMPLE_TESTS: Record<string, string> = {
	'examples/lifecycle-agent-tools.json': 'test/e2e/examples/agentTools.e2e.test.ts',
	'examples/stored-profiles.json': 'test/e2e/examples/storedProfilesExample.e2e.test.ts',
	'examples/weekly-lifecycle.json': 'test/e2e/examples/weeklyLifecycleExample.e2e.test.ts',
};
/** Examples that need a PostgreSQL server and the documented Postgres credential (and nothing else). */
const POSTGRES_FOLDER = 'examples/postgres/';
const POSTGRES_CREDENTIALS = { postgres: EXAMPLE_CREDENTIAL };
const needsServer = (file: string) => (JSON.parse(readProjectFile(file)) as Workflow).nodes.some((node) => SERVER_ONLY_TYPES.has(node.type));
const CLI_EXAMPLES = EXAMPLES.filter((file) => !needsServer(file));
const SERVER_EXAMPLES = EXAMPLES.filter(needsServer);

describe('examples/ import into an empty n8n and run', () => {
	let host: Host;

	beforeAll(async () => {
		host = await N8nHost.create('examples-import');
		if (EXAMPLES.some((file) => file.startsWith(POSTGRES_FOLDER))) {
			const postgres = await host.startPostgres();
			host.importCredentials([postgres.credential(EXAMPLE_CREDENTIAL)]);
		}
	});

	// dispose() also stops the PostgreSQL cluster.
	afterAll(() => host?.dispose());

	it('has examples to import, each without files, credentials (but the Postgres examples\' one) or an id of its own', () => {
		expect(EXAMPLES.length).toBeGreaterThanOrEqual(2);
		expect(EXAMPLES).toContain(POSTGRES_EXAMPLE);
		for (const file of EXAMPLES) {
			const workflow = JSON.parse(readProjectFile(file));
			expect(workflow.id).toBeUndefined();
			for (const node of workflow.nodes) {
				const allowed = file.startsWith(POSTGRES_FOLDER) && node.type === 'n8n-nodes-base.postgres' ? POSTGRES_CREDENTIALS : undefined;
				expect([file, node.name, node.credentials]).toEqual([file, node.name, allowed]);
				expect([file, node.name, node.type]).not.toEqual([file, node.name, 'n8n-nodes-base.readWriteFile']);
			}
		}
	});

	it('runs each example that needs a server through the server, in its own test', () => {
		expect(CLI_EXAMPLES.length).toBeGreaterThanOrEqual(2);
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

	it(`${POSTGRES_EXAMPLE} run five times stores exactly the profiles of one build over its four weeks`, () => {
		const workflow = JSON.parse(readProjectFile(POSTGRES_EXAMPLE)) as Workflow;
		const code = String(workflow.nodes.find((node) => node.name === 'Orders Since Last Run')?.parameters.jsCode);
		const orders = JSON.parse(/const ORDERS = (\[.*\]);\n/.exec(code)?.[1] ?? '[]') as Array<Record<string, unknown>>;
		expect(orders.length).toBeGreaterThan(40);
		// From an empty shop database (the run above stored week 1).
		host.postgres!.query('DROP TABLE IF EXISTS customer_profiles, profile_watermarks');
		host.importWorkflow({ ...workflow, id: 'pgExampleWeeks01' });
		let profiles: Array<Record<string, unknown>> = [];
		for (let run = 0; run < 5; run++) {
			const result = host.execute('pgExampleWeeks01');
			expect([run, result.ok, result.result?.data.resultData.error?.message]).toEqual([run, true, undefined]);
			profiles = (result.result?.data.resultData.runData['Build Profile']?.[0]?.data?.main?.[1] ?? []).map((item) => item.json);
		}
		const expected = oneShot(orders, 'week');
		expect(Object.fromEntries(profiles.map((profile) => [profile.profileId as string, profile]))).toEqual(expected);
		const stored = host.postgres!.rows<{ profileId: string }>('SELECT "profileId" FROM customer_profiles ORDER BY "profileId"');
		expect(stored.map((row) => row.profileId)).toEqual(Object.keys(expected).sort());
		const [watermark] = host.postgres!.rows<{ observationEnd: string }>('SELECT "observationEnd" FROM profile_watermarks');
		const latest = Math.max(...orders.map((order) => Date.parse(String(order.timestamp))));
		expect(new Date(watermark.observationEnd).toISOString()).toBe(new Date(latest).toISOString());
	});
});
