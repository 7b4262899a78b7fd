import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { executeBuildProfile } from './execute';
import { buildProfileProperties } from './properties';
import { toolDescriptionProperty } from '../shared/toolOutput';

/** What an AI agent reads about this node as a tool: what one call answers and what it refuses (docs/agent-tools.md). */
const TOOL_DESCRIPTION =
	'Builds one customer\'s profile (orders, revenue, last purchase, consent) from the events given as the tool\'s input and answers in about 15 fields with a sentence. RFM segments need a whole customer base, so they are left out of a tool\'s answer.';

// Update Stored Profiles takes the stored rows on a second input and gives rows to store, profiles and retired rows.
const UPDATE_INPUTS = '[{ "type": "main", "displayName": "New Items" }, { "type": "main", "displayName": "Stored Profiles" }]';
const UPDATE_OUTPUTS =
	'[{ "type": "main", "displayName": "Rows to Store" }, { "type": "main", "displayName": "Profiles" }, { "type": "main", "displayName": "Retired Rows" }]';

export class BuildProfile implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Build Profile',
		name: 'buildProfile',
		icon: { light: 'file:buildProfile.svg', dark: 'file:buildProfile.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{"from " + $parameter["source"]}}',
		description: 'Turn CRM records, orders and behaviour events into one profile per customer: identities, purchases, RFM, engagement and consent',
		defaults: { name: 'Build Profile' },
		usableAsTool: true,
		inputs: `={{ $parameter.mode === "update" ? ${UPDATE_INPUTS} : ["main"] }}`,
		outputs: `={{ $parameter.mode === "update" ? ${UPDATE_OUTPUTS} : ["main"] }}`,
		properties: [toolDescriptionProperty(TOOL_DESCRIPTION), ...buildProfileProperties],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeBuildProfile.call(this);
	}
}
