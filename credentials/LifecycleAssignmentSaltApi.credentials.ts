import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/** A secret mixed into Measure Uplift's assignment hash, so nobody can predict or game who is held out. */
export class LifecycleAssignmentSaltApi implements ICredentialType {
	name = 'lifecycleAssignmentSaltApi';

	displayName = 'Lifecycle Assignment Salt API';

	icon = { light: 'file:lifecycleSalt.svg', dark: 'file:lifecycleSalt.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-lifecycle/n8n-nodes-lifecycle/blob/main/docs/credentials/lifecycle-assignment-salt-api.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Secret Salt',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Any long random text. Keep it stable: changing it reshuffles every assignment made with it.',
		},
	];
}
