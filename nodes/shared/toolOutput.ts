import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { CompactAnswerFocus, LifecycleToolNode, ToolModeSettings } from '../../lib';
import { compactLifecycleAnswer, toolModeRefusal } from '../../lib';

export type ToolOutput = 'auto' | 'compact' | 'full';

/** The "Tool Output" option every node offers under Options. Its default keeps a normal run's output unchanged. */
export const toolOutputOption: INodeProperties = {
	displayName: 'Tool Output',
	name: 'toolOutput',
	type: 'options',
	options: [
		{ name: 'Compact (for AI Agents)', value: 'compact', description: 'One short answer per customer: ID, up to about 15 fields and the reason in words' },
		{ name: 'Compact When Run as a Tool', value: 'auto', description: 'Compact when an AI agent or an MCP client calls this node as a tool, full otherwise' },
		{ name: 'Full', value: 'full', description: 'Every field, as in a normal run' },
	],
	default: 'auto',
	description: 'What the node answers for each customer; a compact answer keeps an AI agent\'s context small',
};

/** Whether n8n runs this node as an agent tool: n8n adds "Tool" to the type of the tool variant (e.g. n8n-nodes-lifecycle.scoreChurnTool). */
export function runsAsTool(context: IExecuteFunctions): boolean {
	return context.getNode().type.endsWith('Tool');
}

/** Whether to answer compactly: the option, or, left at its default, whether the node runs as a tool. */
export function wantsCompact(context: IExecuteFunctions, toolOutput: unknown): boolean {
	if (toolOutput === 'compact') return true;
	if (toolOutput === 'full') return false;
	return runsAsTool(context);
}

/** As a tool, refuses what needs a population, with a plain message that says what to do instead. */
export function refuseWhatNeedsAPopulation(context: IExecuteFunctions, node: LifecycleToolNode, settings: ToolModeSettings): void {
	if (!runsAsTool(context)) return;
	const refusal = toolModeRefusal(node, settings);
	if (refusal !== null) throw new NodeOperationError(context.getNode(), refusal, { description: 'See docs/agent-tools.md of n8n-nodes-lifecycle for what each node answers as a tool' });
}

/** Summary, model and evaluation items: not about one customer, left out of a compact answer. */
const RUN_ITEM_FLAGS = ['runSummary', 'lifecycleSummary', 'modelItem', 'evaluation'];

/** Each customer item as its compact answer (pairedItem kept, binary dropped); error items unchanged; run items left out. */
export function compactItems(items: INodeExecutionData[], focus: CompactAnswerFocus, omit: readonly string[] = []): INodeExecutionData[] {
	const compacted: INodeExecutionData[] = [];
	for (const item of items) {
		if (item.error !== undefined) {
			compacted.push(item);
			continue;
		}
		if (RUN_ITEM_FLAGS.some((flag) => item.json[flag] === true)) continue;
		compacted.push({ json: compactLifecycleAnswer(item.json, { focus, omit }), pairedItem: item.pairedItem });
	}
	return compacted;
}

/**
 * The tool description, shown only on the node's tool variant (n8n's `@tool` display rule). n8n adds its own
 * "Description" only when a node has none; its default would be the node's panel description, and an imported
 * or new tool node would send that to the agent. This one says what one call answers and what it refuses.
 */
export function toolDescriptionProperty(text: string): INodeProperties {
	return {
		displayName: 'Tool Description',
		name: 'toolDescription',
		type: 'string',
		typeOptions: { rows: 3 },
		default: text,
		description: 'What the AI agent reads to decide when to call this tool and what it answers',
		displayOptions: { show: { '@tool': [true] } },
	};
}
