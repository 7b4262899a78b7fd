/**
 * Build Profile's presets inside a real n8n: the recorded outputs of n8n's own HubSpot and Shopify nodes
 * (test/fixtures/presets, returned by Code nodes because `n8n execute` ignores pinned data) enter the workflow unchanged; SendGrid events posted to
 * the workflow's webhook decide the next Choose Channel decision.
 */
import type { N8nHost as Host } from '../harness/n8nHost';
import { N8nHost } from '../harness/n8nHost';
import { loadWorkflow, outputOf } from '../harness/workflows';
import sendGridEvents from '../../fixtures/presets/sendgrid/event-webhook-examples.json';

describe('Build Profile presets in real n8n', () => {
	it('reads recorded HubSpot v1 contacts and Shopify orders as the nodes output them', async () => {
		const host: Host = await N8nHost.create('build-profile-presets');
		try {
			const workflow = loadWorkflow('presets-recorded-outputs');
			host.importWorkflow(workflow);
			const run = host.execute(workflow.id);
			if (!run.ok) throw new Error(run.stdout + run.stderr);
			const contacts = outputOf(run.result!, 'Build Profile HubSpot');
			expect(contacts.map((item) => [item.json.customerId, item.json.email, item.json.firstName])).toEqual([
				['204727', 'mgnew-email@hubspot.com', 'Bob'],
				['207303', 'email_0be34aebe5@abctest.com', 'Ff_FirstName_0'],
			]);
			const orders = outputOf(run.result!, 'Build Profile Shopify');
			expect(orders.map((item) => [item.json.email, item.json.orders, item.json.revenue])).toEqual([
				['bob.norman@mail.example.com', 1, 199.65],
				['jon@example.com', 0, 0],
				[undefined, undefined, undefined],
			]);
			expect(orders[2].json).toMatchObject({ runSummary: true, itemsIn: 2, eventsUsed: 2 });
		} finally {
			await host.stop();
			host.dispose();
		}
	});

	it('a SendGrid unsubscribe posted to the webhook suppresses that address for the next Choose Channel decision', async () => {
		// SendGrid's own example events (test/fixtures/presets/sendgrid), addressed to two people: both resubscribed, one then unsubscribed.
		const example = (name: string) => sendGridEvents.find((event) => event.event === name)!;
		const posted = [
			{ ...example('group_resubscribe'), email: 'ana@example.com', timestamp: 1764500000, sg_event_id: 'r-ana' },
			{ ...example('group_resubscribe'), email: 'ben@example.com', timestamp: 1764500000, sg_event_id: 'r-ben' },
			{ ...example('unsubscribe'), email: 'ben@example.com', timestamp: 1764500600, sg_event_id: 'u-ben' },
		];
		const host: Host = await N8nHost.create('build-profile-sendgrid');
		try {
			const workflow = loadWorkflow('presets-sendgrid-webhook');
			host.importWorkflow(workflow);
			host.publishWorkflow(workflow.id);
			await host.start();
			const response = await host.webhook('sendgrid-events', posted);
			if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${JSON.stringify(response.data)}\n${host.readLog('main')}`);
			const decisions = response.data as Array<Record<string, unknown>>;
			const byEmail = new Map(decisions.map((decision) => [decision.email, decision]));
			expect(byEmail.get('ana@example.com')).toMatchObject({ channel: 'email', suppressed: false });
			expect(byEmail.get('ben@example.com')).toMatchObject({ channel: 'none', suppressed: true, unsubscribed: ['email'] });
		} finally {
			await host.stop();
			host.dispose();
		}
	});
});
