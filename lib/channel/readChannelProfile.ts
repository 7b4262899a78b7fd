/**
 * Read one customer profile (as Build Profile emits it, plus optional fields) into the facts a channel
 * decision needs, rejecting anything that would make the decision a guess: consent that is not true,
 * false or empty, unknown time zones, counts that are not whole numbers, history after `now`.
 *
 * Input fields used (all optional; see ChannelProfile): customerId, profileId, email, phone, pushToken,
 * addresses, timeZone, consent, consentEmail/consentSms/consentPush, unsubscribed, complained, engagement
 * (or emailSent/emailOpened/emailClicked...), messageHistory, engagementHistory, segment or rfmSegment,
 * campaign, campaignPriority.
 * Consent: true grants; false withdraws; null, undefined or a missing entry is unknown and never grants.
 * Suppression fails closed: unsubscribed and complained entries are read through the channel vocabulary
 * (case, spaces and hyphens ignored; e-mail, mail, newsletter -> email; text, mobile -> sms; notification -> push;
 * options.channelAliases); 'all', '*' and any name nobody recognises suppress every channel, saying so.
 * Every field is read as an own property, so channel names such as "toString" are plain names.
 * Responses are capped at sends (repeated opens); with no recorded sends, responses imply as many sends.
 * Without messageHistory, caps count `sent` messages at engagement[channel].lastSentAt (or at `now` when
 * that date is missing): an upper bound on any recent window, so a cap is never exceeded for lack of dates.
 * Reference: GDPR Art. 7 and ePrivacy Art. 13 (consent must be an unambiguous affirmative act).
 *
 * Cost: O(channels + m log m + e) for m messages and e engagements.
 * @example readChannelProfile({ customerId: 'c1', email: 'a@b.co', consent: { email: true } }, resolved, 0).consent // [true, null, null]
 */
import type { InputIssue } from '../errors';
import { LifecycleInputError } from '../errors';
import { channelKey, EVERY_CHANNEL } from '../channelVocabulary';
import { ownField } from '../fieldValues';
import { parseTimestamp } from '../profile/parseTimestamp';
import type { CustomerProfile } from '../profile/schemas';
import type { SentMessage } from './checkFrequencyCaps';
import type { ResolvedChannelOptions } from './resolveChannelOptions';
import type { ZoneClock } from './ZoneClock';
import { localMinuteOf } from './ZoneClock';

// Globals read once: in vm sandboxes (Jest, n8n task runners) each global lookup is slow, and these run per decision.
const { floor, max, min } = Math;
const { isArray } = Array;
const { isFinite: isFiniteNumber, isInteger, POSITIVE_INFINITY } = Number;
const DateType = Date;
const FloatArray = Float64Array;
/** parseTimestamp's rule, applied here without the call: numbers below 1e11 are seconds (Stripe's `created`). */
const SECONDS_BELOW = 1e11;

/** One message sent in the past, for frequency caps. */
export interface MessageHistoryEntry {
	channel: string;
	/** ms since epoch, ISO 8601 (no offset means UTC) or a Date; never after `now`. */
	sentAt: number | string | Date;
}

/** One open or click in the past, for the send-time estimate. */
export interface EngagementHistoryEntry {
	channel?: string;
	/** ms since epoch, ISO 8601 (no offset means UTC) or a Date; never after `now`. */
	engagedAt: number | string | Date;
}

/** The profile Choose Channel reads: Build Profile's fields plus optional ones Build Profile does not emit yet. */
export type ChannelProfile = Partial<CustomerProfile> & {
	/** Device token for push. */
	pushToken?: string | null;
	/** Addresses of other channels, e.g. { whatsapp: '+4915...' }. */
	addresses?: Record<string, string | null>;
	/** Channels with a spam complaint ('all' for every channel). */
	complained?: string[];
	messageHistory?: Array<MessageHistoryEntry>;
	engagementHistory?: Array<EngagementHistoryEntry | number | string>;
	/** Segment whose send-time pattern the customer is shrunk towards; default rfmSegment. */
	segment?: string | null;
	/** chooseChannels: the campaign this item is for, and its priority (higher wins). */
	campaign?: string | null;
	campaignPriority?: number | null;
};

export interface ChannelCustomer {
	itemIndex: number;
	/** Identity used for competing campaigns and the random stream: customerId, profileId, email, phone or the item index. */
	key: string;
	customerId: string | null;
	timeZone: string;
	timeZoneSource: 'profile' | 'default';
	clock: ZoneClock;
	/** By channel index (priority order): true granted, false withdrawn, null unknown. */
	consent: Array<boolean | null>;
	addressUsable: boolean[];
	/** Why each channel is suppressed, or null. */
	suppression: Array<string | null>;
	sent: number[];
	responses: number[];
	/** Past messages at or before now, ascending. */
	messages: SentMessage[];
	historySource: 'messageHistory' | 'engagement counts' | 'none';
	/** Opens and clicks per local hour. */
	hourCounts: Float64Array;
	segment: string | null;
	campaign: string | null;
	campaignPriority: number | null;
}

