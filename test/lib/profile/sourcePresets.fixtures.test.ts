/**
 * Build Profile's source presets on real payloads (test/fixtures/presets, sources in its README): each
 * test states the profile the payload must give, or the clear refusal it must raise.
 */
import type { LifecycleEvent, MapOptions, PresetOptions, SourcePreset } from '../../../lib';
import { buildProfiles, LifecycleInputError, mapSourceRecord, presetMapping } from '../../../lib';
import { readStripeCharge } from '../../../lib/profile/readers/readStripeCharge';
import hubspotContactsV1 from '../../fixtures/presets/hubspot/contacts-v1-get-many.json';
import hubspotContactsV3 from '../../fixtures/presets/hubspot/contacts-v3-search.json';
import hubspotDealsV1N8n from '../../fixtures/presets/hubspot/deals-v1-get-many.n8n.json';
import hubspotDealsV1Open from '../../fixtures/presets/hubspot/deals-v1-recently-modified.json';
import hubspotDealsV3List from '../../fixtures/presets/hubspot/deals-v3-list.json';
import hubspotDealsV3SearchN8n from '../../fixtures/presets/hubspot/deals-v3-search.n8n.json';
import mailchimpMember from '../../fixtures/presets/mailchimp/member-get-subscribe-unsubscribe-resubscribe.json';
import sendGridEvents from '../../fixtures/presets/sendgrid/event-webhook-examples.json';
import shopifyCancelled from '../../fixtures/presets/shopify/order-cancelled-voided.json';
import shopifyPartiallyRefunded from '../../fixtures/presets/shopify/order-partially-refunded.json';
import stripeCharge from '../../fixtures/presets/stripe/charge-object.json';
import twilioStop from '../../fixtures/presets/twilio/inbound-stop.json';
import wooList from '../../fixtures/presets/woocommerce/list-all-orders.json';
import wooRetrieve727 from '../../fixtures/presets/woocommerce/retrieve-order-727.json';
import wooUpdate727 from '../../fixtures/presets/woocommerce/update-order-727.json';

function eventsOf(records: readonly unknown[], source: SourcePreset, preset: PresetOptions = {}, options: MapOptions = {}): LifecycleEvent[] {
	const mapping = presetMapping(source, preset);
	if (!mapping) throw new Error(`no mapping for ${source}`);
	const events: LifecycleEvent[] = [];
	records.forEach((record, index) => {
		const event = mapSourceRecord(record, mapping, index, options);
		if (event) events.push(event);
	});
	return events;
}

function profilesOf(records: readonly unknown[], source: SourcePreset, preset: PresetOptions = {}, options: MapOptions = {}) {
	return buildProfiles(eventsOf(records, source, preset, options));
}

function refusal(run: () => unknown): LifecycleInputError {
	let caught: unknown;
	try {
		run();
	} catch (error) {
		caught = error;
	}
	expect(caught).toBeInstanceOf(LifecycleInputError);
	return caught as LifecycleInputError;
}

describe('HubSpot Contacts preset on n8n HubSpot node outputs', () => {
	it('reads v1 Get Many contacts: id from canonical-vid, email from identity-profiles, { value } properties, date from addedAt', () => {
		const { profiles } = profilesOf(hubspotContactsV1, 'hubspotContacts');
		expect(profiles).toHaveLength(2);
		expect(profiles[0]).toMatchObject({
			customerId: '204727',
			email: 'mgnew-email@hubspot.com',
			firstName: 'Bob',
			lastName: 'Record',
			firstSeenAt: '2014-01-24T14:36:21.854Z',
			orders: 0,
			consentEmail: null,
		});
		expect(profiles[1]).toMatchObject({ customerId: '207303', email: 'email_0be34aebe5@abctest.com', firstName: 'Ff_FirstName_0' });
	});

	it('reads v3 Search contacts: id, properties.email and createdAt (no createdate in the output)', () => {
		const { profiles } = profilesOf(hubspotContactsV3, 'hubspotContacts');
		expect(profiles).toEqual([
			expect.objectContaining({ customerId: '512', email: 'mark.s@lumon.industries', firstName: 'Mark', lastName: 'S.', firstSeenAt: '2025-04-16T18:54:48.554Z' }),
		]);
	});
});

