/**
 * Map one raw record (an n8n item's JSON) to a canonical event with a source mapping, checking every
 * field: a bad value throws a LifecycleInputError that names the item, the field and what to do.
 * Returns undefined for a record without any identity when `missingIdentity` is 'skip' (the caller counts it).
 *
 * Identities: placeholder values ("n/a", "unknown", "-", "0", short phones, noemail@...; isPlaceholderIdentity)
 * never become identities: ignored (reported through `onPlaceholderIdentity`, default) or an item error.
 * Timestamps outside 1900-2199 and amounts beyond +-1e15 (MAX_AMOUNT) are item errors naming the field.
 *
 * Refunds: a purchase with a negative quantity or amount (e.g. Online Retail's "C" invoices) becomes a
 * refund of the absolute amount; a negative unit price is always an error.
 * User keys are read with own-property checks only, so `__proto__` or `constructor` never reach the
 * prototype chain.
 *
 * Cost: O(fields + line items).
 * @example mapRecordToEvent({ customer_id: '7', timestamp: '2024-01-02', amount: '19.90' }, PRESET_MAPPINGS.csvRows, 0)
 * // { customerId: '7', type: 'purchase', timestamp: 1704153600000, value: 19.9, sourceIndex: 0 }
 */
import { isBlank } from '../fieldValues';
import { LifecycleInputError } from '../errors';
import { currencyMinorUnits } from './currencyMinorUnits';
import type { IdentityKind } from './IdentityGraph';
import { isPlaceholderIdentity } from './isPlaceholderIdentity';
import { NOT_A_DATE, parseTimestamp, timestampProblem } from './parseTimestamp';
import type { EventType, LifecycleEvent } from './schemas';
import { EVENT_TYPES } from './schemas';
import type { SourceMapping } from './sourcePresets';

export interface MapOptions {
	/** Records with no identity: 'error' (default) or 'skip' (returned as undefined, to be counted). */
	missingIdentity?: 'error' | 'skip';
	/** Type used when the mapping gives none (default 'purchase'). */
	defaultType?: EventType;
	/**
	 * How the value field is to be read, overriding the mapping. 'cents': the currency's smallest unit, divided
	 * by 10^digits of the event's currency (or the default currency): 100 for USD, 1 for JPY, 1000 for KWD.
	 */
	valueIs?: 'total' | 'unitPrice' | 'cents';
	/** Currency of records that carry none; decides the smallest unit when valueIs is 'cents'. */
	defaultCurrency?: string;
	/** Placeholder identities ("n/a", "unknown", "0"...): 'ignore' (default; reported to onPlaceholderIdentity) or 'error'. */
	placeholderIdentities?: 'ignore' | 'error';
	/** Called for each placeholder identity ignored, so the caller can count them. */
	onPlaceholderIdentity?: (field: IdentityKind, value: string) => void;
}

/** Largest amount of money accepted in one event: sums of millions of such amounts stay finite and exact to the cent. */
export const MAX_AMOUNT = 1e15;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Own-property lookup of a dotted path; never walks into the prototype chain. */
export function readPath(record: unknown, path: string | undefined): unknown {
	if (path === undefined || path === '') return undefined;
	let current: unknown = record;
	for (const part of path.split('.')) {
		if (current === null || typeof current !== 'object' || FORBIDDEN_KEYS.has(part)) return undefined;
		if (!Object.prototype.hasOwnProperty.call(current, part)) return undefined;
		current = (current as Record<string, unknown>)[part];
	}
	return current;
}


function fail(itemIndex: number, field: string, message: string, hint: string): never {
	throw new LifecycleInputError(message, { itemIndex, field, hint });
}

function readText(record: unknown, path: string | undefined, itemIndex: number, field: string): string | undefined {
	const value = readPath(record, path);
	if (isBlank(value)) return undefined;
	if (typeof value === 'string') return value.trim();
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value === 'bigint') return String(value);
	return fail(itemIndex, field, `Field "${path}" should be text or a number but is ${describe(value)}`, `Map "${field}" to a field that holds a plain value`);
}

