/**
 * Random Choose Channel batches for the invariant test: random zones (DST change days in New York, Berlin,
 * Sydney, Lord Howe, St John's; Kolkata and UTC without DST), random consent in every accepted shape,
 * addresses, suppressions, histories, caps, quiet hours, allowed days, policies and competing campaigns.
 * Also the independent checker: consent, address, suppression, campaign channels, quiet hours and days in
 * local time (Intl, not ZoneClock), the offset written in sendAt, caps over rolling windows, messages per run.
 */
import type { ChannelDecision, ChooseChannelOptions } from '../../../lib/channel';
import type { RandomSource } from '../../../lib/stats/seededRandom';

export const ZONES = ['America/New_York', 'Europe/Berlin', 'Australia/Sydney', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/St_Johns', 'UTC'];

/** Local dates of DST changes 2024-2026 (tz database 2024+; checked against Intl in the test). */
export const DST_DAYS: Record<string, string[]> = {
	'America/New_York': ['2024-03-10', '2024-11-03', '2025-03-09', '2025-11-02', '2026-03-08', '2026-11-01'],
	'America/St_Johns': ['2024-03-10', '2024-11-03', '2025-03-09', '2025-11-02', '2026-03-08', '2026-11-01'],
	'Europe/Berlin': ['2024-03-31', '2024-10-27', '2025-03-30', '2025-10-26', '2026-03-29', '2026-10-25'],
	'Australia/Sydney': ['2024-04-07', '2024-10-06', '2025-04-06', '2025-10-05', '2026-04-05', '2026-10-04'],
	'Australia/Lord_Howe': ['2024-04-07', '2024-10-06', '2025-04-06', '2025-10-05', '2026-04-05', '2026-10-04'],
	'Asia/Kolkata': [],
	UTC: [],
};

// Globals read once: Jest runs tests in a vm context where every global lookup is slow.
const { floor } = Math;
const parseDate = Date.parse;

const CHANNELS = ['email', 'sms', 'push'];
const HOUR = 3_600_000;
const DAY = 86_400_000;

export interface RandomBatch {
	profiles: Array<Record<string, unknown>>;
	options: ChooseChannelOptions & { now: number };
}

/** Spellings of each channel in unsubscribed and complained lists, as CRMs write them. */
const SPELLINGS: Record<string, string[]> = {
	email: ['email', 'Email', 'EMAIL', ' email ', 'e-mail', 'E-Mail', 'E_Mail', 'e mail', 'mail', 'Mail', 'newsletter', 'NEWSLETTER'],
	sms: ['sms', 'SMS', ' Sms', 'text', 'TEXT', 'mobile', 'Mobile ', 'S.M.S.'],
	push: ['push', 'PUSH', 'Push ', 'notification', 'Notification', 'push notification'],
	all: ['all', 'ALL', 'All', '*', ' * '],
	unknown: ['fax', 'Telefax', 'toString', '__proto__', 'constructor', 'hasOwnProperty', '', 'carrier pigeon', 'letter'],
	alias: ['courriel', 'Courriel', 'HANDY', 'handy', 'Benachrichtigung'],
};
/** The user aliases of half the spelled batches: without them, the alias spellings are unknown names. */
const USER_ALIASES = [
	{ alias: 'Courriel', channel: 'email' },
	{ alias: 'handy', channel: 'sms' },
	{ alias: 'benachrichtigung', channel: 'push' },
];

function randomCase(random: RandomSource, text: string): string {
	if (random() < 0.5) return text;
	let spelled = '';
	for (const character of text) spelled += random() < 0.5 ? character.toUpperCase() : character.toLowerCase();
	return spelled;
}

/** One to three suppression entries in random spellings: known channels, every channel, aliases, unknown names. */
function spelledList(random: RandomSource): string[] {
	const entries: string[] = [];
	const count = 1 + floor(random() * random() * 3);
	for (let i = 0; i < count; i++) {
		const u = random();
		const group = u < 0.55 ? pick(random, CHANNELS) : u < 0.7 ? 'all' : u < 0.85 ? 'alias' : 'unknown';
		entries.push(randomCase(random, pick(random, SPELLINGS[group])));
	}
	return entries;
}

function pick<T>(random: RandomSource, values: readonly T[]): T {
	return values[floor(random() * values.length)];
}

function clock(random: RandomSource): string {
	const hour = random() < 0.5 ? floor(random() * 5) : floor(random() * 24);
	const minute = pick(random, [0, 0, 0, 30, 15, floor(random() * 60)]);
	return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

function quietHours(random: RandomSource): { start: string; end: string } | null {
	if (random() < 0.1) return null;
	for (;;) {
		const start = clock(random);
		const end = random() < 0.3 ? clock(random) : pick(random, ['06:00', '07:00', '08:00', '02:30', '03:00', '01:00']);
		if (start !== end) return { start, end };
	}
}

function consentValue(random: RandomSource): boolean | null | undefined {
	const u = random();
	return u < 0.55 ? true : u < 0.75 ? false : u < 0.9 ? null : undefined;
}

export function randomNow(random: RandomSource, zone: string): number {
	const days = DST_DAYS[zone];
	if (days.length > 0 && random() < 0.6) {
		// Around a DST change: from 36 h before to 60 h after local midnight of the change day.
		return parseDate(`${pick(random, days)}T00:00:00Z`) + floor((random() * 96 - 36) * HOUR);
	}
	return Date.UTC(2024, 0, 1) + floor(random() * 3 * 365 * DAY);
}

/**
 * A random batch (see the file comment). With `spelledSuppressions`, unsubscribed and complained entries come in
 * random spellings (case, spaces, hyphens, aliases, 'all', '*', unknown and prototype names) in 40 % of customers,
 * and half the batches carry user channel aliases.
 */
export function randomBatch(random: RandomSource, size: number, { spelledSuppressions = false } = {}): RandomBatch {
	const focusZone = pick(random, ZONES);
	const now = randomNow(random, focusZone);
	const policy = pick(random, ['expectedValue', 'thompson', 'epsilonGreedy', 'priority'] as const);
	const caps: Array<{ channel?: string; max: number; windowHours?: number; windowDays?: number }> = [];
	const capCount = floor(random() * 4);
	for (let i = 0; i < capCount; i++) {
		const cap: { channel?: string; max: number; windowHours?: number; windowDays?: number } = { max: floor(random() * 6) };
		if (random() < 0.6) cap.channel = pick(random, CHANNELS);
		if (random() < 0.5) cap.windowHours = pick(random, [1, 6, 24, 36, 48]);
		else cap.windowDays = pick(random, [1, 3, 7, 14]);
		caps.push(cap);
	}
	const allowedDays = random() < 0.5 ? undefined : [1, 2, 3, 4, 5, 6, 7].filter(() => random() < 0.6);
	const campaigns = [
		{ name: 'welcome', priority: floor(random() * 3) },
		{ name: 'promo', priority: floor(random() * 3), channels: random() < 0.5 ? ['email', 'push'] : undefined },
		{ name: 'winback', priority: floor(random() * 3), channels: random() < 0.3 ? ['sms'] : undefined },
	];
	const options: RandomBatch['options'] = {
		now,
		policy,
		seed: floor(random() * 1000),
		epsilon: 0.1,
		propensityDraws: 32,
		defaultTimeZone: random() < 0.7 ? focusZone : pick(random, ZONES),
		quietHours: quietHours(random),
		allowedDays: allowedDays && allowedDays.length > 0 ? allowedDays : undefined,
		caps,
		maxMessagesPerRun: pick(random, [1, 1, 2, 3]),
		campaigns,
		channels: [
			{ name: 'email', costPerMessage: 0.001 },
			{ name: 'sms', costPerMessage: pick(random, [0, 0.02, 0.05]), quietHours: random() < 0.3 ? quietHours(random) : undefined },
			{ name: 'push', costPerMessage: 0 },
		],
		minimumExpectedValue: random() < 0.2 ? 0.01 : undefined,
		sendTime: { optimize: random() < 0.85, smoothingHours: 1, defaultHour: 10 },
	};
	const profiles: Array<Record<string, unknown>> = [];
	let customerNumber = 0;
	while (profiles.length < size) {
		const id = `c${customerNumber++}`;
		const zoneRoll = random();
		const timeZone = zoneRoll < 0.7 ? focusZone : zoneRoll < 0.88 ? pick(random, ZONES) : zoneRoll < 0.95 ? null : '';
		const consent: Record<string, unknown> = {};
		const base: Record<string, unknown> = { customerId: id, timeZone, consent };
		for (const channel of CHANNELS) {
			const value = consentValue(random);
			const flat = `consent${channel.charAt(0).toUpperCase()}${channel.slice(1)}`;
			const where = random();
			if (where < 0.6) consent[channel] = value;
			else if (where < 0.8) base[flat] = value;
			else {
				consent[channel] = value;
				base[flat] = value === undefined ? null : value;
			}
		}
		base.email = pick(random, ['a@example.com', 'b.c@example.org', 'not-an-email', '', null, undefined, 'x@y.de']);
		base.phone = pick(random, ['+49 151 2345678', '+1 (212) 555-0100', '123', null, undefined, '0151-2345678']);
		base.pushToken = pick(random, ['tok_abc', '', null, undefined, 'tok_xyz']);
		if (spelledSuppressions) {
			if (random() < 0.3) base.unsubscribed = spelledList(random);
			if (random() < 0.1) base.complained = spelledList(random);
		} else {
			if (random() < 0.15) base.unsubscribed = [pick(random, [...CHANNELS, 'all'])];
			if (random() < 0.05) base.complained = [pick(random, [...CHANNELS, 'all'])];
		}
		const engagement: Record<string, unknown> = {};
		for (const channel of CHANNELS) {
			if (random() < 0.3) continue;
			const sent = floor(random() * 40);
			const clicked = floor(random() * Math.min(sent + 1, 8));
			engagement[channel] = {
				sent,
				opened: clicked + floor(random() * 5),
				clicked,
				bounced: random() < 0.05 ? 1 + floor(random() * 2) : 0,
				lastSentAt: sent > 0 ? new Date(now - floor(random() * 20 * DAY)).toISOString() : null,
				lastEngagedAt: null,
			};
		}
		base.engagement = engagement;
		if (random() < 0.85) {
			const history: Array<{ channel: string; sentAt: number | string }> = [];
			const count = floor(random() * 9);
			for (let i = 0; i < count; i++) {
				const at = now - floor(random() * random() * 16 * DAY);
				history.push({ channel: pick(random, CHANNELS), sentAt: random() < 0.1 ? new Date(at).toISOString() : at });
			}
			base.messageHistory = history;
		}
		if (random() < 0.8) {
			const engagements: Array<number | { engagedAt: number }> = [];
			const count = floor(random() * 25);
			const favourite = floor(random() * 24);
			for (let i = 0; i < count; i++) {
				const at = now - floor(random() * 120 * DAY) - (random() < 0.7 ? ((now / HOUR - favourite) % 24) * HOUR : 0);
				engagements.push(random() < 0.5 ? at : { engagedAt: at });
			}
			base.engagementHistory = engagements.filter((entry) => (typeof entry === 'number' ? entry : entry.engagedAt) <= now);
		}
		base.segment = pick(random, ['A', 'B', null]);
		const copies = random() < 0.7 ? 1 : random() < 0.7 ? 2 : 3;
		const campaignsForCustomer = [...campaigns].sort(() => random() - 0.5).slice(0, copies);
		for (const campaign of campaignsForCustomer) {
			if (profiles.length >= size) break;
			profiles.push({ ...base, campaign: campaign.name });
		}
	}
	if (spelledSuppressions && random() < 0.5) options.channelAliases = USER_ALIASES;
	return { profiles, options };
}

// ---------------------------------------------------------------------------------------------------
// Independent checker (no lib/channel code): Intl for local time, plain loops for caps.

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Local wall-clock fields of an instant in a zone, from Intl. */
export function intlLocal(zone: string, instant: number): { year: number; month: number; day: number; hour: number; minute: number; weekday: number } {
	let formatter = formatters.get(zone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone: zone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			weekday: 'short',
		});
		formatters.set(zone, formatter);
	}
	const fields: Record<string, string> = {};
	for (const part of formatter.formatToParts(instant)) fields[part.type] = part.value;
	const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(fields.weekday) + 1;
	return { year: Number(fields.year), month: Number(fields.month), day: Number(fields.day), hour: Number(fields.hour), minute: Number(fields.minute), weekday };
}

