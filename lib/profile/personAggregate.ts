/**
 * What a profile is read from, for the events of one identity (and, on reading, of one person): counts, first and
 * last times, exact sums of money per currency, sets of order ids, the latest consent, attribute and product times,
 * and the histories a profile shows (messages and engagements). Purchases by day and item positions, one row per
 * event, are kept beside the aggregates in the state's typed columns (NumberColumns).
 *
 * Every field is an aggregate whose merge does not depend on order: sums and counts add, times keep the minimum or
 * maximum, "latest wins" records break ties by a fixed rule (withdrawal over grant, larger text over smaller), money
 * is summed exactly (ExactSum), and the lists are read back sorted. So mergeAggregateInto(a, b) gives the aggregate
 * of a's and b's events together, whatever order they came in: the fold's merge for the parts it aggregates.
 *
 * Cost: O(1) per event plus its products and consent channels; a merge is O(size of the source).
 * @example const aggregate = newPersonAggregate(); addUsedEvent(aggregate, purchase, 10, settings); aggregate.eventsUsed // 1
 */
import type { ChannelVocabulary } from '../channelVocabulary';
import { channelKey, EVERY_CHANNEL } from '../channelVocabulary';
import { ExactSum } from '../stats/ExactSum';
import type { ChannelConsent } from './channelConsent';
import { applyConsent, applyUnsubscribe, keepLatest, mergeChannelConsent } from './channelConsent';
import type { ProfileSettings } from './profileSettings';
import type { ChannelEngagement, LifecycleEvent } from './schemas';

export type EngagementTally = ChannelEngagement & { lastSent: number; lastEngaged: number };

export interface PersonAggregate extends ChannelConsent {
	firstSeen: number;
	lastSeen: number;
	firstPurchase: number;
	lastPurchase: number;
	orderIds: Set<string>;
	ordersWithoutId: number;
	grossByCurrency: Map<string, ExactSum>;
	refundsByCurrency: Map<string, ExactSum>;
	refunds: number;
	engagement: Map<string, EngagementTally>;
	/** Every message sent and every open or click (kept only with a history limit above 0; sorted and cut on reading). */
	messages: Array<{ channel: string; at: number }>;
	engagements: Array<{ channel: string; at: number; type: 'opened' | 'clicked' }>;
	attributes: Map<string, { value: string; at: number }>;
	/** Product id -> latest time it was bought, viewed, put in the cart. */
	purchased: Map<string, number>;
	viewed: Map<string, number>;
	carted: Map<string, number>;
	referrals: number;
	reviews: number;
	eventsUsed: number;
	skipped: Record<string, number>;
	/** Unsubscribes and withdrawals naming a channel nobody recognises. */
	unrecognisedChannelSuppressions: number;
}

export function newPersonAggregate(): PersonAggregate {
	return {
		firstSeen: Number.POSITIVE_INFINITY,
		lastSeen: Number.NEGATIVE_INFINITY,
		firstPurchase: Number.POSITIVE_INFINITY,
		lastPurchase: Number.NEGATIVE_INFINITY,
		orderIds: new Set(),
		ordersWithoutId: 0,
		grossByCurrency: new Map(),
		refundsByCurrency: new Map(),
		refunds: 0,
		engagement: new Map(),
		messages: [],
		engagements: [],
		consent: new Map(),
		unsubscribed: new Map(),
		grants: new Map(),
		attributes: new Map(),
		purchased: new Map(),
		viewed: new Map(),
		carted: new Map(),
		referrals: 0,
		reviews: 0,
		eventsUsed: 0,
		skipped: Object.create(null) as Record<string, number>,
		unrecognisedChannelSuppressions: 0,
	};
}

export function countSkipped(aggregate: PersonAggregate, reason: string): void {
	aggregate.skipped[reason] = (aggregate.skipped[reason] ?? 0) + 1;
}

function addTo(map: Map<string, ExactSum>, key: string, amount: number): void {
	let sum = map.get(key);
	if (!sum) map.set(key, (sum = new ExactSum()));
	sum.add(amount);
}

