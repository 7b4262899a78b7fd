/**
 * Choose Channel for one customer: which channel (or none) and when, with the reason in words and the
 * propensity of the choice.
 *
 * 1. Eligibility (hard): consent granted, usable address, not suppressed; a campaign's channel list.
 * 2. Send time: best local hour from the customer's opens and clicks (Dirichlet posterior shrunk towards the
 *    segment's or everyone's pattern), then sendAt = the next moment at or after that hour outside quiet
 *    hours on an allowed day, in the customer's zone (DST-exact; see nextAllowedMoment).
 * 3. Frequency caps at sendAt, counting the message history and messages planned earlier in the run.
 * 4. Response rate per channel: Beta(prior alpha + responses, prior beta + sends - responses);
 *    expected value = valuePerResponse * rate - costPerMessage; optional minimum.
 * 5. Policy over the remaining channels (selectChannel): expected value, Thompson sampling (per-customer
 *    seeded stream), epsilon-greedy or fixed priority; propensity = probability of the chosen channel.
 * Time is `options.now`; randomness is seeded from options.seed, now, campaign and customer key.
 * Reference: see selectChannel, estimateBestHour, nextAllowedMoment, checkFrequencyCaps.
 *
 * Cost: O(C * (caps * m + days searched) + 24) for C channels and m past messages; thompson adds
 * O(C * propensityDraws).
 * @example chooseChannel({ customerId: 'c1', email: 'a@b.co', consent: { email: true }, timeZone: 'Europe/Berlin' },
 *   { now: '2025-03-10T05:00:00Z' }) // { channel: 'email', sendAt: '2025-03-10T10:00:00.000+01:00', propensity: 1, ... }
 */
import { ownField } from '../fieldValues';
import type { BetaPrior } from './fitResponsePrior';
import { checkEligibility } from './checkEligibility';
import type { CapViolation, SentMessage } from './checkFrequencyCaps';
import { checkFrequencyCaps } from './checkFrequencyCaps';
import { customerRandom } from './customerRandom';
import type { BestHourEstimate } from './estimateBestHour';
import { estimateBestHour } from './estimateBestHour';
import { nextAllowedMoment } from './nextAllowedMoment';
import type { ChannelCustomer, ChannelProfile } from './readChannelProfile';
import { readChannelProfile } from './readChannelProfile';
import type { ChannelPriors, ChooseChannelOptions, ResolvedChannel, ResolvedChannelOptions } from './resolveChannelOptions';
import { isResolvedChannelOptions, resolveChannelOptions } from './resolveChannelOptions';
import type { ChannelArm, ChannelPolicy } from './selectChannel';
import { selectChannel } from './selectChannel';
import type { SendSchedule } from './sendSchedule';

// Globals read once: in vm sandboxes (Jest, n8n task runners) each global lookup is slow, and these run per decision.
const { abs, max, round } = Math;

export const SUPPRESSION_CODES = [
	'no_eligible_channel',
	'campaign_channels',
	'lost_to_campaign',
	'frequency_cap',
	'no_send_time',
	'below_minimum_value',
] as const;
export type SuppressionCode = (typeof SUPPRESSION_CODES)[number];

export interface ChannelDecision {
	/** Index of the input item (0 for a single call). */
	itemIndex: number;
	/** customerId, else profileId, else null. */
	customerId: string | null;
	campaign: string | null;
	/** The channel to send on, or 'none'. */
	channel: string;
	/** When to send: ISO 8601 with the offset of the customer's zone at that instant; null with 'none'. */
	sendAt: string | null;
	timeZone: string;
	timeZoneSource: 'profile' | 'default';
	/** Channels with consent, a usable address and no suppression (before caps, timing and value). */
	eligibleChannels: string[];
	/** Why each other channel was not a candidate. */
	blockedChannels: Record<string, string>;
	/** True when no message is sent (channel 'none'). */
	suppressed: boolean;
	suppressionCode: SuppressionCode | null;
	suppressionReason: string | null;
	/** The decision in words, with its numbers. */
	decisionReason: string;
	policy: ChannelPolicy;
	/** Probability with which the policy takes this decision (1 for deterministic outcomes, 'none' included). */
	propensity: number;
	/** Probability of each candidate channel under the policy. */
	choiceProbabilities: Record<string, number>;
	/** Posterior mean response rate and expected value of each eligible channel. */
	responseRates: Record<string, number>;
	expectedValues: Record<string, number>;
	/** Local hour the send was aimed at (null without send-time optimisation or without a send). */
	bestHour: number | null;
	/** Opens and clicks the send-time estimate used. */
	bestHourEngagements: number;
}

/** A message planned earlier in the same run, for caps across competing campaigns. */
export interface PlannedMessage extends SentMessage {
	campaign: string | null;
}

