/**
 * Random event streams for the order and batch properties of Build Profile (issue 14): small pools of identities,
 * times, ids and channels, so that ties (same time, same event id with other content, two customer ids sharing an
 * email, consent granted and withdrawn at once) are common rather than rare.
 */
import fc from 'fast-check';
import type { CustomerProfile, LifecycleEvent } from '../../lib';
import { eventIdentityKeys, EVENT_TYPES } from '../../lib';

export const DAY = 86_400_000;
export const START = Date.UTC(2024, 0, 1);
const maybe = <T>(values: T[]) => fc.constantFrom<T | undefined>(undefined, ...values);

const eventArbitrary = fc.record(
	{
		customerId: maybe(['C1', 'C2', 'C3', 'n/a']),
		email: maybe(['ana@example.com', ' ANA@example.com', 'bo@example.com', 'unknown']),
		phone: maybe(['+1 555 0100', '-']),
		anonymousId: maybe(['cookie-1', 'cookie-2']),
		type: fc.constantFrom(...EVENT_TYPES),
		timestamp: fc.tuple(fc.integer({ min: 0, max: 30 }), fc.constantFrom(0, 0, 0.5)).map(([day, part]) => START + (day + part) * DAY),
		value: maybe([0, 0.1, 0.2, 0.3, 19.99, 1234.56, 7]),
		currency: maybe(['USD', 'EUR']),
		eventId: maybe(['E1', 'E2', 'E3']),
		orderId: maybe(['O1', 'O2', 'O3']),
		orderUpdatedAt: maybe([START, START + DAY]),
		productId: maybe(['P1', 'P2', 'P3']),
		productTitle: maybe(['Mug']),
		channel: maybe(['email', 'E-Mail', 'sms', 'push', 'all', 'pigeon']),
		consentGranted: maybe([true, false]),
		consent: maybe([{ email: true }, { email: false, sms: true }]),
		attributes: maybe([{ firstName: 'Ana' }, { firstName: 'Bo', country: 'PT' }]),
	},
	{ requiredKeys: ['type', 'timestamp'] },
);

/**
 * Streams of up to `maxLength` events. With `scopeIdsToOwner`, event and order ids are prefixed with the event's
 * first identity (as a shop's are scoped to its customer), so copies of one id always belong to one person.
 */
export function eventStreams({ maxLength, scopeIdsToOwner = false }: { maxLength: number; scopeIdsToOwner?: boolean }): fc.Arbitrary<LifecycleEvent[]> {
	return fc.array(eventArbitrary, { minLength: 1, maxLength }).map((drafts) =>
		drafts.map((draft, sourceIndex) => {
			const event = { ...draft, sourceIndex } as Record<string, unknown>;
			for (const key of Object.keys(event)) if (event[key] === undefined) delete event[key];
			if (scopeIdsToOwner) {
				const owner = eventIdentityKeys(event as unknown as LifecycleEvent)[0] ?? 'nobody';
				if (event.eventId) event.eventId = `${owner}/${String(event.eventId)}`;
				if (event.orderId) event.orderId = `${owner}/${String(event.orderId)}`;
			}
			return event as unknown as LifecycleEvent;
		}),
	);
}

/** Values in the order of their keys (`keys` repeat as needed; ties keep the original order). */
export function shuffled<T>(values: T[], keys: number[]): T[] {
	return values
		.map((value, i) => ({ value, key: keys[i % keys.length] * 1000 + i }))
		.sort((a, b) => a.key - b.key)
		.map(({ value }) => value);
}

/** Profiles as text, by profileId, without the item positions of the run (bookkeeping, not the customer). */
export function profilesText(profiles: CustomerProfile[]): string {
	const sorted = [...profiles].sort((a, b) => (a.profileId < b.profileId ? -1 : 1));
	return JSON.stringify(
		sorted.map((profile) => {
			const copy: Partial<CustomerProfile> = { ...profile };
			delete copy.sourceIndexes;
			return copy;
		}),
	);
}
