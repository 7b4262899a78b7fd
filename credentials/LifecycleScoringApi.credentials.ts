import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/** Your own HTTP scoring endpoint, for Score Churn's Score With Remote Endpoint operation. */
export class LifecycleScoringApi implements ICredentialType {
	name = 'lifecycleScoringApi';

	displayName = 'Lifecycle Scoring API';

	icon = { light: 'file:lifecycleScoring.svg', dark: 'file:lifecycleScoring.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-lifecycle/n8n-nodes-lifecycle/blob/main/docs/credentials/lifecycle-scoring-api.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://models.example.com',
			required: true,
		},
		{
			displayName: 'Header Name',
			name: 'headerName',
			type: 'string',
			default: 'Authorization',
			description: 'Header that carries the key: Authorization sends "Bearer <key>", any other header sends the key as it is',
		},
		{
			displayName: 'API Key or Token',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'={{$credentials.headerName || "Authorization"}}':
					'={{(($credentials.headerName || "Authorization").toLowerCase() === "authorization" ? "Bearer " : "") + $credentials.apiKey}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/health',
			method: 'GET',
		},
	};
}
