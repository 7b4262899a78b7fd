import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IExecuteFunctions,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { MIN_SECRET_SALT_LENGTH } from '../../lib';
import { executeMeasureUplift } from './execute';
import { measureUpliftProperties } from './properties';
import { toolDescriptionProperty } from '../shared/toolOutput';

/** What an AI agent reads about this node as a tool: what one call answers and what it refuses (docs/agent-tools.md). */
const TOOL_DESCRIPTION =
	'Assigns one customer to a campaign arm (holdout or treatment, the same on every call), plans a test size, or scores one customer\'s uplift with a stored model. Analysing a campaign or training an uplift model needs every customer of the campaign: as a tool those refuse.';

export class MeasureUplift implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Measure Uplift',
		name: 'measureUplift',
		icon: { light: 'file:measureUplift.svg', dark: 'file:measureUplift.dark.svg' },
		group: ['transform'],
		// Version 2 hashes the split unambiguously; version 1 keeps its arms (see Input rules).
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{$parameter["operation"]}}',
		description: 'Hold out customers, measure what a campaign caused (incremental conversions, revenue, ROI with intervals), plan sample sizes and target the persuadable',
		defaults: { name: 'Measure Uplift' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'lifecycleAssignmentSaltApi',
				required: true,
				testedBy: 'assignmentSaltTest',
				displayOptions: { show: { operation: ['assign'], saltFrom: ['credential'] } },
			},
		],
		properties: [toolDescriptionProperty(TOOL_DESCRIPTION), ...measureUpliftProperties],
	};

	methods = {
		credentialTest: {
			/** A salt only protects the split if it cannot be guessed: ask for at least 16 characters. */
			async assignmentSaltTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
				const secret = String(credential.data?.secret ?? '');
				if (secret.length < MIN_SECRET_SALT_LENGTH) return { status: 'Error', message: `Use a secret salt of at least ${MIN_SECRET_SALT_LENGTH} random characters` };
				return { status: 'OK', message: 'The salt is long enough' };
			},
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeMeasureUplift.call(this);
	}
}
