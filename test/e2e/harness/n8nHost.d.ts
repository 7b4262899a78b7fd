import type { PostgresCluster } from './postgres';

export declare const runsRoot: string;
export declare const packageTemplate: string;
export declare function freePort(): Promise<number>;
export declare function parseExecuteOutput(stdout: string): ExecutionResult;

export interface ExecutionItem {
	json: Record<string, unknown>;
	pairedItem?: { item: number } | Array<{ item: number }>;
	error?: unknown;
}
export interface NodeRun {
	hints?: Array<{ message: string }>;
	error?: { message: string; description?: string };
	data?: { main: ExecutionItem[][] };
}
export interface ExecutionResult {
	data: { resultData: { runData: Record<string, NodeRun[]>; error?: { message: string; description?: string; node?: { name: string } } } };
}
export interface Workflow {
	id: string;
	name: string;
	nodes: Array<{ name: string; type: string; parameters: Record<string, unknown>; [key: string]: unknown }>;
	connections: Record<string, unknown>;
	[key: string]: unknown;
}

/** A credential for `n8n import:credentials`; `data` holds its fields in plain text (encrypted on import). */
export interface CredentialToImport {
	id: string;
	name: string;
	/** Credential type name, e.g. 'smtp'. */
	type: string;
	data: Record<string, unknown>;
}

export interface PostgresOptions {
	/** Extra server settings (-c name=value), e.g. { max_connections: 200 }. */
	settings?: Record<string, string | number>;
}

export declare class N8nHost {
	/** `postgres`: n8n itself on the host's PostgreSQL cluster (database `n8n`), from the first CLI command on. */
	static create(name: string, options?: { extraEnv?: Record<string, string>; postgres?: boolean | PostgresOptions }): Promise<N8nHost>;
	/** A host in a folder that persists (the demo), with the packed package freshly installed. */
	static open(folder: string, options?: { port?: number; brokerPort?: number; extraEnv?: Record<string, string> }): Promise<N8nHost>;
	readonly folder: string;
	port: number;
	/** The host's PostgreSQL cluster (startPostgres or usePostgres), with the `shop` database. */
	readonly postgres: PostgresCluster | undefined;
	/** Starts the host's PostgreSQL cluster with a `shop` database; n8n itself stays on its database. */
	startPostgres(options?: PostgresOptions): Promise<PostgresCluster>;
	/** n8n itself on PostgreSQL (database `n8n`); only before the first CLI command or start. */
	usePostgres(options?: PostgresOptions): Promise<PostgresCluster>;
	file(...parts: string[]): string;
	writeFile(name: string, text: string): string;
	/** A text file in the host's folder (e.g. one a workflow wrote). */
	readFile(name: string): string;
	importWorkflow(workflow: Workflow): string;
	/** Imports several workflows with one CLI start (import:workflow --separate); returns their ids. */
	importWorkflows(workflows: Workflow[]): string[];
	importCredentials(credentials: CredentialToImport[]): string[];
	publishWorkflow(id: string): void;
	/** `failure`: why a run was not ok (exit status, signal, the tail of n8n's log). */
	execute(id: string, options?: { attempts?: number }): { ok: boolean; result: ExecutionResult | undefined; stdout: string; stderr: string; status: number | null; signal: string | null; failure?: string; earlierAttempts?: string[] };
	/** `concurrency`: jobs per worker (default 2); `postgres`: n8n itself on PostgreSQL (usePostgres). */
	start(options?: { queue?: boolean; workers?: number; concurrency?: number; postgres?: boolean }): Promise<void>;
	webhook(path: string, body: unknown, options?: { method?: string; registrationWaitMs?: number; timeoutMs?: number }): Promise<{ status: number; data: unknown }>;
	/** The started `n8n start` process (for memory readings). */
	readonly processes: Array<{ pid: number; spawnargs: string[] }>;
	/** The tail of <label>.log (main, worker-0, ...). */
	readLog(label: string): string;
	/** SIGTERM, then SIGKILL after graceMs (default 30 s). */
	stop(options?: { graceMs?: number }): Promise<void>;
	dispose(): void;
}