describe('HubSpot Deals preset: stages mapped, never fatal', () => {
	it('an open deal (appointmentscheduled) of a v1 export is an event of its associated contact, not a purchase', () => {
		const { profiles, summary } = profilesOf(hubspotDealsV1Open, 'hubspotDeals');
		expect(profiles.map((profile) => profile.customerId)).toEqual(['1572024', '1571574']);
		expect(profiles[0]).toMatchObject({ orders: 0, revenue: 0, firstPurchaseAt: null, eventsUsed: 1, firstSeenAt: '2016-05-19T17:51:20.357Z' });
		expect(summary.eventsUsed).toBe(2);
	});

	it('a custom won stage given as a parameter turns the same deal into a purchase', () => {
		const { profiles } = profilesOf(hubspotDealsV1Open, 'hubspotDeals', { wonDealStages: ['appointmentscheduled'] });
		expect(profiles[0]).toMatchObject({ customerId: '1572024', orders: 1, firstPurchaseAt: '2016-05-19T17:51:20.357Z' });
	});

	it('v3 deals in open, custom and missing stages raise no "Unknown event type"; without associations they have no customer', () => {
		const mapping = presetMapping('hubspotDeals')!;
		const events = hubspotDealsV3List.map((deal, index) => mapSourceRecord(deal, mapping, index, { missingIdentity: 'skip' }));
		expect(events).toEqual([undefined, undefined, undefined, undefined]);
		const error = refusal(() => mapSourceRecord(hubspotDealsV3List[0], mapping, 0));
		expect(error.message).toContain('has no customer id, email, anonymous id or phone');
	});

	it("refuses n8n's Get Many deals that carry no stage, amount or date, naming the properties to request", () => {
		const error = refusal(() => eventsOf(hubspotDealsV1N8n, 'hubspotDeals'));
		expect(error.itemIndex).toBe(0);
		expect(error.field).toBe('properties.createdate');
		expect(error.hint).toContain('dealstage, amount, closedate, createdate');
	});

	it("n8n's v3 Search deal is dated by createdAt and, without associations, skipped as having no identity", () => {
		const events = eventsOf(hubspotDealsV3SearchN8n, 'hubspotDeals', {}, { missingIdentity: 'skip' });
		expect(events).toEqual([]);
	});
});

describe('Shopify Orders preset: the order as it finally stands', () => {
	it("a partially refunded order counts Shopify's current total (199.65), not the original 598.94", () => {
		const { profiles } = profilesOf([shopifyPartiallyRefunded], 'shopifyOrders');
		expect(profiles).toHaveLength(1);
		expect(profiles[0]).toMatchObject({
			customerId: '207119551',
			email: 'bob.norman@mail.example.com',
			orders: 1,
			revenue: 199.65,
			currency: 'USD',
			firstPurchaseAt: '2008-01-10T16:00:00.000Z',
			productsPurchased: ['632910392'],
			firstName: 'Bob',
			country: 'US',
			consentEmail: false,
			frequency: 0,
			monetaryValue: 0,
		});
	});

	it('a cancelled, voided order is no sale: no order, no revenue, no purchase date', () => {
		const { profiles } = profilesOf([shopifyCancelled], 'shopifyOrders');
		expect(profiles).toHaveLength(1);
		expect(profiles[0]).toMatchObject({ email: 'jon@example.com', orders: 0, revenue: 0, firstPurchaseAt: null, eventsUsed: 1, frequency: 0 });
	});
});

