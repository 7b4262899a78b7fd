/**
 * One stored profile as a row of an n8n Data table (or a PostgreSQL table): the columns people filter and read,
 * and one versioned state column holding the customer's events in their stored form (toStoredEvent), identical
 * copies counted once. Reading the events back and building again gives the same profile, byte for byte, so new
 * events can be folded into stored profiles exactly (updateStoredProfiles).
 *
 * Columns hold only what a Data table can: text, numbers, booleans and dates (ISO 8601 in UTC).
 * @example STORED_PROFILE_COLUMNS.map((column) => column.name) // ['profileId', 'customerId', ...]
 */
import { LifecycleInputError } from '../errors';
import type { RfmFigures } from './scoreRfm';
import type { CustomerProfile } from './schemas';
import type { StoredEvent } from './storedEvent';
import { readStoredEvent } from './storedEvent';
import { parseTimestamp } from './parseTimestamp';

/** Version of the state column; a row written by another version is refused, never guessed. */
export const PROFILE_STATE_VERSION = 1;

export type StoredColumnType = 'string' | 'number' | 'boolean' | 'date';

/** The table's columns, in the order to create them. */
export const STORED_PROFILE_COLUMNS: ReadonlyArray<{ name: keyof StoredProfileRow; type: StoredColumnType; meaning: string }> = [
	{ name: 'profileId', type: 'string', meaning: 'Key of the row: the customer ID, else email:..., phone:... or anonymous:...' },
	{ name: 'customerId', type: 'string', meaning: 'Customer ID, if known' },
	{ name: 'email', type: 'string', meaning: 'Email address, if known' },
	{ name: 'phone', type: 'string', meaning: 'Phone number, if known' },
	{ name: 'identityKeys', type: 'string', meaning: 'Every identity of the customer, as a JSON list (c: customer ID, e: email, p: phone, a: anonymous ID)' },
	{ name: 'firstName', type: 'string', meaning: 'First name' },
	{ name: 'lastName', type: 'string', meaning: 'Last name' },
	{ name: 'country', type: 'string', meaning: 'Country' },
	{ name: 'orders', type: 'number', meaning: 'Number of orders' },
	{ name: 'revenue', type: 'number', meaning: 'Revenue after refunds (empty when in several currencies)' },
	{ name: 'currency', type: 'string', meaning: 'Currency of the revenue, or MIXED' },
	{ name: 'firstPurchaseAt', type: 'date', meaning: 'First purchase' },
	{ name: 'lastPurchaseAt', type: 'date', meaning: 'Last purchase' },
	{ name: 'lastSeenAt', type: 'date', meaning: 'Last event of any kind' },
	{ name: 'rfmSegment', type: 'string', meaning: 'RFM segment when the row was written' },
	{ name: 'consentEmail', type: 'boolean', meaning: 'Email consent (empty when unknown)' },
	{ name: 'consentSms', type: 'boolean', meaning: 'SMS consent (empty when unknown)' },
	{ name: 'consentPush', type: 'boolean', meaning: 'Push consent (empty when unknown)' },
	{ name: 'observationEnd', type: 'date', meaning: 'End of observation of the run that wrote the row' },
	{ name: 'stateVersion', type: 'number', meaning: `Version of the state column (${PROFILE_STATE_VERSION})` },
	{ name: 'state', type: 'string', meaning: "The customer's events as JSON, read back by Build Profile; do not edit" },
];

export interface StoredProfileRow {
	profileId: string;
	customerId: string | null;
	email: string | null;
	phone: string | null;
	identityKeys: string;
	firstName: string | null;
	lastName: string | null;
	country: string | null;
	orders: number;
	revenue: number | null;
	currency: string | null;
	firstPurchaseAt: string | null;
	lastPurchaseAt: string | null;
	lastSeenAt: string | null;
	rfmSegment: string | null;
	consentEmail: boolean | null;
	consentSms: boolean | null;
	consentPush: boolean | null;
	observationEnd: string;
	stateVersion: number;
	state: string;
}

/** A row read back: what finding and ranking customers needs at once, the events only when asked. */
export interface StoredProfile {
	profileId: string;
	identityKeys: string[];
	observationEnd: number | undefined;
	figures: RfmFigures;
	events(): StoredEvent[];
}

/** The state text: events in their stored form, sorted by content, identical copies as one entry with `copies`. */
export function encodeProfileState(events: readonly StoredEvent[]): string {
	const copiesOf = new Map<string, number>();
	for (const event of events) {
		const text = JSON.stringify(event);
		copiesOf.set(text, (copiesOf.get(text) ?? 0) + 1);
	}
	const parts = [...copiesOf.keys()].sort().map((text) => {
		const copies = copiesOf.get(text)!;
		return copies === 1 ? text : `{"copies":${copies},"event":${text}}`;
	});
	return `{"version":${PROFILE_STATE_VERSION},"events":[${parts.join(',')}]}`;
}

