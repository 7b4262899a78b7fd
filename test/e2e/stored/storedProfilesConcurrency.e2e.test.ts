/**
 * No lost updates (issue 14): webhooks only append events to a `customer_events` Data table (inserts never overwrite
 * each other); one compaction run folds the pending events into `customer_profiles` with Build Profile's Update
 * Stored Profiles mode and deletes exactly the events it folded. 200 events for 20 customers arrive 10 at a time in
 * queue mode with 2 workers; afterwards every event is in the stored profiles.
 */
import type { N8nHost as Host, Workflow } from '../harness/n8nHost';
import { N8nHost } from '../harness/n8nHost';
import { BY_PROFILE_ID, createTableNode, nodeBuilder, oneShot, PROFILE_COLUMNS, tableCreatedBy } from './storedProfilesWorkflow';

const EVENT_COLUMNS = ['customer_id', 'email', 'anonymous_id', 'timestamp', 'event_type', 'amount', 'currency', 'order_id', 'product_id', 'channel', 'consent_granted'];

const eventsTable = (node: ReturnType<typeof nodeBuilder>, position: [number, number]) =>
	createTableNode(node, 'Create Events Table', 'customer_events', EVENT_COLUMNS.map((name) => ({ name, type: 'string' })), position);

/** A webhook that appends the events it is given: the only write on the hot path is an insert. */
function appendWorkflow(): Workflow {
	const node = nodeBuilder();
	return {
		id: 'appendEvents0001',
		name: 'Append customer events',
		nodes: [
			node('Webhook', 'n8n-nodes-base.webhook', 2, [0, 0], { httpMethod: 'POST', path: 'customer-event', responseMode: 'lastNode', responseData: 'allEntries', options: {} }, { webhookId: '0b6f2a41-7c1e-4b8e-9a3d-5e2c1f0a9d11' }),
			// Above the split, so it runs first (n8n runs branches top to bottom) and Append Event can read its id.
			eventsTable(node, [220, -150]),
			node('Events', 'n8n-nodes-base.splitOut', 1, [220, 0], { fieldToSplitOut: 'body.events', options: {} }),
			node('Append Event', 'n8n-nodes-base.dataTable', 1.1, [440, 0], { resource: 'row', operation: 'insert', dataTableId: tableCreatedBy('Create Events Table'), columns: { mappingMode: 'autoMapInputData', value: null }, options: {} }),
		],
		connections: {
			Webhook: { main: [[{ node: 'Create Events Table', type: 'main', index: 0 }, { node: 'Events', type: 'main', index: 0 }]] },
			Events: { main: [[{ node: 'Append Event', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		active: false,
	} as Workflow;
}

/** The compaction (a Schedule Trigger in production; a webhook here, to run it on demand): pending events into profiles. */
function compactWorkflow(): Workflow {
	const node = nodeBuilder();
	return {
		id: 'compactProfile01',
		name: 'Compact customer events into stored profiles',
		nodes: [
			node('Webhook', 'n8n-nodes-base.webhook', 2, [0, 0], { httpMethod: 'POST', path: 'compact-profiles', responseMode: 'lastNode', responseData: 'allEntries', options: {} }, { webhookId: '0b6f2a41-7c1e-4b8e-9a3d-5e2c1f0a9d12' }),
			eventsTable(node, [220, 0]),
			node('Pending Events', 'n8n-nodes-base.dataTable', 1.1, [440, 0], { resource: 'row', operation: 'get', dataTableId: tableCreatedBy('Create Events Table'), returnAll: true }, { alwaysOutputData: true }),
			createTableNode(node, 'Create Profiles Table', 'customer_profiles', PROFILE_COLUMNS, [220, 200]),
			node('Stored Profiles', 'n8n-nodes-base.dataTable', 1.1, [440, 200], { resource: 'row', operation: 'get', dataTableId: tableCreatedBy('Create Profiles Table'), returnAll: true }, { alwaysOutputData: true }),
			node('Build Profile', 'n8n-nodes-lifecycle.buildProfile', 1, [660, 0], { mode: 'update', customersToOutput: 'every', source: 'csvRows', periodUnit: 'day', options: { missingIdentity: 'skip' } }),
			node('Store Rows', 'n8n-nodes-base.dataTable', 1.1, [880, -300], { resource: 'row', operation: 'upsert', dataTableId: tableCreatedBy('Create Profiles Table'), ...BY_PROFILE_ID, columns: { mappingMode: 'autoMapInputData', value: null }, options: {} }),
			// Only the events this run read: any event appended meanwhile has a larger id and waits for the next run.
			node('Delete Folded Events', 'n8n-nodes-base.dataTable', 1.1, [1100, -300], {
				resource: 'row',
				operation: 'deleteRows',
				dataTableId: tableCreatedBy('Create Events Table'),
				matchType: 'allConditions',
				filters: { conditions: [{ keyName: 'id', condition: 'lte', keyValue: "={{ Math.max(0, ...$('Pending Events').all().map((item) => item.json.id ?? 0)) }}" }] },
				options: {},
			}, { executeOnce: true }),
			node('Delete Retired Rows', 'n8n-nodes-base.dataTable', 1.1, [880, -100], { resource: 'row', operation: 'deleteRows', dataTableId: tableCreatedBy('Create Profiles Table'), ...BY_PROFILE_ID, options: {} }),
			node('Profiles', 'n8n-nodes-base.noOp', 1, [880, 100], {}),
		],
		connections: {
			Webhook: { main: [[{ node: 'Create Events Table', type: 'main', index: 0 }, { node: 'Create Profiles Table', type: 'main', index: 0 }]] },
			'Create Events Table': { main: [[{ node: 'Pending Events', type: 'main', index: 0 }]] },
			'Pending Events': { main: [[{ node: 'Build Profile', type: 'main', index: 0 }]] },
			'Create Profiles Table': { main: [[{ node: 'Stored Profiles', type: 'main', index: 0 }]] },
			'Stored Profiles': { main: [[{ node: 'Build Profile', type: 'main', index: 1 }]] },
			'Build Profile': {
				main: [
					[{ node: 'Store Rows', type: 'main', index: 0 }],
					[{ node: 'Profiles', type: 'main', index: 0 }],
					[{ node: 'Delete Retired Rows', type: 'main', index: 0 }],
				],
			},
			'Store Rows': { main: [[{ node: 'Delete Folded Events', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		active: false,
	} as Workflow;
}

/** 200 events for 20 customers: purchases, views and email consent, some customers known by email only at first. */
function sampleEvents(): Array<Record<string, string>> {
	const events: Array<Record<string, string>> = [];
	for (let k = 0; k < 200; k++) {
		const customer = k % 20;
		const at = new Date(Date.UTC(2024, 4, 1) + k * 3_600_000).toISOString();
		const who: Record<string, string> = k < 20 && customer % 4 === 0 ? { email: `c${customer}@example.com` } : { customer_id: `C-${customer}`, email: `c${customer}@example.com` };
		if (k % 3 === 0) events.push({ ...who, event_type: 'order', order_id: `O-${k}`, amount: String(10 + (k % 7)), currency: 'EUR', timestamp: at });
		else if (k % 3 === 1) events.push({ ...who, event_type: 'product_viewed', product_id: `SKU-${k % 5}`, timestamp: at });
		else events.push({ ...who, event_type: 'consent', channel: 'email', consent_granted: k % 2 ? 'true' : 'false', timestamp: at });
	}
	return events;
}

describe('Stored profiles under concurrent webhooks (queue mode, 2 workers)', () => {
	let host: Host;

	beforeAll(async () => {
		host = await N8nHost.create('stored-profiles-concurrency', { extraEnv: { GENERIC_TIMEZONE: 'UTC' } });
		const workflows = [appendWorkflow(), compactWorkflow()];
		for (const workflow of workflows) {
			host.importWorkflow(workflow);
			host.publishWorkflow(workflow.id);
		}
		await host.start({ queue: true, workers: 2 });
	});

	afterAll(async () => {
		await host?.stop();
		host?.dispose();
	});

	const call = async (path: string, body: unknown) => {
		const response = await host.webhook(path, body);
		if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${JSON.stringify(response.data)}\n${host.readLog('main')}`);
		return response.data as Array<Record<string, unknown>>;
	};

	it('loses none of 200 events sent 10 at a time, with a compaction running during a burst', async () => {
		const events = sampleEvents();
		// The first run creates both tables, before any webhook races to create them.
		await call('compact-profiles', {});
		for (let start = 0; start < events.length; start += 10) {
			const appends = events.slice(start, start + 10).map((event) => call('customer-event', { events: [event] }));
			// One compaction runs while a burst of events arrives: it must fold and delete only what it read.
			await Promise.all(start === 100 ? [...appends, call('compact-profiles', {})] : appends);
		}
		const profiles = Object.fromEntries((await call('compact-profiles', {})).map((profile) => [profile.profileId as string, profile]));
		const expected = oneShot(events, 'day');
		expect(Object.keys(profiles).sort()).toEqual(Object.keys(expected).sort());
		expect(Object.keys(profiles)).toHaveLength(20);
		const eventsIn = Object.values(profiles).reduce((total, profile) => total + (profile.eventsUsed as number) + (profile.eventsSkipped as number), 0);
		expect(eventsIn).toBe(200);
		expect(profiles).toEqual(expected);
	});

	it('has folded every pending event: a further compaction changes nothing', async () => {
		const again = Object.fromEntries((await call('compact-profiles', {})).map((profile) => [profile.profileId as string, profile]));
		expect(again).toEqual(oneShot(sampleEvents(), 'day'));
	});
});
