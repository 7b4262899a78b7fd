/**
 * Consent and unsubscribes per channel, kept so that the result never depends on the order events arrive in:
 * each channel holds its latest consent (a withdrawal wins a tie: fail closed), the time of its latest unsubscribe
 * and of its latest grant. An unsubscribe is listed until a later grant lifts it (a grant at the same time does not).
 * These are aggregates with a join (latest wins, ties by a fixed rule), so two of them merge exactly (mergeChannelConsent).
 *
 * Cost: O(c) per event for c channels ('all' and unrecognised names touch every channel).
 * @example applyUnsubscribe(consent, vocabulary, 'E-Mail', at) // false: recognised, email withdrawn
 */
import type { ChannelVocabulary } from '../channelVocabulary';
import { channelKey, EVERY_CHANNEL } from '../channelVocabulary';

export interface ChannelConsent {
	consent: Map<string, { granted: boolean; at: number }>;
	/** Channel -> time of the latest unsubscribe; listed unless a consent grant comes later. */
	unsubscribed: Map<string, number>;
	/** Channel -> time of the latest consent grant. */
	grants: Map<string, number>;
}

export function keepLatest(map: Map<string, number>, key: string, at: number): void {
	const previous = map.get(key);
	if (previous === undefined || at > previous) map.set(key, at);
}

/** The latest consent wins; at an equal time a withdrawal wins (fail closed), so arrival order never matters. */
export function setConsent(record: ChannelConsent, channel: string, granted: boolean, at: number): void {
	const previous = record.consent.get(channel);
	if (!previous || at > previous.at || (at === previous.at && !granted)) record.consent.set(channel, { granted, at });
	if (granted) keepLatest(record.grants, channel, at);
}

/** Channels unsubscribed and not granted again later (a grant at the same time does not lift it). */
export function stillUnsubscribed(record: ChannelConsent): string[] {
	const channels: string[] = [];
	for (const [channel, at] of record.unsubscribed) {
		const grantedAt = record.grants.get(channel);
		if (grantedAt === undefined || grantedAt <= at) channels.push(channel);
	}
	return channels.sort();
}

function withdrawEveryChannel(record: ChannelConsent, vocabulary: ChannelVocabulary, at: number): void {
	for (const channel of vocabulary.channels) setConsent(record, channel, false, at);
}

/**
 * An unsubscribe (no channel means email): listed under its canonical name, or as written when nobody
 * recognises it; 'all' and unrecognised names withdraw consent on every channel (fail closed).
 * Returns true when the name was not recognised.
 */
export function applyUnsubscribe(record: ChannelConsent, vocabulary: ChannelVocabulary, named: string | undefined, at: number): boolean {
	const text = named ?? 'email';
	const canonical = vocabulary.canonical(text);
	keepLatest(record.unsubscribed, canonical ?? text.trim(), at);
	if (canonical !== undefined && canonical !== EVERY_CHANNEL) setConsent(record, canonical, false, at);
	else withdrawEveryChannel(record, vocabulary, at);
	return canonical === undefined;
}

/**
 * A consent (no channel means email): a grant applies to a recognised channel only; a withdrawal for 'all'
 * or an unrecognised name withdraws every channel. Returns true when a withdrawal named no known channel.
 */
export function applyConsent(record: ChannelConsent, vocabulary: ChannelVocabulary, named: string | undefined, granted: boolean, at: number): boolean {
	const text = named ?? 'email';
	const canonical = vocabulary.canonical(text);
	if (canonical !== undefined && canonical !== EVERY_CHANNEL) {
		setConsent(record, canonical, granted, at);
		return false;
	}
	if (!granted) {
		withdrawEveryChannel(record, vocabulary, at);
		return canonical === undefined;
	}
	setConsent(record, canonical ?? (channelKey(text) || 'unknown'), true, at);
	return false;
}

/** Folds `source` into `target` with the same rules, so merging gives what one record fed both sequences gives. */
export function mergeChannelConsent(target: ChannelConsent, source: ChannelConsent): void {
	for (const [channel, { granted, at }] of source.consent) {
		const previous = target.consent.get(channel);
		if (!previous || at > previous.at || (at === previous.at && !granted)) target.consent.set(channel, { granted, at });
	}
	for (const [channel, at] of source.unsubscribed) keepLatest(target.unsubscribed, channel, at);
	for (const [channel, at] of source.grants) keepLatest(target.grants, channel, at);
}