function minutesOf(clockTime: string): number {
	const [hours, minutes] = clockTime.split(':').map(Number);
	return (hours % 24) * 60 + minutes;
}

function inQuiet(quiet: { start: string; end: string } | null | undefined, minute: number): boolean {
	if (!quiet) return false;
	const start = minutesOf(quiet.start);
	const end = minutesOf(quiet.end);
	return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

function consentOf(profile: Record<string, unknown>, channel: string): boolean {
	const record = (profile.consent as Record<string, unknown> | undefined)?.[channel];
	const flat = profile[`consent${channel.charAt(0).toUpperCase()}${channel.slice(1)}`];
	if (record === false || flat === false) return false;
	return record === true || flat === true;
}

function addressOk(profile: Record<string, unknown>, channel: string): boolean {
	if (channel === 'email') return typeof profile.email === 'string' && /^\S+@\S+\.\S+$/.test(profile.email) && !/@.*@/.test(profile.email);
	if (channel === 'sms') return typeof profile.phone === 'string' && profile.phone.replace(/\D/g, '').length >= 7;
	return typeof profile.pushToken === 'string' && profile.pushToken.trim() !== '';
}

/** The checker's own reading of a channel name: lowercase without spaces, hyphens, underscores and dots. */
const CHECKER_NAMES: Record<string, string> = {
	email: 'email', mail: 'email', newsletter: 'email', sms: 'sms', text: 'sms', mobile: 'sms',
	push: 'push', notification: 'push', pushnotification: 'push', all: '*', '*': '*',
};

function namedChannel(entry: string, aliases: ReadonlyArray<{ alias: string; channel: string }>): string | undefined {
	const key = entry.toLowerCase().replace(/[\s._-]/g, '');
	for (const row of aliases) if (row.alias.toLowerCase() === key) return row.channel;
	return Object.prototype.hasOwnProperty.call(CHECKER_NAMES, key) ? CHECKER_NAMES[key] : undefined;
}

function suppressedOn(profile: Record<string, unknown>, channel: string, aliases: ReadonlyArray<{ alias: string; channel: string }> = []): boolean {
	const lists = [profile.unsubscribed, profile.complained] as Array<string[] | undefined>;
	for (const list of lists) {
		for (const entry of list ?? []) {
			const named = namedChannel(entry, aliases);
			// 'all' and names nobody recognises suppress every channel.
			if (named === undefined || named === '*' || named === channel) return true;
		}
	}
	const counts = (profile.engagement as Record<string, { bounced: number }> | undefined)?.[channel];
	return (counts?.bounced ?? 0) >= 1;
}

function historyTimes(profile: Record<string, unknown>, caps: number): Array<{ channel: string; at: number }> {
	const history = profile.messageHistory as Array<{ channel: string; sentAt: number | string }> | undefined;
	if (history) return history.map((entry) => ({ channel: entry.channel, at: typeof entry.sentAt === 'number' ? entry.sentAt : parseDate(entry.sentAt) }));
	// Without messageHistory the counts stand in: `sent` messages at lastSentAt (the library's documented upper bound).
	const result: Array<{ channel: string; at: number }> = [];
	const engagement = (profile.engagement ?? {}) as Record<string, { sent: number; lastSentAt: string | null }>;
	for (const channel of Object.keys(engagement)) {
		const { sent, lastSentAt } = engagement[channel];
		for (let i = 0; i < Math.min(sent, caps + 1); i++) result.push({ channel, at: lastSentAt ? parseDate(lastSentAt) : Number.NaN });
	}
	return result;
}

export interface Violations {
	consent: number;
	address: number;
	suppression: number;
	campaignChannel: number;
	quietHours: number;
	allowedDay: number;
	offset: number;
	beforeNow: number;
	cap: number;
	perRun: number;
	propensity: number;
	sends: number;
	checked: number;
	messages: string[];
}

export function emptyViolations(): Violations {
	return { consent: 0, address: 0, suppression: 0, campaignChannel: 0, quietHours: 0, allowedDay: 0, offset: 0, beforeNow: 0, cap: 0, perRun: 0, propensity: 0, sends: 0, checked: 0, messages: [] };
}

export function checkBatch(batch: RandomBatch, decisions: ChannelDecision[], violations: Violations): void {
	const { profiles, options } = batch;
	const note = (kind: keyof Violations, text: string) => {
		(violations[kind] as number)++;
		if (violations.messages.length < 20) violations.messages.push(`${kind}: ${text}`);
	};
	const sendsByCustomer = new Map<string, Array<{ channel: string; at: number }>>();
	const campaigns = new Map((options.campaigns ?? []).map((campaign) => [campaign.name, campaign]));
	const channelSettings = new Map((options.channels ?? []).map((channel) => (typeof channel === 'string' ? [channel, { name: channel }] : [channel.name, channel])));
	for (const decision of decisions) {
		violations.checked++;
		const profile = profiles[decision.itemIndex];
		if (decision.channel === 'none') {
			if (decision.sendAt !== null || !decision.suppressed) note('propensity', `none with sendAt for item ${decision.itemIndex}`);
			continue;
		}
		violations.sends++;
		const channel = decision.channel;
		const label = `item ${decision.itemIndex} ${channel} now ${new Date(options.now).toISOString()} sendAt ${decision.sendAt}`;
		if (!consentOf(profile, channel)) note('consent', label);
		if (!addressOk(profile, channel)) note('address', label);
		if (suppressedOn(profile, channel, options.channelAliases)) note('suppression', label);
		const campaign = campaigns.get(profile.campaign as string);
		if (campaign?.channels && !campaign.channels.includes(channel)) note('campaignChannel', label);
		const at = parseDate(decision.sendAt as string);
		if (!(at >= options.now)) note('beforeNow', label);
		const zone = typeof profile.timeZone === 'string' && profile.timeZone !== '' ? profile.timeZone : (options.defaultTimeZone as string);
		const local = intlLocal(zone, at);
		const setting = channelSettings.get(channel) as { quietHours?: { start: string; end: string } | null };
		const quiet = (setting.quietHours !== undefined ? setting.quietHours : options.quietHours) as { start: string; end: string } | null | undefined;
		if (inQuiet(quiet, local.hour * 60 + local.minute)) note('quietHours', `${label} local ${local.hour}:${local.minute} quiet ${JSON.stringify(quiet)}`);
		if (options.allowedDays && !options.allowedDays.includes(local.weekday as never)) note('allowedDay', `${label} weekday ${local.weekday}`);
		const written = /([+-])(\d\d):(\d\d)$/.exec(decision.sendAt as string);
		const wallClock = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
		const trueOffset = Math.round((wallClock - floor(at / 60000) * 60000) / 60000);
		const writtenOffset = written ? (written[1] === '-' ? -1 : 1) * (Number(written[2]) * 60 + Number(written[3])) : Number.NaN;
		if (writtenOffset !== trueOffset) note('offset', `${label} true offset ${trueOffset}`);
		const probabilities = Object.values(decision.choiceProbabilities);
		const total = probabilities.reduce((sum, p) => sum + p, 0);
		if (!(decision.propensity > 0 && decision.propensity <= 1) || Math.abs(total - 1) > 1e-9 || decision.choiceProbabilities[channel] !== decision.propensity) {
			note('propensity', `${label} propensity ${decision.propensity} total ${total}`);
		}
		const key = profile.customerId as string;
		const sends = sendsByCustomer.get(key) ?? [];
		sends.push({ channel, at });
		sendsByCustomer.set(key, sends);
	}
	const maxCap = Math.max(0, ...(options.caps ?? []).map((cap) => cap.max));
	const profileOf = new Map(profiles.map((profile) => [profile.customerId as string, profile]));
	for (const [key, sends] of sendsByCustomer) {
		if (sends.length > (options.maxMessagesPerRun ?? 1)) note('perRun', `${key} got ${sends.length}`);
		const all = [...historyTimes(profileOf.get(key) as Record<string, unknown>, maxCap), ...sends];
		for (const cap of options.caps ?? []) {
			const window = cap.windowHours !== undefined ? cap.windowHours * 3_600_000 : (cap.windowDays as number) * 86_400_000;
			const applies = (message: { channel: string }) => cap.channel === undefined || message.channel === cap.channel;
			for (const send of sends) {
				if (!applies(send)) continue;
				// Every window (end - W, end] holding this new send: ends at the send and at later messages within W.
				const ends = [send.at, ...all.filter((m) => applies(m) && m.at > send.at && m.at < send.at + window).map((m) => m.at)];
				for (const end of ends) {
					const count = all.filter((m) => applies(m) && m.at > end - window && m.at <= end).length;
					if (count > cap.max) note('cap', `${key} ${JSON.stringify(cap)} window ending ${new Date(end).toISOString()} holds ${count}`);
				}
			}
		}
	}
}
