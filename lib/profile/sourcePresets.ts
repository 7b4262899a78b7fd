/**
 * Where the fields of common sources live, as n8n's own nodes output them. A preset is a mapping of
 * canonical event fields to dotted paths in the item's JSON; `custom` is the identity mapping over
 * values the node has already evaluated from the user's expressions. Presets whose source shape needs
 * more than paths (HubSpot's `{ value }` properties, order states with refunds, minor units, provider
 * event names) have a `read` function that turns the record into a flat one read by FLAT_FIELDS;
 * docs/presets.md lists, per preset, the n8n node and operation it expects and what it reads from where.
 */
import { readHubspotContact } from './readers/readHubspotContact';
import { DEFAULT_WON_DEAL_STAGES, readHubspotDeal } from './readers/readHubspotDeal';
import { readMailchimpMember } from './readers/readMailchimpMember';
import { readSendGridEvent } from './readers/readSendGridEvent';
import { readShopifyOrder } from './readers/readShopifyOrder';
import { readStripeCharge } from './readers/readStripeCharge';
import { readTwilioInboundSms } from './readers/readTwilioInboundSms';
import { readWooCommerceOrder } from './readers/readWooCommerceOrder';
import type { SourceReader } from './readers/sourceRecord';
import type { EventType } from './schemas';
import { EVENT_TYPES } from './schemas';

export const SOURCE_PRESETS = [
	'shopifyOrders',
	'wooCommerceOrders',
	'stripeCharges',
	'hubspotContacts',
	'hubspotDeals',
	'sendGridEvents',
	'mailchimpMembers',
	'twilioInboundSms',
	'csvRows',
	'custom',
] as const;
export type SourcePreset = (typeof SOURCE_PRESETS)[number];

export interface SourceMapping {
	customerId?: string;
	email?: string;
	anonymousId?: string;
	phone?: string;
	eventId?: string;
	timestamp: string;
	/** Path of the raw event type; mapped through typeValues (unmapped values are an error). */
	eventType?: string;
	typeValues?: Record<string, EventType>;
	/** Event type when the source has no type field. */
	fixedType?: EventType;
	value?: string;
	/** 'total' (the value is the amount), 'unitPrice' (multiply by quantity) or 'cents' (divide by 100). */
	valueIs?: 'total' | 'unitPrice' | 'cents';
	quantity?: string;
	currency?: string;
	orderId?: string;
	productId?: string;
	productTitle?: string;
	channel?: string;
	consentGranted?: string;
	lineItems?: { path: string; productId: string; title?: string; quantity?: string };
	attributes?: { firstName?: string; lastName?: string; country?: string; timeZone?: string };
	/** Consent per channel: path of a boolean field, `negate` for opt-out flags. */
	consent?: Record<string, { path: string; negate?: boolean }>;
	/** Customer ids that mean "no customer" (WooCommerce guests have customer_id 0). */
	emptyCustomerIds?: string[];
	/** Turns the source record into a flat record first (see readers/); the paths above then name flat fields. */
	read?: SourceReader;
}

/** The paths of the flat record every reader returns. */
const FLAT_FIELDS: SourceMapping = {
	customerId: 'customerId',
	email: 'email',
	phone: 'phone',
	eventId: 'eventId',
	orderId: 'orderId',
	timestamp: 'timestamp',
	eventType: 'eventType',
	typeValues: Object.fromEntries(EVENT_TYPES.map((type) => [type, type])) as Record<string, EventType>,
	value: 'value',
	valueIs: 'total',
	currency: 'currency',
	channel: 'channel',
	consentGranted: 'consentGranted',
	lineItems: { path: 'items', productId: 'productId', title: 'title', quantity: 'quantity' },
	attributes: { firstName: 'firstName', lastName: 'lastName', country: 'country', timeZone: 'timeZone' },
	consent: { email: { path: 'consentEmail' }, sms: { path: 'consentSms' } },
};

function readWith(read: SourceReader): SourceMapping {
	return { ...FLAT_FIELDS, read };
}

