import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { executeScoreChurn } from './execute';
import { scoreChurnProperties } from './properties';
import { toolDescriptionProperty } from '../shared/toolOutput';

/** What an AI agent reads about this node as a tool: what one call answers and what it refuses (docs/agent-tools.md). */
const TOOL_DESCRIPTION =
	'Scores one customer\'s churn risk, chance of buying again and customer value with a model stored by a batch run (Score With Model) or a remote endpoint, and answers with the reasons in words. Fitting or evaluating a model needs at least 100 customers: as a tool, Fit and Score and Evaluate refuse.';

export class ScoreChurn implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Score Churn',
		name: 'scoreChurn',
		icon: { light: 'file:scoreChurn.svg', dark: 'file:scoreChurn.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"]}}',
		description: 'Probability each customer is still active, churn risk, expected purchases and customer value, from BG/NBD, Pareto/NBD and Gamma-Gamma',
		defaults: { name: 'Score Churn' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'lifecycleScoringApi',
				required: true,
				displayOptions: { show: { operation: ['scoreRemote'] } },
			},
		],
		properties: [toolDescriptionProperty(TOOL_DESCRIPTION), ...scoreChurnProperties],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeScoreChurn.call(this);
	}
}
