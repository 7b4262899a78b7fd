/**
 * The stored-profiles workflow the e2e tests run: a webhook reads the `customer_profiles` Data table, folds the
 * orders it is given into it with Build Profile > Update Stored Profiles, upserts the rows and deletes retired ones.
 */
import type { LifecycleEvent } from '../../../lib';
import { buildProfiles, mapSourceRecord, presetMapping, STORED_PROFILE_COLUMNS } from '../../../lib';
import type { Workflow } from '../harness/n8nHost';

const table = (operation: Record<string, unknown>) => ({
	resource: 'row',
	dataTableId: { __rl: true, mode: 'id', value: "={{ $('Create Table').first().json.id }}" },
	...operation,
});
const byProfileId = { matchType: 'anyCondition', filters: { conditions: [{ keyName: 'profileId', condition: 'eq', keyValue: '={{ $json.profileId }}' }] } };

/** Webhook `stored-profiles`: { orders, every? } in; the orders folded into the `customer_profiles` Data table. */
export function storedProfilesWorkflow(): Workflow {
	const node = (name: string, type: string, typeVersion: number, position: [number, number], parameters: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
		({ id: `5f0c0000-0000-4000-8000-${String(position[0] * 10 + position[1] + 5000).padStart(12, '0')}`, name, type, typeVersion, position, parameters, ...extra });
	return {
		id: 'storedProfiles01',
		name: 'Stored profiles: orders -> Data table',
		nodes: [
			node('Webhook', 'n8n-nodes-base.webhook', 2, [0, 0], { httpMethod: 'POST', path: 'stored-profiles', responseMode: 'lastNode', responseData: 'allEntries', options: {} }, { webhookId: '7b1e0c52-3c1d-4a55-9d0e-2f6d3f4a9b01' }),
			node('Split Out Orders', 'n8n-nodes-base.splitOut', 1, [220, 0], { fieldToSplitOut: 'body.orders', options: {} }, { alwaysOutputData: true }),
			node('Create Table', 'n8n-nodes-base.dataTable', 1.1, [220, 200], {
				resource: 'table',
				operation: 'create',
				tableName: 'customer_profiles',
				columns: { column: STORED_PROFILE_COLUMNS.map(({ name, type }) => ({ name, type })) },
				options: { createIfNotExists: true },
			}),
			node('Get Stored Rows', 'n8n-nodes-base.dataTable', 1.1, [440, 200], table({ operation: 'get', returnAll: true }), { alwaysOutputData: true }),
			node('Build Profile', 'n8n-nodes-lifecycle.buildProfile', 1, [660, 0], {
				mode: 'update',
				customersToOutput: "={{ $('Webhook').first().json.body.every ? 'every' : 'touched' }}",
				source: 'csvRows',
				periodUnit: 'week',
				options: { missingIdentity: 'skip' },
			}),
			node('Store Rows', 'n8n-nodes-base.dataTable', 1.1, [880, -200], table({ operation: 'upsert', ...byProfileId, columns: { mappingMode: 'autoMapInputData', value: null }, options: {} })),
			node('Delete Retired Rows', 'n8n-nodes-base.dataTable', 1.1, [880, -100], table({ operation: 'deleteRows', ...byProfileId, options: {} })),
			node('Profiles', 'n8n-nodes-base.noOp', 1, [880, 100], {}),
		],
		connections: {
			Webhook: { main: [[{ node: 'Split Out Orders', type: 'main', index: 0 }, { node: 'Create Table', type: 'main', index: 0 }]] },
			'Split Out Orders': { main: [[{ node: 'Build Profile', type: 'main', index: 0 }]] },
			'Create Table': { main: [[{ node: 'Get Stored Rows', type: 'main', index: 0 }]] },
			'Get Stored Rows': { main: [[{ node: 'Build Profile', type: 'main', index: 1 }]] },
			'Build Profile': {
				main: [
					[{ node: 'Store Rows', type: 'main', index: 0 }],
					[{ node: 'Profiles', type: 'main', index: 0 }],
					[{ node: 'Delete Retired Rows', type: 'main', index: 0 }],
				],
			},
		},
		settings: { executionOrder: 'v1' },
		active: false,
	} as Workflow;
}

/** What one Build Profile over every order so far gives, computed in-process by the library. */
export function oneShot(orders: Array<Record<string, unknown>>, periodUnit: 'day' | 'week' = 'week') {
	const mapping = presetMapping('csvRows')!;
	const events = orders.map((record, index) => mapSourceRecord(record, mapping, index, { missingIdentity: 'error' })).filter((event): event is LifecycleEvent => event !== undefined);
	return Object.fromEntries(
		buildProfiles(events, { periodUnit }).profiles.map((profile) => {
			const copy: Partial<typeof profile> = { ...profile };
			delete copy.sourceIndexes;
			return [profile.profileId, copy];
		}),
	);
}

