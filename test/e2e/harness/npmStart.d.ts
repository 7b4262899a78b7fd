export interface NpmStartRun {
	readonly pid: number;
	/** Everything npm start printed so far (standard output and error). */
	output(): string;
	exited: Promise<{ code: number | null; signal: string | null }>;
	waitFor(pattern: RegExp, timeoutMs: number): Promise<void>;
	/** Ctrl+C as a terminal sends it: SIGINT to npm start's whole process group. */
	interrupt(): void;
	waitForExit(timeoutMs: number): Promise<{ code: number | null; signal: string | null }>;
}
/** Output goes to <folder>/<name>.txt. */
export declare function startNpmStart(options: { env: Record<string, string>; folder: string; name: string }): NpmStartRun;
export declare function demoState(demoFolder: string): { exists: boolean; mainLog: string; crashJournal: boolean };
export declare function processesMentioning(text: string): Array<{ pid: number; command: string }>;
export declare function holdPort(port?: number): Promise<{ port: number; close(): Promise<void> }>;
export declare function distinctFreePorts(count: number): Promise<number[]>;