/** Records the products of an event (its product id and line items) with the event's time. */
function keepLatestProducts(map: Map<string, number>, event: LifecycleEvent, at: number): void {
	if (event.productId) keepLatest(map, event.productId, at);
	if (event.items) for (const item of event.items) keepLatest(map, item.productId, at);
}

function engagementOf(aggregate: PersonAggregate, channel: string): EngagementTally {
	let engagement = aggregate.engagement.get(channel);
	if (!engagement) {
		engagement = { sent: 0, opened: 0, clicked: 0, bounced: 0, lastSentAt: null, lastEngagedAt: null, lastSent: -Infinity, lastEngaged: -Infinity };
		aggregate.engagement.set(channel, engagement);
	}
	return engagement;
}

/** A message's channel: canonical when recognised, else the name's key (never 'all'). */
function messageChannel(vocabulary: ChannelVocabulary, named: string | undefined): string {
	const canonical = vocabulary.canonical(named ?? 'email');
	return canonical === undefined || canonical === EVERY_CHANNEL ? channelKey(named) || 'unknown' : canonical;
}

function addPurchase(aggregate: PersonAggregate, event: LifecycleEvent, value: number, code: string): void {
	const at = event.timestamp;
	if (at < aggregate.firstPurchase) aggregate.firstPurchase = at;
	if (at > aggregate.lastPurchase) aggregate.lastPurchase = at;
	if (event.orderId !== undefined) aggregate.orderIds.add(event.orderId);
	else aggregate.ordersWithoutId++;
	addTo(aggregate.grossByCurrency, code, value);
	keepLatestProducts(aggregate.purchased, event, at);
}

/** A message sent, opened, clicked or bounced: the channel's tally, and the history when one is kept. */
function addMessageEvent(aggregate: PersonAggregate, event: LifecycleEvent, settings: ProfileSettings): void {
	const at = event.timestamp;
	const channel = messageChannel(settings.vocabulary, event.channel);
	const engagement = engagementOf(aggregate, channel);
	const keepHistory = settings.historyLimit > 0;
	if (event.type === 'message_sent') {
		engagement.sent++;
		if (at > engagement.lastSent) engagement.lastSent = at;
		if (keepHistory) aggregate.messages.push({ channel, at });
	} else if (event.type === 'message_bounced') engagement.bounced++;
	else {
		const type = event.type === 'message_opened' ? 'opened' : 'clicked';
		if (type === 'opened') engagement.opened++;
		else engagement.clicked++;
		if (at > engagement.lastEngaged) engagement.lastEngaged = at;
		if (keepHistory) aggregate.engagements.push({ channel, at, type });
	}
}

/** An event's consent map and attributes; latest wins, at an equal time the larger text, so arrival order never matters. */
function addConsentAndAttributes(aggregate: PersonAggregate, event: LifecycleEvent, vocabulary: ChannelVocabulary): void {
	const at = event.timestamp;
	if (event.consent)
		for (const [channel, granted] of Object.entries(event.consent))
			if (applyConsent(aggregate, vocabulary, channel, granted, at)) aggregate.unrecognisedChannelSuppressions++;
	if (event.attributes) {
		for (const [name, text] of Object.entries(event.attributes)) {
			if (typeof text !== 'string' || text === '') continue;
			keepAttribute(aggregate.attributes, name, text, at);
		}
	}
}

function keepAttribute(attributes: PersonAggregate['attributes'], name: string, value: string, at: number): void {
	const previous = attributes.get(name);
	if (!previous || at > previous.at || (at === previous.at && value > previous.value)) attributes.set(name, { value, at });
}

