/**
 * Choose Channel settings: the zod schema of the options, their defaults, and their resolution into the
 * form the decision code uses (channels in priority order, schedules, caps in milliseconds, `now` as an
 * instant). Resolve once and pass the result to every chooseChannel call of a run: the options are then
 * validated once.
 *
 * Defaults: channels email, sms, push (value 1 per response, cost 0); policy expectedValue; quiet hours
 * 21:00-08:00 local every day; no caps; one message per customer per run; send-time optimisation on with
 * 1 hour of circular smoothing and 10:00 as the hour of a customer without any signal; default zone UTC.
 * Reference: zod 3 schemas, https://zod.dev
 *
 * Cost: O(channels + caps + campaigns), plus O(24 * 60) per distinct quiet-hours setting.
 * @example resolveChannelOptions({ now: '2025-03-10T12:00:00Z', caps: [{ max: 4, windowDays: 7 }] }).caps[0].label // "4 messages per 7 days"
 */
import { z } from 'zod';

import type { BetaPrior } from './fitResponsePrior';
import type { FrequencyCap } from './checkFrequencyCaps';
import type { HourPrior } from './fitHourPrior';
import type { ChannelPolicy } from './selectChannel';
import { CHANNEL_POLICIES } from './selectChannel';
import type { SendSchedule } from './sendSchedule';
import { createSendSchedule, parseClockTime } from './sendSchedule';
import { ZoneClock } from './ZoneClock';
import { parseTimestamp } from '../profile/parseTimestamp';
import type { ChannelVocabulary } from '../channelVocabulary';
import { channelKey, createChannelVocabulary } from '../channelVocabulary';
import { ownField } from '../fieldValues';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
const MS_PER_HOUR = 3_600_000;

const clockTime = z.union([z.string(), z.number()]).refine((value) => parseClockTime(value) !== undefined, {
	message: "to be a local time 'HH:MM' (24 h), e.g. '21:00'",
});

const QuietHoursSchema = z
	.object({ start: clockTime, end: clockTime })
	.refine((value) => parseClockTime(value.start) !== parseClockTime(value.end), {
		message: 'to have a different start and end; leave quiet hours empty for none',
	});

const BetaPriorSchema = z.object({
	alpha: z.number({ message: 'to be a positive number' }).finite().positive({ message: 'to be a positive number' }),
	beta: z.number({ message: 'to be a positive number' }).finite().positive({ message: 'to be a positive number' }),
});

const nonNegative = (what: string) =>
	z.number({ message: `to be ${what}, 0 or more` }).finite({ message: `to be ${what}, 0 or more` }).nonnegative({ message: `to be ${what}, 0 or more` });

const ChannelSettingSchema = z.object({
	name: z.string().trim().min(1, { message: 'to be a channel name such as "email"' }),
	valuePerResponse: nonNegative('a value per response').default(1),
	costPerMessage: nonNegative('a cost per message').default(0),
	/** What counts as a response: 'click' (default for email and sms) or 'open' (default for push). */
	response: z.enum(['click', 'open']).optional(),
	/** Profile field holding the address; default email -> email, sms -> phone, push -> pushToken, else addresses.<name>. */
	addressField: z.string().trim().min(1).optional(),
	/** How the address is checked; default by name: email, phone (sms, whatsapp), token (others). */
	addressKind: z.enum(['email', 'phone', 'token']).optional(),
	/** Quiet hours for this channel only (null: none); default: the global quiet hours. */
	quietHours: QuietHoursSchema.nullable().optional(),
	/** Prior of the response rate when the batch does not fit one. */
	prior: BetaPriorSchema.optional(),
});

const CapSchema = z
	.object({
		/** Channel counted; empty for messages on every channel. */
		channel: z.string().trim().min(1).nullable().optional(),
		max: z
			.number({ message: 'to be a whole number of messages, 0 or more (0 blocks the channel)' })
			.int({ message: 'to be a whole number of messages, 0 or more (0 blocks the channel)' })
			.nonnegative({ message: 'to be a whole number of messages, 0 or more (0 blocks the channel)' }),
		windowHours: z.number({ message: 'to be a positive number of hours' }).finite().positive({ message: 'to be a positive number of hours' }).optional(),
		windowDays: z.number({ message: 'to be a positive number of days' }).finite().positive({ message: 'to be a positive number of days' }).optional(),
	})
	.refine((cap) => (cap.windowHours === undefined) !== (cap.windowDays === undefined), {
		message: 'to have exactly one of windowHours or windowDays',
	});

