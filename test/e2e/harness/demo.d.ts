import type { N8nHost, Workflow } from './n8nHost';
import type { SmtpSink } from './smtpSink';
import type { MailPage } from './mailPage';

export interface DemoOwner {
	email: string;
	firstName: string;
	lastName: string;
	password: string;
}

export interface DemoDataOptions {
	seed?: number;
	/** Buyers of the simulated shop (default 150). */
	customers?: number;
	/** Buyers of the larger simulated campaign behind outcomes.csv (default 10000). */
	campaignCustomers?: number;
	/** Also write CDNOW (and Online Retail) from ../shared/data when present (default true). */
	sharedData?: boolean;
	onlineRetail?: boolean;
}

export interface DemoFile {
	name: string;
	rows: number | null;
	what: string;
}

export interface DemoWorkflow {
	id: string;
	name: string;
	file: string;
	webhookPaths: string[];
	published: boolean;
}

export interface Demo {
	host: N8nHost;
	sink: SmtpSink;
	mailPage: MailPage;
	owner: DemoOwner;
	ownerCreated: boolean;
	dataFolder: string;
	files: DemoFile[];
	workflows: DemoWorkflow[];
	/** Request bodies for the webhook workflows, by path (a shop customer and product where one is needed). */
	webhookExamples: Record<string, unknown>;
	urls: { editor: string; outbox: string; chat: string; smtp: string };
	/** Problems that do not stop the demo (a workflow that could not be published, a preparation that failed). */
	warnings: string[];
	stop(): Promise<void>;
}

export interface StartDemoOptions {
	folder: string;
	/** n8n's port (default 5678); 0 picks a free one. */
	port?: number;
	/** The outbox page (default 5679) and the chat webhook (default 5680); 0 picks a free one. */
	mailPort?: number;
	chatPort?: number;
	/** n8n's task-runner broker and the SMTP sink (default 0: a free one). */
	brokerPort?: number;
	smtpPort?: number;
	/** Workflow files of test/e2e/workflows to import (default all). */
	workflows?: string[];
	/** Workflow files to execute once before n8n starts (default ['recommend-build-model.json']). */
	prepare?: string[];
	data?: DemoDataOptions;
	log?: (line: string) => void;
}

export declare const DEMO_OWNER: DemoOwner;
export declare const BROWSER_ID: string;
export declare function startDemo(options: StartDemoOptions): Promise<Demo>;
export declare function allWorkflowFiles(): string[];
export interface PreparedWorkflow {
	file: string;
	workflow: Workflow;
	smtp: Array<{ id: string; name: string }>;
	webhookPaths: string[];
}
export declare function demoWorkflow(file: string, settings: { dataFolder: string; chatUrl: string }): PreparedWorkflow;
/** The weekly example (as demoWorkflow prepared it) on online-retail.csv in dataFolder, with its own id, webhook path and chart file. */
export declare function onlineRetailWeekly(weekly: PreparedWorkflow, dataFolder: string): PreparedWorkflow;
/** Logs in through REST: { ok, client (axios instance on /rest with the session cookie), cookie } or { ok: false, status }. */
export declare function ownerSession(
	base: string,
	owner: DemoOwner,
): Promise<{ ok: true; client: RestClient; cookie: string } | { ok: false; status: number; data: unknown }>;

/** n8n's REST answers: { data: ... } on success; tests cast `data` to what they expect. */
export interface RestResponse {
	status: number;
	data: { data?: unknown; message?: string } & Record<string, unknown>;
}
export interface RestClient {
	get(url: string): Promise<RestResponse>;
	post(url: string, body?: unknown): Promise<RestResponse>;
}

/** A fresh folder for a demo started by a test (under test/e2e/.runs). */
export declare function temporaryDemoFolder(name: string): string;
/** Removes a test's demo folder (kept with KEEP_E2E_RUNS=1). */
export declare function disposeDemoFolder(folder: string | undefined): void;
/** One HTTP request that never throws on a status. */
export declare function httpRequest(
	url: string,
	options?: { method?: string; body?: unknown; headers?: Record<string, string> },
): Promise<{ status: number; data: unknown; headers: Record<string, unknown> }>;
