/**
 * Simulations with known truth for Choose Channel, shared by the unit test and `npm run bench -- channel`.
 *
 * Population: customers in New York, Berlin, Sydney and Kolkata, in three segments whose true best local
 * hours are morning (8-10), midday (12-14) or evening (18-20). Each customer has true response rates per
 * channel (email ~ Beta(2, 30), sms ~ Beta(3, 22), push ~ Beta(1.5, 40)), a true best hour, consent,
 * past sends with Binomial responses at the true rate, and opens/clicks whose local hours fall around the
 * true best hour (60 %, normal with sd 1 h, rounded) or anywhere from 06:00 to 23:59 (40 %). Local times become
 * instants through luxon, not through lib/channel.
 * Response to a message sent at local hour h: rate * (0.6 + 0.4 exp(-d^2 / 2)), d = circular distance in
 * hours between h and the true best hour. Values are exact expectations, not sampled outcomes.
 *
 * Bandit: K arms with true rates, Beta(1, 1) priors updated online, one pull per round; pseudo-regret
 * sum_t (max_k mu_k - mu_chosen) for Thompson sampling and epsilon-greedy through lib's selectChannel.
 */
import { DateTime } from 'luxon';

import type { ChannelArm, ChannelDecision, ChannelPolicy, ChooseChannelOptions } from '../../../lib/channel';
import { selectChannel } from '../../../lib/channel';
import { sampleBeta } from '../../../lib/stats';
import type { RandomSource } from '../../../lib/stats/seededRandom';
import { seededRandom } from '../../../lib/stats/seededRandom';

export const SIMULATION_ZONES = ['America/New_York', 'Europe/Berlin', 'Australia/Sydney', 'Asia/Kolkata'];
const SEGMENT_HOURS: Record<string, number[]> = { morning: [8, 9, 10], midday: [12, 13, 14], evening: [18, 19, 20] };
export const SIMULATION_CHANNELS = [
	{ name: 'email', valuePerResponse: 1, costPerMessage: 0.002, prior: [2, 30], consent: 0.9 },
	{ name: 'sms', valuePerResponse: 1, costPerMessage: 0.06, prior: [3, 22], consent: 0.5 },
	{ name: 'push', valuePerResponse: 1, costPerMessage: 0.001, prior: [1.5, 40], consent: 0.5 },
];
const DAY = 86_400_000;

export interface SimulatedTruth {
	zone: string;
	bestHour: number;
	rates: Record<string, number>;
	consented: Record<string, boolean>;
	engagements: number;
}

export interface SimulatedPopulation {
	profiles: Array<Record<string, unknown>>;
	truth: SimulatedTruth[];
	now: number;
}