const CampaignSchema = z.object({
	name: z.string().trim().min(1, { message: 'to be a campaign name' }),
	/** Higher wins when campaigns compete for one customer; ties: campaign name, then item order. */
	priority: z.number({ message: 'to be a number (higher wins)' }).finite({ message: 'to be a number (higher wins)' }).default(0),
	/** Channels this campaign has a message for; default all. */
	channels: z.array(z.string().trim().min(1)).optional(),
});

const HourPriorSchema = z.object({
	pattern: z
		.array(z.number().finite().nonnegative())
		.length(24, { message: 'to list 24 hourly shares, 00:00 first' })
		.refine((values) => values.some((value) => value > 0), { message: 'to have some positive share' }),
	strength: z.number().finite().positive({ message: 'to be a positive number of pseudo-engagements' }),
	segments: z.record(z.array(z.number().finite().nonnegative()).length(24)).optional(),
});

export const ChannelOptionsSchema = z.object({
	/** The decision instant: ms since epoch, ISO 8601 (no offset means UTC) or a Date. Never the wall clock. */
	now: z.union([z.number(), z.string(), z.date()], { message: 'to be given as ms since epoch or ISO 8601' }),
	channels: z
		.array(z.union([z.string().trim().min(1), ChannelSettingSchema]))
		.min(1, { message: 'to list at least one channel' })
		.default(['email', 'sms', 'push']),
	policy: z.enum(CHANNEL_POLICIES, { message: `to be one of ${CHANNEL_POLICIES.join(', ')}` }).default('expectedValue'),
	/** Channel order for the priority policy and for ties; default the order of `channels`. */
	priority: z.array(z.string().trim().min(1)).optional(),
	epsilon: z.number({ message: 'to be a probability from 0 to 1' }).min(0, { message: 'to be a probability from 0 to 1' }).max(1, { message: 'to be a probability from 0 to 1' }).default(0.1),
	seed: z.number({ message: 'to be a finite number' }).finite({ message: 'to be a finite number' }).default(0),
	/** Monte Carlo rounds that estimate Thompson propensities. */
	propensityDraws: z.number({ message: 'to be a whole number from 1 to 100000' }).int().min(1).max(100_000).default(1000),
	defaultTimeZone: z.string().default('UTC'),
	quietHours: QuietHoursSchema.nullable().default({ start: '21:00', end: '08:00' }),
	/** ISO weekdays 1 (Monday) to 7 or names ('monday'); default every day. */
	allowedDays: z.array(z.union([z.number().int().min(1).max(7), z.enum(WEEKDAYS)]), { message: "to list weekdays as 1-7 or names such as 'monday'" }).optional(),
	caps: z.array(CapSchema).default([]),
	maxMessagesPerRun: z.number({ message: 'to be a whole number, 1 or more' }).int().min(1, { message: 'to be a whole number, 1 or more' }).default(1),
	sendTime: z
		.object({
			optimize: z.boolean().default(true),
			smoothingHours: z.number().finite().nonnegative({ message: 'to be 0 or more hours' }).default(1),
			defaultHour: z.number().int().min(0).max(23, { message: 'to be a whole hour 0-23' }).default(10),
			/** Pseudo-engagements per segment pattern when shrinking it towards the population. */
			segmentStrength: z.number().finite().positive().default(100),
			/** Dirichlet strength when it cannot be fitted. */
			priorStrength: z.number().finite().positive().default(12),
		})
		.default({}),
	/** Priors fitted on a population (fitChannelPriors); chooseChannels fits its own when absent. */
	priors: z
		.object({
			response: z.record(BetaPriorSchema).default({}),
			sendTime: HourPriorSchema.optional(),
		})
		.optional(),
	/** Candidates whose posterior expected value is below this are not sent. */
	minimumExpectedValue: z.number().finite().optional(),
	/** Suppress a channel after this many bounces. */
	suppressAfterBounces: z.number().int().min(1, { message: 'to be a whole number, 1 or more' }).default(1),
	/** Campaign of items that name none. */
	campaign: z.string().trim().min(1).optional(),
	campaigns: z.array(CampaignSchema).default([]),
	/** chooseChannels: fit priors on the batch (default) or use the given/default ones. */
	fitPriors: z.boolean().default(true),
	/** chooseChannels: 'throw' on the first bad item (default) or 'collect' issues and decide the rest. */
	onInvalid: z.enum(['throw', 'collect']).default('throw'),
	/** Extra spellings of channel names in unsubscribed and complained lists, e.g. { alias: 'courriel', channel: 'email' }. */
	channelAliases: z.array(z.object({ alias: z.string(), channel: z.string() })).default([]),
});

