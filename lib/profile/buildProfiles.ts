/**
 * Build Profile: canonical events in, one unified profile per person out.
 *
 * Steps: (1) screen events (duplicates by event id, events after the observation end, zero-value
 * purchases, refunds by policy, currencies), counting every event left out and why; (2) stitch
 * identities (IdentityGraph: never merges two known customer ids); (3) aggregate per person:
 * purchase history, BTYD summary (summarizePurchaseDays), engagement and consent per channel,
 * products purchased, viewed and still in the cart; (4) RFM scores across the run's purchasers.
 * Time comes only from the data or the `observationEnd` option, never from the clock.
 *
 * Cost: O(n + p log p + k α(k)) for n events, p purchasers and k identity keys.
 * @example buildProfiles(events, { periodUnit: 'week', observationEnd: '1997-09-30' }).profiles[0].frequency
 */
import type { ChannelAlias, ChannelVocabulary } from '../channelVocabulary';
import { channelKey, createChannelVocabulary, EVERY_CHANNEL } from '../channelVocabulary';
import type { InputIssue } from '../errors';
import { LifecycleInputError } from '../errors';
import { IdentityGraph, identityKey } from './IdentityGraph';
import { eventContentText } from './storedEvent';
import { eventIdentityKeys } from './eventIdentityKeys';
import { isPlaceholderIdentity } from './isPlaceholderIdentity';
import { ExactSum } from '../stats/ExactSum';
import { MAX_AMOUNT } from './mapRecordToEvent';
import { isPlausibleTimestamp, MS_PER_DAY, parseTimestamp, utcDayIndex } from './parseTimestamp';
import type { ChannelEngagement, CustomerProfile, LifecycleEvent } from './schemas';
import { resolveOrderSnapshots } from './resolveOrderSnapshots';
import { assignRfmScores } from './scoreRfm';
import type { PeriodUnit } from './summarizeTransactions';
import { resolvePeriodUnit, summarizePurchaseDays } from './summarizeTransactions';

export type CurrencyHandling =
	| { mode: 'report' }
	| { mode: 'convert'; baseCurrency: string; rates: Record<string, number> };

export interface BuildProfilesOptions {
	/** Inclusive end of observation; default: the latest event. */
	observationEnd?: number | string | Date;
	/** The run's clock (ms since 1970), used only to refuse events dated in the future; never the observation end. */
	now?: number;
	periodUnit?: PeriodUnit;
	/** Count an event id once (default true). */
	dedupeByEventId?: boolean;
	/** 'subtract' refunds from revenue (default) or 'ignore' them (counted as skipped). */
	refunds?: 'subtract' | 'ignore';
	/** Events after an explicit observation end: 'error' (default) or 'ignore' (counted, e.g. for a holdout). */
	afterObservationEnd?: 'error' | 'ignore';
	/** Purchases with value 0: 'keep' (default) or 'ignore' (counted). */
	zeroValuePurchases?: 'keep' | 'ignore';
	/** Mixed currencies are reported per currency (default) or converted with given rates. */
	currency?: CurrencyHandling;
	/** Currency of events that carry none. */
	defaultCurrency?: string;
	/**
	 * Most recent messages and engagements kept per profile in messageHistory / engagementHistory (default 100 each;
	 * 0 for none). Choose Channel counts frequency caps and learns send times from them.
	 */
	historyLimit?: number;
	/** Extra spellings of channel names (on top of e-mail, mail, newsletter, text, mobile, notification, all, *). */
	channelAliases?: ChannelAlias[];
}

export interface BuildProfilesSummary {
	eventsIn: number;
	eventsUsed: number;
	eventsSkipped: number;
	skippedReasons: Record<string, number>;
	identityConflicts: number;
	profiles: number;
	observationEnd: string;
	mixedCurrencyProfiles: number;
	/** Identity values ignored as placeholders ("n/a", "unknown", "0", short phones...). */
	placeholderIdentities: number;
	/** Unsubscribes, complaints and consent withdrawals naming a channel nobody recognises: every channel withdrawn. */
	unrecognisedChannelSuppressions: number;
	/** Events refused because they lie far after the bulk of the data (see OUTLIER_DAYS). */
	outlierEvents: number;
}

export interface BuildProfilesResult {
	profiles: CustomerProfile[];
	summary: BuildProfilesSummary;
	/** Events rejected as bad input (never aggregated); the node turns them into errors or error items. */
	issues: InputIssue[];
}