function normal(random: RandomSource): number {
	const u = 1 - random();
	const v = random();
	return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function binomial(random: RandomSource, n: number, p: number): number {
	let count = 0;
	for (let i = 0; i < n; i++) if (random() < p) count++;
	return count;
}

function pick<T>(random: RandomSource, values: readonly T[]): T {
	return values[Math.floor(random() * values.length)];
}

export function circularHourDistance(a: number, b: number): number {
	const d = Math.abs(a - b) % 24;
	return d > 12 ? 24 - d : d;
}

/** Multiplier of the response rate for a send at local hour `hour` (1 at the true best hour). */
export function timeFactor(hour: number, bestHour: number): number {
	const d = circularHourDistance(hour, bestHour);
	return 0.6 + 0.4 * Math.exp((-d * d) / 2);
}

export function simulatePopulation(seed: number, customers: number, now = Date.parse('2025-06-02T03:00:00Z')): SimulatedPopulation {
	const random = seededRandom(seed);
	const profiles: Array<Record<string, unknown>> = [];
	const truth: SimulatedTruth[] = [];
	for (let i = 0; i < customers; i++) {
		const zone = pick(random, SIMULATION_ZONES);
		const segment = pick(random, Object.keys(SEGMENT_HOURS));
		const bestHour = pick(random, SEGMENT_HOURS[segment]);
		const roll = random();
		const engagementCount = roll < 0.3 ? Math.floor(random() * 4) : roll < 0.6 ? 4 + Math.floor(random() * 6) : 10 + Math.floor(random() * 31);
		const engagementHistory: number[] = [];
		for (let e = 0; e < engagementCount; e++) {
			const hour = random() < 0.6 ? (((bestHour + Math.round(normal(random))) % 24) + 24) % 24 : 6 + Math.floor(random() * 18);
			const date = DateTime.fromMillis(now - (1 + Math.floor(random() * 90)) * DAY, { zone });
			const local = date.set({ hour, minute: Math.floor(random() * 60), second: 0, millisecond: 0 });
			engagementHistory.push(local.toMillis());
		}
		const rates: Record<string, number> = {};
		const consented: Record<string, boolean> = {};
		const consent: Record<string, boolean> = {};
		const engagement: Record<string, unknown> = {};
		const messageHistory: Array<{ channel: string; sentAt: number }> = [];
		for (const channel of SIMULATION_CHANNELS) {
			rates[channel.name] = sampleBeta(channel.prior[0], channel.prior[1], random);
			consented[channel.name] = random() < channel.consent;
			consent[channel.name] = consented[channel.name];
			if (!consented[channel.name]) continue;
			const sent = Math.floor(random() * 61);
			const clicked = binomial(random, sent, rates[channel.name]);
			engagement[channel.name] = { sent, opened: clicked, clicked, bounced: 0, lastSentAt: null, lastEngagedAt: null };
			if (sent > 0) messageHistory.push({ channel: channel.name, sentAt: now - (3 + Math.floor(random() * 20)) * DAY });
		}
		profiles.push({
			customerId: `s${i}`,
			email: `s${i}@example.com`,
			phone: '+4915112345678',
			pushToken: `token-${i}`,
			timeZone: zone,
			consent,
			engagement,
			messageHistory,
			engagementHistory,
			segment,
		});
		truth.push({ zone, bestHour, rates, consented, engagements: engagementCount });
	}
	return { profiles, truth, now };
}

export function simulationOptions(now: number, policy: ChannelPolicy): ChooseChannelOptions {
	return {
		now,
		policy,
		seed: 7,
		propensityDraws: 200,
		channels: SIMULATION_CHANNELS.map(({ name, valuePerResponse, costPerMessage }) => ({ name, valuePerResponse, costPerMessage })),
		quietHours: { start: '21:00', end: '07:00' },
		minimumExpectedValue: 0,
		caps: [{ max: 4, windowDays: 7 }],
	};
}

/** Exact expected value of one decision under the truth (0 for 'none'). */
export function decisionValue(population: SimulatedPopulation, decision: ChannelDecision): number {
	if (decision.channel === 'none' || decision.sendAt === null) return 0;
	const truth = population.truth[decision.itemIndex];
	const setting = SIMULATION_CHANNELS.find((channel) => channel.name === decision.channel) as (typeof SIMULATION_CHANNELS)[number];
	const hour = DateTime.fromISO(decision.sendAt, { zone: truth.zone }).hour;
	return setting.valuePerResponse * truth.rates[decision.channel] * timeFactor(hour, truth.bestHour) - setting.costPerMessage;
}

/**
 * Inverse propensity scoring: the value of a target policy estimated from decisions logged by another
 * (randomised) policy, using only the logged propensities: mean of 1[logged = target] * value / propensity.
 * Reference: Horvitz & Thompson (1952); Li et al. (2011), WSDM, section 3.
 */
export function inversePropensityEstimate(population: SimulatedPopulation, logged: ChannelDecision[], target: ChannelDecision[]): number {
	let sum = 0;
	for (let i = 0; i < logged.length; i++) {
		if (logged[i].channel === target[i].channel) sum += decisionValue(population, logged[i]) / logged[i].propensity;
	}
	return sum / logged.length;
}

export interface PolicyEvaluation {
	customers: number;
	/** Mean expected value per customer (exact expectation under the truth). */
	policyValue: number;
	baselineValue: number;
	oracleValue: number;
	/** (policy - baseline) / (oracle - baseline). */
	gapClosed: number;
	/** Share of customers with >= 10 engagements and a send whose local send hour is within +-1 h of the truth. */
	hourWithinOne: number;
	hourCustomers: number;
	/** Same customers: local send hour exactly the true best hour. */
	hourExact: number;
	/** Share of sends on the truly best channel. */
	channelAccuracy: number;
}

export function evaluateDecisions(population: SimulatedPopulation, decisions: ChannelDecision[]): PolicyEvaluation {
	let policy = 0;
	let baseline = 0;
	let oracle = 0;
	let hourHits = 0;
	let hourExact = 0;
	let hourCustomers = 0;
	let channelHits = 0;
	let sends = 0;
	for (const decision of decisions) {
		const truth = population.truth[decision.itemIndex];
		let best = 0;
		let bestChannel = 'none';
		for (const channel of SIMULATION_CHANNELS) {
			if (!truth.consented[channel.name]) continue;
			const value = channel.valuePerResponse * truth.rates[channel.name] - channel.costPerMessage;
			if (value > best) {
				best = value;
				bestChannel = channel.name;
			}
		}
		oracle += best;
		const email = SIMULATION_CHANNELS[0];
		if (truth.consented.email) baseline += email.valuePerResponse * truth.rates.email * timeFactor(9, truth.bestHour) - email.costPerMessage;
		if (decision.channel === 'none' || decision.sendAt === null) continue;
		sends++;
		const hour = DateTime.fromISO(decision.sendAt, { zone: truth.zone }).hour;
		policy += decisionValue(population, decision);
		if (decision.channel === bestChannel) channelHits++;
		if (truth.engagements >= 10) {
			hourCustomers++;
			if (circularHourDistance(hour, truth.bestHour) <= 1) hourHits++;
			if (hour === truth.bestHour) hourExact++;
		}
	}
	const n = decisions.length;
	return {
		customers: n,
		policyValue: policy / n,
		baselineValue: baseline / n,
		oracleValue: oracle / n,
		gapClosed: (policy - baseline) / (oracle - baseline),
		hourWithinOne: hourCustomers > 0 ? hourHits / hourCustomers : 0,
		hourCustomers,
		hourExact: hourCustomers > 0 ? hourExact / hourCustomers : 0,
		channelAccuracy: sends > 0 ? channelHits / sends : 0,
	};
}

export interface BanditRun {
	/** Cumulative pseudo-regret after each checkpoint round. */
	regretAt: Record<number, number>;
}

/** One bandit instance: `rounds` pulls among arms with true `rates` under a policy, Beta(1, 1) priors. */
export function runBandit(rates: readonly number[], rounds: number, policy: ChannelPolicy, seed: number, checkpoints: readonly number[]): BanditRun {
	const random = seededRandom(seed);
	const best = Math.max(...rates);
	const arms: ChannelArm[] = rates.map((_, k) => ({ name: `arm${k}`, alpha: 1, beta: 1, value: 1, cost: 0 }));
	const regretAt: Record<number, number> = {};
	let regret = 0;
	let next = 0;
	for (let round = 1; round <= rounds; round++) {
		// draws: 1 -- the decision is the first draw; propensity estimates are not needed here.
		const { index } = selectChannel(arms, policy, { epsilon: 0.1, draws: 1, random });
		regret += best - rates[index];
		if (random() < rates[index]) arms[index].alpha++;
		else arms[index].beta++;
		if (round === checkpoints[next]) {
			regretAt[round] = regret;
			next++;
		}
	}
	return { regretAt };
}

/** Mean regret over instances whose K = 3 true rates are drawn uniformly from [0.02, 0.2]. */
export function compareBandits(instances: number, rounds: number, checkpoints: readonly number[]): Record<'thompson' | 'epsilonGreedy', Record<number, number>> {
	const random = seededRandom(2024);
	const result = { thompson: {} as Record<number, number>, epsilonGreedy: {} as Record<number, number> };
	for (let instance = 0; instance < instances; instance++) {
		const rates = [0, 1, 2].map(() => 0.02 + 0.18 * random());
		for (const policy of ['thompson', 'epsilonGreedy'] as const) {
			const run = runBandit(rates, rounds, policy, 1000 + instance, checkpoints);
			for (const checkpoint of checkpoints) result[policy][checkpoint] = (result[policy][checkpoint] ?? 0) + run.regretAt[checkpoint] / instances;
		}
	}
	return result;
}

/** Slope of log(regret) against log(rounds) between two checkpoints: 1 is linear growth, < 1 sublinear. */
export function regretGrowthExponent(regretAt: Record<number, number>, from: number, to: number): number {
	return Math.log(regretAt[to] / regretAt[from]) / Math.log(to / from);
}
