import type { LifecycleEvent } from '../../../lib';
import { buildProfiles, ProfileSchema, summarizeTransactions } from '../../../lib';
import { onlineRetailEvents } from '../../support/onlineRetailEvents';
import { cleanOnlineRetail, readCdnowSample, readOnlineRetail } from '../../support/sharedData';

const at = (iso: string) => Date.parse(iso);
let source = 0;
function event(fields: Partial<LifecycleEvent> & { type: LifecycleEvent['type']; timestamp: number }): LifecycleEvent {
	return { sourceIndex: source++, ...fields };
}

describe('buildProfiles: identity stitching', () => {
	it('merges an anonymous visitor, an email and a customer id linked by one event', () => {
		const events = [
			event({ anonymousId: 'cookie-1', type: 'view', productId: 'P1', timestamp: at('2024-01-01T10:00:00Z') }),
			event({ anonymousId: 'cookie-1', email: 'Ana@Example.com', type: 'identify', timestamp: at('2024-01-02T10:00:00Z') }),
			event({ customerId: 'C1', email: 'ana@example.com', type: 'purchase', value: 30, orderId: 'O1', productId: 'P1', timestamp: at('2024-01-03T10:00:00Z') }),
		];
		const { profiles, summary } = buildProfiles(events);
		expect(profiles).toHaveLength(1);
		expect(profiles[0]).toMatchObject({
			profileId: 'C1',
			customerId: 'C1',
			email: 'ana@example.com',
			anonymousIds: ['cookie-1'],
			identities: ['a:cookie-1', 'c:C1', 'e:ana@example.com'],
			orders: 1,
			revenue: 30,
			productsViewed: ['P1'],
			productsPurchased: ['P1'],
			productsInCart: [],
			sourceIndexes: [0, 1, 2].map((i) => i + events[0].sourceIndex),
		});
		expect(summary.identityConflicts).toBe(0);
		expect(() => ProfileSchema.parse(profiles[0])).not.toThrow();
	});

	it('never merges two different known customer ids, even through a shared email', () => {
		const events = [
			event({ customerId: 'A', email: 'shared@example.com', type: 'purchase', value: 10, timestamp: at('2024-01-01') }),
			event({ customerId: 'B', email: 'shared@example.com', type: 'purchase', value: 20, timestamp: at('2024-01-02') }),
		];
		const { profiles, summary } = buildProfiles(events);
		expect(profiles.map((p) => [p.customerId, p.revenue])).toEqual([
			['A', 10],
			['B', 20],
		]);
		expect(summary.identityConflicts).toBe(1);
	});
});

