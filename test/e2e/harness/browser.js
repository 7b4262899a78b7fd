'use strict';
// The real n8n editor in headless Chromium, for the screenshot test: Debian's chromium package driven by
// puppeteer-core (no browser download). Selectors are n8n 2.41's data-test-id attributes. Plain .js: it
// spawns a browser and writes files, which n8n-node lint forbids in linted .ts files.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { projectRoot } = require('./paths.js');

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

/** The system browser: $CHROMIUM_PATH, else the first of chromium, chromium-browser, google-chrome on PATH. */
function findChromium() {
	if (process.env.CHROMIUM_PATH && fs.existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
	for (const name of CANDIDATES) {
		const found = spawnSync('which', [name], { encoding: 'utf8' });
		if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
	}
	return null;
}

/** Installs Debian's chromium with apt-get when no browser is found (CI machines start bare); returns its path. */
function ensureChromium() {
	const present = findChromium();
	if (present) return present;
	spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
	const install = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
	const installed = findChromium();
	if (install.status !== 0 || !installed) throw new Error('Chromium is needed for the editor screenshot test and could not be installed with apt-get install chromium');
	return installed;
}

function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The flags of every headless run: no sandbox (CI runs as root), no GPU, and nothing that reaches the network on
 * its own (the test machines have none): no QUIC, first-run tasks, background networking, component updates or sync.
 */
const BROWSER_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
	'--font-render-hinting=none',
];

/**
 * Headless Chromium with a 1600 x 900 window, BROWSER_ARGS and an empty profile (--user-data-dir, a new folder under
 * the system's temporary folder, removed when the browser closes).
 */
async function launchBrowser() {
	const puppeteer = require('puppeteer-core');
	const os = require('node:os');
	const executablePath = findChromium();
	if (!executablePath) throw new Error('No Chromium found: install Debian\'s chromium package (test/e2e/harness/prepare.js does) or set CHROMIUM_PATH');
	const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lifecycle-chromium-'));
	const browser = await puppeteer.launch({
		executablePath,
		headless: true,
		userDataDir,
		args: BROWSER_ARGS,
		defaultViewport: { width: 1600, height: 900 },
	});
	const close = browser.close.bind(browser);
	browser.close = async () => {
		try {
			await close();
		} finally {
			fs.rmSync(userDataDir, { recursive: true, force: true });
		}
	};
	return browser;
}

/** One editor tab: sign in, open a workflow, execute it, read the canvas, take screenshots. */
class EditorPage {
	static async open(browser, baseUrl) {
		const page = await browser.newPage();
		page.setDefaultTimeout(60000);
		return new EditorPage(page, baseUrl);
	}

	constructor(page, baseUrl) {
		this.page = page;
		this.baseUrl = baseUrl;
	}

	/** Signs in through the sign-in form; resolves once the editor has left /signin. */
	async signIn({ email, password }) {
		const page = this.page;
		await page.goto(`${this.baseUrl}/signin`, { waitUntil: 'networkidle2' });
		await page.waitForSelector('input[name="emailOrLdapLoginId"]');
		await page.type('input[name="emailOrLdapLoginId"]', email);
		await page.type('input[name="password"]', password);
		await page.click('[data-test-id="form-submit-button"]');
		await page.waitForFunction(() => !location.pathname.startsWith('/signin'), { timeout: 60000 });
		return page.url();
	}

	/**
	 * The owner account a fresh n8n asks for: opens the editor, which sends a new instance to /setup, fills in the
	 * "Set up owner account" form and submits it. Resolves to the page the editor lands on.
	 */
	async setUpOwner({ email, firstName, lastName, password }) {
		const page = this.page;
		await page.goto(`${this.baseUrl}/`, { waitUntil: 'networkidle2' });
		if (!new URL(page.url()).pathname.startsWith('/setup')) throw new Error(`A fresh n8n should ask for an owner account, but the editor opened ${page.url()}`);
		await page.waitForSelector('input[name="email"]');
		await page.type('input[name="email"]', email);
		await page.type('input[name="firstName"]', firstName);
		await page.type('input[name="lastName"]', lastName);
		await page.type('input[name="password"]', password);
		await page.click('[data-test-id="form-submit-button"]');
		await page.waitForFunction(() => !location.pathname.startsWith('/setup'), { timeout: 60000 });
		return page.url();
	}

