/**
 * What Build Profile keeps of an event: the fields a profile is computed from, and nothing else (no item
 * position, product titles, quantities or free-form properties). Stored profiles hold their events in this form,
 * and ties between events are broken on it, so a profile read back from the store is the profile the one-shot
 * build gives.
 *
 * Cost: O(size of the event).
 * @example toStoredEvent({ type: 'view', timestamp: 0, productTitle: 'Mug', sourceIndex: 4 }) // { type: 'view', timestamp: 0 }
 */
import { z } from 'zod';
import type { LifecycleEvent } from './schemas';
import { EVENT_TYPES } from './schemas';

export type StoredEvent = Omit<LifecycleEvent, 'sourceIndex' | 'productTitle' | 'quantity' | 'properties'>;

const KEPT_FIELDS = [
	'attributes', 'channel', 'consent', 'consentGranted', 'currency', 'customerId', 'email', 'eventId', 'items',
	'anonymousId', 'orderId', 'orderUpdatedAt', 'phone', 'productId', 'timestamp', 'type', 'value',
] as const;

function sortedCopy(record: Record<string, unknown>): Record<string, unknown> {
	const copy: Record<string, unknown> = {};
	for (const key of Object.keys(record).sort()) if (record[key] !== undefined) copy[key] = record[key];
	return copy;
}

/** The event's profile fields, keys in text order (line items reduced to their product ids). */
export function toStoredEvent(event: LifecycleEvent): StoredEvent {
	const stored: Record<string, unknown> = {};
	for (const field of [...KEPT_FIELDS].sort()) {
		const value = event[field];
		if (value === undefined) continue;
		if (field === 'items') stored.items = (value as NonNullable<LifecycleEvent['items']>).map((item) => ({ productId: item.productId }));
		else if (field === 'attributes' || field === 'consent') stored[field] = sortedCopy(value as Record<string, unknown>);
		else stored[field] = value;
	}
	return stored as StoredEvent;
}

/** The stored form as text: equal for copies that a profile cannot tell apart, whatever order their fields came in. */
export function eventContentText(event: LifecycleEvent): string {
	return JSON.stringify(toStoredEvent(event));
}

/** A stored event as read back: the types Build Profile accepted when it stored the event, nothing more. */
export const StoredEventSchema = z
	.object({
		attributes: z.object({ country: z.string(), firstName: z.string(), lastName: z.string(), timeZone: z.string() }).partial().strict().optional(),
		anonymousId: z.string().optional(),
		channel: z.string().optional(),
		consent: z.record(z.boolean()).optional(),
		consentGranted: z.boolean().optional(),
		currency: z.string().optional(),
		customerId: z.string().optional(),
		email: z.string().optional(),
		eventId: z.string().optional(),
		items: z.array(z.object({ productId: z.string() }).strict()).optional(),
		orderId: z.string().optional(),
		orderUpdatedAt: z.number().finite().optional(),
		phone: z.string().optional(),
		productId: z.string().optional(),
		timestamp: z.number().finite(),
		type: z.enum(EVENT_TYPES),
		value: z.number().finite().optional(),
	})
	.strict();