describe('WooCommerce Orders preset', () => {
	it('a completed order with refunds counts total minus refunds (39.00 - 10.00 - 9.00); a guest order is read by its billing email', () => {
		const { profiles } = profilesOf(wooList, 'wooCommerceOrders');
		const guest = profiles.find((profile) => profile.email === 'john.doe@example.com');
		const customer = profiles.find((profile) => profile.customerId === '26');
		expect(guest).toMatchObject({ customerId: null, orders: 1, revenue: 29.35 });
		expect(customer).toMatchObject({ email: 'joao.silva@example.com', orders: 1, revenue: 20 });
	});

	it('a re-exported order (processing, then completed) counts once, as its latest state', () => {
		const { profiles, summary } = profilesOf([wooRetrieve727, wooUpdate727], 'wooCommerceOrders');
		expect(profiles).toHaveLength(1);
		expect(profiles[0]).toMatchObject({ email: 'john.doe@example.com', orders: 1, revenue: 29.35, eventsUsed: 1 });
		expect(summary.skippedReasons).toEqual({ supersededSnapshot: 1 });
	});

	it('the same snapshot exported twice is a duplicate, as before', () => {
		const { summary } = profilesOf([wooRetrieve727, wooRetrieve727], 'wooCommerceOrders');
		expect(summary.skippedReasons).toEqual({ duplicateEventId: 1 });
	});

	it('the later state wins even when it arrives first', () => {
		const { profiles, summary } = profilesOf([wooUpdate727, wooRetrieve727], 'wooCommerceOrders');
		expect(profiles[0]).toMatchObject({ orders: 1, revenue: 29.35, firstPurchaseAt: '2017-03-22T19:28:02.000Z' });
		expect(summary.skippedReasons).toEqual({ supersededSnapshot: 1 });
	});
});

describe('Stripe Charges preset', () => {
	it("refuses Stripe's documented charge object, which has no customer and no receipt email, by naming the identity", () => {
		const error = refusal(() => eventsOf([stripeCharge], 'stripeCharges'));
		expect(error.message).toContain('has no customer id, email, anonymous id or phone');
		expect(eventsOf([stripeCharge], 'stripeCharges', {}, { missingIdentity: 'skip' })).toEqual([]);
	});

	it('reads the documented charge as 10.99 USD in its minor unit', () => {
		expect(readStripeCharge(stripeCharge, { itemIndex: 0 })).toMatchObject({ eventType: 'purchase', value: 10.99, currency: 'usd', orderId: 'ch_3MmlLrLkdIwHu7ix0snN0B15' });
	});

	// Derived, not recorded: Stripe's charge object with currency jpy, applying Stripe's rule "100 to charge ¥100, a zero-decimal currency".
	it('a JPY charge is not divided by 100: amount 1099 jpy is 1099 yen', () => {
		expect(readStripeCharge({ ...stripeCharge, currency: 'jpy' }, { itemIndex: 0 })).toMatchObject({ value: 1099, currency: 'jpy' });
		expect(readStripeCharge({ ...stripeCharge, currency: 'kwd' }, { itemIndex: 0 })).toMatchObject({ value: 1.099 });
	});

	// Derived, not recorded: the same charge as Stripe reports it after refunds (amount_refunded, refunded).
	it('a partly refunded charge counts amount - amount_refunded; a fully refunded one is no sale; receipt_email is an identity', () => {
		const partly = { ...stripeCharge, amount_refunded: 500, receipt_email: 'jenny.rosen@example.com' };
		const fully = { ...partly, amount_refunded: 1099, refunded: true };
		expect(readStripeCharge(partly, { itemIndex: 0 })).toMatchObject({ value: 5.99, email: 'jenny.rosen@example.com', eventType: 'purchase' });
		const { profiles, summary } = profilesOf([partly, fully], 'stripeCharges');
		expect(profiles[0]).toMatchObject({ email: 'jenny.rosen@example.com', orders: 0, revenue: 0 });
		expect(summary.skippedReasons).toEqual({ supersededSnapshot: 1 });
	});
});

