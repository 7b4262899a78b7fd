import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { executeAssignLifecycleStage } from './execute';
import { assignLifecycleStageProperties } from './properties';
import { toolDescriptionProperty } from '../shared/toolOutput';

/** What an AI agent reads about this node as a tool: what one call answers and what it refuses (docs/agent-tools.md). */
const TOOL_DESCRIPTION =
	'Gives one customer\'s lifecycle stage (prospect, first purchase, repeat, loyal, at risk, lapsed...) with the reason in words, from a customer profile. Comparing with other customers is not possible in one call: the tool needs Population Gap (Days) and Loyal: Top Percent of Buyers = 100 set, and refuses otherwise.';

export class AssignLifecycleStage implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Assign Lifecycle Stage',
		name: 'assignLifecycleStage',
		icon: { light: 'file:assignLifecycleStage.svg', dark: 'file:assignLifecycleStage.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["stageModel"] === "custom" ? "custom rules" : "signal: " + $parameter["atRiskSignal"]}}',
		description: 'Place each customer in a lifecycle stage (prospect to loyal, at risk, lapsed, reactivated) with the reason and the change since the previous stage',
		defaults: { name: 'Assign Lifecycle Stage' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [toolDescriptionProperty(TOOL_DESCRIPTION), ...assignLifecycleStageProperties],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeAssignLifecycleStage.call(this);
	}
}