	/** Opens a new, empty workflow (what "Create Workflow" opens) and waits for its menu. */
	async newWorkflow() {
		const page = this.page;
		await page.goto(`${this.baseUrl}/workflow/new`, { waitUntil: 'networkidle2' });
		await page.waitForSelector('[data-test-id="workflow-menu"]');
		await sleep(500);
	}

	/**
	 * Imports a workflow file as a user does: the workflow's "..." menu > Import > From file, and the file picked in
	 * the browser's file chooser (`file` absolute or relative to the project). Waits for the nodes on the canvas;
	 * resolves to the workflow id in the address.
	 */
	async importFromFile(file) {
		const page = this.page;
		await page.click('[data-test-id="workflow-menu"]');
		const importItem = await page.waitForSelector('[data-test-id="workflow-menu-item-import"]', { visible: true });
		await importItem.hover();
		const fromFile = await page.waitForSelector('[data-test-id="workflow-menu-item-import-from-file"]', { visible: true });
		const [chooser] = await Promise.all([page.waitForFileChooser({ timeout: 20000 }), fromFile.click()]);
		await chooser.accept([path.isAbsolute(file) ? file : path.join(projectRoot, file)]);
		await page.waitForSelector('[data-test-id="canvas-node"]');
		await page.waitForFunction(() => /^\/workflow\/[^/]+$/.test(location.pathname) && !location.pathname.endsWith('/new') && !location.search.includes('new=true'), {
			timeout: 30000,
			polling: 250,
		});
		await sleep(1000);
		await this.waitForIcons();
		return new URL(page.url()).pathname.split('/').pop();
	}

	/**
	 * Publishes the open workflow as a user does: the "Publish" button, then "Publish" in its dialog. Waits for the
	 * dialog n8n shows afterwards ("Workflow published"), returns its text and closes it (and any survey n8n opens).
	 */
	async publishWorkflow() {
		const page = this.page;
		await page.click('[data-test-id="workflow-open-publish-modal-button"]');
		const confirm = await page.waitForSelector('[data-test-id="workflow-publish-button"]', { visible: true });
		await confirm.click();
		const handle = await page.waitForFunction(
			() => [...document.querySelectorAll('[role="dialog"]')].map((dialog) => dialog.textContent.trim()).find((text) => /published/i.test(text)),
			{ timeout: 60000, polling: 250 },
		);
		const text = await handle.jsonValue();
		await page.keyboard.press('Escape');
		await sleep(500);
		await page.$$eval('[role="dialog"] button', (buttons) => buttons.filter((button) => /^(Got it|Close)$/i.test(button.textContent.trim())).forEach((button) => button.click()));
		await sleep(500);
		return text;
	}

	/** Opens a workflow in the editor and waits for its nodes on the canvas; closes the production checklist. */
	async openWorkflow(id) {
		const page = this.page;
		await page.goto(`${this.baseUrl}/workflow/${id}`, { waitUntil: 'networkidle2' });
		await page.waitForSelector('[data-test-id="canvas-node"]');
		await sleep(1000);
		await page.$$eval('[data-test-id="suggested-actions-close"]', (elements) => elements.forEach((element) => element.click()));
		await this.waitForIcons();
	}

	/** Waits until every node icon image has loaded (or failed), so that the checks and pictures see them. */
	async waitForIcons(timeoutMs = 20000) {
		await this.page
			.waitForFunction(() => [...document.querySelectorAll('[data-test-id="canvas-node"] img')].every((image) => image.complete), { timeout: timeoutMs, polling: 250 })
			.catch(() => {});
	}

