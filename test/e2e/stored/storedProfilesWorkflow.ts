/**
 * The stored-profiles workflow the e2e tests run: a webhook reads the `customer_profiles` Data table, folds the
 * orders it is given into it with Build Profile > Update Stored Profiles, upserts the rows and deletes retired ones.
 */
import type { LifecycleEvent } from '../../../lib';
import { buildProfiles, mapSourceRecord, presetMapping, STORED_PROFILE_COLUMNS } from '../../../lib';
import type { Workflow } from '../harness/n8nHost';

type NodeBuilder = (name: string, type: string, typeVersion: number, position: [number, number], parameters: Record<string, unknown>, extra?: Record<string, unknown>) => Workflow['nodes'][number];

/** Builds the nodes of one workflow, numbering their ids in order. */
export function nodeBuilder(): NodeBuilder {
	let count = 0;
	return (name, type, typeVersion, position, parameters, extra = {}) => ({
		id: `5f0c0000-0000-4000-8000-${String(++count).padStart(12, '0')}`,
		name,
		type,
		typeVersion,
		position,
		parameters,
		...extra,
	});
}

/** The Data table a Create node of this workflow made (or found), by its id: n8n's by-name lookup is a substring match. */
export const tableCreatedBy = (createNode: string) => ({ __rl: true, mode: 'id', value: `={{ $('${createNode}').first().json.id }}` });

/** Data table Create with Create If Not Exists: the table each run reads and writes. */
export function createTableNode(node: NodeBuilder, name: string, tableName: string, columns: Array<{ name: string; type: string }>, position: [number, number]) {
	return node(name, 'n8n-nodes-base.dataTable', 1.1, position, { resource: 'table', operation: 'create', tableName, columns: { column: columns }, options: { createIfNotExists: true } });
}

/** Rows matched by the item's profileId (upsert, delete). */
export const BY_PROFILE_ID = { matchType: 'anyCondition', filters: { conditions: [{ keyName: 'profileId', condition: 'eq', keyValue: '={{ $json.profileId }}' }] } };

export const PROFILE_COLUMNS = STORED_PROFILE_COLUMNS.map(({ name, type }) => ({ name, type }));

const table = (operation: Record<string, unknown>) => ({ resource: 'row', dataTableId: tableCreatedBy('Create Table'), ...operation });

/** Webhook `stored-profiles`: { orders, every? } in; the orders folded into a Data table (`customer_profiles`). */
export function storedProfilesWorkflow(tableName = 'customer_profiles'): Workflow {
	const node = nodeBuilder();
	return {
		id: 'storedProfiles01',
		name: 'Stored profiles: orders -> Data table',
		nodes: [
			node('Webhook', 'n8n-nodes-base.webhook', 2, [0, 0], { httpMethod: 'POST', path: 'stored-profiles', responseMode: 'lastNode', responseData: 'allEntries', options: {} }, { webhookId: '7b1e0c52-3c1d-4a55-9d0e-2f6d3f4a9b01' }),
			node('Split Out Orders', 'n8n-nodes-base.splitOut', 1, [220, 0], { fieldToSplitOut: 'body.orders', options: {} }, { alwaysOutputData: true }),
			createTableNode(node, 'Create Table', tableName, PROFILE_COLUMNS, [220, 200]),
			node('Get Stored Rows', 'n8n-nodes-base.dataTable', 1.1, [440, 200], table({ operation: 'get', returnAll: true }), { alwaysOutputData: true }),
			node('Build Profile', 'n8n-nodes-lifecycle.buildProfile', 1, [660, 0], {
				mode: 'update',
				customersToOutput: "={{ $('Webhook').first().json.body.every ? 'every' : 'touched' }}",
				source: 'csvRows',
				periodUnit: 'week',
				options: { missingIdentity: 'skip' },
			}),
			node('Store Rows', 'n8n-nodes-base.dataTable', 1.1, [880, -200], table({ operation: 'upsert', ...BY_PROFILE_ID, columns: { mappingMode: 'autoMapInputData', value: null }, options: {} })),
			node('Delete Retired Rows', 'n8n-nodes-base.dataTable', 1.1, [880, -100], table({ operation: 'deleteRows', ...BY_PROFILE_ID, options: {} })),
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