export function toStoredProfileRow(profile: CustomerProfile, events: readonly StoredEvent[]): StoredProfileRow {
	return {
		profileId: profile.profileId,
		customerId: profile.customerId,
		email: profile.email,
		phone: profile.phone,
		identityKeys: JSON.stringify(profile.identities),
		firstName: profile.firstName,
		lastName: profile.lastName,
		country: profile.country,
		orders: profile.orders,
		revenue: profile.revenue,
		currency: profile.currency,
		firstPurchaseAt: profile.firstPurchaseAt,
		lastPurchaseAt: profile.lastPurchaseAt,
		lastSeenAt: profile.lastSeenAt,
		rfmSegment: profile.rfmSegment,
		consentEmail: profile.consentEmail,
		consentSms: profile.consentSms,
		consentPush: profile.consentPush,
		observationEnd: profile.observationEnd,
		stateVersion: PROFILE_STATE_VERSION,
		state: encodeProfileState(events),
	};
}

function refuse(rowIndex: number, field: string, message: string): LifecycleInputError {
	return new LifecycleInputError(`Stored profile row ${rowIndex}: ${message}`, {
		field,
		hint: 'Stored profiles must be rows written by Build Profile (Update Stored Profiles); pass the table rows unchanged',
	});
}

function textList(value: unknown, rowIndex: number): string[] {
	let list: unknown = value;
	if (typeof value === 'string') {
		try {
			list = JSON.parse(value);
		} catch {
			throw refuse(rowIndex, 'identityKeys', 'identityKeys is not a JSON list');
		}
	}
	if (!Array.isArray(list) || list.some((key) => typeof key !== 'string' || !/^[ceap]:./s.test(key)))
		throw refuse(rowIndex, 'identityKeys', 'identityKeys must be a list of identity keys such as "c:C-1001"');
	return list as string[];
}

function decodeEvents(state: unknown, rowIndex: number): StoredEvent[] {
	let parsed: unknown;
	try {
		parsed = typeof state === 'string' ? JSON.parse(state) : undefined;
	} catch {
		parsed = undefined;
	}
	const record = parsed as { version?: unknown; events?: unknown } | undefined;
	if (!record || typeof record !== 'object') throw refuse(rowIndex, 'state', 'state is not the JSON text Build Profile wrote');
	if (record.version !== PROFILE_STATE_VERSION)
		throw refuse(rowIndex, 'state', `state has version ${String(record.version)}; this Build Profile reads version ${PROFILE_STATE_VERSION}`);
	if (!Array.isArray(record.events)) throw refuse(rowIndex, 'state', 'state has no list of events');
	const events: StoredEvent[] = [];
	for (const entry of record.events as unknown[]) {
		const copy = entry as { copies?: unknown; event?: unknown };
		const counted = copy && typeof copy === 'object' && 'copies' in copy;
		const copies = counted ? copy.copies : 1;
		if (typeof copies !== 'number' || !Number.isInteger(copies) || copies < 1 || copies > 1e6)
			throw refuse(rowIndex, 'state', 'state holds an event with an impossible number of copies');
		const read = readStoredEvent(counted ? copy.event : entry);
		if ('problem' in read) throw refuse(rowIndex, 'state', `state holds an event that is not valid: ${read.problem}`);
		const { event } = read;
		for (let k = 0; k < copies; k++) events.push(event);
	}
	return events;
}

function optionalTime(value: unknown, rowIndex: number, field: string): number | undefined {
	if (value === null || value === undefined || value === '') return undefined;
	const time = parseTimestamp(value);
	if (time === undefined) throw refuse(rowIndex, field, `${field} is not a date`);
	return time;
}

/** Reads a row as the Data table or Postgres node returns it (extra columns such as id or updatedAt are ignored). */
export function readStoredProfileRow(row: unknown, rowIndex: number): StoredProfile {
	if (!row || typeof row !== 'object') throw refuse(rowIndex, 'profileId', 'the row is not an object');
	const record = row as Record<string, unknown>;
	if (typeof record.profileId !== 'string' || record.profileId === '') throw refuse(rowIndex, 'profileId', 'profileId is missing');
	const orders = Number(record.orders ?? 0);
	const revenue = record.revenue === null || record.revenue === undefined || record.revenue === '' ? null : Number(record.revenue);
	if (!Number.isInteger(orders) || orders < 0) throw refuse(rowIndex, 'orders', 'orders is not a whole number');
	if (revenue !== null && !Number.isFinite(revenue)) throw refuse(rowIndex, 'revenue', 'revenue is not a number');
	const lastPurchase = optionalTime(record.lastPurchaseAt, rowIndex, 'lastPurchaseAt');
	if (orders > 0 && lastPurchase === undefined) throw refuse(rowIndex, 'lastPurchaseAt', 'a customer with orders needs lastPurchaseAt');
	let events: StoredEvent[] | undefined;
	return {
		profileId: record.profileId,
		identityKeys: textList(record.identityKeys, rowIndex),
		observationEnd: optionalTime(record.observationEnd, rowIndex, 'observationEnd'),
		figures: { orders, revenue, lastPurchaseAt: lastPurchase === undefined ? null : new Date(lastPurchase).toISOString() },
		events: () => (events ??= decodeEvents(record.state, rowIndex)),
	};
}