type Fail = (field: string, need: string, got: unknown, todo: string) => never;

function describe(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.toISOString() : 'an invalid Date';
	try {
		const text = JSON.stringify(value);
		return text === undefined ? String(value) : text.length > 80 ? `${text.slice(0, 77)}...` : text;
	} catch {
		return String(value);
	}
}

function makeFail(functionName: string, itemIndex: number | null): Fail {
	return (field, need, got, todo) => {
		const where = itemIndex === null ? '' : ` (item ${itemIndex})`;
		throw new LifecycleInputError(`${functionName} requires ${field} ${need}; got ${describe(got)}${where}: ${todo}`, {
			itemIndex: itemIndex ?? undefined,
			field,
			hint: todo,
		});
	};
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !isArray(value);
}

function optionalString(profile: Record<string, unknown>, field: string, fail: Fail): string | null {
	const value = ownField(profile, field);
	if (value === undefined || value === null) return null;
	if (typeof value !== 'string') fail(field, 'to be a string or empty', value, `map ${field} to text before this step`);
	return value === '' ? null : value;
}

function readConsentValue(value: unknown, field: string, fail: Fail): boolean | null {
	if (value === undefined || value === null) return null;
	if (value === true || value === false) return value;
	return fail(field, 'to be true, false or empty (unknown)', value, 'map consent to a boolean before this step; unknown consent is never treated as consent');
}