interface Accumulator {
	firstSeen: number;
	lastSeen: number;
	firstPurchase: number;
	lastPurchase: number;
	orderIds: Set<string>;
	ordersWithoutId: number;
	grossByCurrency: Map<string, ExactSum>;
	refundsByCurrency: Map<string, ExactSum>;
	refunds: number;
	engagement: Map<string, ChannelEngagement & { lastSent: number; lastEngaged: number }>;
	/** Every message sent and every open or click, in event order (sorted and cut to historyLimit on output). */
	messages: Array<{ channel: string; at: number }>;
	engagements: Array<{ channel: string; at: number; type: 'opened' | 'clicked' }>;
	consent: Map<string, { granted: boolean; at: number }>;
	/** Channel -> time of the latest unsubscribe; listed unless a consent grant comes later. */
	unsubscribed: Map<string, number>;
	/** Channel -> time of the latest consent grant. */
	grants: Map<string, number>;
	attributes: Map<string, { value: string; at: number }>;
	productsPurchased: string[];
	productsViewed: string[];
	productsInCart: string[];
	referrals: number;
	reviews: number;
	eventsUsed: number;
	skipped: Record<string, number>;
	sources: number[];
}

function newAccumulator(): Accumulator {
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
		productsPurchased: [],
		productsViewed: [],
		productsInCart: [],
		referrals: 0,
		reviews: 0,
		eventsUsed: 0,
		skipped: Object.create(null) as Record<string, number>,
		sources: [],
	};
}

/** The same record with its keys in text order, so the output text never depends on which key came first. */
function withSortedKeys(counts: Record<string, number>): Record<string, number> {
	const sorted: Record<string, number> = {};
	for (const reason of Object.keys(counts).sort()) sorted[reason] = counts[reason];
	return sorted;
}

function increment(counts: Record<string, number>, reason: string): void {
	counts[reason] = (counts[reason] ?? 0) + 1;
}

function addTo(map: Map<string, ExactSum>, key: string, amount: number): void {
	let sum = map.get(key);
	if (!sum) map.set(key, (sum = new ExactSum()));
	sum.add(amount);
}

/** Text order (code units), for tie-breaks that must not depend on the order events arrive in. */
function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

function keepLatest(map: Map<string, number>, key: string, at: number): void {
	const previous = map.get(key);
	if (previous === undefined || at > previous) map.set(key, at);
}

function iso(time: number): string | null {
	return Number.isFinite(time) ? new Date(time).toISOString() : null;
}

function round2(value: number): number {
	return Math.round(value * 100) / 100;
}

const NO_KEYS: string[] = [];

/** The `limit` latest entries, oldest first; equal times by channel, then type, so arrival order never matters. */
function mostRecent<T extends { at: number; channel: string; type?: string }>(entries: T[], limit: number): T[] {
	if (entries.length === 0) return entries;
	const sorted = [...entries].sort(
		(x, y) => x.at - y.at || compareText(x.channel, y.channel) || compareText(x.type ?? '', y.type ?? ''),
	);
	return sorted.slice(Math.max(0, sorted.length - limit));
}

/** Counts of the run beside the skipped events. */
interface RunCounts {
	placeholderIdentities: number;
	unrecognisedChannelSuppressions: number;
	outlierEvents: number;
}

/** Records the products of an event (its product id and line items) with the event's time. */
function keepLatestProducts(map: Map<string, number>, event: LifecycleEvent, at: number): void {
	if (event.productId) keepLatest(map, event.productId, at);
	if (event.items) for (const item of event.items) keepLatest(map, item.productId, at);
}

/** Sorted distinct item indexes; events usually arrive in item order, so sorting is rarely needed. */
function distinctSorted(indexes: number[]): number[] {
	let sorted = true;
	for (let k = 1; k < indexes.length && sorted; k++) sorted = indexes[k] > indexes[k - 1];
	return sorted ? indexes : [...new Set(indexes)].sort((a, b) => a - b);
}

function engagementOf(accumulator: Accumulator, channel: string) {
	let engagement = accumulator.engagement.get(channel);
	if (!engagement) {
		engagement = {
			sent: 0,
			opened: 0,
			clicked: 0,
			bounced: 0,
			lastSentAt: null,
			lastEngagedAt: null,
			lastSent: -Infinity,
			lastEngaged: -Infinity,
		};
		accumulator.engagement.set(channel, engagement);
	}
	return engagement;
}

/** The latest consent wins; at an equal time a withdrawal wins (fail closed), so arrival order never matters. */
function setConsent(accumulator: Accumulator, channel: string, granted: boolean, at: number): void {
	const previous = accumulator.consent.get(channel);
	if (!previous || at > previous.at || (at === previous.at && !granted)) accumulator.consent.set(channel, { granted, at });
	if (granted) keepLatest(accumulator.grants, channel, at);
}

/** Channels unsubscribed and not granted again later (a grant at the same time does not lift it). */
function stillUnsubscribed(accumulator: Accumulator): string[] {
	const channels: string[] = [];
	for (const [channel, at] of accumulator.unsubscribed) {
		const grantedAt = accumulator.grants.get(channel);
		if (grantedAt === undefined || grantedAt <= at) channels.push(channel);
	}
	return channels.sort();
}

/** Sorted most recent first, then by id, so output order never depends on input order. */
function recentFirst(map: Map<string, number>): string[] {
	return [...map.entries()]
		.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
		.map(([id]) => id);
}