describe('buildProfiles: purchases, money and policies', () => {
	const base = at('2024-03-01T00:00:00Z');
	const day = 86_400_000;

	it('summarises orders, revenue net of refunds, BTYD and RFM', () => {
		const events = [
			event({ customerId: 'A', type: 'purchase', orderId: 'o1', value: 100, timestamp: base }),
			event({ customerId: 'A', type: 'purchase', orderId: 'o2', value: 50, timestamp: base + 14 * day }),
			event({ customerId: 'A', type: 'refund', orderId: 'o2', value: 20, timestamp: base + 15 * day }),
			event({ customerId: 'B', type: 'purchase', orderId: 'o3', value: 10, timestamp: base + 20 * day }),
		];
		const { profiles } = buildProfiles(events, { periodUnit: 'week', observationEnd: base + 28 * day });
		const [a, b] = profiles;
		expect(a).toMatchObject({ orders: 2, revenue: 130, averageOrderValue: 75, refunds: 1, refundedAmount: 20, frequency: 1, recency: 2, T: 4, monetaryValue: 50, daysSinceLastPurchase: 14 });
		expect(b).toMatchObject({ orders: 1, revenue: 10, frequency: 0, recency: 0, T: 8 / 7, monetaryValue: 0 });
		expect(a.rfmFrequency).toBeGreaterThan(b.rfmFrequency!);
		expect(b.rfmRecency).toBeGreaterThan(a.rfmRecency!);
		expect(a.rfmScore).toMatch(/^[1-5]{3}$/);
	});

	it('counts duplicates, ignored refunds, zero-value purchases and events after the end instead of dropping them', () => {
		const events = [
			event({ customerId: 'A', eventId: 'e1', type: 'purchase', value: 10, timestamp: base }),
			event({ customerId: 'A', eventId: 'e1', type: 'purchase', value: 10, timestamp: base }),
			event({ customerId: 'A', type: 'refund', value: 5, timestamp: base + day }),
			event({ customerId: 'A', type: 'purchase', value: 0, timestamp: base + day }),
			event({ customerId: 'A', type: 'purchase', value: 7, timestamp: base + 9 * day }),
		];
		const { profiles, summary, issues } = buildProfiles(events, {
			refunds: 'ignore',
			zeroValuePurchases: 'ignore',
			observationEnd: base + 5 * day,
			afterObservationEnd: 'ignore',
		});
		expect(issues).toEqual([]);
		expect(summary).toMatchObject({ eventsIn: 5, eventsUsed: 1, eventsSkipped: 4 });
		expect(summary.skippedReasons).toEqual({ duplicateEventId: 1, refundIgnored: 1, zeroValuePurchase: 1, afterObservationEnd: 1 });
		expect(profiles[0]).toMatchObject({ orders: 1, revenue: 10, eventsUsed: 1, eventsSkipped: 4 });
	});

	it('reports an event after an explicit observation end as an issue naming the item', () => {
		const late = event({ customerId: 'A', type: 'purchase', value: 1, timestamp: at('2030-01-01') });
		const { issues, profiles } = buildProfiles([event({ customerId: 'A', type: 'purchase', value: 1, timestamp: base }), late], {
			observationEnd: base,
		});
		expect(issues).toEqual([expect.objectContaining({ itemIndex: late.sourceIndex, field: 'timestamp' })]);
		expect(profiles[0].orders).toBe(1);
	});

	it('reports mixed currencies per currency and never sums them; converts with given rates', () => {
		const events = [
			event({ customerId: 'A', type: 'purchase', value: 10, currency: 'EUR', timestamp: base }),
			event({ customerId: 'A', type: 'purchase', value: 20, currency: 'USD', timestamp: base + day }),
		];
		const reported = buildProfiles(events).profiles[0];
		expect(reported).toMatchObject({ currency: 'MIXED', revenue: null, averageOrderValue: null, monetaryValue: null, revenueByCurrency: { EUR: 10, USD: 20 } });
		const converted = buildProfiles(events, { currency: { mode: 'convert', baseCurrency: 'USD', rates: { EUR: 1.1 } } }).profiles[0];
		expect(converted).toMatchObject({ currency: 'USD', revenue: 31 });
		const missingRate = buildProfiles(events, { currency: { mode: 'convert', baseCurrency: 'GBP', rates: { EUR: 0.85 } } });
		expect(missingRate.issues).toEqual([expect.objectContaining({ field: 'currency', message: 'No exchange rate for currency "USD" into GBP' })]);
	});

	it('tracks engagement and the latest consent per channel, and what is still in the cart', () => {
		const events = [
			event({ customerId: 'A', type: 'message_sent', channel: 'email', timestamp: base }),
			event({ customerId: 'A', type: 'message_opened', channel: 'email', timestamp: base + 3600_000 }),
			event({ customerId: 'A', type: 'consent', channel: 'sms', consentGranted: true, timestamp: base }),
			event({ customerId: 'A', type: 'unsubscribe', channel: 'sms', timestamp: base + day }),
			event({ customerId: 'A', type: 'cart', productId: 'P1', timestamp: base }),
			event({ customerId: 'A', type: 'cart', productId: 'P2', timestamp: base }),
			event({ customerId: 'A', type: 'purchase', productId: 'P1', value: 5, timestamp: base + day }),
		];
		const profile = buildProfiles(events).profiles[0];
		expect(profile).toMatchObject({
			emailSent: 1,
			emailOpened: 1,
			emailLastEngagedAt: new Date(base + 3600_000).toISOString(),
			consentSms: false,
			consentEmail: null,
			unsubscribed: ['sms'],
			productsInCart: ['P2'],
		});
	});

	it('keeps the latest messages and engagements, oldest first, up to the history limit', () => {
		const hour = 3600_000;
		const events = [
			event({ customerId: 'A', type: 'message_sent', channel: 'sms', timestamp: base + 5 * hour }),
			event({ customerId: 'A', type: 'message_sent', channel: 'email', timestamp: base }),
			event({ customerId: 'A', type: 'message_opened', channel: 'email', timestamp: base + 2 * hour }),
			event({ customerId: 'A', type: 'message_sent', channel: 'email', timestamp: base + 24 * hour }),
			event({ customerId: 'A', type: 'message_clicked', channel: 'email', timestamp: base + 26 * hour }),
			event({ customerId: 'A', type: 'message_bounced', channel: 'email', timestamp: base + 27 * hour }),
		];
		const [all] = buildProfiles(events).profiles;
		expect(all.messageHistory).toEqual([
			{ channel: 'email', sentAt: '2024-03-01T00:00:00.000Z' },
			{ channel: 'sms', sentAt: '2024-03-01T05:00:00.000Z' },
			{ channel: 'email', sentAt: '2024-03-02T00:00:00.000Z' },
		]);
		expect(all.engagementHistory).toEqual([
			{ channel: 'email', type: 'opened', engagedAt: '2024-03-01T02:00:00.000Z' },
			{ channel: 'email', type: 'clicked', engagedAt: '2024-03-02T02:00:00.000Z' },
		]);
		const [limited] = buildProfiles(events, { historyLimit: 2 }).profiles;
		expect(limited.messageHistory.map((m) => m.sentAt)).toEqual(['2024-03-01T05:00:00.000Z', '2024-03-02T00:00:00.000Z']);
		const [none] = buildProfiles(events, { historyLimit: 0 }).profiles;
		expect([none.messageHistory, none.engagementHistory, none.emailSent]).toEqual([[], [], 2]);
		expect(() => buildProfiles(events, { historyLimit: -1 })).toThrow('history limit that is a whole number >= 0; got -1');
	});

	it('clears an unsubscribe when the customer consents again later', () => {
		const events = [
			event({ customerId: 'A', type: 'unsubscribe', channel: 'email', timestamp: base }),
			event({ customerId: 'A', type: 'consent', channel: 'email', consentGranted: true, timestamp: base + day }),
		];
		expect(buildProfiles(events).profiles[0]).toMatchObject({ consentEmail: true, unsubscribed: [] });
		expect(buildProfiles(events.slice(0, 1)).profiles[0]).toMatchObject({ consentEmail: false, unsubscribed: ['email'] });
	});

	it('gives the same output for the same input, whatever the clock says', () => {
		const events = readCdnowSample()
			.slice(0, 500)
			.map((row, i) => ({ customerId: row.customerId, type: 'purchase' as const, value: row.dollars, timestamp: Date.parse(row.date), sourceIndex: i }));
		expect(JSON.stringify(buildProfiles(events))).toBe(JSON.stringify(buildProfiles(events)));
	});
});