export type ChooseChannelOptions = z.input<typeof ChannelOptionsSchema>;
type ParsedOptions = z.output<typeof ChannelOptionsSchema>;

export interface ResolvedChannel {
	name: string;
	index: number;
	valuePerResponse: number;
	costPerMessage: number;
	response: 'click' | 'open';
	addressField: string;
	addressKind: 'email' | 'phone' | 'token';
	schedule: SendSchedule;
	prior: BetaPrior;
	/** Profile field names read for this channel (precomputed once per run). */
	fields: {
		consent: string;
		flatConsent: string;
		engagement: string;
		sent: string;
		opened: string;
		clicked: string;
		bounced: string;
		lastSentAt: string;
		flatSent: string;
		flatOpened: string;
		flatClicked: string;
	};
}

export interface ResolvedCampaign {
	name: string;
	priority: number;
	channels: Set<string> | null;
}

export interface ChannelPriors {
	/** Beta prior of the response rate per channel. */
	response: Record<string, BetaPrior>;
	sendTime: Pick<HourPrior, 'pattern' | 'strength' | 'segments'>;
}

export interface ResolvedChannelOptions {
	readonly resolved: true;
	/** Function named in error messages. */
	functionName: string;
	now: number;
	/** Channels in priority order. */
	channels: ResolvedChannel[];
	channelIndex: Map<string, number>;
	policy: ChannelPolicy;
	epsilon: number;
	seed: number;
	propensityDraws: number;
	defaultTimeZone: string;
	caps: FrequencyCap[];
	maxMessagesPerRun: number;
	sendTime: ParsedOptions['sendTime'];
	/** Priors given in the options (or null); chooseChannels fits its own when null and fitPriors is on. */
	priors: ChannelPriors | null;
	/** Channel priors and a flat send-time pattern, for when nothing is given or fitted. */
	fallbackPriors: ChannelPriors;
	minimumExpectedValue: number | null;
	suppressAfterBounces: number;
	campaign: string | null;
	campaigns: Map<string, ResolvedCampaign>;
	fitPriors: boolean;
	onInvalid: 'throw' | 'collect';
	/** How channel names in the data are read (built-in aliases, channelAliases, configured channels). */
	vocabulary: ChannelVocabulary;
	/** Index of each configured channel by channelKey of its canonical name. */
	channelOfKey: Map<string, number>;
	/** The (process-wide shared) clock of a zone; undefined for an unknown zone. */
	clock(zone: string): ZoneClock | undefined;
}

/** Default Beta prior of a response rate: mean 5 %, worth 20 messages. */
export const DEFAULT_RESPONSE_PRIOR: BetaPrior = { alpha: 1, beta: 19 };

const DEFAULT_ADDRESS: Record<string, { field: string; kind: 'email' | 'phone' | 'token'; response: 'click' | 'open' }> = {
	email: { field: 'email', kind: 'email', response: 'click' },
	sms: { field: 'phone', kind: 'phone', response: 'click' },
	whatsapp: { field: 'phone', kind: 'phone', response: 'click' },
	push: { field: 'pushToken', kind: 'token', response: 'open' },
};

function pathLabel(path: ReadonlyArray<string | number>): string {
	let label = '';
	for (const part of path) label += typeof part === 'number' ? `[${part}]` : label === '' ? part : `.${part}`;
	return label || 'options';
}

function valueAt(input: unknown, path: ReadonlyArray<string | number>): unknown {
	let value = input;
	for (const part of path) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<string | number, unknown>)[part];
	}
	return value;
}

function describeValue(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.toISOString() : 'an invalid Date';
	try {
		const text = JSON.stringify(value);
		return text.length > 80 ? `${text.slice(0, 77)}...` : text;
	} catch {
		return String(value);
	}
}

/**
 * Read an instant (the `now` option) into ms since epoch: a finite number as ms, a valid Date, or a string
 * through parseTimestamp (ISO 8601, no offset means UTC); undefined when it is not a usable instant.
 * Cost: O(length). @example readInstant('2025-03-10T09:00:00+01:00') // 1741593600000
 */