/** A message's channel: canonical when recognised, else the name's key (never 'all'). */
function messageChannel(vocabulary: ChannelVocabulary, named: string | undefined): string {
	const canonical = vocabulary.canonical(named ?? 'email');
	return canonical === undefined || canonical === EVERY_CHANNEL ? channelKey(named) || 'unknown' : canonical;
}

function withdrawEveryChannel(accumulator: Accumulator, vocabulary: ChannelVocabulary, at: number): void {
	for (const channel of vocabulary.channels) setConsent(accumulator, channel, false, at);
}

/**
 * An unsubscribe (no channel means email): listed under its canonical name, or as written when nobody
 * recognises it; 'all' and unrecognised names withdraw consent on every channel (fail closed).
 * Returns true when the name was not recognised.
 */
function applyUnsubscribe(accumulator: Accumulator, vocabulary: ChannelVocabulary, named: string | undefined, at: number): boolean {
	const text = named ?? 'email';
	const canonical = vocabulary.canonical(text);
	keepLatest(accumulator.unsubscribed, canonical ?? text.trim(), at);
	if (canonical !== undefined && canonical !== EVERY_CHANNEL) setConsent(accumulator, canonical, false, at);
	else withdrawEveryChannel(accumulator, vocabulary, at);
	return canonical === undefined;
}

/**
 * A consent (no channel means email): a grant applies to a recognised channel only; a withdrawal for 'all'
 * or an unrecognised name withdraws every channel. Returns true when a withdrawal named no known channel.
 */
function applyConsent(accumulator: Accumulator, vocabulary: ChannelVocabulary, named: string | undefined, granted: boolean, at: number): boolean {
	const text = named ?? 'email';
	const canonical = vocabulary.canonical(text);
	if (canonical !== undefined && canonical !== EVERY_CHANNEL) {
		setConsent(accumulator, canonical, granted, at);
		return false;
	}
	if (!granted) {
		withdrawEveryChannel(accumulator, vocabulary, at);
		return canonical === undefined;
	}
	setConsent(accumulator, canonical ?? (channelKey(text) || 'unknown'), true, at);
	return false;
}

/** Days after the bulk of the data beyond which an event is refused when no observation end is given. */
export const OUTLIER_DAYS = 366;
/** Fewest plausible events for the bulk rule: below it a run may be one customer's history, where a return after a long pause is real. */
export const OUTLIER_MIN_EVENTS = 1000;
/** How far past the run's clock (`now`) an event may be dated: time zones and clock skew, nothing more. */
export const FUTURE_TOLERANCE_DAYS = 2;

/**
 * Latest time an event may carry without an explicit observation end, the smaller of:
 * - `now` + FUTURE_TOLERANCE_DAYS when the caller gives the run's clock (nothing is bought in the future);
 * - OUTLIER_DAYS after the 99th percentile of plausible event times (the k-th latest, k = ceil(n / 100)), in runs
 *   of at least OUTLIER_MIN_EVENTS events,
 * so one far-future date cannot move the observation end of every profile. The clock only bounds what is
 * accepted: the observation end is still the latest accepted event, so replaying a file gives the same output.
 */
function outlierLimitOf(events: LifecycleEvent[], now: number | undefined): number {
	const clockLimit = now === undefined ? Number.POSITIVE_INFINITY : now + FUTURE_TOLERANCE_DAYS * MS_PER_DAY;
	const times: number[] = [];
	for (const event of events) if (isPlausibleTimestamp(event.timestamp)) times.push(event.timestamp);
	if (times.length < OUTLIER_MIN_EVENTS) return clockLimit;
	const sorted = Float64Array.from(times).sort();
	const k = Math.ceil(sorted.length / 100);
	return Math.min(clockLimit, sorted[sorted.length - k] + OUTLIER_DAYS * MS_PER_DAY);
}

/** The latest time among the usable events (the default observation end), 0 when there are none. */
function latestTime(events: LifecycleEvent[], usable: Int32Array): number {
	let latest = Number.NEGATIVE_INFINITY;
	for (const i of usable) if (events[i].timestamp > latest) latest = events[i].timestamp;
	return Number.isFinite(latest) ? latest : 0;
}

function parseObservationEnd(value: BuildProfilesOptions['observationEnd']): number {
	const parsed = parseTimestamp(value);
	if (parsed !== undefined) return parsed;
	throw new LifecycleInputError(`buildProfiles requires a valid observation end from 1900 to 2199; got "${String(value)}"`, {
		field: 'observationEnd',
		hint: 'Use a date like 2011-12-09 or an ISO timestamp',
	});
}

function amountIssue(event: LifecycleEvent, message: string): InputIssue {
	return { itemIndex: event.sourceIndex, field: 'value', message, hint: `Amounts must lie within +-${MAX_AMOUNT}; check the amount field, its unit and the exchange rate` };
}

