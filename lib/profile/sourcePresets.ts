/**
 * Where the fields of common sources live, as n8n's own nodes output them. A preset is a mapping of
 * canonical event fields to dotted paths in the item's JSON; `custom` is the identity mapping over
 * values the node has already evaluated from the user's expressions.
 */
import type { EventType } from './schemas';

export const SOURCE_PRESETS = [
	'shopifyOrders',
	'wooCommerceOrders',
	'stripeCharges',
	'hubspotContacts',
	'hubspotDeals',
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
	shopifyOrders: {
		customerId: 'customer.id',
		email: 'email',
		phone: 'phone',
		eventId: 'id',
		orderId: 'id',
		timestamp: 'created_at',
		fixedType: 'purchase',
		value: 'total_price',
		currency: 'currency',
		lineItems: { path: 'line_items', productId: 'product_id', title: 'title', quantity: 'quantity' },
		attributes: { firstName: 'customer.first_name', lastName: 'customer.last_name', country: 'billing_address.country_code' },
		consent: { email: { path: 'buyer_accepts_marketing' } },
	},
	wooCommerceOrders: {
		customerId: 'customer_id',
		email: 'billing.email',
		phone: 'billing.phone',
		eventId: 'id',
		orderId: 'id',
		timestamp: 'date_created_gmt',
		eventType: 'status',
		typeValues: {
			completed: 'purchase',
			processing: 'purchase',
			'on-hold': 'purchase',
			refunded: 'refund',
			pending: 'other',
			cancelled: 'other',
			failed: 'other',
			'checkout-draft': 'checkout',
		},
		value: 'total',
		currency: 'currency',
		lineItems: { path: 'line_items', productId: 'product_id', title: 'name', quantity: 'quantity' },
		attributes: { firstName: 'billing.first_name', lastName: 'billing.last_name', country: 'billing.country' },
		emptyCustomerIds: ['0'],
	},
	stripeCharges: {
		customerId: 'customer',
		email: 'billing_details.email',
		eventId: 'id',
		orderId: 'id',
		timestamp: 'created',
		eventType: 'status',
		typeValues: { succeeded: 'purchase', pending: 'other', failed: 'other' },
		value: 'amount',
		valueIs: 'cents',
		currency: 'currency',
	},
	hubspotContacts: {
		customerId: 'id',
		email: 'properties.email',
		phone: 'properties.phone',
		timestamp: 'properties.createdate',
		fixedType: 'identify',
		attributes: { firstName: 'properties.firstname', lastName: 'properties.lastname', country: 'properties.country' },
		consent: { email: { path: 'properties.hs_email_optout', negate: true } },
	},
	hubspotDeals: {
		customerId: 'properties.hs_primary_associated_contact_id',
		eventId: 'id',
		orderId: 'id',
		timestamp: 'properties.closedate',
		eventType: 'properties.dealstage',
		typeValues: { closedwon: 'purchase', closedlost: 'other' },
		value: 'properties.amount',
		currency: 'properties.deal_currency_code',
	},
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