interface TimingForSchedule {
	schedule: SendSchedule;
	estimate: BestHourEstimate | null;
	sendAt: number | null;
}

function roundTo(value: number, digits: number): number {
	const factor = 10 ** digits;
	return round(value * factor) / factor;
}

function formatValue(value: number): string {
	const magnitude = abs(value);
	if (magnitude !== 0 && magnitude < 0.001) return value.toExponential(2);
	return String(roundTo(value, magnitude < 1 ? 4 : 2));
}

function formatPercent(value: number): string {
	return `${roundTo(value * 100, value < 0.1 ? 2 : 1)}%`;
}

function joinReasons(reasons: Record<string, string>): string {
	const parts: string[] = [];
	for (const name in reasons) parts.push(`${name}: ${reasons[name]}`);
	return parts.join('; ');
}

function noneDecision(
	customer: ChannelCustomer,
	options: ResolvedChannelOptions,
	eligible: string[],
	blocked: Record<string, string>,
	code: SuppressionCode,
	reason: string,
	rates: Record<string, number>,
	values: Record<string, number>,
	engagements: number,
): ChannelDecision {
	return {
		itemIndex: customer.itemIndex,
		customerId: customer.customerId,
		campaign: customer.campaign,
		channel: 'none',
		sendAt: null,
		timeZone: customer.timeZone,
		timeZoneSource: customer.timeZoneSource,
		eligibleChannels: eligible,
		blockedChannels: blocked,
		suppressed: true,
		suppressionCode: code,
		suppressionReason: reason,
		decisionReason: `No message: ${reason}.`,
		policy: options.policy,
		propensity: 1,
		choiceProbabilities: {},
		responseRates: rates,
		expectedValues: values,
		bestHour: null,
		bestHourEngagements: engagements,
	};
}

function capReason(violation: CapViolation, clockFormat: (instant: number) => string, planned: number): string {
	const frees = violation.freesAt === null ? '' : `, frees ${clockFormat(violation.freesAt)}`;
	const run = planned > 0 ? `, counting ${planned} planned in this run` : '';
	return `cap ${violation.cap.label} reached (${violation.count - 1} in the window${run}${frees})`;
}

/**
 * Decide the channel of one customer already read (readChannelProfile), steps 1-5 of the file comment.
 * `planned` holds this customer's messages planned earlier in the run (counted by the caps);
 * `runLimitReason`, when set, blocks every channel because the customer's messages for the run are used up.
 * Cost: as chooseChannel. @example decideChannel(readChannelProfile(profile, resolved, 0), resolved, resolved.fallbackPriors).channel // 'email'
 */