/** Why an event cannot be used at all (time outside 1900-2199 or far after the bulk, amount not finite or huge), or undefined. */
function eventProblem(event: LifecycleEvent, outlierLimit: number, counts: RunCounts): InputIssue | undefined {
	const at = event.timestamp;
	if (typeof at !== 'number' || !isPlausibleTimestamp(at)) {
		return { itemIndex: event.sourceIndex, field: 'timestamp', message: `The event time ${String(at)} is not a time from 1900 to 2199 (ms since 1970)`, hint: 'Fix the date; epoch microseconds or nanoseconds must be converted to milliseconds' };
	}
	if (at > outlierLimit) {
		counts.outlierEvents++;
		return {
			itemIndex: event.sourceIndex,
			field: 'timestamp',
			message: `The event is dated ${new Date(at).toISOString()}, after the latest plausible time ${new Date(outlierLimit).toISOString()} (the run's clock plus ${FUTURE_TOLERANCE_DAYS} days, or ${OUTLIER_DAYS} days after the bulk of the data)`,
			hint: 'Fix the date, or set Observation End to keep events this late',
		};
	}
	if (event.value !== undefined && !(Math.abs(event.value) <= MAX_AMOUNT)) return amountIssue(event, `The amount ${event.value} is not a plausible amount of money`);
	return undefined;
}

/** A customer id that is not a placeholder; checked once per distinct id (most events carry only that). */
function isRealCustomerId(customerId: string, known: Set<string>): boolean {
	if (known.has(customerId)) return true;
	if (isPlaceholderIdentity('customerId', customerId)) return false;
	known.add(customerId);
	return true;
}

interface Screening {
	observationEnd: number;
	afterEnd: 'error' | 'ignore';
	currency: CurrencyHandling;
	defaultCurrency: string;
	zeroValue: 'keep' | 'ignore';
	refunds: 'subtract' | 'ignore';
}

type Screened = { issue: InputIssue } | { value: number; skip: string | undefined };

/**
 * What an event contributes, judged on the event alone: its value in the reporting currency and why it is counted
 * as skipped (after the observation end, a zero-value purchase, an ignored refund), or the issue that refuses it
 * (after an explicit observation end, no exchange rate, an implausible converted amount). Without an explicit end
 * the screening end is +Infinity: the end is then the latest usable event, so none lies after it. Duplicates and
 * superseded snapshots depend on other events and are marked afterwards (markDuplicates, markSuperseded).
 */
function screenEvent(event: LifecycleEvent, screening: Screening): Screened {
	const { observationEnd, currency } = screening;
	let skip: string | undefined;
	if (event.timestamp > observationEnd) {
		if (screening.afterEnd === 'error') {
			return {
				issue: {
					itemIndex: event.sourceIndex,
					field: 'timestamp',
					message: `The event is dated ${new Date(event.timestamp).toISOString()}, after the observation end ${new Date(observationEnd).toISOString()}`,
					hint: 'Fix the date, move the observation end, or set "Events After Observation End" to ignore them',
				},
			};
		}
		skip = 'afterObservationEnd';
	}
	let value = event.value ?? 0;
	if (event.type !== 'purchase' && event.type !== 'refund') return { value, skip };
	const code = (event.currency ?? screening.defaultCurrency).toUpperCase();
	if (currency.mode === 'convert' && value !== 0 && code !== currency.baseCurrency.toUpperCase()) {
		const rate = code === '' ? undefined : currency.rates[code];
		if (rate === undefined || !(rate > 0) || !Object.prototype.hasOwnProperty.call(currency.rates, code)) {
			return {
				issue: {
					itemIndex: event.sourceIndex,
					field: 'currency',
					message: `No exchange rate for currency "${code || '(none)'}" into ${currency.baseCurrency}`,
					hint: `Add a rate for ${code || 'the missing currency'} under Currency > Exchange Rates, or set a default currency`,
				},
			};
		}
		value *= rate;
		if (!(Math.abs(value) <= MAX_AMOUNT)) return { issue: amountIssue(event, `The amount converted from ${code} is implausible: ${value}`) };
	}
	if (!skip && event.type === 'purchase' && value === 0 && screening.zeroValue === 'ignore') skip = 'zeroValuePurchase';
	if (!skip && event.type === 'refund' && screening.refunds === 'ignore') skip = 'refundIgnored';
	return { value, skip };
}

/** Order snapshots that a later state of the same order replaces (resolveOrderSnapshots), among the usable events. */
function markSuperseded(events: LifecycleEvent[], usable: Int32Array, skipReasonOfEvent: Array<string | undefined>): void {
	const candidates = Array.from(usable).filter((i) => isSnapshot(events[i]) && skipReasonOfEvent[i] !== 'duplicateEventId');
	if (candidates.length === 0) return;
	for (const position of resolveOrderSnapshots(candidates.map((i) => events[i]))) skipReasonOfEvent[candidates[position]] = 'supersededSnapshot';
}