describe('buildProfiles on real data', () => {
	it('matches summarizeTransactions on CDNOW (weeks, end 1997-09-30) for every customer', () => {
		const rows = readCdnowSample();
		const events = rows.map((row, i) => ({ customerId: row.customerId, type: 'purchase' as const, value: row.dollars, timestamp: Date.parse(row.date), sourceIndex: i }));
		const { profiles, summary } = buildProfiles(events, { periodUnit: 'week', observationEnd: '1997-09-30', afterObservationEnd: 'ignore' });
		const expected = summarizeTransactions(
			rows.map((row) => ({ customerId: row.customerId, timestamp: row.date, value: row.dollars })),
			{ periodUnit: 'week', observationEnd: '1997-09-30' },
		);
		expect(profiles).toHaveLength(2357);
		expect(profiles.map((p) => [p.customerId, p.frequency, p.recency, p.T, p.monetaryValue])).toEqual(
			expected.map((s) => [s.customerId, s.frequency, s.recency, s.T, s.monetaryValue]),
		);
		expect(summary.skippedReasons.afterObservationEnd).toBeGreaterThan(0);
	});

	it('gives 4,338 profiles and revenue 8,911,407.90 on cleaned Online Retail', () => {
		const lines = cleanOnlineRetail(readOnlineRetail());
		const { events } = onlineRetailEvents(lines);
		const { profiles, issues } = buildProfiles(events);
		expect(issues).toEqual([]);
		expect(profiles).toHaveLength(4338);
		const revenue = profiles.reduce((total, p) => total + (p.revenue ?? 0), 0);
		expect(revenue).toBeCloseTo(8_911_407.9, 1);
	});

	it('reaches the same 4,338 profiles from the raw file with skip-and-count policies', () => {
		const { events, withoutIdentity } = onlineRetailEvents(readOnlineRetail());
		const { profiles, summary } = buildProfiles(events, { refunds: 'ignore', zeroValuePurchases: 'ignore' });
		expect(withoutIdentity).toBe(135_080);
		const buyers = profiles.filter((p) => p.orders > 0);
		expect(buyers).toHaveLength(4338);
		expect(buyers.reduce((total, p) => total + (p.revenue ?? 0), 0)).toBeCloseTo(8_911_407.9, 1);
		expect(summary.eventsIn).toBe(541_909 - 135_080);
		expect(summary.eventsUsed + summary.eventsSkipped).toBe(summary.eventsIn);
	});
});
