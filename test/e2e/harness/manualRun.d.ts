import type { RestClient } from './demo';

/** Runs a workflow from a trigger as the editor's "Execute workflow" does; resolves to the finished execution. */
export declare function runFromEditor(client: RestClient, workflowId: string, triggerName: string, options?: { timeoutMs?: number }): Promise<{ id: string; status: string; finished: boolean } & Record<string, unknown>>;
