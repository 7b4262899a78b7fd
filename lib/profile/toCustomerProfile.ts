/**
 * One person's profile, read from their aggregate: identities (the smallest of each kind names the person),
 * money (exact sums, rounded to cents only here), the BTYD figures, engagement and consent per channel, the most
 * recent messages and engagements, products bought, viewed and still in the cart. Every list is sorted by a total
 * order here, so the profile never depends on the order in which events were added or states merged.
 *
 * Cost: O(k + m log m + p log p) for k identities, m messages and p products.
 * @example toCustomerProfile(aggregate, ['c:C1'], sourceIndexes, figures, settings, end).profileId // 'C1'
 */
import { ExactSum } from '../stats/ExactSum';
import { stillUnsubscribed } from './channelConsent';
import type { PersonAggregate } from './personAggregate';
import { MS_PER_DAY } from './parseTimestamp';
import type { ProfileSettings } from './profileSettings';
import type { ChannelEngagement, CustomerProfile } from './schemas';

/** A person's BTYD figures (summarizePurchaseDays), meaningful when they bought. */
export interface PurchaseFigures {
	frequency: number;
	recency: number;
	T: number;
	monetaryValue: number;
}

/** The same record with its keys in text order, so the output text never depends on which key came first. */
export function withSortedKeys(counts: Record<string, number>): Record<string, number> {
	const sorted: Record<string, number> = {};
	for (const reason of Object.keys(counts).sort()) sorted[reason] = counts[reason];
	return sorted;
}

/** Text order (code units), for tie-breaks that must not depend on the order events arrive in. */
function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

function iso(time: number): string | null {
	return Number.isFinite(time) ? new Date(time).toISOString() : null;
}

function round2(value: number): number {
	return Math.round(value * 100) / 100;
}

/** The `limit` latest entries, oldest first; equal times by channel, then type, so arrival order never matters. */
function mostRecent<T extends { at: number; channel: string; type?: string }>(entries: T[], limit: number): T[] {
	if (entries.length === 0) return entries;
	const sorted = [...entries].sort(
		(x, y) => x.at - y.at || compareText(x.channel, y.channel) || compareText(x.type ?? '', y.type ?? ''),
	);
	return sorted.slice(Math.max(0, sorted.length - limit));
}

/** Sorted most recent first, then by id, so output order never depends on input order. */
function recentFirst(map: Map<string, number>): string[] {
	return [...map.entries()].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0])).map(([id]) => id);
}

/** Sorted distinct item indexes; events usually arrive in item order, so sorting is rarely needed. */
function distinctSorted(indexes: Float64Array): number[] {
	let sorted = true;
	for (let k = 1; k < indexes.length && sorted; k++) sorted = indexes[k] > indexes[k - 1];
	return sorted ? Array.from(indexes) : [...new Set(indexes)].sort((a, b) => a - b);
}

/** Who the person is: the smallest identity of each kind; the profile id is the customer id, else email, phone, anonymous id. */
function identityFields(identities: string[]) {
	const valuesOf = (prefix: string) => identities.filter((key) => key.startsWith(prefix)).map((key) => key.slice(2));
	const customerIds = valuesOf('c:');
	const emails = valuesOf('e:');
	const phones = valuesOf('p:');
	const anonymousIds = valuesOf('a:');
	const customerId = customerIds[0] ?? null;
	const email = emails[0] ?? null;
	const profileId = customerId ?? (email ? `email:${email}` : phones[0] ? `phone:${phones[0]}` : `anonymous:${anonymousIds[0]}`);
	return { profileId, customerId, email, phone: phones[0] ?? null, anonymousIds };
}

function exactTotal(map: Map<string, ExactSum>): number {
	const total = new ExactSum();
	for (const partial of map.values()) total.add(partial.value());
	return total.value();
}

/** Revenue, refunds and currencies; a person paying in several currencies gets per-currency figures only. */
function moneyFields(aggregate: PersonAggregate, refunds: ProfileSettings['refunds']) {
	const currencies = [...aggregate.grossByCurrency.keys(), ...aggregate.refundsByCurrency.keys()].filter((c) => c !== '');
	const distinctCurrencies = [...new Set(currencies)].sort();
	const mixed = distinctCurrencies.length > 1;
	const gross = exactTotal(aggregate.grossByCurrency);
	const refunded = exactTotal(aggregate.refundsByCurrency);
	const revenueByCurrency = Object.create(null) as Record<string, number>;
	for (const [code, amount] of aggregate.grossByCurrency) {
		const key = code || 'unspecified';
		revenueByCurrency[key] = round2((revenueByCurrency[key] ?? 0) + amount.value());
	}
	for (const [code, amount] of aggregate.refundsByCurrency) {
		const key = code || 'unspecified';
		revenueByCurrency[key] = round2((revenueByCurrency[key] ?? 0) - (refunds === 'subtract' ? amount.value() : 0));
	}
	const orders = aggregate.orderIds.size + aggregate.ordersWithoutId;
	return {
		mixed,
		orders,
		revenue: mixed ? null : round2(gross - (refunds === 'subtract' ? refunded : 0)),
		averageOrderValue: mixed || orders === 0 ? null : round2(gross / orders),
		refundedAmount: mixed ? null : round2(refunded),
		currency: mixed ? 'MIXED' : (distinctCurrencies[0] ?? null),
		revenueByCurrency: withSortedKeys(revenueByCurrency),
	};
}