/** The record's ISO 4217 code, upper case, or undefined when it carries none. */
function readCurrency(record: unknown, mapping: SourceMapping, itemIndex: number): string | undefined {
	const currency = readText(record, mapping.currency, itemIndex, 'currency');
	if (currency === undefined) return undefined;
	if (!/^[A-Za-z]{3}$/.test(currency)) {
		fail(itemIndex, mapping.currency ?? 'currency', `Field "${mapping.currency}" is not a 3-letter currency code: "${currency}"`, 'Use ISO 4217 codes such as USD, EUR, GBP');
	}
	return currency.toUpperCase();
}

function describe(value: unknown): string {
	if (Array.isArray(value)) return 'a list';
	if (value === null) return 'null';
	if (typeof value === 'object') return 'an object';
	return `"${String(value)}"`;
}

/** Numbers as JSON numbers or plain numeric strings ("29.33", "-3"); "1,234" and "12abc" are refused. */
export function parseNumber(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return undefined;
	const parsed = Number(text);
	return Number.isFinite(parsed) ? parsed : undefined;
}

function readNumber(record: unknown, path: string | undefined, itemIndex: number, field: string): number | undefined {
	const value = readPath(record, path);
	if (isBlank(value)) return undefined;
	const parsed = parseNumber(value);
	if (parsed === undefined) {
		fail(itemIndex, field, `Field "${path}" should be a number but is ${describe(value)}`, 'Use a plain number such as 19.90 (a dot for decimals, no currency sign or thousands separator)');
	}
	return parsed;
}

function readBoolean(record: unknown, path: string | undefined, itemIndex: number, field: string): boolean | undefined {
	const value = readPath(record, path);
	if (isBlank(value)) return undefined;
	if (typeof value === 'boolean') return value;
	const text = String(value).trim().toLowerCase();
	if (['true', 'yes', '1', 'y', 'subscribed', 'opted_in', 'granted'].includes(text)) return true;
	if (['false', 'no', '0', 'n', 'unsubscribed', 'opted_out', 'withdrawn'].includes(text)) return false;
	return fail(itemIndex, field, `Field "${path}" should be true or false but is ${describe(value)}`, 'Use true/false, yes/no or 1/0');
}

function resolveType(record: unknown, mapping: SourceMapping, itemIndex: number, defaultType: EventType): EventType {
	const raw = readText(record, mapping.eventType, itemIndex, 'eventType');
	if (raw === undefined) return mapping.fixedType ?? defaultType;
	const key = raw.toLowerCase().replace(/[\s-]+/g, '_');
	const table = mapping.typeValues;
	const mapped = table && (Object.prototype.hasOwnProperty.call(table, raw) ? table[raw] : Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined);
	if (mapped) return mapped;
	if ((EVENT_TYPES as readonly string[]).includes(key)) return key as EventType;
	return fail(
		itemIndex,
		'eventType',
		`Unknown event type "${raw}" in field "${mapping.eventType}"`,
		`Use one of: ${EVENT_TYPES.join(', ')} (or a common alias such as order, add_to_cart, opened)`,
	);
}

/** " (is after 2199 ...)" when the value is a date outside the plausible range, else ''. */
function outOfRangeNote(value: unknown): string {
	const problem = timestampProblem(value);
	return problem === undefined || problem === NOT_A_DATE ? '' : ` (${problem})`;
}

/** An identity field's text, or undefined when empty or a placeholder (ignored and reported, or an error). */
function readIdentity(record: unknown, mapping: SourceMapping, kind: IdentityKind, itemIndex: number, options: MapOptions): string | undefined {
	const text = readText(record, mapping[kind], itemIndex, kind);
	// The source's own "no customer" value (WooCommerce guests have customer_id 0) is simply no identity.
	if (kind === 'customerId' && text !== undefined && mapping.emptyCustomerIds?.includes(text)) return undefined;
	if (text === undefined || !isPlaceholderIdentity(kind, text)) return text;
	if (options.placeholderIdentities === 'error') {
		fail(itemIndex, mapping[kind] ?? kind, `Field "${mapping[kind]}" holds a placeholder, not a ${kind}: "${text}"`, 'Clear placeholder values such as n/a, unknown, - or 0, or set "Placeholder Identities" to Ignore and Count');
	}
	options.onPlaceholderIdentity?.(kind, text);
	return undefined;
}

