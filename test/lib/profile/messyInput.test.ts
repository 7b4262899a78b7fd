/** Build Profile on messy CRM data: suppression fails closed, placeholders never merge people, bounded dates and amounts. */
import type { LifecycleEvent } from '../../../lib';
import { buildProfiles, mapRecordToEvent, PRESET_MAPPINGS } from '../../../lib';
import { LifecycleInputError } from '../../../lib/errors';

const at = (iso: string) => Date.parse(iso);
let source = 0;
function event(fields: Partial<LifecycleEvent> & { type: LifecycleEvent['type']; timestamp: number }): LifecycleEvent {
	return { sourceIndex: source++, ...fields };
}

describe('buildProfiles: channel names through the vocabulary', () => {
	it.each(['E-Mail', 'EMAIL', ' email ', 'mail', 'Newsletter'])('an unsubscribe spelled %j withdraws the email consent given before', (spelling) => {
		const { profiles, summary } = buildProfiles([
			event({ customerId: 'C', type: 'consent', channel: 'email', consentGranted: true, timestamp: at('2024-01-01') }),
			event({ customerId: 'C', type: 'unsubscribe', channel: spelling, timestamp: at('2024-01-02') }),
		]);
		expect(profiles[0]).toMatchObject({ consentEmail: false, unsubscribed: ['email'] });
		expect(summary.unrecognisedChannelSuppressions).toBe(0);
	});

	it('an unsubscribe naming a channel nobody recognises withdraws every channel, is listed as written and counted', () => {
		const { profiles, summary } = buildProfiles([
			event({ customerId: 'C', type: 'consent', channel: 'email', consentGranted: true, timestamp: at('2024-01-01') }),
			event({ customerId: 'C', type: 'consent', channel: 'SMS', consentGranted: true, timestamp: at('2024-01-01') }),
			event({ customerId: 'C', type: 'unsubscribe', channel: 'Fax', timestamp: at('2024-01-02') }),
		]);
		expect(profiles[0]).toMatchObject({ consentEmail: false, consentSms: false, consentPush: false, unsubscribed: ['Fax'] });
		expect(summary.unrecognisedChannelSuppressions).toBe(1);
	});

	it('"all" and "*" withdraw every channel; a consent withdrawal for an unknown channel does too', () => {
		for (const channel of ['ALL', '*']) {
			const { profiles } = buildProfiles([
				event({ customerId: 'C', type: 'consent', channel: 'mail', consentGranted: true, timestamp: at('2024-01-01') }),
				event({ customerId: 'C', type: 'unsubscribe', channel, timestamp: at('2024-01-02') }),
			]);
			expect(profiles[0]).toMatchObject({ consentEmail: false, consentSms: false, unsubscribed: ['all'] });
		}
		const { profiles, summary } = buildProfiles([
			event({ customerId: 'C', type: 'consent', channel: 'E-Mail', consentGranted: true, timestamp: at('2024-01-01') }),
			event({ customerId: 'C', type: 'consent', channel: 'pigeon', consentGranted: false, timestamp: at('2024-01-02') }),
		]);
		expect(profiles[0].consentEmail).toBe(false);
		expect(summary.unrecognisedChannelSuppressions).toBe(1);
	});

	it('user aliases name channels the built-in list does not know', () => {
		const events = [
			event({ customerId: 'C', type: 'consent', channel: 'email', consentGranted: true, timestamp: at('2024-01-01') }),
			event({ customerId: 'C', type: 'unsubscribe', channel: 'Courriel', timestamp: at('2024-01-02') }),
			event({ customerId: 'C', type: 'message_sent', channel: 'Courriel', timestamp: at('2024-01-01') }),
		];
		const { profiles, summary } = buildProfiles(events, { channelAliases: [{ alias: 'courriel', channel: 'email' }] });
		expect(profiles[0]).toMatchObject({ consentEmail: false, unsubscribed: ['email'], emailSent: 1 });
		expect(summary.unrecognisedChannelSuppressions).toBe(0);
	});
});