/** Adds one used event (screened, not skipped) with its value in the reporting currency. */
export function addUsedEvent(aggregate: PersonAggregate, event: LifecycleEvent, value: number, settings: ProfileSettings): void {
	aggregate.eventsUsed++;
	const at = event.timestamp;
	if (at < aggregate.firstSeen) aggregate.firstSeen = at;
	if (at > aggregate.lastSeen) aggregate.lastSeen = at;
	const { currency, vocabulary } = settings;
	switch (event.type) {
		case 'purchase':
			addPurchase(aggregate, event, value, (currency.mode === 'convert' ? currency.baseCurrency : (event.currency ?? settings.defaultCurrency)).toUpperCase());
			break;
		case 'refund':
			aggregate.refunds++;
			addTo(aggregate.refundsByCurrency, (currency.mode === 'convert' ? currency.baseCurrency : (event.currency ?? settings.defaultCurrency)).toUpperCase(), Math.abs(value));
			break;
		case 'view':
			keepLatestProducts(aggregate.viewed, event, at);
			break;
		case 'cart':
		case 'checkout':
			keepLatestProducts(aggregate.carted, event, at);
			break;
		case 'message_sent':
		case 'message_opened':
		case 'message_clicked':
		case 'message_bounced':
			addMessageEvent(aggregate, event, settings);
			break;
		case 'unsubscribe':
			if (applyUnsubscribe(aggregate, vocabulary, event.channel, at)) aggregate.unrecognisedChannelSuppressions++;
			break;
		case 'consent':
			if (event.consentGranted !== undefined && applyConsent(aggregate, vocabulary, event.channel, event.consentGranted, at))
				aggregate.unrecognisedChannelSuppressions++;
			break;
		case 'referral':
			aggregate.referrals++;
			break;
		case 'review':
			aggregate.reviews++;
			break;
		default:
			break;
	}
	addConsentAndAttributes(aggregate, event, vocabulary);
}

function mergeSums(target: Map<string, ExactSum>, source: Map<string, ExactSum>): void {
	for (const [code, sum] of source) {
		let into = target.get(code);
		if (!into) target.set(code, (into = new ExactSum()));
		into.addSum(sum);
	}
}

function mergeLatest(target: Map<string, number>, source: Map<string, number>): void {
	for (const [key, at] of source) keepLatest(target, key, at);
}

function mergeEngagement(target: PersonAggregate, source: PersonAggregate): void {
	for (const [channel, tally] of source.engagement) {
		const into = engagementOf(target, channel);
		into.sent += tally.sent;
		into.opened += tally.opened;
		into.clicked += tally.clicked;
		into.bounced += tally.bounced;
		if (tally.lastSent > into.lastSent) into.lastSent = tally.lastSent;
		if (tally.lastEngaged > into.lastEngaged) into.lastEngaged = tally.lastEngaged;
	}
	for (const message of source.messages) target.messages.push(message);
	for (const engagement of source.engagements) target.engagements.push(engagement);
}

/** Folds `source` into `target` (source unchanged): the aggregate of both sets of events, in any order. */
export function mergeAggregateInto(target: PersonAggregate, source: PersonAggregate): PersonAggregate {
	target.firstSeen = Math.min(target.firstSeen, source.firstSeen);
	target.lastSeen = Math.max(target.lastSeen, source.lastSeen);
	target.firstPurchase = Math.min(target.firstPurchase, source.firstPurchase);
	target.lastPurchase = Math.max(target.lastPurchase, source.lastPurchase);
	for (const orderId of source.orderIds) target.orderIds.add(orderId);
	target.ordersWithoutId += source.ordersWithoutId;
	mergeSums(target.grossByCurrency, source.grossByCurrency);
	mergeSums(target.refundsByCurrency, source.refundsByCurrency);
	target.refunds += source.refunds;
	mergeEngagement(target, source);
	mergeChannelConsent(target, source);
	for (const [name, { value, at }] of source.attributes) keepAttribute(target.attributes, name, value, at);
	mergeLatest(target.purchased, source.purchased);
	mergeLatest(target.viewed, source.viewed);
	mergeLatest(target.carted, source.carted);
	target.referrals += source.referrals;
	target.reviews += source.reviews;
	target.eventsUsed += source.eventsUsed;
	for (const reason of Object.keys(source.skipped)) target.skipped[reason] = (target.skipped[reason] ?? 0) + source.skipped[reason];
	target.unrecognisedChannelSuppressions += source.unrecognisedChannelSuppressions;
	return target;
}
