/**
 * A mocked IExecuteFunctions for fast node tests. getNodeParameter answers by parameter name (dotted
 * paths into collections too), never by call order; per-item values may be functions of the item index.
 * `nodeType` ending in "Tool" runs the node as n8n runs an agent tool (n8n adds "Tool" to the type of the tool variant).
 */
import type { IExecuteFunctions, INode, INodeExecutionData, NodeExecutionHint } from 'n8n-workflow';

export type ParameterValue = unknown | ((itemIndex: number) => unknown);

export interface MockContext {
	context: IExecuteFunctions;
	hints: NodeExecutionHint[];
	/** Every file the node prepared as binary data, by file name. */
	files: Record<string, Buffer>;
}

export function mockExecuteFunctions(
	parameters: Record<string, ParameterValue>,
	items: INodeExecutionData[],
	{ continueOnFail = false, nodeType = 'n8n-nodes-lifecycle.test', secondInput }: { continueOnFail?: boolean; nodeType?: string; secondInput?: INodeExecutionData[] } = {},
): MockContext {
	const hints: NodeExecutionHint[] = [];
	const files: Record<string, Buffer> = {};
	const node: INode = { id: 'test-node', name: 'Test Node', type: nodeType, typeVersion: 1, position: [0, 0], parameters: {} };
	const lookup = (name: string, itemIndex: number, fallback: unknown) => {
		let value: unknown = parameters;
		for (const part of name.split('.')) {
			if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, part)) return fallback;
			value = (value as Record<string, unknown>)[part];
		}
		return typeof value === 'function' ? (value as (i: number) => unknown)(itemIndex) : value;
	};
	const context = {
		// Like n8n: an input with nothing connected gives no items (input 0 carries the test items, input 1 `secondInput`).
		getInputData: (input = 0) => (input === 0 ? items : input === 1 ? (secondInput ?? []) : []),
		getNode: () => node,
		continueOnFail: () => continueOnFail,
		getNodeParameter: (name: string, itemIndex: number, fallback?: unknown) => {
			const value = lookup(name, itemIndex, fallback);
			if (value === undefined) throw new Error(`Test asked for parameter "${name}" that the test did not set`);
			return value;
		},
		addExecutionHints: (...added: NodeExecutionHint[]) => hints.push(...added),
		helpers: {
			// As n8n's in-memory binary mode stores it: base64 data with file name and MIME type.
			prepareBinaryData: async (buffer: Buffer, fileName: string, mimeType: string) => {
				files[fileName] = buffer;
				return { data: buffer.toString('base64'), fileName, mimeType };
			},
		},
	} as unknown as IExecuteFunctions;
	return { context, hints, files };
}

export function itemsOf(rows: Array<Record<string, unknown>>): INodeExecutionData[] {
	return rows.map((json) => ({ json: json as INodeExecutionData['json'] }));
}