describe('buildProfiles: placeholder identities never merge people', () => {
	it('two anonymous visitors, customer C and a stranger sharing only placeholder phones stay four people', () => {
		const { profiles, summary } = buildProfiles([
			event({ anonymousId: 'visitor-1', phone: 'n/a', type: 'view', timestamp: at('2024-01-01') }),
			event({ anonymousId: 'visitor-2', phone: '-', type: 'view', timestamp: at('2024-01-01') }),
			event({ customerId: 'C', email: 'c@example.com', phone: 'N/A', type: 'purchase', value: 5, timestamp: at('2024-01-02') }),
			event({ email: 'stranger@example.com', phone: 'unknown', type: 'identify', timestamp: at('2024-01-03') }),
		]);
		expect(profiles).toHaveLength(4);
		const customer = profiles.find((profile) => profile.customerId === 'C')!;
		expect(customer.email).toBe('c@example.com');
		expect(customer.phone).toBeNull();
		expect(summary.placeholderIdentities).toBe(4);
	});

	it('an event whose only identities are placeholders is an issue naming its item', () => {
		const { profiles, issues } = buildProfiles([
			event({ customerId: 'A', type: 'purchase', value: 1, timestamp: at('2024-01-01') }),
			event({ customerId: '0', type: 'purchase', value: 1, timestamp: at('2024-01-01'), sourceIndex: 77 }),
			event({ customerId: 'unknown', type: 'purchase', value: 1, timestamp: at('2024-01-01'), sourceIndex: 78 }),
		]);
		expect(profiles.map((profile) => profile.customerId)).toEqual(['A']);
		expect(issues.map((issue) => issue.itemIndex)).toEqual([77, 78]);
	});

	it('mapRecordToEvent ignores and reports placeholders by default, or refuses them as an item error', () => {
		const ignored: string[] = [];
		const record = { customer_id: 'C', phone: 'n/a', email: 'noemail@shop.com', timestamp: '2024-01-01' };
		const mapped = mapRecordToEvent(record, PRESET_MAPPINGS.csvRows, 3, { onPlaceholderIdentity: (field) => ignored.push(field) })!;
		expect(mapped).not.toHaveProperty('phone');
		expect(mapped).not.toHaveProperty('email');
		expect(ignored).toEqual(['email', 'phone']);
		const error = (() => {
			try {
				mapRecordToEvent(record, PRESET_MAPPINGS.csvRows, 3, { placeholderIdentities: 'error' });
			} catch (failure) {
				return failure as LifecycleInputError;
			}
			return undefined;
		})();
		expect(error).toBeInstanceOf(LifecycleInputError);
		expect(error).toMatchObject({ itemIndex: 3, field: 'email' });
	});
});

