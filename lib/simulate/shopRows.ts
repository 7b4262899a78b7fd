/**
 * The tables a simulated shop is delivered as: flat rows an n8n workflow reads from CSV files or a shop's API.
 *
 * - events: one row per event, snake_case columns of Build Profile's "CSV Rows" source preset (customer_id, email,
 *   timestamp, event_type, amount, quantity, currency, order_id, event_id, product_id, product_title, channel)
 *   plus consent_granted, first_name, last_name, country, time_zone and phone for a custom mapping; every value is
 *   text, as n8n's Extract From File gives CSV fields; empty text where an event has no such field.
 * - customers: one row per person, as a CRM export (camelCase, typed).
 * - products: the catalogue, with the fields of lib/recommend's CatalogItem (productId, title, category, brand,
 *   price, stock).
 * - campaign: one row per customer of the randomised campaign (arm, converted, revenue, messages, preRevenue) with
 *   the customer's features at the campaign's start, for Measure Uplift's Analyze and Train Uplift Model.
 * Reference: n8n Extract From File (CSV), https://docs.n8n.io/integrations/builtin/core-nodes/n8n-nodes-base.extractfromfile/
 *
 * Cost: O(1) (types and column lists).
 * @example SHOP_EVENT_COLUMNS[0] // 'customer_id'
 */

export const SHOP_EVENT_COLUMNS = [
	'customer_id',
	'email',
	'timestamp',
	'event_type',
	'amount',
	'quantity',
	'currency',
	'order_id',
	'event_id',
	'product_id',
	'product_title',
	'channel',
	'consent_granted',
	'first_name',
	'last_name',
	'country',
	'time_zone',
	'phone',
] as const;

export type ShopEventColumn = (typeof SHOP_EVENT_COLUMNS)[number];

/** One event as text fields (empty text = no value). */
export type ShopEventRow = Record<ShopEventColumn, string>;

/** Event types the simulator writes (all understood by Build Profile, aliases included). */
export type ShopEventType =
	| 'identify'
	| 'consent'
	| 'view'
	| 'add_to_cart'
	| 'order'
	| 'email_sent'
	| 'email_opened'
	| 'email_clicked'
	| 'message_sent'
	| 'message_clicked'
	| 'unsubscribe';

export interface ShopCustomerRow {
	customerId: string;
	email: string;
	firstName: string;
	lastName: string;
	phone: string;
	/** ISO 3166-1 alpha-2. */
	country: string;
	timeZone: string;
	segment: string;
	/** ISO 8601 (UTC) of the sign-up: the first purchase for buyers. */
	signedUpAt: string;
	/** Consent at sign-up; a later unsubscribe is an event, not a change of this field. */
	consentEmail: boolean;
	consentSms: boolean;
}

export const SHOP_CUSTOMER_COLUMNS: ReadonlyArray<keyof ShopCustomerRow> = [
	'customerId',
	'email',
	'firstName',
	'lastName',
	'phone',
	'country',
	'timeZone',
	'segment',
	'signedUpAt',
	'consentEmail',
	'consentSms',
];

export interface ShopProductRow {
	productId: string;
	title: string;
	category: string;
	brand: string;
	price: number;
	stock: number;
}

export const SHOP_PRODUCT_COLUMNS: ReadonlyArray<keyof ShopProductRow> = [
	'productId',
	'title',
	'category',
	'brand',
	'price',
	'stock',
];

export interface CampaignOutcomeRow {
	customerId: string;
	email: string;
	campaign: string;
	/** campaign.treatedArm ('treatment') or campaign.controlArm ('control', the holdout). */
	arm: string;
	/** 1 when the customer bought within the campaign's window. */
	converted: number;
	/** Spend within the window (0 without a conversion). */
	revenue: number;
	/** Messages of the campaign sent to the customer (1 treated, 0 control): one email. */
	messages: number;
	/** Spend in the 13 weeks before the campaign (a pre-period metric for CUPED). */
	preRevenue: number;
	/** Features at the campaign's start, in weeks as Build Profile's weekly BTYD summary: repeat purchases, */
	frequency: number;
	/** last minus first purchase, */
	recency: number;
	/** window end minus first purchase, */
	T: number;
	/** and window end minus last purchase. */
	weeksSinceLastPurchase: number;
}

export const CAMPAIGN_OUTCOME_COLUMNS: ReadonlyArray<keyof CampaignOutcomeRow> = [
	'customerId',
	'email',
	'campaign',
	'arm',
	'converted',
	'revenue',
	'messages',
	'preRevenue',
	'frequency',
	'recency',
	'T',
	'weeksSinceLastPurchase',
];
