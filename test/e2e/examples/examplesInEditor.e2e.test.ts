/**
 * The examples/ workflows as a no-code builder meets them, in the real n8n 2.41.1 editor in headless Chromium
 * (Debian's chromium driven by puppeteer-core, with no network of its own and an empty profile): an EMPTY n8n with
 * only this package installed (`n8n start`, nothing imported through the CLI), the owner account set up through
 * the form a fresh n8n opens with, then for each example: a new workflow, "..." > Import > From file with the
 * example picked in the file chooser, and "Execute workflow". The test fails unless
 * - every node is on the canvas with its title and no problem marker, and this package's nodes show their own icons;
 * - the run ends with n8n's "Workflow executed successfully" toast and no error toast;
 * - every node of the example ends with the success marker (the examples have no branch that stays empty);
 * - n8n's executions list records the run of that workflow as a manual execution with status success.
 * An example that cannot be started with "Execute workflow" (no Manual Trigger, e.g. a webhook or MCP trigger)
 * fails here with that reason until this test exercises it the way a user would; it is never skipped.
 *
 * Pictures (test/e2e/.runs/screenshots/, or with LIFECYCLE_UPDATE_SCREENSHOTS=1 docs/images/, the README's):
 * <example>.png, the canvas after the run, and <example>-<node>.png, the details of each node of this package
 * (input, parameters, output scrolled to one of its own fields). Taken at 0.75 scale to keep the files small.
 */
import type { EditorPage as Editor, HeadlessBrowser } from '../harness/browser';
import { EditorPage, launchBrowser, screenshotFile } from '../harness/browser';
import { DEMO_OWNER, ownerSession } from '../harness/demo';
import type { N8nHost as Host, Workflow } from '../harness/n8nHost';
import { N8nHost } from '../harness/n8nHost';
import { listProjectFiles, readProjectFile } from '../../support/projectFiles';

const EXAMPLES = listProjectFiles('examples', '.json');
const PACKAGE_PREFIX = 'n8n-nodes-lifecycle.';
const SCALE = 0.75;

/** For each node type of this package, an output field of its own to scroll the details picture to. */
const OWN_FIELD: Record<string, string | Record<string, string>> = {
	'n8n-nodes-lifecycle.buildProfile': 'rfmSegment',
	'n8n-nodes-lifecycle.scoreChurn': 'churnRisk',
	'n8n-nodes-lifecycle.assignLifecycleStage': 'lifecycleStage',
	'n8n-nodes-lifecycle.recommendProducts': 'rec1Title',
	'n8n-nodes-lifecycle.chooseChannel': 'channel',
	'n8n-nodes-lifecycle.measureUplift': { assign: 'arm', analyze: 'summary' },
};

function slug(text: string): string {
	return text
		.replace(/^examples\//, '')
		.replace(/\.json$/, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

function ownField(node: Workflow['nodes'][number]): string | undefined {
	const field = OWN_FIELD[node.type];
	if (typeof field !== 'object') return field;
	return field[String(node.parameters.operation ?? 'assign')];
}

let host: Host;
let browser: HeadlessBrowser;
let editor: Editor;
let editorUrl: string;

beforeAll(async () => {
	host = await N8nHost.create('examples-editor');
	await host.start();
	editorUrl = `http://127.0.0.1:${host.port}`;
	browser = await launchBrowser();
	editor = await EditorPage.open(browser, editorUrl);
});

afterAll(async () => {
	await editor?.close().catch(() => {});
	await browser?.close();
	await host?.stop();
	host?.dispose();
});

describe('examples/ imported into an empty n8n in the editor and executed there', () => {
	it('has examples to import', () => {
		expect(EXAMPLES.length).toBeGreaterThanOrEqual(2);
	});

	it('a fresh n8n asks for an owner account first; it is set up through that form', async () => {
		const landed = await editor.setUpOwner(DEMO_OWNER);
		expect(new URL(landed).pathname).not.toMatch(/^\/(setup|signin)/);
		const session = await ownerSession(editorUrl, DEMO_OWNER);
		expect(session.ok).toBe(true);
		if (!session.ok) return;
		const workflows = await session.client.get('/workflows');
		expect((workflows.data as { count: number }).count).toBe(0);
	});

	it.each(EXAMPLES)('%s: Import > From file, Execute workflow, every node succeeds', async (file) => {
		const workflow = JSON.parse(readProjectFile(file)) as Workflow;
		const trigger = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger');
		if (!trigger) {
			const triggers = workflow.nodes.filter((node) => /trigger|webhook/i.test(node.type)).map((node) => `${node.name} (${node.type})`);
			throw new Error(
				`${file} cannot be run with "Execute workflow": it has no Manual Trigger (its triggers: ${triggers.join(', ') || 'none'}). ` +
					'Exercise it here the way a user would (e.g. publish it and call its webhook) instead of executing it.',
			);
		}

		await editor.newWorkflow();
		const id = await editor.importFromFile(file);

		// Imported: every node with its title; this package's nodes with their own icons; no problem markers.
		const before = await editor.canvasNodes();
		expect(before.map((node) => node.name).sort()).toEqual(workflow.nodes.map((node) => node.name).sort());
		for (const node of before) {
			expect({ node: node.name, visible: node.visible, titled: node.text.includes(node.name), problems: node.problems }).toEqual({
				node: node.name,
				visible: true,
				titled: true,
				problems: [],
			});
		}
		for (const node of before.filter((candidate) => candidate.type.startsWith(PACKAGE_PREFIX))) {
			expect({ node: node.name, iconSrc: node.iconSrc, iconLoaded: node.iconLoaded }).toEqual({
				node: node.name,
				iconSrc: expect.stringContaining('/icons/n8n-nodes-lifecycle/dist/nodes/'),
				iconLoaded: true,
			});
		}
		expect(await editor.pageText()).not.toMatch(/Install this node|not currently installed/i);

		// Executed from the editor, to the end of the run.
		const toasts = await editor.executeWorkflow({ trigger: trigger.name });
		expect(toasts.join(' | ')).toContain('Workflow executed successfully');
		expect(toasts.filter((toast) => /problem|error|failed/i.test(toast))).toEqual([]);
		const byName = (a: { node: string }, b: { node: string }) => a.node.localeCompare(b.node);
		const after = await editor.canvasNodes();
		expect(after.map((node) => ({ node: node.name, success: node.statuses.includes('canvas-node-status-success'), problems: node.problems })).sort(byName)).toEqual(
			workflow.nodes.map((node) => ({ node: node.name, success: true, problems: [] })).sort(byName),
		);

		// n8n's executions list agrees: this workflow's latest run is a manual execution that succeeded.
		const session = await ownerSession(editorUrl, DEMO_OWNER);
		if (!session.ok) throw new Error('the owner cannot log in through REST');
		const listed = await session.client.get(`/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: id }))}&limit=1`);
		const results = (listed.data.data as { results: Array<{ status: string; mode: string; workflowName: string }> }).results;
		expect(results[0]).toMatchObject({ status: 'success', mode: 'manual', workflowName: workflow.name });

		// Pictures: the canvas after the run, and each node of this package with its output.
		await editor.closeNotifications();
		await editor.zoomToFit();
		await editor.screenshot(screenshotFile(slug(file)), { scale: SCALE });
		for (const node of workflow.nodes.filter((candidate) => candidate.type.startsWith(PACKAGE_PREFIX))) {
			await editor.openNode(node.name, { field: ownField(node) });
			await editor.screenshot(screenshotFile(`${slug(file)}-${slug(node.name)}`), { scale: SCALE });
			await editor.closeNode();
		}
	});
});
