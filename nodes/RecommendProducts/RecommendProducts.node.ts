import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { executeRecommendProducts } from './execute';
import { recommendProductsProperties } from './properties';
import { toolDescriptionProperty } from '../shared/toolOutput';

/** What an AI agent reads about this node as a tool: what one call answers and what it refuses (docs/agent-tools.md). */
const TOOL_DESCRIPTION =
	'Recommends the next best products for one customer (or a product or cart) from a model stored by a batch run, with a reason for each. Building or evaluating a recommender needs many customers and the catalog: as a tool, only Recommend with Model From: Stored Model answers; the rest refuse.';

export class RecommendProducts implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Recommend Products',
		name: 'recommendProducts',
		icon: { light: 'file:recommendProducts.svg', dark: 'file:recommendProducts.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["strategy"]}}',
		description: 'Personalised, bought-together, similar and trending products for each customer, with business rules and a reason for every item',
		defaults: { name: 'Recommend Products' },
		usableAsTool: true,
		inputs: [
			{ type: NodeConnectionTypes.Main, displayName: 'Customers or Products' },
			{ type: NodeConnectionTypes.Main, displayName: 'Catalog', required: false },
		],
		outputs: [NodeConnectionTypes.Main],
		properties: [toolDescriptionProperty(TOOL_DESCRIPTION), ...recommendProductsProperties],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeRecommendProducts.call(this);
	}
}
