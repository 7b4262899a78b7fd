/**
 * examples/stored-profiles.json as a builder runs it (Execute workflow, signed in as the owner) in a started n8n:
 * each run folds the next week of the sample shop into its `sample_shop_profiles` Data table. After the four weeks
 * (and one more run with nothing new), the stored profiles are exactly those of one build over every order.
 */
import { DEMO_OWNER, ownerSession } from '../harness/demo';
import { runFromEditor } from '../harness/manualRun';
import type { N8nHost as Host, Workflow } from '../harness/n8nHost';
import { N8nHost } from '../harness/n8nHost';
import { readProjectFile } from '../../support/projectFiles';
import { oneShot, storedProfilesWorkflow } from '../stored/storedProfilesWorkflow';

const EXAMPLE = 'examples/stored-profiles.json';

describe('examples/stored-profiles.json in a started n8n', () => {
	let host: Host;
	const example = JSON.parse(readProjectFile(EXAMPLE)) as Workflow;
	const code = String(example.nodes.find((node) => node.name === 'Orders Since Last Run')?.parameters.jsCode);
	const orders = JSON.parse(/const ORDERS = (\[.*\]);\n/.exec(code)?.[1] ?? '[]') as Array<Record<string, unknown>>;

	beforeAll(async () => {
		host = await N8nHost.create('stored-profiles-example', { extraEnv: { GENERIC_TIMEZONE: 'UTC' } });
		host.importWorkflow({ ...example, id: 'storedProfExampl' });
		const reader = storedProfilesWorkflow('sample_shop_profiles');
		host.importWorkflow(reader);
		host.publishWorkflow(reader.id);
		await host.start();
	});

	afterAll(async () => {
		await host?.stop();
		host?.dispose();
	});

	it('runs five times from the editor and stores exactly the profiles of one build over the four weeks', async () => {
		expect(orders.length).toBeGreaterThan(40);
		const base = `http://127.0.0.1:${host.port}`;
		const setup = await fetch(`${base}/rest/owner/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(DEMO_OWNER) });
		expect(setup.status).toBe(200);
		const session = await ownerSession(base, DEMO_OWNER);
		if (!session.ok) throw new Error(`Sign-in failed: HTTP ${session.status}`);
		for (let run = 0; run < 5; run++) {
			const execution = await runFromEditor(session.client, 'storedProfExampl', 'Run This Week');
			if (execution.status !== 'success') throw new Error(`Run ${run} ended ${String(execution.status)}: ${String(execution.data).slice(0, 3000)}`);
		}
		const response = await host.webhook('stored-profiles', { orders: [], every: true });
		expect(response.status).toBe(200);
		const stored = Object.fromEntries((response.data as Array<Record<string, unknown>>).map((profile) => [profile.profileId as string, profile]));
		const expected = oneShot(orders, 'week');
		expect(stored).toEqual(expected);
		expect(stored['C-003']).toMatchObject({ anonymousIds: ['cookie-77'], productsViewed: ['SKU-4'] });
	});
});