	/**
	 * What the canvas shows of each node: name, type, the title text, the icon (an image's src and whether it
	 * loaded, else the icon's text, "?" for a node type n8n does not know), the status markers after a run, and
	 * problem markers (node-not-installed, node-issues, node-setup-required).
	 */
	async canvasNodes() {
		return await this.page.$$eval('[data-test-id="canvas-node"]', (elements) =>
			elements.map((element) => {
				const icon = element.querySelector('.n8n-node-icon');
				const image = icon?.querySelector('img') ?? null;
				const box = element.getBoundingClientRect();
				return {
					name: element.dataset.nodeName,
					type: element.dataset.nodeType,
					text: element.textContent.trim(),
					iconSrc: image ? image.getAttribute('src') : null,
					iconLoaded: image ? image.complete && image.naturalWidth > 0 : false,
					iconText: icon ? icon.textContent.trim() : '',
					visible: box.width > 0 && box.height > 0,
					statuses: [...element.querySelectorAll('[data-test-id^="canvas-node-status"]')].map((status) => status.dataset.testId),
					problems: [...element.querySelectorAll('[data-test-id="node-not-installed"], [data-test-id="node-issues"], [data-test-id="node-setup-required"]')].map(
						(marker) => marker.dataset.testId,
					),
				};
			}),
		);
	}

	/** Visible text of the whole page (for messages such as "Install this node"). */
	async pageText() {
		return await this.page.evaluate(() => document.body.innerText);
	}

	/**
	 * Clicks "Execute workflow" (the button under the trigger named `trigger` when there is one, else the main one) and
	 * waits until the run is over: no stop button, and a success or error toast. Returns the toast texts.
	 */
	async executeWorkflow({ trigger, timeoutMs = 180000 } = {}) {
		const page = this.page;
		const main = '[data-test-id="execute-workflow-button"]';
		await page.waitForSelector(main);
		const own = trigger ? `[data-test-id="execute-workflow-button-${trigger.replace(/"/g, '\\"')}"]` : null;
		// The button under the trigger node runs from that trigger; the main button runs from n8n's default trigger.
		const selector = own && (await page.$(own)) ? own : main;
		await page.$eval(selector, (button) => button.click());
		await page.waitForFunction(
			() => {
				const running = document.querySelector('[data-test-id="stop-execution-button"]');
				const toasts = [...document.querySelectorAll('.el-notification, [role="alert"]')].map((toast) => toast.textContent);
				return !running && toasts.some((text) => /executed successfully|Problem|failed|error/i.test(text));
			},
			{ timeout: timeoutMs, polling: 500 },
		);
		return await page.$$eval('.el-notification, [role="alert"]', (toasts) => toasts.map((toast) => toast.textContent.trim()));
	}

	/** "Zoom to fit" of the canvas controls. */
	async zoomToFit() {
		await this.page.$eval('[data-test-id="zoom-to-fit"]', (button) => button.click());
		await sleep(800);
	}