/** Event type names users write, mapped to the canonical types. */
export const COMMON_TYPE_VALUES: Record<string, EventType> = {
	purchase: 'purchase',
	order: 'purchase',
	order_completed: 'purchase',
	refund: 'refund',
	view: 'view',
	product_viewed: 'view',
	page_view: 'view',
	cart: 'cart',
	add_to_cart: 'cart',
	product_added: 'cart',
	checkout: 'checkout',
	checkout_started: 'checkout',
	sent: 'message_sent',
	message_sent: 'message_sent',
	email_sent: 'message_sent',
	open: 'message_opened',
	opened: 'message_opened',
	message_opened: 'message_opened',
	email_opened: 'message_opened',
	click: 'message_clicked',
	clicked: 'message_clicked',
	message_clicked: 'message_clicked',
	email_clicked: 'message_clicked',
	bounce: 'message_bounced',
	bounced: 'message_bounced',
	unsubscribe: 'unsubscribe',
	unsubscribed: 'unsubscribe',
	consent: 'consent',
	identify: 'identify',
	signup: 'identify',
	referral: 'referral',
	review: 'review',
	other: 'other',
};

export const PRESET_MAPPINGS: Record<Exclude<SourcePreset, 'custom'>, SourceMapping> = {
	shopifyOrders: readWith(readShopifyOrder),
	wooCommerceOrders: readWith(readWooCommerceOrder),
	stripeCharges: readWith(readStripeCharge),
	hubspotContacts: readWith(readHubspotContact),
	hubspotDeals: readWith(readHubspotDeal),
	sendGridEvents: readWith(readSendGridEvent),
	mailchimpMembers: readWith(readMailchimpMember),
	twilioInboundSms: readWith(readTwilioInboundSms),
	csvRows: {
		customerId: 'customer_id',
		email: 'email',
		anonymousId: 'anonymous_id',
		eventId: 'event_id',
		orderId: 'order_id',
		timestamp: 'timestamp',
		eventType: 'event_type',
		typeValues: COMMON_TYPE_VALUES,
		value: 'amount',
		quantity: 'quantity',
		currency: 'currency',
		productId: 'product_id',
		productTitle: 'product_title',
		channel: 'channel',
		phone: 'phone',
		consentGranted: 'consent_granted',
		attributes: { firstName: 'first_name', lastName: 'last_name', country: 'country', timeZone: 'time_zone' },
	},
};

/** The identity mapping used for `custom`: the node evaluates the user's expressions into these names. */
export const CUSTOM_MAPPING: SourceMapping = {
	customerId: 'customerId',
	email: 'email',
	anonymousId: 'anonymousId',
	phone: 'phone',
	eventId: 'eventId',
	orderId: 'orderId',
	timestamp: 'timestamp',
	eventType: 'eventType',
	typeValues: COMMON_TYPE_VALUES,
	value: 'value',
	quantity: 'quantity',
	currency: 'currency',
	productId: 'productId',
	productTitle: 'productTitle',
	channel: 'channel',
	consentGranted: 'consentGranted',
	attributes: { firstName: 'firstName', lastName: 'lastName', country: 'country', timeZone: 'timeZone' },
};

export interface PresetOptions {
	/** HubSpot deal stages (internal ids) that mean won; default `closedwon`. */
	wonDealStages?: readonly string[];
}

/**
 * The mapping of a source with the user's preset options applied (today: HubSpot's won deal stages).
 * @example presetMapping('hubspotDeals', { wonDealStages: ['closedwon', '1234567'] })
 */
export function presetMapping(source: SourcePreset, options: PresetOptions = {}): SourceMapping | undefined {
	if (source === 'custom') return CUSTOM_MAPPING;
	if (!Object.prototype.hasOwnProperty.call(PRESET_MAPPINGS, source)) return undefined;
	if (source !== 'hubspotDeals') return PRESET_MAPPINGS[source];
	const stages = (options.wonDealStages ?? DEFAULT_WON_DEAL_STAGES).map((stage) => stage.trim()).filter((stage) => stage !== '');
	const won = new Set(stages.length ? stages : DEFAULT_WON_DEAL_STAGES);
	return readWith((record, context) => readHubspotDeal(record, context, won));
}