function readCount(value: unknown, field: string, fail: Fail): number {
	if (value === undefined || value === null) return 0;
	if (typeof value !== 'number' || !isInteger(value) || value < 0) fail(field, 'to be a whole number, 0 or more', value, 'fix the engagement counts of the profile');
	return value as number;
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_PATTERN = /^\+?\d{7,15}$/;

function addressUsable(value: string | null, kind: 'email' | 'phone' | 'token'): boolean {
	if (value === null) return false;
	const text = value.trim();
	if (kind === 'email') return EMAIL_PATTERN.test(text);
	if (kind === 'phone') return PHONE_PATTERN.test(text.replace(/[\s().-]/g, ''));
	return text.length > 0;
}

function readChannelList(profile: Record<string, unknown>, field: string, fail: Fail): string[] {
	const value = profile[field];
	if (value === undefined || value === null) return [];
	if (!isArray(value) || value.some((entry) => typeof entry !== 'string')) {
		fail(field, 'to be a list of channel names', value, `give ${field} as an array such as ["email"]`);
	}
	return value as string[];
}

function readTime(value: unknown, field: string, now: number, fail: Fail): number {
	let time: number | undefined;
	if (typeof value === 'number') time = value >= 0 && value < POSITIVE_INFINITY ? (value < SECONDS_BELOW ? value * 1000 : value) : undefined;
	else if (typeof value === 'string' || value instanceof DateType) time = parseTimestamp(value);
	if (time === undefined) fail(field, 'to be a timestamp (ms since epoch or ISO 8601)', value, 'fix or remove the entry');
	if ((time as number) > now) {
		fail(field, `to be at or before now (${new DateType(now).toISOString()})`, value, 'history cannot be in the future: check the source clock, its time zone, or the now option');
	}
	return time as number;
}

function suppressEvery(reasons: Array<string | null>, options: ResolvedChannelOptions, reasonOf: (name: string) => string): void {
	for (const channel of options.channels) reasons[channel.index] ??= reasonOf(channel.name);
}

/**
 * Suppression reason per configured channel from one list (unsubscribed or complained), read through the
 * channel vocabulary; 'all' and any name nobody recognises suppress every channel (fail closed).
 */
function applySuppressionList(list: readonly string[], reasons: Array<string | null>, options: ResolvedChannelOptions, verb: string, note: string): void {
	for (const entry of list) {
		const canonical = options.vocabulary.canonical(entry);
		if (canonical === EVERY_CHANNEL) suppressEvery(reasons, options, (name) => `${verb} ${name}${note}`);
		else if (canonical === undefined) {
			const shown = JSON.stringify(entry.length > 40 ? `${entry.slice(0, 37)}...` : entry);
			suppressEvery(reasons, options, () => `${verb} unrecognised channel ${shown}${note}, so every channel is suppressed`);
		} else {
			const index = options.channelOfKey.get(channelKey(canonical));
			if (index !== undefined) reasons[index] ??= `${verb} ${options.channels[index].name}${note}`;
		}
	}
}

/** Why each configured channel is suppressed by the profile's lists (unsubscribes first), or null. */
export function suppressionFromLists(unsubscribed: readonly string[], complained: readonly string[], options: ResolvedChannelOptions): Array<string | null> {
	const reasons = new Array<string | null>(options.channels.length).fill(null);
	if (unsubscribed.length > 0) applySuppressionList(unsubscribed, reasons, options, 'unsubscribed from', '');
	if (complained.length > 0) applySuppressionList(complained, reasons, options, 'complained about', ' (spam report)');
	return reasons;
}

/** Read and validate one profile; see the file comment. Throws LifecycleInputError naming the field and the fix. */
export function readChannelProfile(profile: unknown, options: ResolvedChannelOptions, itemIndex: number | null): ChannelCustomer {
	const fail = makeFail(options.functionName, itemIndex);
	if (!isRecord(profile)) fail('a profile', 'to be an object', profile, 'pass one customer profile per item');
	const record = profile as Record<string, unknown>;
	const now = options.now;
	const channels = options.channels;

	const customerId = optionalString(record, 'customerId', fail);
	const profileId = optionalString(record, 'profileId', fail);

	let timeZone = options.defaultTimeZone;
	let timeZoneSource: 'profile' | 'default' = 'default';
	const zoneValue = record.timeZone;
	if (zoneValue !== undefined && zoneValue !== null && zoneValue !== '') {
		if (typeof zoneValue !== 'string' || !options.clock(zoneValue)) {
			fail('timeZone', 'to be a known IANA time zone such as "Europe/Berlin"', zoneValue, 'correct it, or leave it empty to use defaultTimeZone');
		}
		timeZone = zoneValue as string;
		timeZoneSource = 'profile';
	}
	const clock = options.clock(timeZone) as ZoneClock;

	const consentRecord = record.consent;
	if (consentRecord !== undefined && consentRecord !== null && !isRecord(consentRecord)) {
		fail('consent', 'to be an object of channel -> true/false', consentRecord, 'give consent as { "email": true, "sms": false }');
	}
	const engagementRecord = record.engagement;
	if (engagementRecord !== undefined && engagementRecord !== null && !isRecord(engagementRecord)) {
		fail('engagement', 'to be an object of channel -> counts', engagementRecord, 'give engagement as Build Profile emits it');
	}
	const addresses = record.addresses;
	if (addresses !== undefined && addresses !== null && !isRecord(addresses)) {
		fail('addresses', 'to be an object of channel -> address', addresses, 'give addresses as { "whatsapp": "+4915..." }');
	}
	const unsubscribed = readChannelList(record, 'unsubscribed', fail);
	const complained = readChannelList(record, 'complained', fail);
	const listSuppression = suppressionFromLists(unsubscribed, complained, options);

	const consent: Array<boolean | null> = [];
	const usable: boolean[] = [];
	const suppression: Array<string | null> = [];
	const sent: number[] = [];
	const responses: number[] = [];
	const lastSent: Array<unknown> = [];
	for (const channel of channels) {
		const name = channel.name;
		const fields = channel.fields;
		const recorded = readConsentValue(ownField(consentRecord as Record<string, unknown> | null | undefined, name), fields.consent, fail);
		const flat = readConsentValue(ownField(record, fields.flatConsent), fields.flatConsent, fail);
		if (recorded !== null && flat !== null && recorded !== flat) {
			fail(`${fields.consent} and ${fields.flatConsent}`, 'to agree', { [fields.consent]: recorded, [fields.flatConsent]: flat }, 'correct the profile so that both carry the latest consent');
		}
		consent.push(recorded ?? flat);

		let address: string | null;
		const dot = channel.addressField.indexOf('.');
		if (dot > 0) {
			const container = ownField(record, channel.addressField.slice(0, dot));
			const value = isRecord(container) ? ownField(container, channel.addressField.slice(dot + 1)) : undefined;
			if (value !== undefined && value !== null && typeof value !== 'string') {
				fail(channel.addressField, 'to be a string or empty', value, 'map the address to text before this step');
			}
			address = (value as string | null | undefined) ?? null;
		} else {
			address = optionalString(record, channel.addressField, fail);
		}
		usable.push(addressUsable(address, channel.addressKind));

		const counts = ownField(engagementRecord as Record<string, unknown> | null | undefined, name);
		let channelSent: number;
		let opened: number;
		let clicked: number;
		let bounced: number;
		if (counts !== undefined && counts !== null) {
			if (!isRecord(counts)) fail(fields.engagement, 'to be an object of counts', counts, 'give engagement as Build Profile emits it');
			const countRecord = counts as Record<string, unknown>;
			channelSent = readCount(countRecord.sent, fields.sent, fail);
			opened = readCount(countRecord.opened, fields.opened, fail);
			clicked = readCount(countRecord.clicked, fields.clicked, fail);
			bounced = readCount(countRecord.bounced, fields.bounced, fail);
			lastSent.push(countRecord.lastSentAt);
		} else {
			channelSent = readCount(ownField(record, fields.flatSent), fields.flatSent, fail);
			opened = readCount(ownField(record, fields.flatOpened), fields.flatOpened, fail);
			clicked = readCount(ownField(record, fields.flatClicked), fields.flatClicked, fail);
			bounced = 0;
			lastSent.push(undefined);
		}
		// Repeated opens can outnumber sends: responses are capped at sends; without recorded sends they imply them.
		const channelResponses = channel.response === 'click' ? clicked : max(opened, clicked);
		sent.push(channelSent > 0 ? channelSent : channelResponses);
		responses.push(channelSent > 0 ? min(channelResponses, channelSent) : channelResponses);

		let reason = listSuppression[channel.index];
		if (reason === null && bounced >= options.suppressAfterBounces) reason = `${bounced} ${name} bounce${bounced === 1 ? '' : 's'}`;
		suppression.push(reason);
	}

	const messages: SentMessage[] = [];
	let historySource: ChannelCustomer['historySource'] = 'none';
	const history = record.messageHistory;
	if (history !== undefined && history !== null) {
		if (!isArray(history)) fail('messageHistory', 'to be a list of { channel, sentAt }', history, 'give one entry per message sent');
		historySource = 'messageHistory';
		const entries = history as unknown[];
		for (let i = 0; i < entries.length; i++) {
			const entry = entries[i];
			if (!isRecord(entry) || typeof entry.channel !== 'string' || entry.channel === '') {
				fail(`messageHistory[${i}].channel`, 'to be a channel name', isRecord(entry) ? entry.channel : entry, 'give each entry as { channel, sentAt }');
			}
			const message = entry as Record<string, unknown>;
			messages.push({ channel: message.channel as string, at: readTime(message.sentAt, `messageHistory[${i}].sentAt`, now, fail) });
		}
		messages.sort((a, b) => a.at - b.at);
	} else if (options.caps.length > 0) {
		// Upper bound from counts: every message at the last send (or now without a date).
		let largestCap = 0;
		for (const cap of options.caps) largestCap = max(largestCap, cap.max);
		for (let k = 0; k < channels.length; k++) {
			if (sent[k] === 0) continue;
			historySource = 'engagement counts';
			const value = lastSent[k];
			const at = value === undefined || value === null ? now : readTime(value, channels[k].fields.lastSentAt, now, fail);
			const copies = min(sent[k], largestCap + 1);
			for (let c = 0; c < copies; c++) messages.push({ channel: channels[k].name, at });
		}
		messages.sort((a, b) => a.at - b.at);
	}

	const hourCounts = new FloatArray(24);
	const engagements = record.engagementHistory;
	if (engagements !== undefined && engagements !== null) {
		if (!isArray(engagements)) fail('engagementHistory', 'to be a list of { channel, engagedAt }', engagements, 'give one entry per open or click');
		const entries = engagements as unknown[];
		for (let i = 0; i < entries.length; i++) {
			const entry = entries[i];
			const value = isRecord(entry) ? entry.engagedAt : entry;
			const at = readTime(value, `engagementHistory[${i}]${isRecord(entry) ? '.engagedAt' : ''}`, now, fail);
			hourCounts[floor(localMinuteOf(clock.localMillis(at)) / 60)] += 1;
		}
	}

	let segment = optionalString(record, 'segment', fail);
	if (segment === null) segment = optionalString(record, 'rfmSegment', fail);
	const campaign = optionalString(record, 'campaign', fail) ?? options.campaign;
	const priorityValue = record.campaignPriority;
	if (priorityValue !== undefined && priorityValue !== null && (typeof priorityValue !== 'number' || !isFiniteNumber(priorityValue))) {
		fail('campaignPriority', 'to be a number (higher wins)', priorityValue, 'give a number or leave it empty to use the campaigns option');
	}
	const email = optionalString(record, 'email', fail);
	const phone = optionalString(record, 'phone', fail);
	const key = customerId ?? profileId ?? email ?? phone ?? `#${itemIndex ?? 0}`;

	return {
		itemIndex: itemIndex ?? 0,
		key,
		customerId: customerId ?? profileId,
		timeZone,
		timeZoneSource,
		clock,
		consent,
		addressUsable: usable,
		suppression,
		sent,
		responses,
		messages,
		historySource,
		hourCounts,
		segment,
		campaign,
		campaignPriority: (priorityValue as number | null | undefined) ?? null,
	};
}

/**
 * Input issue of a read error ({ itemIndex, field, message, hint }), for collecting instead of throwing.
 * Cost: O(1). @example toChannelIssue(error, 3).field // 'timeZone'
 */
export function toChannelIssue(error: LifecycleInputError, itemIndex: number): InputIssue {
	return { itemIndex, field: error.field ?? 'profile', message: error.message, hint: error.hint ?? '' };
}
