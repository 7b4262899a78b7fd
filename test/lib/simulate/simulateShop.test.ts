// simulateShop: reproducible from its seed, self-consistent rows and truth, rows that Build Profile reads as they
// are, parts that do not disturb each other, and options checked with messages that name the option.
import type { LifecycleEvent } from '../../../lib';
import { buildProfiles, mapRecordToEvent, PRESET_MAPPINGS } from '../../../lib';
import type { SimulatedShop } from '../../../lib/simulate';
import {
	SHOP_CUSTOMER_COLUMNS,
	SHOP_EVENT_COLUMNS,
	SHOP_EVENT_MAPPING,
	formatCsv,
	simulateShop,
} from '../../../lib/simulate';
import { parseCsv } from '../../support/sharedData';

const shop = simulateShop({ seed: 42, customers: 300 });

/** Order rows without their event ids (which number all events, so they shift when other parts change). */
function ordersOf(simulated: SimulatedShop) {
	return simulated.events
		.filter((row) => row.event_type === 'order')
		.map((row) => ({ ...row, event_id: '' }));
}

function cents(value: number): number {
	return Math.round(value * 100);
}

describe('simulateShop', () => {
	it('is reproducible from its seed: same options and seed, same shop; another seed, another shop', () => {
		const again = simulateShop({ seed: 42, customers: 300 });
		expect(again).toEqual(shop);
		expect(formatCsv(again.events, SHOP_EVENT_COLUMNS)).toBe(
			formatCsv(shop.events, SHOP_EVENT_COLUMNS),
		);
		expect(simulateShop({ seed: 43, customers: 300 }).events).not.toEqual(shop.events);
	});

	it('fills every option with its default and reports the window', () => {
		expect(shop.options).toMatchObject({
			customers: 300,
			prospects: 30,
			weeks: 52,
			acquisitionWeeks: 39,
			currency: 'EUR',
			purchases: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
			spend: { p: 6.25, q: 3.74, gamma: 15.44 },
		});
		expect(shop.observationStart).toBe('2024-03-11T00:00:00Z');
		expect(shop.observationEnd).toBe('2025-03-10T00:00:00Z');
		expect(shop.customers).toHaveLength(330);
		expect(shop.truth.counts).toMatchObject({
			people: 330,
			buyers: 300,
			prospects: 30,
			events: shop.events.length,
			emailCampaigns: 52,
			smsCampaigns: 13,
		});
	});

	it('writes complete rows sorted by time inside the window, with unique event ids', () => {
		const start = Date.parse(shop.observationStart);
		const end = Date.parse(shop.observationEnd);
		// Checked row by row, reported once (an expect per row would take seconds).
		const problems: string[] = [];
		let previous = -Infinity;
		const ids = new Set<string>();
		const columns = JSON.stringify(SHOP_EVENT_COLUMNS);
		for (const row of shop.events) {
			const time = Date.parse(row.timestamp);
			if (JSON.stringify(Object.keys(row)) !== columns)
				problems.push(`${row.event_id}: columns ${Object.keys(row).join(',')}`);
			if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(row.timestamp))
				problems.push(`${row.event_id}: timestamp ${row.timestamp}`);
			if (time < previous) problems.push(`${row.event_id}: before the row above it`);
			// Browsing can precede a first purchase at the window's start by up to an hour.
			if (time < start - 3_600_000 || time >= end)
				problems.push(`${row.event_id}: outside the window`);
			previous = time;
			ids.add(row.event_id);
		}
		expect(problems).toEqual([]);
		expect(ids.size).toBe(shop.events.length);
		const people = new Set(shop.customers.map((customer) => customer.customerId));
		expect(new Set(shop.events.map((row) => row.customer_id))).toEqual(people);
		expect(new Set(shop.customers.map((customer) => customer.email)).size).toBe(people.size);
	});

	it('agrees with its truth: orders, revenue, messages and consent per customer', () => {
		const orders = new Map<string, Set<string>>();
		const revenue = new Map<string, number>();
		const emailSent = new Map<string, number>();
		const consent = new Map<string, string[]>();
		const products = new Set(shop.products.map((product) => product.productId));
		for (const row of shop.events) {
			if (row.event_type === 'order') {
				expect(products.has(row.product_id)).toBe(true);
				expect(Number(row.quantity)).toBeGreaterThanOrEqual(1);
				expect(row.currency).toBe('EUR');
				if (!orders.has(row.customer_id)) orders.set(row.customer_id, new Set());
				orders.get(row.customer_id)!.add(row.order_id);
				revenue.set(
					row.customer_id,
					(revenue.get(row.customer_id) ?? 0) + cents(Number(row.amount)),
				);
			}
			if (row.event_type === 'email_sent')
				emailSent.set(row.customer_id, (emailSent.get(row.customer_id) ?? 0) + 1);
			if (row.event_type === 'consent')
				consent.set(row.customer_id, [
					...(consent.get(row.customer_id) ?? []),
					`${row.channel}:${row.consent_granted}`,
				]);
		}
		const customers = new Map(shop.customers.map((customer) => [customer.customerId, customer]));
		for (const truth of shop.truth.customers) {
			expect(orders.get(truth.customerId)?.size ?? 0).toBe(truth.orders);
			expect(revenue.get(truth.customerId) ?? 0).toBe(cents(truth.revenue));
			expect(emailSent.get(truth.customerId) ?? 0).toBe(truth.emailSent);
			expect(consent.get(truth.customerId)).toEqual([
				`email:${truth.consentEmail}`,
				`sms:${truth.consentSms}`,
			]);
			expect(customers.get(truth.customerId)).toMatchObject({
				consentEmail: truth.consentEmail,
				consentSms: truth.consentSms,
				timeZone: truth.timeZone,
			});
			if (truth.buyer) {
				// Every buyer's first purchase is in the window; prospects never buy.
				expect(truth.orders).toBeGreaterThanOrEqual(1);
				expect(truth.orders).toBe((truth.frequency as number) + 1);
			} else {
				expect(truth).toMatchObject({
					orders: 0,
					purchaseRate: null,
					frequency: null,
					campaignArm: null,
				});
			}
			if (!truth.consentEmail) expect(truth.emailSent).toBe(0);
			expect(truth.emailClicked).toBeLessThanOrEqual(truth.emailOpened);
			expect(truth.emailClickRate).toBeLessThanOrEqual(truth.emailOpenRate);
		}
	});

	it('brings a product and its complement into one basket about as often as catalog.complementProbability says', () => {
		const complementOf = new Map(
			shop.truth.products.map((product) => [product.productId, product.complementId]),
		);
		const lines = new Map<string, string[]>();
		for (const row of shop.events)
			if (row.event_type === 'order')
				lines.set(row.order_id, [...(lines.get(row.order_id) ?? []), row.product_id]);
		let pairs = 0;
		let complements = 0;
		for (const basket of lines.values()) {
			for (let j = 1; j < basket.length; j++) {
				pairs++;
				if (complementOf.get(basket[j - 1]) === basket[j]) complements++;
			}
		}
		expect(pairs).toBeGreaterThan(300);
		// 0.35 by construction, less the draws refused because the complement was already in the basket.
		expect(complements / pairs).toBeGreaterThan(0.25);
		expect(complements / pairs).toBeLessThan(0.42);
		const popularity = shop.truth.products.reduce((sum, product) => sum + product.popularity, 0);
		expect(popularity).toBeCloseTo(1, 12);
	});

	it('gives rows that Build Profile reads as they are: the CSV Rows preset, and the full shop mapping with consent and time zones', () => {
		const events: LifecycleEvent[] = shop.events.map(
			(row, index) => mapRecordToEvent(row, SHOP_EVENT_MAPPING, index) as LifecycleEvent,
		);
		const { profiles } = buildProfiles(events, {
			periodUnit: 'week',
			observationEnd: shop.observationEnd,
		});
		expect(profiles).toHaveLength(shop.customers.length);
		const byId = new Map(profiles.map((profile) => [profile.customerId, profile]));
		for (const truth of shop.truth.customers) {
			const profile = byId.get(truth.customerId)!;
			expect(profile.orders).toBe(truth.orders);
			expect(cents(profile.revenue ?? 0)).toBe(cents(truth.revenue));
			expect(profile.emailSent).toBe(truth.emailSent);
			expect(profile.emailOpened).toBe(truth.emailOpened);
			expect(profile.emailClicked).toBe(truth.emailClicked);
			expect(profile.smsSent).toBe(truth.smsSent);
			expect(profile.smsClicked).toBe(truth.smsClicked);
			expect(profile.timeZone).toBe(truth.timeZone);
			expect(profile.consentEmail).toBe(truth.consentEmail && truth.emailUnsubscribedAt === null);
			expect(profile.consentSms).toBe(truth.consentSms && truth.smsUnsubscribedAt === null);
			// Build Profile groups purchases by day: never more repeat days than repeat purchases.
			if (truth.buyer) expect(profile.frequency).toBeLessThanOrEqual(truth.frequency as number);
		}
		const preset = buildProfiles(
			shop.events.map(
				(row, index) => mapRecordToEvent(row, PRESET_MAPPINGS.csvRows, index) as LifecycleEvent,
			),
			{ periodUnit: 'week', observationEnd: shop.observationEnd },
		);
		expect(
			preset.profiles.map((profile) => [profile.customerId, profile.orders, profile.revenue]),
		).toEqual(profiles.map((profile) => [profile.customerId, profile.orders, profile.revenue]));
	});

	it('runs its campaign on the emailable buyers, randomised, with outcomes that match the arm', () => {
		const truth = new Map(shop.truth.customers.map((customer) => [customer.customerId, customer]));
		expect(shop.campaign.length).toBe(shop.truth.campaign.customers);
		for (const row of shop.campaign) {
			const customer = truth.get(row.customerId)!;
			expect(customer.buyer && customer.consentEmail && customer.emailUnsubscribedAt === null).toBe(
				true,
			);
			expect(row.arm).toBe(customer.campaignArm);
			expect(row.messages).toBe(row.arm === 'treatment' ? 1 : 0);
			expect([0, 1]).toContain(row.converted);
			expect(row.revenue > 0).toBe(row.converted === 1);
			// The observed outcome is the potential outcome of the customer's arm.
			expect(row.converted === 1).toBe(
				row.arm === 'treatment' ? customer.convertsWith : customer.convertsWithout,
			);
			if (row.converted) expect(row.revenue).toBe(customer.campaignOrderValue);
			expect(customer.uplift).toBeCloseTo(
				(customer.treatedProbability as number) - (customer.controlProbability as number),
				12,
			);
			expect(row.weeksSinceLastPurchase).toBeCloseTo(row.T - row.recency, 3);
		}
		const treated = shop.campaign.filter((row) => row.arm === 'treatment').length;
		expect(treated / shop.campaign.length).toBeGreaterThan(0.4);
		expect(treated / shop.campaign.length).toBeLessThan(0.6);
		expect(
			simulateShop({ seed: 42, customers: 300, campaign: { enabled: false } }).campaign,
		).toEqual([]);
	});

	it('keeps each part on its own random stream: switching email, SMS or browsing off leaves the orders unchanged', () => {
		const quiet = simulateShop({
			seed: 42,
			customers: 300,
			email: { everyDays: 0 },
			sms: { everyDays: 0 },
			browsing: { enabled: false },
		});
		expect(ordersOf(quiet)).toEqual(ordersOf(shop));
		expect(
			quiet.events.some((row) => /_sent|_opened|_clicked|view|cart/.test(row.event_type)),
		).toBe(false);
		expect(quiet.customers).toEqual(shop.customers);
	});

	it('writes its tables as CSV that reads back to the same rows', () => {
		const text = formatCsv(shop.events, SHOP_EVENT_COLUMNS);
		const [header, ...rows] = parseCsv(text);
		expect(header).toEqual([...SHOP_EVENT_COLUMNS]);
		expect(rows).toHaveLength(shop.events.length);
		expect(Object.fromEntries(header.map((name, k) => [name, rows[5][k]]))).toEqual(shop.events[5]);
		const customers = parseCsv(formatCsv(shop.customers, SHOP_CUSTOMER_COLUMNS));
		expect(customers[1]).toEqual(
			SHOP_CUSTOMER_COLUMNS.map((column) => String(shop.customers[0][column])),
		);
		expect(
			formatCsv(
				[{ id: 'A', title: 'Mug, "blue"\nlarge', price: 2.5, empty: null }],
				['id', 'title', 'price', 'empty'],
			),
		).toBe('id,title,price,empty\nA,"Mug, ""blue""\nlarge",2.5,\n');
	});

	it('checks its options and names the one that is wrong', () => {
		expect(() => simulateShop({ seed: 1, customers: 0 })).toThrow(
			'simulateShop requires a valid customers',
		);
		expect(() => simulateShop({ seed: 1, customers: 10, acquisitionWeeks: 60 })).toThrow(
			'simulateShop requires acquisitionWeeks <= weeks',
		);
		expect(() => simulateShop({ seed: 1, start: 'March 2024' })).toThrow(
			'simulateShop requires start to be an ISO 8601 date',
		);
		expect(() => simulateShop({ seed: 1, email: { consent: 2 } })).toThrow(
			'simulateShop requires a valid email.consent',
		);
		expect(() => simulateShop({ seed: 1, currency: 'euro' })).toThrow(
			'simulateShop requires a valid currency',
		);
		expect(() => simulateShop({ seed: 1, catalog: { products: 3, categories: 5 } })).toThrow(
			'catalog.categories <= catalog.products',
		);
		expect(() => simulateShop({ seed: 1, customer: 5 } as never)).toThrow(
			'simulateShop requires a valid options',
		);
		expect(() => simulateShop({ seed: Number.NaN })).toThrow('simulateShop requires a valid seed');
	});
});
