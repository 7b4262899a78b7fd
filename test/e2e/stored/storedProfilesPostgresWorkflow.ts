/**
 * The PostgreSQL variant of the stored-profiles workflow as the e2e tests and the bench run it: the shipped example
 * (examples/postgres/stored-profiles-postgres.json) with only its trigger and its sample orders replaced, so a
 * webhook (or a caller) gives the orders; every other node, parameter and connection is the example's.
 */
import type { Workflow } from '../harness/n8nHost';
import { readProjectFile } from '../../support/projectFiles';
import { createTableNode, nodeBuilder, PROFILE_COLUMNS, tableCreatedBy } from './storedProfilesWorkflow';

export const POSTGRES_EXAMPLE = 'examples/postgres/stored-profiles-postgres.json';

/** The credential the example's Postgres nodes refer to (docs/stored-profiles.md names it). */
export const EXAMPLE_CREDENTIAL = { id: 'lifecyclePgShop1', name: 'Lifecycle Postgres' };

export function postgresExample(): Workflow {
	return JSON.parse(readProjectFile(POSTGRES_EXAMPLE)) as Workflow;
}

/** The CREATE TABLE of customer_profiles in the example's first Postgres node, as [column, SQL type] pairs. */
export function exampleProfileColumns(): Array<[string, string]> {
	const query = String(postgresExample().nodes.find((node) => node.name === 'Create Tables If Missing')?.parameters.query);
	const body = /CREATE TABLE IF NOT EXISTS customer_profiles \(\n([\s\S]*?)\n\);/.exec(query)?.[1] ?? '';
	return body.split(',\n').map((line) => {
		const [, name, type] = /^\s*"(\w+)" (.*)$/.exec(line) ?? [];
		return [name, type];
	});
}

/**
 * Webhook `path` with { orders } in: the example's weekly update of customer_profiles, answering with the last node's
 * items (Assign Lifecycle Stage: every stored customer with a stage).
 */
export function postgresWebhookWorkflow(path = 'stored-profiles-postgres', id = 'storedProfilesPg1'): Workflow {
	const example = postgresExample();
	const nodes = example.nodes.map((node) => {
		if (node.name === 'Run This Week') {
			return { ...node, name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'allEntries', options: {} }, webhookId: '3c8e5a10-2b7d-4f6e-8a1c-9d4e7f2b6a01' };
		}
		if (node.name === 'Orders Since Last Run') {
			return { ...node, parameters: { jsCode: "return $('Webhook').first().json.body.orders.map((order) => ({ json: order }));" } };
		}
		return node;
	});
	const connections = JSON.parse(JSON.stringify(example.connections).replace(/"Run This Week"/g, '"Webhook"')) as Workflow['connections'];
	return { ...example, id, name: `${example.name} (webhook)`, nodes, connections, active: false } as Workflow;
}

/** Webhook `full-rebuild` with { orders } in: one Build Profile over them, then the example's Assign Lifecycle Stage. */
export function fullRebuildWorkflow(): Workflow {
	const example = postgresExample();
	const buildParameters = { ...example.nodes.find((node) => node.name === 'Build Profile')!.parameters };
	delete buildParameters.mode;
	delete buildParameters.customersToOutput;
	const stage = example.nodes.find((node) => node.name === 'Assign Lifecycle Stage')!;
	const node = nodeBuilder();
	return {
		id: 'fullRebuildStage',
		name: 'Full rebuild: orders -> profiles -> stages',
		nodes: [
			node('Webhook', 'n8n-nodes-base.webhook', 2, [0, 0], { httpMethod: 'POST', path: 'full-rebuild', responseMode: 'lastNode', responseData: 'allEntries', options: {} }, { webhookId: '3c8e5a10-2b7d-4f6e-8a1c-9d4e7f2b6a02' }),
			node('Split Out Orders', 'n8n-nodes-base.splitOut', 1, [220, 0], { fieldToSplitOut: 'body.orders', options: {} }),
			node('Build Profile', 'n8n-nodes-lifecycle.buildProfile', 1, [440, 0], buildParameters),
			node('Assign Lifecycle Stage', stage.type, stage.typeVersion as number, [660, 0], stage.parameters),
		],
		connections: {
			Webhook: { main: [[{ node: 'Split Out Orders', type: 'main', index: 0 }]] },
			'Split Out Orders': { main: [[{ node: 'Build Profile', type: 'main', index: 0 }]] },
			'Build Profile': { main: [[{ node: 'Assign Lifecycle Stage', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		active: false,
	} as Workflow;
}

/** Webhook `data-table-rows`: every row of the `customer_profiles` Data table, as the Data table node returns them. */
export function dataTableRowsWorkflow(): Workflow {
	const node = nodeBuilder();
	return {
		id: 'dataTableRows001',
		name: 'Read the customer_profiles Data table',
		nodes: [
			node('Webhook', 'n8n-nodes-base.webhook', 2, [0, 0], { httpMethod: 'POST', path: 'data-table-rows', responseMode: 'lastNode', responseData: 'allEntries', options: {} }, { webhookId: '3c8e5a10-2b7d-4f6e-8a1c-9d4e7f2b6a03' }),
			createTableNode(node, 'Create Table', 'customer_profiles', PROFILE_COLUMNS, [220, 0]),
			node('Get Rows', 'n8n-nodes-base.dataTable', 1.1, [440, 0], { resource: 'row', operation: 'get', dataTableId: tableCreatedBy('Create Table'), returnAll: true }, { alwaysOutputData: true }),
		],
		connections: {
			Webhook: { main: [[{ node: 'Create Table', type: 'main', index: 0 }]] },
			'Create Table': { main: [[{ node: 'Get Rows', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		active: false,
	} as Workflow;
}