describe('buildProfiles: dates and amounts are bounded', () => {
	it.each([1e16, 1.7e18, Number.NaN, Number.POSITIVE_INFINITY, at('2500-01-01')])('the event time %p is an issue naming item and field, never a crash', (timestamp) => {
		const { profiles, issues } = buildProfiles([
			event({ customerId: 'A', type: 'purchase', value: 1, timestamp: at('2024-01-01') }),
			event({ customerId: 'B', type: 'purchase', value: 1, timestamp, sourceIndex: 41 }),
		]);
		expect(profiles.map((profile) => profile.customerId)).toEqual(['A']);
		expect(issues).toEqual([expect.objectContaining({ itemIndex: 41, field: 'timestamp' })]);
		expect(profiles[0].observationEnd).toBe('2024-01-01T00:00:00.000Z');
	});

	it('one far-future outlier is refused (beyond the run clock) and cannot move the observation end of every profile', () => {
		const events = [
			event({ customerId: 'A', type: 'purchase', value: 1, timestamp: at('2024-01-01') }),
			event({ customerId: 'A', type: 'purchase', value: 1, timestamp: at('2024-03-01') }),
			event({ customerId: 'B', type: 'purchase', value: 1, timestamp: at('2024-02-01') }),
			event({ customerId: 'C', type: 'purchase', value: 1, timestamp: at('2150-12-31'), sourceIndex: 99 }),
		];
		const { profiles, issues, summary } = buildProfiles(events, { now: at('2024-06-01') });
		expect(summary.observationEnd).toBe('2024-03-01T00:00:00.000Z');
		expect(profiles.map((profile) => profile.daysSinceLastPurchase)).toEqual([0, 29]);
		expect(issues).toEqual([expect.objectContaining({ itemIndex: 99, field: 'timestamp', message: expect.stringMatching(/after the latest plausible time/) })]);
		expect(summary.outlierEvents).toBe(1);
		// With an explicit observation end the user decides: the event is after it.
		const explicit = buildProfiles(events, { observationEnd: '2199-01-01' });
		expect(explicit.issues).toEqual([]);
		expect(explicit.profiles).toHaveLength(3);
	});

	it('a far-future outlier in a large run is refused without a clock: more than 366 days after the 99th percentile', () => {
		const events = Array.from({ length: 1000 }, (_, k) => event({ customerId: `C${k % 50}`, type: 'purchase', value: 1, timestamp: at('2024-01-01') + k * 3600_000 }));
		events.push(event({ customerId: 'X', type: 'purchase', value: 1, timestamp: at('2099-01-01'), sourceIndex: 1234 }));
		const { issues, summary } = buildProfiles(events);
		expect(issues).toEqual([expect.objectContaining({ itemIndex: 1234, field: 'timestamp' })]);
		expect(summary.observationEnd).toBe(new Date(at('2024-01-01') + 999 * 3600_000).toISOString());
	});

	it('a returning customer\'s purchase years after their previous ones is kept in a small run (one customer\'s history)', () => {
		const events = [at('2020-01-01'), at('2020-02-01'), at('2020-03-01'), at('2024-05-01')].map((timestamp, sourceIndex) => event({ customerId: 'R', type: 'purchase', value: 5, timestamp, sourceIndex }));
		const { profiles, issues } = buildProfiles(events, { now: at('2024-06-01') });
		expect(issues).toEqual([]);
		expect(profiles[0].lastPurchaseAt).toBe('2024-05-01T00:00:00.000Z');
	});

	it('amounts near 1e308 never give Infinity revenue: the item is an issue naming the value field', () => {
		const { profiles, issues } = buildProfiles([
			event({ customerId: 'A', type: 'purchase', value: 1e308, timestamp: at('2024-01-01'), sourceIndex: 5 }),
			event({ customerId: 'A', type: 'purchase', value: 1e308, timestamp: at('2024-01-02'), sourceIndex: 6 }),
			event({ customerId: 'A', type: 'purchase', value: 10, timestamp: at('2024-01-03') }),
		]);
		expect(issues.map((issue) => [issue.itemIndex, issue.field])).toEqual([[5, 'value'], [6, 'value']]);
		expect(profiles[0].revenue).toBe(10);
		const converted = buildProfiles([event({ customerId: 'A', type: 'purchase', value: 1e10, currency: 'XYZ', timestamp: at('2024-01-01'), sourceIndex: 8 })], {
			currency: { mode: 'convert', baseCurrency: 'USD', rates: { XYZ: 1e300 } },
		});
		expect(converted.issues).toEqual([expect.objectContaining({ itemIndex: 8, field: 'value' })]);
	});

	it('mapRecordToEvent names the field of a huge amount or an out-of-range time', () => {
		const failure = (record: Record<string, unknown>) => {
			try {
				mapRecordToEvent(record, PRESET_MAPPINGS.csvRows, 2);
			} catch (error) {
				return error as LifecycleInputError;
			}
			return undefined;
		};
		expect(failure({ customer_id: 'A', timestamp: '2024-01-01', amount: '1e300' })).toMatchObject({ itemIndex: 2, field: 'amount' });
		expect(failure({ customer_id: 'A', timestamp: 1_700_000_000_000_000 })).toMatchObject({ itemIndex: 2, field: 'timestamp', message: expect.stringMatching(/microseconds/) });
		expect(failure({ customer_id: 'A', timestamp: '0099-01-01' })).toMatchObject({ field: 'timestamp', message: expect.stringMatching(/before 1900/) });
	});
});

describe('buildProfiles: event ids', () => {
	it('a refused first copy of an event id does not hide its corrected re-delivery', () => {
		const { profiles, issues, summary } = buildProfiles(
			[
				event({ customerId: 'A', eventId: 'e1', type: 'purchase', value: 10, currency: 'JPY', timestamp: at('2024-01-01'), sourceIndex: 0 }),
				event({ customerId: 'A', eventId: 'e1', type: 'purchase', value: 10, currency: 'EUR', timestamp: at('2024-01-01'), sourceIndex: 1 }),
				event({ customerId: 'A', eventId: 'e1', type: 'purchase', value: 10, currency: 'EUR', timestamp: at('2024-01-01'), sourceIndex: 2 }),
			],
			{ currency: { mode: 'convert', baseCurrency: 'USD', rates: { EUR: 1.1 } } },
		);
		expect(issues.map((issue) => issue.itemIndex)).toEqual([0]);
		expect(profiles[0]).toMatchObject({ orders: 1, revenue: 11 });
		expect(summary.skippedReasons).toEqual({ duplicateEventId: 1 });
	});
});

describe('mapRecordToEvent: a source\'s own "no customer" value', () => {
	it('WooCommerce guests (customer_id 0) are neither counted as placeholders nor refused with Placeholder Identities set to Error', () => {
		const ignored: string[] = [];
		const order = { id: 7, customer_id: 0, status: 'completed', date_created_gmt: '2024-01-01T10:00:00', total: '10.00', currency: 'EUR', billing: { email: 'guest.buyer@example.com' } };
		const event = mapRecordToEvent(order, PRESET_MAPPINGS.wooCommerceOrders, 0, { placeholderIdentities: 'error', onPlaceholderIdentity: (field) => ignored.push(field) })!;
		expect(event).not.toHaveProperty('customerId');
		expect(event.email).toBe('guest.buyer@example.com');
		expect(ignored).toEqual([]);
	});
});
