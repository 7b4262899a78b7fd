import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { executeChooseChannel } from './execute';
import { chooseChannelProperties } from './properties';
import { toolDescriptionProperty } from '../shared/toolOutput';

/** What an AI agent reads about this node as a tool: what one call answers and what it refuses (docs/agent-tools.md). */
const TOOL_DESCRIPTION =
	'Chooses the channel (email, SMS, push) and send time for one customer from their consent, caps and engagement, or says why nothing may be sent, in a short answer with the reason. Learning response rates from a batch of customers is not possible in one call: the tool needs Options > Learn Priors From the Batch off, and refuses otherwise.';

export class ChooseChannel implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Choose Channel',
		name: 'chooseChannel',
		icon: { light: 'file:chooseChannel.svg', dark: 'file:chooseChannel.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{"policy: " + $parameter["policy"]}}',
		description: 'Pick the channel (email, SMS, push or none) and send time for each customer, within consent, frequency caps and quiet hours',
		defaults: { name: 'Choose Channel' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [toolDescriptionProperty(TOOL_DESCRIPTION), ...chooseChannelProperties],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeChooseChannel.call(this);
	}
}
