import type { ExecutionItem, ExecutionResult, Workflow } from './n8nHost';

export declare const workflowsFolder: string;
export declare function loadWorkflow(name: string, overrides?: Record<string, Record<string, unknown>>): Workflow;
export declare function outputOf(result: ExecutionResult, nodeName: string, output?: number): ExecutionItem[];
export declare function writeCdnowSampleCsv(file: string): void;