export function readInstant(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.getTime() : undefined;
	return parseTimestamp(value);
}

function windowLabel(ms: number): string {
	const hours = ms / MS_PER_HOUR;
	if (hours % 24 === 0) return `${hours / 24} day${hours === 24 ? '' : 's'}`;
	return `${Math.round(hours * 100) / 100} hour${hours === 1 ? '' : 's'}`;
}

function normaliseShares(values: readonly number[]): number[] {
	const total = values.reduce((sum, value) => sum + value, 0);
	return values.map((value) => value / total);
}

/**
 * Resolved-options test: true for the output of resolveChannelOptions (marked `resolved: true`), which
 * chooseChannel and chooseChannels then use as is. Cost: O(1). @example isResolvedChannelOptions({ now: 0 }) // false
 */
export function isResolvedChannelOptions(value: unknown): value is ResolvedChannelOptions {
	return typeof value === 'object' && value !== null && (value as { resolved?: unknown }).resolved === true;
}

function createVocabulary(aliases: ParsedOptions['channelAliases'], names: string[], functionName: string): ChannelVocabulary {
	aliases.forEach((row, i) => {
		if (channelKey(row.alias) === '' || channelKey(row.channel) === '') {
			throw new Error(`${functionName} requires channelAliases[${i}] to have both an alias and a channel; got ${describeValue(row)}`);
		}
	});
	return createChannelVocabulary(aliases, names);
}

/**
 * Resolve Choose Channel options (see the file comment): validate with ChannelOptionsSchema, apply defaults,
 * and throw `<functionName> requires <field> <need>; got <value>` on the first problem.
 * Cost: O(channels + caps + campaigns). @example resolveChannelOptions({ now: 0 }).policy // 'expectedValue'
 */