function engagementByChannel(aggregate: PersonAggregate): Record<string, ChannelEngagement> {
	const engagement = Object.create(null) as Record<string, ChannelEngagement>;
	for (const channel of [...aggregate.engagement.keys()].sort()) {
		const { lastSent, lastEngaged, ...counts } = aggregate.engagement.get(channel)!;
		engagement[channel] = { ...counts, lastSentAt: iso(lastSent), lastEngagedAt: iso(lastEngaged) };
	}
	return engagement;
}

function consentByChannel(aggregate: PersonAggregate): Record<string, boolean> {
	const consent = Object.create(null) as Record<string, boolean>;
	for (const channel of [...aggregate.consent.keys()].sort()) consent[channel] = aggregate.consent.get(channel)!.granted;
	return consent;
}

/** Products put in the cart and not bought since. */
function stillInCart(aggregate: PersonAggregate): string[] {
	const inCart = new Map<string, number>();
	for (const [productId, cartedAt] of aggregate.carted) {
		const boughtAt = aggregate.purchased.get(productId);
		if (boughtAt === undefined || boughtAt < cartedAt) inCart.set(productId, cartedAt);
	}
	return recentFirst(inCart);
}

/**
 * The profile of a person with these identities (sorted), this aggregate and item positions, its BTYD figures and
 * the run's end.
 * RFM fields are left empty: they rank a person among others (assignRfmScores).
 */
export function toCustomerProfile(aggregate: PersonAggregate, identities: string[], sourceIndexes: Float64Array, figures: PurchaseFigures, settings: ProfileSettings, observationEnd: number): CustomerProfile {
	const { historyLimit, periodUnit } = settings;
	const money = moneyFields(aggregate, settings.refunds);
	const hasPurchase = money.orders > 0;
	const engagement = engagementByChannel(aggregate);
	const channelCount = (channel: string, field: 'sent' | 'opened' | 'clicked') => engagement[channel]?.[field] ?? 0;
	const consent = consentByChannel(aggregate);
	const attribute = (name: string) => aggregate.attributes.get(name)?.value ?? null;
	const { profileId, customerId, email, phone, anonymousIds } = identityFields(identities);
	return {
		profileId,
		customerId,
		email,
		phone,
		anonymousIds,
		identities,
		firstName: attribute('firstName'),
		lastName: attribute('lastName'),
		country: attribute('country'),
		timeZone: attribute('timeZone'),
		firstSeenAt: iso(aggregate.firstSeen),
		lastSeenAt: iso(aggregate.lastSeen),
		firstPurchaseAt: iso(aggregate.firstPurchase),
		lastPurchaseAt: iso(aggregate.lastPurchase),
		orders: money.orders,
		revenue: money.revenue,
		averageOrderValue: money.averageOrderValue,
		refunds: aggregate.refunds,
		refundedAmount: money.refundedAmount,
		currency: money.currency,
		revenueByCurrency: money.revenueByCurrency,
		periodUnit,
		observationEnd: new Date(observationEnd).toISOString(),
		frequency: hasPurchase ? figures.frequency : 0,
		recency: hasPurchase ? figures.recency : 0,
		T: hasPurchase ? figures.T : 0,
		monetaryValue: money.mixed ? null : hasPurchase ? figures.monetaryValue : 0,
		daysSinceLastPurchase: hasPurchase ? Math.floor((observationEnd - aggregate.lastPurchase) / MS_PER_DAY) : null,
		rfmRecency: null,
		rfmFrequency: null,
		rfmMonetary: null,
		rfmScore: null,
		rfmSegment: null,
		engagement,
		emailSent: channelCount('email', 'sent'),
		emailOpened: channelCount('email', 'opened'),
		emailClicked: channelCount('email', 'clicked'),
		emailLastEngagedAt: engagement.email?.lastEngagedAt ?? null,
		smsSent: channelCount('sms', 'sent'),
		smsClicked: channelCount('sms', 'clicked'),
		smsLastEngagedAt: engagement.sms?.lastEngagedAt ?? null,
		pushSent: channelCount('push', 'sent'),
		pushOpened: channelCount('push', 'opened'),
		pushLastEngagedAt: engagement.push?.lastEngagedAt ?? null,
		messageHistory: mostRecent(aggregate.messages, historyLimit).map(({ channel, at }) => ({ channel, sentAt: new Date(at).toISOString() })),
		engagementHistory: mostRecent(aggregate.engagements, historyLimit).map(({ channel, at, type }) => ({ channel, type, engagedAt: new Date(at).toISOString() })),
		consent,
		consentEmail: consent.email ?? null,
		consentSms: consent.sms ?? null,
		consentPush: consent.push ?? null,
		unsubscribed: stillUnsubscribed(aggregate),
		productsPurchased: recentFirst(aggregate.purchased),
		productsViewed: recentFirst(aggregate.viewed),
		productsInCart: stillInCart(aggregate),
		referrals: aggregate.referrals,
		reviews: aggregate.reviews,
		eventsUsed: aggregate.eventsUsed,
		eventsSkipped: Object.values(aggregate.skipped).reduce((total, count) => total + count, 0),
		skippedReasons: withSortedKeys(aggregate.skipped),
		sourceIndexes: distinctSorted(sourceIndexes),
	};
}