/** Readers give amounts in major units already, so the "Amount Is" option does not apply to them. */
function mapReadRecord(record: Record<string, unknown>, mapping: SourceMapping, itemIndex: number, options: MapOptions): LifecycleEvent | undefined {
	const flat = mapping.read!(record, { itemIndex });
	const event = mapRecordToEvent(flat, { ...mapping, read: undefined }, itemIndex, { ...options, valueIs: 'total' });
	if (event && flat.orderUpdatedAt !== undefined && event.orderId !== undefined) event.orderUpdatedAt = flat.orderUpdatedAt;
	return event;
}

export function mapRecordToEvent(record: unknown, mapping: SourceMapping, itemIndex: number, options: MapOptions = {}): LifecycleEvent | undefined {
	if (record === null || typeof record !== 'object' || Array.isArray(record)) {
		fail(itemIndex, 'json', `Item ${itemIndex} is not an object`, 'Pass items whose JSON is an object of fields');
	}
	// A preset with a reader (HubSpot, Shopify, ...) names flat fields: read the provider's shape first.
	if (mapping.read) return mapReadRecord(record as Record<string, unknown>, mapping, itemIndex, options);
	const customerId = readIdentity(record, mapping, 'customerId', itemIndex, options);
	const email = readIdentity(record, mapping, 'email', itemIndex, options);
	if (email !== undefined && !/^[^\s@]+@[^\s@]+$/.test(email)) {
		fail(itemIndex, 'email', `Field "${mapping.email}" is not an email address: "${email}"`, 'Map the email field, or clear it for records without one');
	}
	const anonymousId = readIdentity(record, mapping, 'anonymousId', itemIndex, options);
	const phone = readIdentity(record, mapping, 'phone', itemIndex, options);
	if (customerId === undefined && email === undefined && anonymousId === undefined && phone === undefined) {
		if (options.missingIdentity === 'skip') return undefined;
		fail(
			itemIndex,
			mapping.customerId ?? 'customerId',
			`Item ${itemIndex} has no customer id, email, anonymous id or phone`,
			'Map an identity field (e.g. Customer ID), or set the option "Items Without Identity" to Skip and Count',
		);
	}

	const rawTime = readPath(record, mapping.timestamp);
	if (isBlank(rawTime)) {
		fail(itemIndex, mapping.timestamp, `Item ${itemIndex} has no timestamp in field "${mapping.timestamp}"`, 'Map the field holding the event date');
	}
	const timestamp = parseTimestamp(rawTime);
	if (timestamp === undefined) {
		fail(
			itemIndex,
			mapping.timestamp,
			`Field "${mapping.timestamp}" is not a valid date: ${describe(rawTime)}${outOfRangeNote(rawTime)}`,
			'Use ISO 8601 such as 2011-12-09 or 2011-12-09T12:50:00Z; day-first and month-first dates are ambiguous (convert them with the Date & Time node)',
		);
	}

	let type = resolveType(record, mapping, itemIndex, options.defaultType ?? 'purchase');
	const quantity = readNumber(record, mapping.quantity, itemIndex, 'quantity');
	const rawValue = readNumber(record, mapping.value, itemIndex, 'value');
	const currency = readCurrency(record, mapping, itemIndex);
	const valueIs = options.valueIs ?? mapping.valueIs ?? 'total';
	let value: number | undefined;
	if (rawValue !== undefined) {
		if (valueIs === 'unitPrice') {
			if (rawValue < 0) {
				fail(itemIndex, mapping.value ?? 'value', `Field "${mapping.value}" has a negative unit price: ${rawValue}`, 'A price cannot be negative; refunds are negative quantities or refund events');
			}
			value = rawValue * (quantity ?? 1);
		} else if (valueIs === 'cents') {
			// The smallest unit of the record's currency, else of the default currency, else two decimals.
			value = rawValue / 10 ** currencyMinorUnits(currency ?? options.defaultCurrency ?? '');
		} else value = rawValue;
	}
	if (value !== undefined && !(Math.abs(value) <= MAX_AMOUNT)) {
		fail(itemIndex, mapping.value ?? 'value', `Field "${mapping.value}" gives an implausible amount: ${value}`, `Amounts must lie within +-${MAX_AMOUNT} (check the field, its unit and the quantity)`);
	}
	if (type === 'purchase' && ((value !== undefined && value < 0) || (quantity !== undefined && quantity < 0))) type = 'refund';
	if (type === 'refund' && value !== undefined) value = Math.abs(value);
	if (value !== undefined && value < 0) {
		fail(itemIndex, mapping.value ?? 'value', `Field "${mapping.value}" is negative (${value}) on a ${type} event`, 'Only purchases and refunds carry money; check the mapping of the amount field');
	}

	const event: LifecycleEvent = { type, timestamp, sourceIndex: itemIndex };
	if (customerId !== undefined) event.customerId = customerId;
	if (email !== undefined) event.email = email;
	if (anonymousId !== undefined) event.anonymousId = anonymousId;
	if (phone !== undefined) event.phone = phone;
	const eventId = readText(record, mapping.eventId, itemIndex, 'eventId');
	if (eventId !== undefined) event.eventId = eventId;
	const orderId = readText(record, mapping.orderId, itemIndex, 'orderId');
	if (orderId !== undefined) event.orderId = orderId;
	if (value !== undefined) event.value = value;
	if (quantity !== undefined) event.quantity = Math.abs(quantity);
	if (currency !== undefined) event.currency = currency;
	const productId = readText(record, mapping.productId, itemIndex, 'productId');
	if (productId !== undefined) event.productId = productId;
	const productTitle = readText(record, mapping.productTitle, itemIndex, 'productTitle');
	if (productTitle !== undefined) event.productTitle = productTitle;
	const channel = readText(record, mapping.channel, itemIndex, 'channel');
	if (channel !== undefined) event.channel = channel.toLowerCase();
	const consentGranted = readBoolean(record, mapping.consentGranted, itemIndex, 'consentGranted');
	if (consentGranted !== undefined) event.consentGranted = consentGranted;

	if (mapping.lineItems) {
		const lines = readPath(record, mapping.lineItems.path);
		if (!isBlank(lines)) {
			if (!Array.isArray(lines)) {
				fail(itemIndex, mapping.lineItems.path, `Field "${mapping.lineItems.path}" should be a list of line items`, 'Pass the order as the source node returns it');
			}
			const items: NonNullable<LifecycleEvent['items']> = [];
			lines.forEach((line, k) => {
				const lineProduct = readText(line, mapping.lineItems!.productId, itemIndex, `${mapping.lineItems!.path}[${k}].${mapping.lineItems!.productId}`);
				if (lineProduct === undefined) return;
				const item: { productId: string; title?: string; quantity?: number } = { productId: lineProduct };
				const title = readText(line, mapping.lineItems!.title, itemIndex, 'title');
				if (title !== undefined) item.title = title;
				const lineQuantity = readNumber(line, mapping.lineItems!.quantity, itemIndex, 'quantity');
				if (lineQuantity !== undefined) item.quantity = lineQuantity;
				items.push(item);
			});
			if (items.length) event.items = items;
		}
	}
	if (mapping.attributes) {
		const attributes: NonNullable<LifecycleEvent['attributes']> = {};
		for (const name of ['firstName', 'lastName', 'country', 'timeZone'] as const) {
			const text = readText(record, mapping.attributes[name], itemIndex, name);
			if (text !== undefined) attributes[name] = text;
		}
		if (Object.keys(attributes).length) event.attributes = attributes;
	}
	if (mapping.consent) {
		const consent: Record<string, boolean> = Object.create(null);
		for (const [channelName, source] of Object.entries(mapping.consent)) {
			const granted = readBoolean(record, source.path, itemIndex, `consent.${channelName}`);
			if (granted !== undefined) consent[channelName] = source.negate ? !granted : granted;
		}
		if (Object.keys(consent).length) event.consent = consent;
	}
	return event;
}
