/**
 * Build Profile behind a webhook on a started n8n server, then the same workflow in n8n's queue mode
 * (Redis, one `n8n worker`): the responses must be identical.
 */
import type { N8nHost as Host } from '../harness/n8nHost';
import { N8nHost } from '../harness/n8nHost';
import { loadWorkflow } from '../harness/workflows';

const events = [
	{ anonymous_id: 'cookie-9', event_type: 'product_viewed', product_id: 'SKU-1', timestamp: '2024-05-01T09:00:00Z' },
	{ anonymous_id: 'cookie-9', email: 'lea@example.com', event_type: 'identify', timestamp: '2024-05-01T09:05:00Z' },
	{ customer_id: 'C-1', email: 'lea@example.com', event_type: 'order', order_id: 'O-1', amount: '49.90', currency: 'EUR', product_id: 'SKU-1', timestamp: '2024-05-02T10:00:00Z' },
	{ customer_id: 'C-1', event_type: 'order', order_id: 'O-2', amount: '20', currency: 'EUR', product_id: 'SKU-2', timestamp: '2024-05-20T10:00:00Z' },
	{ customer_id: 'C-2', event_type: 'add_to_cart', product_id: 'SKU-3', timestamp: '2024-05-21T10:00:00Z' },
	{ customer_id: 'C-2', channel: 'email', event_type: 'email_opened', timestamp: '2024-05-21T11:00:00Z' },
];

async function runWebhook(queue: boolean): Promise<unknown> {
	const host: Host = await N8nHost.create(queue ? 'build-profile-queue' : 'build-profile-webhook');
	try {
		const workflow = loadWorkflow('webhook-build-profile');
		host.importWorkflow(workflow);
		host.publishWorkflow(workflow.id);
		await host.start({ queue, workers: 1 });
		const response = await host.webhook('build-profile', { events });
		if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${JSON.stringify(response.data)}\n${host.readLog('main')}`);
		return response.data;
	} finally {
		await host.stop();
		host.dispose();
	}
}

describe('Build Profile in real n8n (webhook server)', () => {
	let regular: unknown;

	it('answers a webhook with stitched profiles and a run summary', async () => {
		regular = await runWebhook(false);
		const items = regular as Array<Record<string, unknown>>;
		expect(items).toHaveLength(3);
		const [lea, second, summary] = items;
		expect(lea).toMatchObject({
			customerId: 'C-1',
			email: 'lea@example.com',
			anonymousIds: ['cookie-9'],
			orders: 2,
			revenue: 69.9,
			currency: 'EUR',
			frequency: 1,
			recency: 18,
			productsViewed: ['SKU-1'],
			productsPurchased: ['SKU-2', 'SKU-1'],
		});
		expect(second).toMatchObject({ customerId: 'C-2', orders: 0, productsInCart: ['SKU-3'], emailOpened: 1, rfmSegment: null });
		expect(summary).toMatchObject({ runSummary: true, itemsIn: 6, eventsUsed: 6, eventsSkipped: 0, profiles: 2, identityConflicts: 0 });
	});

	it('gives the identical response in queue mode (Redis + one worker)', async () => {
		const queued = await runWebhook(true);
		expect(JSON.stringify(queued)).toBe(JSON.stringify(regular));
	});
});