describe('SendGrid Events preset', () => {
	it('one example of each event: a send, an open, a click, two bounces, and an unsubscribe that suppresses email', () => {
		const { profiles } = profilesOf(sendGridEvents, 'sendGridEvents');
		expect(profiles).toHaveLength(1);
		expect(profiles[0]).toMatchObject({
			email: 'example@test.com',
			emailSent: 1,
			emailOpened: 1,
			emailClicked: 1,
			unsubscribed: ['email'],
			eventsUsed: 11,
		});
		expect(profiles[0].engagement.email).toMatchObject({ bounced: 2 });
	});

	it('a SendGrid unsubscribe on its own withdraws email consent', () => {
		const unsubscribe = sendGridEvents.find((event) => event.event === 'unsubscribe');
		const { profiles } = profilesOf([unsubscribe], 'sendGridEvents');
		expect(profiles[0]).toMatchObject({ email: 'example@test.com', unsubscribed: ['email'], consentEmail: false, lastSeenAt: '2017-12-15T00:59:29.000Z' });
	});

	it('a spam report suppresses email like an unsubscribe', () => {
		const spam = sendGridEvents.find((event) => event.event === 'spamreport');
		expect(profilesOf([spam], 'sendGridEvents').profiles[0]).toMatchObject({ unsubscribed: ['email'], consentEmail: false });
	});
});

describe('Mailchimp Members preset', () => {
	it('subscribed, then unsubscribed, then subscribed again: the latest status and name hold', () => {
		const { profiles } = profilesOf(mailchimpMember, 'mailchimpMembers');
		expect(profiles).toHaveLength(1);
		expect(profiles[0]).toMatchObject({ email: 'wx3ti580f4ycqy185cumm@grouparoo.com', firstName: 'Samba', lastName: 'Silveira', consentEmail: true, unsubscribed: [] });
	});

	it('an unsubscribed member is suppressed for email', () => {
		const { profiles } = profilesOf([mailchimpMember[1]], 'mailchimpMembers');
		expect(profiles[0]).toMatchObject({ consentEmail: false, unsubscribed: ['email'], lastSeenAt: '2021-11-23T22:51:58.000Z' });
	});
});

describe('Twilio Inbound SMS preset', () => {
	it("refuses a STOP without a date (Twilio's webhook carries none), naming the fields it looked at", () => {
		const error = refusal(() => eventsOf(twilioStop, 'twilioInboundSms'));
		expect(error.field).toBe('timestamp');
		expect(error.message).toContain('receivedAt');
	});

	it('a STOP from the Webhook node, with the time the flow received it, unsubscribes the phone from SMS', () => {
		const fromWebhook = { headers: {}, params: {}, query: {}, body: twilioStop[0], receivedAt: '2026-11-30T09:15:00Z' };
		const { profiles } = profilesOf([fromWebhook], 'twilioInboundSms');
		expect(profiles).toHaveLength(1);
		expect(profiles[0]).toMatchObject({ phone: '+16175550101', unsubscribed: ['sms'], consentSms: false, consentEmail: null });
	});

	it('the opt-out keywords unsubscribe and START, YES, UNSTOP resubscribe, whatever the case', () => {
		const at = (body: string, minute: number) => ({ ...twilioStop[0], OptOutType: undefined, Body: body, MessageSid: `SM${minute}`, timestamp: `2026-11-30T09:${String(minute).padStart(2, '0')}:00Z` });
		for (const keyword of ['STOP', 'stop', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'STOPALL']) {
			expect(profilesOf([at(keyword, 1)], 'twilioInboundSms').profiles[0].unsubscribed).toEqual(['sms']);
		}
		for (const keyword of ['START', 'yes', 'UNSTOP']) {
			expect(profilesOf([at('STOP', 1), at(keyword, 2)], 'twilioInboundSms').profiles[0]).toMatchObject({ unsubscribed: [], consentSms: true });
		}
		expect(profilesOf([at('Thanks!', 1)], 'twilioInboundSms').profiles[0]).toMatchObject({ unsubscribed: [], consentSms: null });
	});
});
