import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { executeRecommendProducts } from './execute';
import { recommendProductsProperties } from './properties';

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
		usableAsTool: {
			replacements: {
				description: 'Recommends the next best products for one customer (or a product or cart) from a model stored by a batch run, with a reason for each. Building or evaluating a recommender needs many customers and the catalog: as a tool, only Recommend with Model From: Stored Model answers; the rest refuse.',
			},
		},
		inputs: [
			{ type: NodeConnectionTypes.Main, displayName: 'Customers or Products' },
			{ type: NodeConnectionTypes.Main, displayName: 'Catalog', required: false },
		],
		outputs: [NodeConnectionTypes.Main],
		properties: recommendProductsProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeRecommendProducts.call(this);
	}
}
