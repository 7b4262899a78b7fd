/**
 * What a source reader gives back: one flat record in canonical field names, read by FLAT_MAPPING.
 * Readers turn a provider's own shape (HubSpot's `{ value }` properties, Shopify's refunds, Stripe's
 * minor units, SendGrid's event names) into this record; everything else (checks, identity, types)
 * stays in mapRecordToEvent. The small helpers here read provider fields without touching prototypes.
 *
 * Cost: O(1) per field.
 */
import { LifecycleInputError } from '../../errors';
import { isBlank } from '../../fieldValues';
import { parseNumber, readPath } from '../mapRecordToEvent';
import type { EventType } from '../schemas';

export interface FlatLine {
	productId: string;
	title?: string;
	quantity?: number;
}

export interface FlatRecord {
	customerId?: string;
	email?: string;
	phone?: string;
	eventId?: string;
	orderId?: string;
	timestamp?: unknown;
	eventType?: EventType;
	value?: number;
	currency?: string;
	items?: FlatLine[];
	channel?: string;
	consentGranted?: boolean;
	consentEmail?: boolean;
	consentSms?: boolean;
	firstName?: string;
	lastName?: string;
	country?: string;
	timeZone?: string;
	/** Set on order snapshots (Shopify, WooCommerce, Stripe, HubSpot deals): when this state was written. */
	orderUpdatedAt?: number;
}

export interface ReaderContext {
	itemIndex: number;
}

export type SourceReader = (record: Record<string, unknown>, context: ReaderContext) => FlatRecord;

/** The first non-blank value among the paths. */
export function firstValue(record: unknown, paths: readonly string[]): unknown {
	for (const path of paths) {
		const value = readPath(record, path);
		if (!isBlank(value)) return value;
	}
	return undefined;
}

/** Text of a plain value (string, finite number); undefined for blanks and structures. */
export function plainText(value: unknown): string | undefined {
	if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return undefined;
}

/** A number from a JSON number or a numeric string ("598.94"); undefined when absent. */
export function amountOf(value: unknown, itemIndex: number, field: string): number | undefined {
	if (isBlank(value)) return undefined;
	const parsed = parseNumber(value);
	if (parsed === undefined) {
		throw new LifecycleInputError(`Field "${field}" should be an amount but is ${JSON.stringify(value)}`, {
			itemIndex,
			field,
			hint: 'Pass the record as the source node returns it',
		});
	}
	return parsed;
}

/** The record's time, or an error naming the fields that were looked at. */
export function requireTime(record: unknown, paths: readonly string[], itemIndex: number, what: string): unknown {
	const value = firstValue(record, paths);
	if (value === undefined) {
		throw new LifecycleInputError(`Item ${itemIndex} has no date: none of ${paths.join(', ')} is set on this ${what}`, {
			itemIndex,
			field: paths[0],
			hint: `Pass the ${what} as the source node returns it (see docs/presets.md for the fields to request)`,
		});
	}
	return value;
}

/** Milliseconds of an optional update time; undefined when absent or not a date. */
export function optionalTime(value: unknown, parse: (value: unknown) => number | undefined): number | undefined {
	return isBlank(value) ? undefined : parse(value);
}

/** Drops undefined fields, so the flat record only holds what the source had. */
export function compact(record: FlatRecord): FlatRecord {
	const result: FlatRecord = {};
	for (const [key, value] of Object.entries(record)) {
		if (value !== undefined) (result as Record<string, unknown>)[key] = value;
	}
	return result;
}

/** A stable id for one state of an order: the same snapshot twice gives the same id, a changed one a new id. */
export function snapshotId(orderId: string, parts: ReadonlyArray<string | number | undefined>): string {
	return `${orderId}@${parts.map((part) => (part === undefined ? '' : String(part))).join('|')}`;
}
