/**
 * What Build Profile keeps of an event: the fields a profile is computed from, and nothing else (no item
 * position, product titles, quantities or free-form properties). Stored profiles hold their events in this form,
 * and ties between events are broken on it, so a profile read back from the store is the profile the one-shot
 * build gives.
 *
 * Cost: O(size of the event).
 * @example toStoredEvent({ type: 'view', timestamp: 0, productTitle: 'Mug', sourceIndex: 4 }) // { type: 'view', timestamp: 0 }
 */
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

type FieldCheck = (value: unknown) => boolean;

const isText: FieldCheck = (value) => typeof value === 'string';
const isNumber: FieldCheck = (value) => typeof value === 'number' && Number.isFinite(value);
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
	value !== null && typeof value === 'object' && !Array.isArray(value);
const EVENT_TYPE_SET = new Set<string>(EVENT_TYPES);
const ATTRIBUTE_NAMES = new Set(['country', 'firstName', 'lastName', 'timeZone']);

/** The type each stored field must have: what Build Profile accepted when it stored the event. */
const STORED_FIELD_CHECKS: Record<string, FieldCheck> = {
	anonymousId: isText,
	attributes: (value) => isPlainObject(value) && Object.entries(value).every(([name, text]) => ATTRIBUTE_NAMES.has(name) && isText(text)),
	channel: isText,
	consent: (value) => isPlainObject(value) && Object.values(value).every((granted) => typeof granted === 'boolean'),
	consentGranted: (value) => typeof value === 'boolean',
	currency: isText,
	customerId: isText,
	email: isText,
	eventId: isText,
	items: (value) => Array.isArray(value) && value.every((item) => isPlainObject(item) && Object.keys(item).length === 1 && isText(item.productId)),
	orderId: isText,
	orderUpdatedAt: isNumber,
	phone: isText,
	productId: isText,
	timestamp: isNumber,
	type: (value) => typeof value === 'string' && EVENT_TYPE_SET.has(value),
	value: isNumber,
};

/**
 * A stored event read back, or the name of the field that is wrong: only known fields, each of the type Build
 * Profile stores, with a type and a time. Hand-written rather than a schema: a weekly run reads every event of
 * every touched customer, and this check is what that costs.
 */
export function readStoredEvent(value: unknown): { event: StoredEvent } | { problem: string } {
	if (!isPlainObject(value)) return { problem: 'event: not an object' };
	for (const [field, fieldValue] of Object.entries(value)) {
		const check = STORED_FIELD_CHECKS[field];
		if (!check) return { problem: `${field}: not a field of a stored event` };
		if (!check(fieldValue)) return { problem: `${field}: not of the stored type` };
	}
	if (value.type === undefined || value.timestamp === undefined) return { problem: `${value.type === undefined ? 'type' : 'timestamp'}: required` };
	return { event: value as unknown as StoredEvent };
}
