import type { CredentialToImport } from './n8nHost';

/** The folder of the newest installed PostgreSQL's programs (Debian: /usr/lib/postgresql/<major>/bin), or undefined. */
export declare function postgresBinDir(): string | undefined;
/** Installs Debian's postgresql with apt-get when missing; returns the folder of its programs. */
export declare function ensurePostgres(): string;

/** A private PostgreSQL cluster in <folder>/postgres on a free 127.0.0.1 port, with one application user. */
export declare class PostgresCluster {
	static start(folder: string, options?: { databases?: string[]; user?: string; settings?: Record<string, string | number> }): Promise<PostgresCluster>;
	readonly host: string;
	readonly port: number;
	readonly user: string;
	readonly password: string;
	/** Starts the server again after stop() (its data is kept). */
	startServer(): void;
	/** SQL as the superuser over the cluster's socket; returns psql's unaligned output. */
	admin(sql: string, options?: { database?: string }): string;
	createDatabase(name: string): void;
	/** SQL as the application user over TCP (as n8n connects); returns psql's unaligned output (stdin may carry COPY data). */
	query(sql: string, options?: { database?: string; timeoutMs?: number }): string;
	/** The rows of a SELECT as JSON objects (row_to_json). */
	rows<Row = Record<string, unknown>>(select: string, options?: { database?: string }): Row[];
	/** Environment that runs n8n itself on `database` (default n8n). */
	n8nEnv(database?: string): Record<string, string>;
	/** A credential of n8n's Postgres node (default: id lifecyclePgShop1, name "Lifecycle Postgres", database shop). */
	credential(options?: { id?: string; name?: string; database?: string }): CredentialToImport;
	readLog(chars?: number): string;
	stopSync(mode?: 'smart' | 'fast' | 'immediate'): void;
	stop(): Promise<void>;
	dispose(): void;
}
