/** The system Chromium ($CHROMIUM_PATH, else chromium, chromium-browser or google-chrome on PATH), or null. */
export declare function findChromium(): string | null;
/** Installs Debian's chromium with apt-get when no browser is found; returns its path. */
export declare function ensureChromium(): string;

/** A puppeteer-core Browser (headless Chromium). */
export interface HeadlessBrowser {
	close(): Promise<void>;
}
/** Chromium's flags: --headless --no-sandbox --disable-gpu --disable-quic --no-first-run and no background networking. */
export declare const BROWSER_ARGS: string[];
/** Headless Chromium, BROWSER_ARGS, an empty --user-data-dir (removed on close). */
export declare function launchBrowser(): Promise<HeadlessBrowser>;

/** What the canvas shows of one node. */
export interface CanvasNode {
	name: string;
	type: string;
	/** The node's visible text: its title, subtitle and labels. */
	text: string;
	/** src of the node's icon image (null without one: built-in font icons, or a node type n8n does not know). */
	iconSrc: string | null;
	iconLoaded: boolean;
	/** Text of the icon ("?" for a node type n8n does not know). */
	iconText: string;
	visible: boolean;
	/** data-test-id of the status markers, e.g. canvas-node-status-success. */
	statuses: string[];
	/** Problem markers: node-not-installed, node-issues, node-setup-required. */
	problems: string[];
}

export declare class EditorPage {
	static open(browser: HeadlessBrowser, baseUrl: string): Promise<EditorPage>;
	signIn(owner: { email: string; password: string }): Promise<string>;
	/** Fills in the "Set up owner account" form a fresh n8n opens with; resolves to the page it lands on. */
	setUpOwner(owner: { email: string; firstName: string; lastName: string; password: string }): Promise<string>;
	/** Opens a new, empty workflow. */
	newWorkflow(): Promise<void>;
	/** "..." > Import > From file, with `file` picked in the file chooser; resolves to the workflow id. */
	importFromFile(file: string): Promise<string>;
	/** Publish > Publish; resolves to the text of the dialog n8n shows after publishing. */
	publishWorkflow(): Promise<string>;
	openWorkflow(id: string): Promise<void>;
	waitForIcons(timeoutMs?: number): Promise<void>;
	canvasNodes(): Promise<CanvasNode[]>;
	pageText(): Promise<string>;
	/** Clicks Execute workflow (of a named trigger) and waits until the run is over; returns the toast texts. */
	executeWorkflow(options?: { trigger?: string; timeoutMs?: number }): Promise<string[]>;
	zoomToFit(): Promise<void>;
	/** Opens a node's details; with field, shows the output schema scrolled to that field. */
	openNode(name: string, options?: { field?: string }): Promise<void>;
	closeNotifications(): Promise<void>;
	closeNode(): Promise<void>;
	screenshot(file: string, options?: { scale?: number }): Promise<string>;
	close(): Promise<void>;
}

/** A full-page picture of a file (SVG, HTML) opened from disk in a new page; returns the picture's path. */
export declare function pictureFile(browser: HeadlessBrowser, file: string, picture: string, options?: { width?: number }): Promise<string>;

/** test/e2e/.runs/screenshots/<name>.png, or with LIFECYCLE_UPDATE_SCREENSHOTS=1 docs/images/<name>.png. */
export declare function screenshotFile(name: string): string;

/** One workflow to picture: its file in test/e2e/workflows, and the node whose details are pictured too. */
export interface ScreenshotWorkflow {
	file: string;
	node?: string;
	/** Output field of that node to scroll to (its own fields come after the ones it passes on). */
	field?: string;
}
/** LIFECYCLE_SCREENSHOT_WORKFLOWS ("file.json[:Node Name[:field]],...") when set, else the defaults. */
export declare function screenshotPlan(defaults: ScreenshotWorkflow[]): ScreenshotWorkflow[];