export function resolveChannelOptions(options: ChooseChannelOptions, functionName = 'chooseChannel'): ResolvedChannelOptions {
	if (options === null || typeof options !== 'object') {
		throw new Error(`${functionName} requires an options object with at least { now }; got ${describeValue(options)}`);
	}
	const parsed = ChannelOptionsSchema.safeParse(options);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const path = issue.path;
		const need = /^to /.test(issue.message) ? issue.message : `to be valid (${issue.message})`;
		throw new Error(`${functionName} requires ${pathLabel(path)} ${need}; got ${describeValue(valueAt(options, path))}`);
	}
	const settings = parsed.data;
	const now = readInstant(settings.now);
	if (now === undefined) {
		throw new Error(
			`${functionName} requires now as ms since epoch or an ISO 8601 instant such as "2025-03-10T09:00:00Z"; got ${describeValue(settings.now)}`,
		);
	}
	const clock = (zone: string): ZoneClock | undefined => ZoneClock.of(zone);
	if (!clock(settings.defaultTimeZone)) {
		throw new Error(
			`${functionName} requires defaultTimeZone to be a known IANA time zone such as "Europe/Berlin"; got ${describeValue(settings.defaultTimeZone)}`,
		);
	}
	const allowedDays = settings.allowedDays?.map((day) => (typeof day === 'number' ? day : WEEKDAYS.indexOf(day) + 1));
	if (allowedDays && allowedDays.length === 0) {
		throw new Error(`${functionName} requires allowedDays to list at least one weekday; leave it empty for every day`);
	}
	const globalSchedule = createSendSchedule(settings.quietHours as { start: string; end: string } | null, allowedDays);
	const channelSettings = settings.channels.map((entry) => (typeof entry === 'string' ? ChannelSettingSchema.parse({ name: entry }) : entry));
	const names = channelSettings.map((entry) => entry.name);
	const duplicate = names.find((name, i) => names.indexOf(name) !== i);
	if (duplicate !== undefined) throw new Error(`${functionName} requires each channel once in channels; "${duplicate}" appears twice`);
	const order = settings.priority ?? names;
	for (const name of order) {
		if (!names.includes(name)) throw new Error(`${functionName} requires priority to name configured channels (${names.join(', ')}); got "${name}"`);
	}
	const ordered = [...new Set([...order, ...names])];
	const channels: ResolvedChannel[] = ordered.map((name, index) => {
		const entry = channelSettings[names.indexOf(name)];
		const defaults = (ownField(DEFAULT_ADDRESS, name) as (typeof DEFAULT_ADDRESS)[string] | undefined) ?? { field: `addresses.${name}`, kind: 'token' as const, response: 'click' as const };
		return {
			name,
			index,
			valuePerResponse: entry.valuePerResponse,
			costPerMessage: entry.costPerMessage,
			response: entry.response ?? defaults.response,
			addressField: entry.addressField ?? defaults.field,
			addressKind: entry.addressKind ?? defaults.kind,
			schedule:
				entry.quietHours === undefined
					? globalSchedule
					: createSendSchedule(entry.quietHours as { start: string; end: string } | null, allowedDays),
			prior: entry.prior ?? DEFAULT_RESPONSE_PRIOR,
			fields: {
				consent: `consent.${name}`,
				flatConsent: `consent${name.charAt(0).toUpperCase()}${name.slice(1)}`,
				engagement: `engagement.${name}`,
				sent: `engagement.${name}.sent`,
				opened: `engagement.${name}.opened`,
				clicked: `engagement.${name}.clicked`,
				bounced: `engagement.${name}.bounced`,
				lastSentAt: `engagement.${name}.lastSentAt`,
				flatSent: `${name}Sent`,
				flatOpened: `${name}Opened`,
				flatClicked: `${name}Clicked`,
			},
		};
	});
	const caps: FrequencyCap[] = settings.caps.map((cap, i) => {
		const channel = cap.channel ?? null;
		if (channel !== null && !names.includes(channel)) {
			throw new Error(`${functionName} requires caps[${i}].channel to be a configured channel (${names.join(', ')}) or empty for all; got "${channel}"`);
		}
		const windowMs = cap.windowHours !== undefined ? cap.windowHours * MS_PER_HOUR : (cap.windowDays as number) * 24 * MS_PER_HOUR;
		const what = channel === null ? 'message' : `${channel} message`;
		return { channel, max: cap.max, windowMs, label: `${cap.max} ${what}${cap.max === 1 ? '' : 's'} per ${windowLabel(windowMs)}` };
	});
	const campaigns = new Map<string, ResolvedCampaign>();
	for (const campaign of settings.campaigns) {
		if (campaigns.has(campaign.name)) throw new Error(`${functionName} requires each campaign once in campaigns; "${campaign.name}" appears twice`);
		campaigns.set(campaign.name, { name: campaign.name, priority: campaign.priority, channels: campaign.channels ? new Set(campaign.channels) : null });
	}
	const sendTimePrior = settings.priors?.sendTime;
	const priors: ChannelPriors | null = settings.priors
		? {
				response: Object.fromEntries(channels.map((channel) => [channel.name, (ownField(settings.priors?.response, channel.name) as BetaPrior | undefined) ?? channel.prior])),
				sendTime: sendTimePrior
					? {
							pattern: normaliseShares(sendTimePrior.pattern),
							strength: sendTimePrior.strength,
							segments: Object.fromEntries(
								Object.entries(sendTimePrior.segments ?? {}).filter(([, shares]) => shares.some((share) => share > 0)).map(([segment, shares]) => [segment, normaliseShares(shares)]),
							),
						}
					: { pattern: new Array<number>(24).fill(1 / 24), strength: settings.sendTime.priorStrength, segments: {} },
			}
		: null;
	const vocabulary = createVocabulary(settings.channelAliases, names, functionName);
	const channelOfKey = new Map<string, number>();
	for (const channel of channels) channelOfKey.set(channelKey(vocabulary.canonical(channel.name) ?? channel.name), channel.index);
	return {
		resolved: true,
		functionName,
		vocabulary,
		channelOfKey,
		now,
		channels,
		channelIndex: new Map(channels.map((channel) => [channel.name, channel.index])),
		policy: settings.policy,
		epsilon: settings.epsilon,
		seed: settings.seed,
		propensityDraws: settings.propensityDraws,
		defaultTimeZone: settings.defaultTimeZone,
		caps,
		maxMessagesPerRun: settings.maxMessagesPerRun,
		sendTime: settings.sendTime,
		priors,
		fallbackPriors: {
			response: Object.fromEntries(channels.map((channel) => [channel.name, channel.prior])),
			sendTime: { pattern: new Array<number>(24).fill(1 / 24), strength: settings.sendTime.priorStrength, segments: {} },
		},
		minimumExpectedValue: settings.minimumExpectedValue ?? null,
		suppressAfterBounces: settings.suppressAfterBounces,
		campaign: settings.campaign ?? null,
		campaigns,
		fitPriors: settings.fitPriors,
		onInvalid: settings.onInvalid,
		clock,
	};
}