export function decideChannel(
	customer: ChannelCustomer,
	options: ResolvedChannelOptions,
	priors: ChannelPriors,
	planned: readonly PlannedMessage[] = [],
	runLimitReason: string | null = null,
): ChannelDecision {
	const channels = options.channels;
	const eligible: string[] = [];
	const blocked: Record<string, string> = {};
	const rates: Record<string, number> = {};
	const values: Record<string, number> = {};
	const campaignSetting = customer.campaign === null ? undefined : options.campaigns.get(customer.campaign);
	let candidates: ResolvedChannel[] = [];
	for (const channel of channels) {
		const reason = checkEligibility(customer, channel.index, channel.name, channel.addressKind);
		if (reason !== null) {
			blocked[channel.name] = reason;
			continue;
		}
		eligible.push(channel.name);
		const prior = (ownField(priors.response, channel.name) as BetaPrior | undefined) ?? channel.prior;
		const alpha = prior.alpha + customer.responses[channel.index];
		const beta = prior.beta + customer.sent[channel.index] - customer.responses[channel.index];
		rates[channel.name] = alpha / (alpha + beta);
		values[channel.name] = (channel.valuePerResponse * alpha) / (alpha + beta) - channel.costPerMessage;
		if (campaignSetting?.channels && !campaignSetting.channels.has(channel.name)) {
			blocked[channel.name] = `campaign "${campaignSetting.name}" has no ${channel.name} message`;
			continue;
		}
		candidates.push(channel);
	}
	let engagements = 0;
	for (let h = 0; h < 24; h++) engagements += customer.hourCounts[h];
	if (eligible.length === 0) {
		return noneDecision(customer, options, eligible, blocked, 'no_eligible_channel', `no eligible channel (${joinReasons(blocked)})`, rates, values, engagements);
	}
	if (candidates.length === 0) {
		return noneDecision(customer, options, eligible, blocked, 'campaign_channels', `no eligible channel the campaign has a message for (${joinReasons(blocked)})`, rates, values, engagements);
	}
	if (runLimitReason !== null) {
		for (const channel of candidates) blocked[channel.name] = runLimitReason;
		return noneDecision(customer, options, eligible, blocked, 'lost_to_campaign', runLimitReason, rates, values, engagements);
	}

	// Send time per distinct schedule (channels usually share one).
	const clock = customer.clock;
	const timings: TimingForSchedule[] = [];
	const timingOf = (schedule: SendSchedule): TimingForSchedule => {
		for (const timing of timings) if (timing.schedule === schedule) return timing;
		let estimate: BestHourEstimate | null = null;
		let sendAt: number | null;
		if (options.sendTime.optimize) {
			const sendTimePrior = priors.sendTime;
			const pattern = (customer.segment !== null ? (ownField(sendTimePrior.segments, customer.segment) as number[] | undefined) : undefined) ?? sendTimePrior.pattern;
			estimate = estimateBestHour(customer.hourCounts, pattern, sendTimePrior.strength, schedule.allowedHours, options.sendTime.smoothingHours, options.sendTime.defaultHour);
			sendAt = nextAllowedMoment(clock, options.now, schedule, estimate.hour) ?? nextAllowedMoment(clock, options.now, schedule, null);
		} else {
			sendAt = nextAllowedMoment(clock, options.now, schedule, null);
		}
		const timing = { schedule, estimate, sendAt };
		timings.push(timing);
		return timing;
	};

	const history: readonly SentMessage[] = planned.length === 0 ? customer.messages : [...customer.messages, ...planned];
	const formatInstant = (instant: number) => clock.formatIso(instant);
	let capped = false;
	let noTime = false;
	let belowMinimum = false;
	const remaining: ResolvedChannel[] = [];
	for (const channel of candidates) {
		const timing = timingOf(channel.schedule);
		if (timing.sendAt === null) {
			blocked[channel.name] = `no allowed send time within 15 days (${channel.schedule.label})`;
			noTime = true;
			continue;
		}
		if (options.caps.length > 0) {
			const violation = checkFrequencyCaps(history, options.caps, channel.name, timing.sendAt);
			if (violation) {
				blocked[channel.name] = capReason(violation, formatInstant, planned.length);
				capped = true;
				continue;
			}
		}
		if (options.minimumExpectedValue !== null && values[channel.name] < options.minimumExpectedValue) {
			blocked[channel.name] = `expected value ${formatValue(values[channel.name])} below the minimum ${formatValue(options.minimumExpectedValue)}`;
			belowMinimum = true;
			continue;
		}
		remaining.push(channel);
	}
	candidates = remaining;
	if (candidates.length === 0) {
		const code: SuppressionCode = capped ? 'frequency_cap' : belowMinimum ? 'below_minimum_value' : noTime ? 'no_send_time' : 'campaign_channels';
		const what = capped ? 'every eligible channel is capped or blocked' : belowMinimum ? 'no eligible channel is worth its cost' : 'no eligible channel has an allowed send time';
		const reasons: Record<string, string> = {};
		for (const name of eligible) reasons[name] = blocked[name];
		return noneDecision(customer, options, eligible, blocked, code, `${what} (${joinReasons(reasons)})`, rates, values, engagements);
	}

	const arms: ChannelArm[] = candidates.map((channel) => {
		const prior = (ownField(priors.response, channel.name) as BetaPrior | undefined) ?? channel.prior;
		return {
			name: channel.name,
			alpha: prior.alpha + customer.responses[channel.index],
			beta: prior.beta + customer.sent[channel.index] - customer.responses[channel.index],
			value: channel.valuePerResponse,
			cost: channel.costPerMessage,
		};
	});
	const needsRandom = arms.length > 1 && (options.policy === 'thompson' || options.policy === 'epsilonGreedy');
	const selection = selectChannel(arms, options.policy, {
		epsilon: options.epsilon,
		draws: options.propensityDraws,
		random: needsRandom ? customerRandom(options.seed, options.now, customer.campaign, customer.key) : undefined,
	});
	const chosen = candidates[selection.index];
	const timing = timingOf(chosen.schedule);
	const sendAt = timing.sendAt as number;
	const choiceProbabilities: Record<string, number> = {};
	for (let k = 0; k < candidates.length; k++) choiceProbabilities[candidates[k].name] = selection.probabilities[k];
	const propensity = selection.probabilities[selection.index];

	// The reason in words.
	const chosenArm = arms[selection.index];
	const sends = customer.sent[chosen.index];
	const responses = customer.responses[chosen.index];
	const evidence = `response rate ${formatPercent(rates[chosen.name])} = Beta(${formatValue(chosenArm.alpha)}, ${formatValue(chosenArm.beta)}) from ${responses} of ${sends} sends; value ${formatValue(chosen.valuePerResponse)}, cost ${formatValue(chosen.costPerMessage)}`;
	const others = candidates
		.filter((channel) => channel !== chosen)
		.map((channel) => `${channel.name} ${formatValue(values[channel.name])}`)
		.join(', ');
	let how: string;
	if (candidates.length === 1) how = `only candidate left, expected value ${formatValue(values[chosen.name])} (${evidence})`;
	else if (options.policy === 'priority') how = `first in priority order ${candidates.map((channel) => channel.name).join(' > ')}, expected value ${formatValue(values[chosen.name])} (${evidence})`;
	else if (options.policy === 'expectedValue') how = `highest expected value, ${formatValue(values[chosen.name])} (${evidence}) over ${others}`;
	else if (options.policy === 'thompson') {
		how = `Thompson sampling, sampled value ${formatValue(selection.sampledValue ?? 0)}, chosen with probability ${roundTo(propensity, 4)} over ${options.propensityDraws} draws; expected value ${formatValue(values[chosen.name])} (${evidence}) vs ${others}`;
	} else {
		const greedy = selection.expectedValues.indexOf(max(...selection.expectedValues)) === selection.index;
		how = `epsilon-greedy with epsilon ${options.epsilon} (${greedy ? 'greedy pick' : 'exploring'}), probability ${roundTo(propensity, 4)}; expected value ${formatValue(values[chosen.name])} (${evidence}) vs ${others}`;
	}
	const local = new Date(clock.localMillis(sendAt)).toISOString();
	let when = `send ${local.slice(0, 10)} ${local.slice(11, 16)} ${customer.timeZone}${customer.timeZoneSource === 'default' ? ' (default zone)' : ''}`;
	if (timing.estimate) {
		const estimate = timing.estimate;
		const source = customer.segment !== null && ownField(priors.sendTime.segments, customer.segment) ? `segment ${customer.segment}` : 'population';
		when +=
			estimate.engagements > 0
				? `, best hour ${estimate.hour} from ${estimate.engagements} engagements (share ${formatPercent(estimate.share)}, own data weight ${formatPercent(estimate.dataWeight)} vs ${source} pattern)`
				: `, best hour ${estimate.hour} from the ${source} pattern (no engagement history)`;
	}
	when += `; ${chosen.schedule.label}`;
	const notes: string[] = [];
	for (const name in blocked) notes.push(`${name} (${blocked[name]})`);
	const notText = notes.length > 0 ? ` Not chosen: ${notes.join('; ')}.` : '';
	const historyNote = options.caps.length > 0 && customer.historySource === 'engagement counts' ? ' Caps counted from engagement counts (no messageHistory): an upper bound.' : '';

	return {
		itemIndex: customer.itemIndex,
		customerId: customer.customerId,
		campaign: customer.campaign,
		channel: chosen.name,
		sendAt: clock.formatIso(sendAt),
		timeZone: customer.timeZone,
		timeZoneSource: customer.timeZoneSource,
		eligibleChannels: eligible,
		blockedChannels: blocked,
		suppressed: false,
		suppressionCode: null,
		suppressionReason: null,
		decisionReason: `${chosen.name}: ${how}; ${when}.${notText}${historyNote}`,
		policy: options.policy,
		propensity,
		choiceProbabilities,
		responseRates: rates,
		expectedValues: values,
		bestHour: timing.estimate ? timing.estimate.hour : null,
		bestHourEngagements: engagements,
	};
}

/**
 * Send instant of a decision in ms since epoch (Date.parse of the ISO sendAt with its offset); null for 'none'.
 * Cost: O(1). @example sendAtMillis({ sendAt: '2025-03-10T10:00:00.000+01:00' }) // 1741597200000
 */
export function sendAtMillis(decision: Pick<ChannelDecision, 'sendAt'>): number | null {
	return decision.sendAt === null ? null : Date.parse(decision.sendAt);
}

/**
 * Choose Channel for one customer (see the file comment). `options` are the raw options (resolved on each
 * call) or the result of resolveChannelOptions (resolve once per run for speed). Priors: options.priors,
 * else each channel's prior (default Beta(1, 19)) and a flat send-time pattern.
 * Cost: see the file comment. @example chooseChannel(profile, { now: '2025-03-10T05:00:00Z' }).channel // 'email'
 */
export function chooseChannel(profile: ChannelProfile, options: ChooseChannelOptions | ResolvedChannelOptions): ChannelDecision {
	const resolved = isResolvedChannelOptions(options) ? options : resolveChannelOptions(options, 'chooseChannel');
	const customer = readChannelProfile(profile, resolved, null);
	return decideChannel(customer, resolved, resolved.priors ?? resolved.fallbackPriors);
}
