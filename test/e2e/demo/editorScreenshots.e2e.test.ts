/**
 * The README screenshots, taken from the real n8n 2.41.1 editor in headless Chromium (Debian's chromium driven by
 * puppeteer-core): the demo of `npm start` (started the same way, on free ports), the owner signs in through the
 * sign-in form, opens each workflow of the plan, presses "Execute workflow" and waits for the run to end. The test
 * fails unless every node is on the canvas with its title, this package's nodes show their own icons (a node type
 * n8n does not know shows "?" and a not-installed marker), no node shows a problem, every node of this package
 * ends with the success marker and n8n records the execution as a success. Pictures go to test/e2e/.runs/screenshots/
 * (with LIFECYCLE_UPDATE_SCREENSHOTS=1 to docs/images/, the README's and the docs'):
 * <workflow>.png (the canvas after the run) and <workflow>-<node>.png (the node's input, parameters and output,
 * scrolled to one of its own fields).
 *
 * The plan is SCREENSHOTS below, or LIFECYCLE_SCREENSHOT_WORKFLOWS="file.json[:Node Name[:field]],..." for others.
 */
import type { Demo } from '../harness/demo';
import {
	DEMO_OWNER,
	disposeDemoFolder,
	ownerSession,
	startDemo,
	temporaryDemoFolder,
} from '../harness/demo';
import type { EditorPage as Editor, HeadlessBrowser, ScreenshotWorkflow } from '../harness/browser';
import { EditorPage, launchBrowser, pictureFile, screenshotFile, screenshotPlan } from '../harness/browser';
import { loadWorkflow } from '../harness/workflows';

const SCREENSHOTS: ScreenshotWorkflow[] = [
	{ file: 'example-weekly-lifecycle.json', node: 'Recommend Products', field: 'rec1Title' },
	{ file: 'example-campaign-readout.json', node: 'Analyze Campaign', field: 'summary' },
	{ file: 'choose-channel-email.json', node: 'Choose Channel', field: 'channel' },
];
const plan = screenshotPlan(SCREENSHOTS);
const PACKAGE_PREFIX = 'n8n-nodes-lifecycle.';

let demo: Demo;
let folder: string;
let browser: HeadlessBrowser;
let editor: Editor;

function slug(text: string): string {
	return text
		.replace(/\.json$/, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

beforeAll(async () => {
	folder = temporaryDemoFolder('screenshots');
	demo = await startDemo({
		folder,
		port: 0,
		mailPort: 0,
		chatPort: 0,
		workflows: plan.map((entry) => entry.file),
		prepare: [],
		data: { customers: 100, onlineRetail: false },
	});
	browser = await launchBrowser();
	editor = await EditorPage.open(browser, demo.urls.editor);
});

afterAll(async () => {
	await editor?.close().catch(() => {});
	await browser?.close();
	await demo?.stop();
	disposeDemoFolder(folder);
});

describe('the n8n editor in headless Chromium', () => {
	it('signs the owner in through the sign-in form', async () => {
		const landed = await editor.signIn(DEMO_OWNER);
		expect(landed).not.toContain('/signin');
	});

	for (const entry of plan) {
		it(`renders and executes ${entry.file}, and pictures it`, async () => {
			const workflow = loadWorkflow(entry.file.replace(/\.json$/, ''));
			await editor.openWorkflow(workflow.id);

			// Rendered: every node with its title; this package's nodes with their own icons; no problem markers.
			const before = await editor.canvasNodes();
			expect(before.map((node) => node.name).sort()).toEqual(
				workflow.nodes.map((node) => node.name).sort(),
			);
			for (const node of before) {
				expect({
					node: node.name,
					visible: node.visible,
					titled: node.text.includes(node.name),
					problems: node.problems,
				}).toEqual({
					node: node.name,
					visible: true,
					titled: true,
					problems: [],
				});
			}
			const ours = before.filter((node) => node.type.startsWith(PACKAGE_PREFIX));
			expect(ours.length).toBeGreaterThan(0);
			for (const node of ours) {
				expect({
					node: node.name,
					iconSrc: node.iconSrc,
					iconLoaded: node.iconLoaded,
					iconText: node.iconText,
				}).toEqual({
					node: node.name,
					iconSrc: expect.stringContaining('/icons/n8n-nodes-lifecycle/dist/nodes/'),
					iconLoaded: true,
					iconText: expect.not.stringContaining('?'),
				});
			}
			expect(await editor.pageText()).not.toMatch(/Install this node|not currently installed/i);

			// Executed from the editor: the manual trigger's "Execute workflow" button, to the end of the run.
			const trigger = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger');
			if (!trigger)
				throw new Error(`${entry.file} has no Manual Trigger to execute it from the editor`);
			const toasts = await editor.executeWorkflow({ trigger: trigger.name });
			expect(toasts.join(' | ')).toContain('executed successfully');
			const after = await editor.canvasNodes();
			for (const node of after.filter((candidate) => candidate.type.startsWith(PACKAGE_PREFIX))) {
				expect({
					node: node.name,
					success: node.statuses.includes('canvas-node-status-success'),
				}).toEqual({ node: node.name, success: true });
			}
			expect(
				after.flatMap((node) => node.problems.map((problem) => `${node.name}: ${problem}`)),
			).toEqual([]);

			const session = await ownerSession(demo.urls.editor, DEMO_OWNER);
			if (!session.ok) throw new Error('the owner cannot log in through REST');
			const executions = await session.client.get(
				`/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: workflow.id }))}&limit=1`,
			);
			const listed = executions.data.data as { results: Array<{ status: string; mode: string }> };
			const latest = listed.results[0];
			expect(latest).toMatchObject({ status: 'success', mode: 'manual' });

			await editor.zoomToFit();
			await editor.screenshot(screenshotFile(slug(entry.file)));
			if (entry.node) {
				await editor.closeNotifications();
				await editor.openNode(entry.node, { field: entry.field });
				await editor.screenshot(screenshotFile(`${slug(entry.file)}-${slug(entry.node)}`));
				await editor.closeNode();
			}
		});
	}

	// The pictures the examples draw themselves, as files the editor runs above wrote into the demo's data folder.
	const drawn = [
		{ workflow: 'example-weekly-lifecycle.json', file: 'lifecycle-stages.svg', picture: 'lifecycle-stages', text: 'Customers by lifecycle stage', width: 780 },
		{ workflow: 'example-campaign-readout.json', file: 'uplift-report.html', picture: 'uplift-report', text: '<svg', width: 1000 },
	].filter((entry) => plan.some((planned) => planned.file === entry.workflow));
	for (const entry of drawn) {
		it(`pictures ${entry.file}, written by ${entry.workflow}`, async () => {
			expect(demo.host.readFile(`data/${entry.file}`)).toContain(entry.text);
			await pictureFile(browser, demo.host.file('data', entry.file), screenshotFile(entry.picture), { width: entry.width });
		});
	}
});
