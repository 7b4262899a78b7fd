/**
 * The canonical data model: the event every source is mapped to, the customer record a CRM holds,
 * and the profile Build Profile emits. zod schemas so that other tools (and tests) can validate them;
 * the types below are what lib/ works with.
 */
import { z } from 'zod';

/** What happened. Orders and refunds carry money; messages carry a channel; the rest is behaviour. */
export const EVENT_TYPES = [
	'purchase',
	'refund',
	'view',
	'cart',
	'checkout',
	'message_sent',
	'message_opened',
	'message_clicked',
	'message_bounced',
	'unsubscribe',
	'consent',
	'identify',
	'referral',
	'review',
	'other',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const EventSchema = z
	.object({
		eventId: z.string().min(1).optional(),
		customerId: z.string().min(1).optional(),
		email: z.string().min(3).optional(),
		anonymousId: z.string().min(1).optional(),
		phone: z.string().min(3).optional(),
		type: z.enum(EVENT_TYPES),
		/** Milliseconds since 1970-01-01T00:00:00Z. */
		timestamp: z.number().finite(),
		value: z.number().finite().optional(),
		currency: z.string().length(3).optional(),
		orderId: z.string().min(1).optional(),
		/** On a snapshot of an order (Shopify, WooCommerce, Stripe, HubSpot deal): when this state was written; the latest wins. */
		orderUpdatedAt: z.number().finite().optional(),
		productId: z.string().min(1).optional(),
		productTitle: z.string().optional(),
		quantity: z.number().finite().optional(),
		channel: z.string().min(1).optional(),
		/** Line items of an order that carries them (Shopify, WooCommerce); one productId otherwise. */
		items: z
			.array(z.object({ productId: z.string().min(1), title: z.string().optional(), quantity: z.number().optional() }))
			.optional(),
		/** For consent events: granted (true) or withdrawn (false). */
		consentGranted: z.boolean().optional(),
		/** Consent per channel carried by a CRM record (identify events). */
		consent: z.record(z.boolean()).optional(),
		/** Contact attributes carried by a CRM record (identify events). */
		attributes: z
			.object({
				firstName: z.string().optional(),
				lastName: z.string().optional(),
				country: z.string().optional(),
				timeZone: z.string().optional(),
			})
			.optional(),
		properties: z.record(z.unknown()).optional(),
		/** Index of the input item the event came from, for pairedItem and error messages. */
		sourceIndex: z.number().int().nonnegative(),
	})
	.refine((event) => event.customerId ?? event.email ?? event.anonymousId ?? event.phone, {
		message: 'An event needs at least one identity: customerId, email, anonymousId or phone',
	});
export type LifecycleEvent = z.infer<typeof EventSchema>;

/** A contact as a CRM holds it; mapped to an `identify` event carrying these attributes. */
export const CustomerRecordSchema = z.object({
	customerId: z.string().min(1).optional(),
	email: z.string().optional(),
	phone: z.string().optional(),
	firstName: z.string().optional(),
	lastName: z.string().optional(),
	country: z.string().optional(),
	timeZone: z.string().optional(),
	createdAt: z.number().finite().optional(),
	consent: z.record(z.boolean()).optional(),
});
export type CustomerRecord = z.infer<typeof CustomerRecordSchema>;

export const ChannelEngagementSchema = z.object({
	sent: z.number().int().nonnegative(),
	opened: z.number().int().nonnegative(),
	clicked: z.number().int().nonnegative(),
	bounced: z.number().int().nonnegative(),
	lastSentAt: z.string().nullable(),
	lastEngagedAt: z.string().nullable(),
});
export type ChannelEngagement = z.infer<typeof ChannelEngagementSchema>;

export const RFM_SEGMENTS = [
	'Champions',
	'Loyal Customers',
	'Potential Loyalists',
	'New Customers',
	'Promising',
	'Need Attention',
	'About To Sleep',
	'At Risk',
	"Can't Lose Them",
	'Hibernating',
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

const isoOrNull = z.string().nullable();
const scoreOrNull = z.number().int().min(1).max(5).nullable();

/** One customer, flat so that a HubSpot, Mailchimp or SendGrid node can map any field directly. */
export const ProfileSchema = z.object({
	profileId: z.string(),
	customerId: z.string().nullable(),
	email: z.string().nullable(),
	phone: z.string().nullable(),
	anonymousIds: z.array(z.string()),
	identities: z.array(z.string()),
	firstName: z.string().nullable(),
	lastName: z.string().nullable(),
	country: z.string().nullable(),
	timeZone: z.string().nullable(),
	firstSeenAt: isoOrNull,
	lastSeenAt: isoOrNull,
	firstPurchaseAt: isoOrNull,
	lastPurchaseAt: isoOrNull,
	orders: z.number().int().nonnegative(),
	revenue: z.number().nullable(),
	averageOrderValue: z.number().nullable(),
	refunds: z.number().int().nonnegative(),
	refundedAmount: z.number().nullable(),
	currency: z.string().nullable(),
	revenueByCurrency: z.record(z.number()),
	periodUnit: z.enum(['day', 'week']),
	observationEnd: z.string(),
	frequency: z.number().int().nonnegative(),
	recency: z.number().nonnegative(),
	T: z.number().nonnegative(),
	/** Mean repeat-purchase value; 0 without repeat purchases (lifetimes' convention); null with mixed currencies. */
	monetaryValue: z.number().nullable(),
	daysSinceLastPurchase: z.number().nullable(),
	rfmRecency: scoreOrNull,
	rfmFrequency: scoreOrNull,
	rfmMonetary: scoreOrNull,
	rfmScore: z.string().nullable(),
	rfmSegment: z.enum(RFM_SEGMENTS).nullable(),
	engagement: z.record(ChannelEngagementSchema),
	emailSent: z.number().int().nonnegative(),
	emailOpened: z.number().int().nonnegative(),
	emailClicked: z.number().int().nonnegative(),
	emailLastEngagedAt: isoOrNull,
	smsSent: z.number().int().nonnegative(),
	smsClicked: z.number().int().nonnegative(),
	smsLastEngagedAt: isoOrNull,
	pushSent: z.number().int().nonnegative(),
	pushOpened: z.number().int().nonnegative(),
	pushLastEngagedAt: isoOrNull,
	/** The most recent messages sent (up to the history limit), oldest first: Choose Channel counts caps from them. */
	messageHistory: z.array(z.object({ channel: z.string(), sentAt: z.string() })),
	/** The most recent opens and clicks, oldest first: Choose Channel learns send times from them. */
	engagementHistory: z.array(z.object({ channel: z.string(), type: z.enum(['opened', 'clicked']), engagedAt: z.string() })),
	consent: z.record(z.boolean()),
	consentEmail: z.boolean().nullable(),
	consentSms: z.boolean().nullable(),
	consentPush: z.boolean().nullable(),
	unsubscribed: z.array(z.string()),
	productsPurchased: z.array(z.string()),
	productsViewed: z.array(z.string()),
	productsInCart: z.array(z.string()),
	referrals: z.number().int().nonnegative(),
	reviews: z.number().int().nonnegative(),
	eventsUsed: z.number().int().nonnegative(),
	eventsSkipped: z.number().int().nonnegative(),
	skippedReasons: z.record(z.number().int().nonnegative()),
	sourceIndexes: z.array(z.number().int().nonnegative()),
});
export type CustomerProfile = z.infer<typeof ProfileSchema>;
