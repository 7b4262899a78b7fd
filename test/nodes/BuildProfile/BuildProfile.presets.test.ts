/**
 * Build Profile's presets through the node (mocked context), on the real payloads of test/fixtures/presets.
 */
import { BuildProfile } from '../../../nodes/BuildProfile/BuildProfile.node';
import hubspotDealsV1Open from '../../fixtures/presets/hubspot/deals-v1-recently-modified.json';
import shopifyCancelled from '../../fixtures/presets/shopify/order-cancelled-voided.json';
import shopifyPartiallyRefunded from '../../fixtures/presets/shopify/order-partially-refunded.json';
import twilioStop from '../../fixtures/presets/twilio/inbound-stop.json';
import { itemsOf, mockExecuteFunctions } from '../support/mockExecuteFunctions';

const node = new BuildProfile();

describe('Build Profile node: source presets on real payloads', () => {
	it('HubSpot Deals reads the Won Deal Stages parameter (comma-separated, custom stage ids allowed)', async () => {
		const parameters = { source: 'hubspotDeals', wonDealStages: 'closedwon, appointmentscheduled', periodUnit: 'day', options: {} };
		const { context } = mockExecuteFunctions(parameters, itemsOf(hubspotDealsV1Open));
		const [output] = await node.execute.call(context);
		expect(output.map((item) => [item.json.customerId, item.json.orders])).toEqual([['1572024', 1], ['1571574', 1]]);
	});

	it('HubSpot Deals with the default closedwon: open deals are counted, not purchases, and never stop the node', async () => {
		const parameters = { source: 'hubspotDeals', wonDealStages: 'closedwon', periodUnit: 'day', options: {} };
		const { context } = mockExecuteFunctions(parameters, itemsOf(hubspotDealsV1Open));
		const [output] = await node.execute.call(context);
		expect(output.map((item) => [item.json.customerId, item.json.orders, item.json.eventsUsed])).toEqual([['1572024', 0, 1], ['1571574', 0, 1]]);
	});

	it('Shopify orders enter unchanged: the partially refunded one counts 199.65, the cancelled one no sale', async () => {
		const parameters = { source: 'shopifyOrders', periodUnit: 'day', options: {} };
		const { context } = mockExecuteFunctions(parameters, itemsOf([shopifyPartiallyRefunded, shopifyCancelled]));
		const [output] = await node.execute.call(context);
		expect(output.map((item) => [item.json.email, item.json.orders, item.json.revenue, item.pairedItem])).toEqual([
			['bob.norman@mail.example.com', 1, 199.65, [{ item: 0 }]],
			['jon@example.com', 0, 0, [{ item: 1 }]],
		]);
	});

	it('a Twilio STOP without a date is an error item naming the field under Continue on Fail', async () => {
		const parameters = { source: 'twilioInboundSms', periodUnit: 'day', options: {} };
		const withTime = { body: twilioStop[0], receivedAt: '2026-11-30T09:15:00Z' };
		const { context } = mockExecuteFunctions(parameters, itemsOf([twilioStop[0], withTime]), { continueOnFail: true });
		const [output] = await node.execute.call(context);
		expect(output).toHaveLength(2);
		expect(output[0].json).toMatchObject({ phone: '+16175550101', unsubscribed: ['sms'] });
		expect(output[1].json.error).toEqual(expect.stringContaining('has no date'));
		expect(output[1].pairedItem).toEqual({ item: 0 });
	});
});