function isSnapshot(event: LifecycleEvent): boolean {
	return event.orderUpdatedAt !== undefined && event.orderId !== undefined;
}

/**
 * Of the usable copies of an event id, one counts, chosen by content (precedesCopy); the others are duplicates.
 * Two different states of one order are not copies, even under one event id: for snapshots only an identical
 * export is a duplicate, and resolveOrderSnapshots decides between states.
 */
function markDuplicates(events: LifecycleEvent[], usable: Int32Array, skipReasonOfEvent: Array<string | undefined>): void {
	const copyOfEventId = new Map<string, number>();
	for (const i of usable) {
		let eventId = events[i].eventId;
		if (eventId === undefined) continue;
		if (isSnapshot(events[i])) eventId += `\n${eventContentText(events[i])}`;
		const holder = copyOfEventId.get(eventId);
		if (holder === undefined) copyOfEventId.set(eventId, i);
		else if (precedesCopy(events[i], events[holder])) {
			skipReasonOfEvent[holder] = 'duplicateEventId';
			copyOfEventId.set(eventId, i);
		} else skipReasonOfEvent[i] = 'duplicateEventId';
	}
}

/** Of two copies of one event id, the earlier wins, then the smaller content text: a total order, so any arrival order keeps the same copy. */
function precedesCopy(challenger: LifecycleEvent, holder: LifecycleEvent): boolean {
	if (challenger.timestamp !== holder.timestamp) return challenger.timestamp < holder.timestamp;
	return eventContentText(challenger) < eventContentText(holder);
}

/**
 * Node of each kept event's person in the identity graph. Events that carry several identities link them in
 * time order (then by their keys), so when a link is refused (two known customer ids), the earlier evidence
 * wins whatever order the events arrived in.
 */
function linkIdentities(graph: IdentityGraph, events: LifecycleEvent[], kept: Int32Array, keysOfEvent: Array<string[] | undefined>): Int32Array {
	const linking: number[] = [];
	for (const i of kept) if ((keysOfEvent[i]?.length ?? 0) > 1) linking.push(i);
	const linkText = (i: number) => keysOfEvent[i]!.join('\n');
	linking.sort((a, b) => events[a].timestamp - events[b].timestamp || compareText(linkText(a), linkText(b)));
	for (const i of linking) graph.link(keysOfEvent[i]!);
	const nodeOfEvent = new Int32Array(events.length).fill(-1);
	const nodeOfCustomerId = new Map<string, number>();
	for (const i of kept) {
		const keys = keysOfEvent[i];
		if (keys) {
			nodeOfEvent[i] = graph.add(keys[0]);
			continue;
		}
		const customerId = events[i].customerId!;
		let node = nodeOfCustomerId.get(customerId);
		if (node === undefined) {
			node = graph.add(identityKey('customerId', customerId));
			nodeOfCustomerId.set(customerId, node);
		}
		nodeOfEvent[i] = node;
	}
	return nodeOfEvent;
}

