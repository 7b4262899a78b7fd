import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { executeScoreChurn } from './execute';
import { scoreChurnProperties } from './properties';

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
		usableAsTool: {
			replacements: {
				description: 'Scores one customer\'s churn risk, chance of buying again and customer value with a model stored by a batch run (Score With Model) or a remote endpoint, and answers with the reasons in words. Fitting or evaluating a model needs at least 100 customers: as a tool, Fit and Score and Evaluate refuse.',
			},
		},
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'lifecycleScoringApi',
				required: true,
				displayOptions: { show: { operation: ['scoreRemote'] } },
			},
		],
		properties: scoreChurnProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeScoreChurn.call(this);
	}
}