	/**
	 * Opens a node's details (double click on the canvas node) and waits for its output panel; with `field`, shows the
	 * output as a schema scrolled to that field (a node's own fields come after the ones it passes on, and n8n's
	 * table hides columns beyond 40).
	 */
	async openNode(name, { field } = {}) {
		const page = this.page;
		const node = await page.$(`[data-test-id="canvas-node"][data-node-name="${name.replace(/"/g, '\\"')}"]`);
		if (!node) throw new Error(`No node "${name}" on the canvas`);
		const box = await node.boundingBox();
		await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { clickCount: 2 });
		await page.waitForSelector('[data-test-id="ndv"] [data-test-id="output-panel"]');
		await sleep(1000);
		if (field) {
			await page.$eval('[data-test-id="output-panel"] [data-test-id="radio-button-schema"]', (button) => button.click());
			await page.waitForSelector('[data-test-id="output-panel"] [data-test-id="run-data-schema-item"]', { timeout: 10000 });
			// The schema list is virtual: scroll it down until the (top-level) field is rendered, then bring it to the top.
			const found = await page.evaluate(async (wanted) => {
				const pause = () => new Promise((resolve) => setTimeout(resolve, 150));
				const first = document.querySelector('[data-test-id="output-panel"] [data-test-id="run-data-schema-item"]');
				let scroller = first?.parentElement ?? null;
				while (scroller && scroller.scrollHeight <= scroller.clientHeight) scroller = scroller.parentElement;
				for (let step = 0; step < 200; step++) {
					const names = [...document.querySelectorAll('[data-test-id="output-panel"] [data-test-id="run-data-schema-node-name"]')];
					const hit = names.find((element) => element.dataset.path === `.${wanted}`);
					if (hit) {
						hit.closest('[data-test-id="run-data-schema-item"]').scrollIntoView({ block: 'start' });
						return true;
					}
					if (!scroller || scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight) return false;
					scroller.scrollTop += scroller.clientHeight * 0.7;
					await pause();
				}
				return false;
			}, field);
			if (!found) throw new Error(`The output of "${name}" has no field "${field}"`);
		}
		await sleep(800);
	}

	/** Closes the notifications (e.g. "Workflow executed successfully") so that they do not cover a picture. */
	async closeNotifications() {
		await this.page.$$eval('.el-notification__closeBtn', (buttons) => buttons.forEach((button) => button.click()));
		await sleep(400);
	}

	/** Closes the node details view. */
	async closeNode() {
		await this.page.$eval('[data-test-id="ndv-close-button"]', (button) => button.click()).catch(() => {});
		await sleep(500);
	}

	/** Writes a PNG of the window to `file` (folders created); `scale` below 1 makes a smaller picture (fewer bytes). */
	async screenshot(file, { scale = 1 } = {}) {
		fs.mkdirSync(path.dirname(file), { recursive: true });
		const viewport = this.page.viewport() ?? { width: 1600, height: 900 };
		const clip = scale === 1 ? undefined : { x: 0, y: 0, width: viewport.width, height: viewport.height, scale };
		await this.page.screenshot({ path: file, type: 'png', ...(clip ? { clip } : {}) });
		return file;
	}

	async close() {
		await this.page.close();
	}
}

/**
 * A picture of a file the workflows wrote (the stage chart SVG, the uplift report HTML), as a browser shows it:
 * opened from disk in a new page of `width` CSS pixels, the whole page captured. Returns the picture's path.
 */
async function pictureFile(browser, file, picture, { width = 1000 } = {}) {
	const page = await browser.newPage();
	try {
		await page.setViewport({ width, height: 100, deviceScaleFactor: 1 });
		await page.goto(`file://${file}`, { waitUntil: 'load' });
		await page.screenshot({ path: picture, fullPage: true });
		return picture;
	} finally {
		await page.close();
	}
}

/**
 * Where the screenshot tests write: the run folder of this test process, so `npm test` leaves the working tree
 * as it was; with LIFECYCLE_UPDATE_SCREENSHOTS=1 the pictures of the README and the docs, in docs/images, are replaced.
 */
function screenshotFile(name) {
	const folder = process.env.LIFECYCLE_UPDATE_SCREENSHOTS === '1' ? path.join(projectRoot, 'docs', 'images') : path.join(projectRoot, 'test', 'e2e', '.runs', 'screenshots');
	fs.mkdirSync(folder, { recursive: true });
	return path.join(folder, `${name}.png`);
}

/**
 * The workflows the screenshot test opens: LIFECYCLE_SCREENSHOT_WORKFLOWS ("file.json[:Node Name[:field]],...", the
 * node whose details are pictured too, and the output field to scroll to) when set, else the test's list.
 */
function screenshotPlan(defaults) {
	const configured = process.env.LIFECYCLE_SCREENSHOT_WORKFLOWS;
	if (!configured) return defaults;
	return configured
		.split(',')
		.map((entry) => entry.trim())
		.filter(Boolean)
		.map((entry) => {
			const [file, node, field] = entry.split(':');
			return { file, ...(node ? { node } : {}), ...(field ? { field } : {}) };
		});
}

module.exports = { BROWSER_ARGS, findChromium, ensureChromium, launchBrowser, EditorPage, pictureFile, screenshotFile, screenshotPlan };