export function buildProfiles(
	events: LifecycleEvent[],
	options: BuildProfilesOptions = {},
): BuildProfilesResult {
	const periodUnit = resolvePeriodUnit(options.periodUnit, 'buildProfiles');
	const dedupe = options.dedupeByEventId ?? true;
	const refunds = options.refunds ?? 'subtract';
	const afterEnd = options.afterObservationEnd ?? 'error';
	const zeroValue = options.zeroValuePurchases ?? 'keep';
	const currency = options.currency ?? { mode: 'report' };
	const defaultCurrency = options.defaultCurrency ?? '';
	const historyLimit = options.historyLimit ?? 100;
	if (!Number.isInteger(historyLimit) || historyLimit < 0) {
		throw new LifecycleInputError(`buildProfiles requires a history limit that is a whole number >= 0; got ${historyLimit}`, {
			field: 'historyLimit',
		});
	}
	if (currency.mode === 'convert' && !currency.baseCurrency) {
		throw new LifecycleInputError('buildProfiles requires a base currency to convert into', {
			field: 'baseCurrency',
		});
	}

	const explicitEnd = options.observationEnd !== undefined;
	const outlierLimit = explicitEnd ? Number.POSITIVE_INFINITY : outlierLimitOf(events, options.now);
	// Without an explicit end, the end is the latest usable event, known once every event is screened.
	let observationEnd = explicitEnd ? parseObservationEnd(options.observationEnd) : Number.POSITIVE_INFINITY;
	const vocabulary = createChannelVocabulary(options.channelAliases ?? []);
	const counts: RunCounts = { placeholderIdentities: 0, unrecognisedChannelSuppressions: 0, outlierEvents: 0 };

	const issues: InputIssue[] = [];
	const runSkipped = Object.create(null) as Record<string, number>;
	const kept = new Int32Array(events.length);
	let keptCount = 0;
	const keysOfEvent: Array<string[] | undefined> = new Array(events.length);
	const valueOfEvent = new Float64Array(events.length);
	const skipReasonOfEvent: Array<string | undefined> = new Array(events.length);
	const realCustomerIds = new Set<string>();
	const screening: Screening = { observationEnd, afterEnd, currency, defaultCurrency, zeroValue, refunds };

	for (let i = 0; i < events.length; i++) {
		const event = events[i];
		const onlyCustomerId =
			event.customerId !== undefined && !event.email && !event.phone && !event.anonymousId &&
			isRealCustomerId(event.customerId, realCustomerIds);
		const keys = onlyCustomerId ? NO_KEYS : eventIdentityKeys(event, () => counts.placeholderIdentities++);
		if (keys.length === 0 && !onlyCustomerId) {
			issues.push({
				itemIndex: event.sourceIndex,
				field: 'customerId',
				message: 'The event has no customer id, email, anonymous id or phone',
				hint: 'Map at least one identity field, or set "Items Without Identity" to skip them',
			});
			continue;
		}
		const problem = eventProblem(event, outlierLimit, counts);
		if (problem) {
			issues.push(problem);
			continue;
		}
		const screened = screenEvent(event, screening);
		if ('issue' in screened) {
			issues.push(screened.issue);
			continue;
		}
		keysOfEvent[i] = onlyCustomerId ? undefined : keys;
		valueOfEvent[i] = screened.value;
		skipReasonOfEvent[i] = screened.skip;
		kept[keptCount++] = i;
	}
	// Whether an event is usable depends on that event alone (and the run's end); which usable copy or snapshot
	// counts depends only on the usable events, never on their order: so stored profiles can be updated exactly.
	if (!explicitEnd) observationEnd = latestTime(events, kept.subarray(0, keptCount));
	if (dedupe) markDuplicates(events, kept.subarray(0, keptCount), skipReasonOfEvent);
	markSuperseded(events, kept.subarray(0, keptCount), skipReasonOfEvent);
	const graph = new IdentityGraph();
	const nodeOfEvent = linkIdentities(graph, events, kept.subarray(0, keptCount), keysOfEvent);

	// People, in order of first appearance so the output order is reproducible.
	const personOfRoot = new Map<number, number>();
	const accumulators: Accumulator[] = [];
	const personOfEvent = new Int32Array(events.length).fill(-1);
	for (let k = 0; k < keptCount; k++) {
		const i = kept[k];
		const root = graph.findNode(nodeOfEvent[i]);
		let person = personOfRoot.get(root);
		if (person === undefined) {
			person = accumulators.length;
			personOfRoot.set(root, person);
			accumulators.push(newAccumulator());
		}
		personOfEvent[i] = person;
	}

	// Purchases by (person, day) for the BTYD summary, gathered as the events are aggregated.
	const purchasePerson = new Int32Array(keptCount);
	const purchaseDay = new Float64Array(keptCount);
	const purchaseValue = new Float64Array(keptCount);
	let purchases = 0;
	let eventsUsed = 0;

	// Aggregate person by person (events grouped by a counting sort, input order kept within a person),
	// so product look-ups use three scratch maps instead of three maps per person.
	const personCount = accumulators.length;
	const personStart = new Int32Array(personCount + 1);
	for (let k = 0; k < keptCount; k++) personStart[personOfEvent[kept[k]] + 1]++;
	for (let p = 0; p < personCount; p++) personStart[p + 1] += personStart[p];
	const cursor = personStart.slice(0, personCount);
	const eventsByPerson = new Int32Array(keptCount);
	for (let k = 0; k < keptCount; k++) eventsByPerson[cursor[personOfEvent[kept[k]]]++] = kept[k];
	const purchased = new Map<string, number>();
	const viewed = new Map<string, number>();
	const carted = new Map<string, number>();

	for (let person = 0; person < personCount; person++) {
		const accumulator = accumulators[person];
		const from = personStart[person];
		const to = personStart[person + 1];
		const sources = new Array<number>(to - from);
		for (let position = from; position < to; position++) {
			const i = eventsByPerson[position];
			const event = events[i];
			sources[position - from] = event.sourceIndex;
			const skip = skipReasonOfEvent[i];
			if (skip) {
				increment(accumulator.skipped, skip);
				increment(runSkipped, skip);
				continue;
			}
			eventsUsed++;
			accumulator.eventsUsed++;
			const at = event.timestamp;
			if (at < accumulator.firstSeen) accumulator.firstSeen = at;
			if (at > accumulator.lastSeen) accumulator.lastSeen = at;
			const value = valueOfEvent[i];
			const code =
				currency.mode === 'convert'
					? currency.baseCurrency.toUpperCase()
					: (event.currency ?? defaultCurrency).toUpperCase();
			switch (event.type) {
				case 'purchase': {
					if (at < accumulator.firstPurchase) accumulator.firstPurchase = at;
					if (at > accumulator.lastPurchase) accumulator.lastPurchase = at;
					if (event.orderId !== undefined) accumulator.orderIds.add(event.orderId);
					else accumulator.ordersWithoutId++;
					addTo(accumulator.grossByCurrency, code, value);
					keepLatestProducts(purchased, event, at);
					purchasePerson[purchases] = person;
					purchaseDay[purchases] = utcDayIndex(at);
					purchaseValue[purchases] = value;
					purchases++;
					break;
				}
				case 'refund':
					accumulator.refunds++;
					addTo(accumulator.refundsByCurrency, code, Math.abs(value));
					break;
				case 'view':
					keepLatestProducts(viewed, event, at);
					break;
				case 'cart':
				case 'checkout':
					keepLatestProducts(carted, event, at);
					break;
				case 'message_sent':
				case 'message_opened':
				case 'message_clicked':
				case 'message_bounced': {
					const channel = messageChannel(vocabulary, event.channel);
					const engagement = engagementOf(accumulator, channel);
					if (event.type === 'message_sent') {
						engagement.sent++;
						if (at > engagement.lastSent) engagement.lastSent = at;
						if (historyLimit > 0) accumulator.messages.push({ channel, at });
					} else if (event.type === 'message_bounced') engagement.bounced++;
					else {
						const type = event.type === 'message_opened' ? 'opened' : 'clicked';
						if (type === 'opened') engagement.opened++;
						else engagement.clicked++;
						if (at > engagement.lastEngaged) engagement.lastEngaged = at;
						if (historyLimit > 0) accumulator.engagements.push({ channel, at, type });
					}
					break;
				}
				case 'unsubscribe':
					if (applyUnsubscribe(accumulator, vocabulary, event.channel, at)) counts.unrecognisedChannelSuppressions++;
					break;
				case 'consent':
					if (event.consentGranted !== undefined && applyConsent(accumulator, vocabulary, event.channel, event.consentGranted, at))
						counts.unrecognisedChannelSuppressions++;
					break;
				case 'referral':
					accumulator.referrals++;
					break;
				case 'review':
					accumulator.reviews++;
					break;
				default:
					break;
			}
			if (event.consent)
				for (const [channel, granted] of Object.entries(event.consent))
					if (applyConsent(accumulator, vocabulary, channel, granted, at)) counts.unrecognisedChannelSuppressions++;
			if (event.attributes) {
				for (const [name, text] of Object.entries(event.attributes)) {
					if (typeof text !== 'string' || text === '') continue;
					const previous = accumulator.attributes.get(name);
					// Latest wins; at an equal time the larger text, so arrival order never matters.
					if (!previous || at > previous.at || (at === previous.at && text > previous.value))
						accumulator.attributes.set(name, { value: text, at });
				}
			}
		}
		accumulator.sources = sources;
		accumulator.productsPurchased = recentFirst(purchased);
		accumulator.productsViewed = recentFirst(viewed);
		const inCart = new Map<string, number>();
		for (const [productId, cartedAt] of carted) {
			const boughtAt = purchased.get(productId);
			if (boughtAt === undefined || boughtAt < cartedAt) inCart.set(productId, cartedAt);
		}
		accumulator.productsInCart = recentFirst(inCart);
		purchased.clear();
		viewed.clear();
		carted.clear();
	}

	const btyd = summarizePurchaseDays(
		accumulators.length,
		purchasePerson,
		purchaseDay,
		purchaseValue,
		purchases,
		utcDayIndex(observationEnd),
		periodUnit,
	);

	// Identities of each person, from the graph.
	const identitiesOf: string[][] = accumulators.map(() => []);
	for (let node = 0; node < graph.keyCount; node++) {
		const person = personOfRoot.get(graph.findNode(node));
		if (person !== undefined) identitiesOf[person].push(graph.keyAt(node));
	}

	let mixedCurrencyProfiles = 0;
	const profiles: CustomerProfile[] = accumulators.map((accumulator, person) => {
		const identities = identitiesOf[person].sort();
		const valuesOf = (prefix: string) =>
			identities.filter((key) => key.startsWith(prefix)).map((key) => key.slice(2));
		const customerIds = valuesOf('c:');
		const emails = valuesOf('e:');
		const phones = valuesOf('p:');
		const anonymousIds = valuesOf('a:');
		const customerId = customerIds[0] ?? null;
		const email = emails[0] ?? null;
		const profileId =
			customerId ??
			(email
				? `email:${email}`
				: phones[0]
					? `phone:${phones[0]}`
					: `anonymous:${anonymousIds[0]}`);

		const currencies = [
			...accumulator.grossByCurrency.keys(),
			...accumulator.refundsByCurrency.keys(),
		].filter((c) => c !== '');
		const distinctCurrencies = [...new Set(currencies)].sort();
		const mixed = distinctCurrencies.length > 1;
		if (mixed) mixedCurrencyProfiles++;
		const sum = (map: Map<string, ExactSum>) => {
			const total = new ExactSum();
			for (const partial of map.values()) total.add(partial.value());
			return total.value();
		};
		const gross = sum(accumulator.grossByCurrency);
		const refunded = sum(accumulator.refundsByCurrency);
		const revenueByCurrency = Object.create(null) as Record<string, number>;
		for (const [code, amount] of accumulator.grossByCurrency) {
			const key = code || 'unspecified';
			revenueByCurrency[key] = round2((revenueByCurrency[key] ?? 0) + amount.value());
		}
		for (const [code, amount] of accumulator.refundsByCurrency) {
			const key = code || 'unspecified';
			revenueByCurrency[key] = round2(
				(revenueByCurrency[key] ?? 0) - (refunds === 'subtract' ? amount.value() : 0),
			);
		}
		const orders = accumulator.orderIds.size + accumulator.ordersWithoutId;
		const revenue = mixed ? null : round2(gross - (refunds === 'subtract' ? refunded : 0));
		const hasPurchase = orders > 0;

		const engagement = Object.create(null) as Record<string, ChannelEngagement>;
		for (const channel of [...accumulator.engagement.keys()].sort()) {
			const { lastSent, lastEngaged, ...counts } = accumulator.engagement.get(channel)!;
			engagement[channel] = {
				...counts,
				lastSentAt: iso(lastSent),
				lastEngagedAt: iso(lastEngaged),
			};
		}
		const channelCount = (channel: string, field: 'sent' | 'opened' | 'clicked') =>
			engagement[channel]?.[field] ?? 0;
		const consent = Object.create(null) as Record<string, boolean>;
		for (const channel of [...accumulator.consent.keys()].sort())
			consent[channel] = accumulator.consent.get(channel)!.granted;
		const attribute = (name: string) => accumulator.attributes.get(name)?.value ?? null;

		return {
			profileId,
			customerId,
			email,
			phone: phones[0] ?? null,
			anonymousIds,
			identities,
			firstName: attribute('firstName'),
			lastName: attribute('lastName'),
			country: attribute('country'),
			timeZone: attribute('timeZone'),
			firstSeenAt: iso(accumulator.firstSeen),
			lastSeenAt: iso(accumulator.lastSeen),
			firstPurchaseAt: iso(accumulator.firstPurchase),
			lastPurchaseAt: iso(accumulator.lastPurchase),
			orders,
			revenue,
			averageOrderValue: mixed || !hasPurchase ? null : round2(gross / orders),
			refunds: accumulator.refunds,
			refundedAmount: mixed ? null : round2(refunded),
			currency: mixed ? 'MIXED' : (distinctCurrencies[0] ?? null),
			revenueByCurrency: withSortedKeys(revenueByCurrency),
			periodUnit,
			observationEnd: new Date(observationEnd).toISOString(),
			frequency: hasPurchase ? btyd.frequency[person] : 0,
			recency: hasPurchase ? btyd.recency[person] : 0,
			T: hasPurchase ? btyd.T[person] : 0,
			monetaryValue: mixed ? null : hasPurchase ? btyd.monetaryValue[person] : 0,
			daysSinceLastPurchase: hasPurchase
				? Math.floor((observationEnd - accumulator.lastPurchase) / MS_PER_DAY)
				: null,
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
			messageHistory: mostRecent(accumulator.messages, historyLimit).map(({ channel, at }) => ({
				channel,
				sentAt: new Date(at).toISOString(),
			})),
			engagementHistory: mostRecent(accumulator.engagements, historyLimit).map(({ channel, at, type }) => ({
				channel,
				type,
				engagedAt: new Date(at).toISOString(),
			})),
			consent,
			consentEmail: consent.email ?? null,
			consentSms: consent.sms ?? null,
			consentPush: consent.push ?? null,
			unsubscribed: stillUnsubscribed(accumulator),
			productsPurchased: accumulator.productsPurchased,
			productsViewed: accumulator.productsViewed,
			productsInCart: accumulator.productsInCart,
			referrals: accumulator.referrals,
			reviews: accumulator.reviews,
			eventsUsed: accumulator.eventsUsed,
			eventsSkipped: Object.values(accumulator.skipped).reduce((total, count) => total + count, 0),
			skippedReasons: withSortedKeys(accumulator.skipped),
			sourceIndexes: distinctSorted(accumulator.sources),
		};
	});

	assignRfmScores(profiles);

	const eventsSkipped = Object.values(runSkipped).reduce((total, count) => total + count, 0);
	return {
		profiles,
		summary: {
			eventsIn: events.length,
			eventsUsed,
			eventsSkipped,
			skippedReasons: withSortedKeys(runSkipped),
			identityConflicts: graph.conflicts,
			profiles: profiles.length,
			observationEnd: new Date(observationEnd).toISOString(),
			mixedCurrencyProfiles,
			...counts,
		},
		issues,
	};
}
