/**
 * Fit the population priors of Choose Channel on a set of profiles: a Beta prior of the response rate per
 * channel (fitResponsePrior) and the send-hour pattern, its Dirichlet strength and per-segment patterns
 * (fitHourPrior). Pass the result as `options.priors` to score customers one by one against a population
 * (chooseChannels fits on its own batch when no priors are given).
 *
 *   response[k] = argmax_{a,b} prod_i BetaBinomial(responses_ik | sent_ik, a, b)      (per channel k)
 *   sendTime    = Dirichlet-multinomial fit over local engagement hours (see fitHourPrior)
 *
 * Reference: Minka (2000), "Estimating a Dirichlet distribution", https://tminka.github.io/papers/dirichlet/
 *
 * Cost: O(n * (C + e)) to read n profiles with e engagements each, plus O(iterations * distinct counts).
 * @example fitChannelPriors(profiles, { now: '2025-03-10T00:00:00Z' }).response.email // { alpha: 1.7, beta: 30.2 }
 */
import { ownField } from '../fieldValues';
import { fitHourPrior } from './fitHourPrior';
import type { BetaPrior } from './fitResponsePrior';
import { fitResponsePrior } from './fitResponsePrior';
import type { ChannelCustomer, ChannelProfile } from './readChannelProfile';
import { readChannelProfile } from './readChannelProfile';
import type { ChannelPriors, ChooseChannelOptions, ResolvedChannelOptions } from './resolveChannelOptions';
import { isResolvedChannelOptions, resolveChannelOptions } from './resolveChannelOptions';

export interface FittedChannelPriors extends ChannelPriors {
	/** Customers with sends per channel and whether each fit had enough data (else the fallback is kept). */
	responseFit: Record<string, { customers: number; fitted: boolean }>;
	sendTimeFit: { customers: number; engagements: number; fitted: boolean };
}

/**
 * Fit the Choose Channel priors on customers already read (one per person: the caller removes repeats).
 * Same formulas as fitChannelPriors. Cost: O(n * C + iterations * distinct counts).
 * @example fitChannelPriorsFromCustomers(customers, resolved).sendTime.strength // e.g. 6.1
 */
export function fitChannelPriorsFromCustomers(customers: readonly ChannelCustomer[], options: ResolvedChannelOptions): FittedChannelPriors {
	const response: ChannelPriors['response'] = {};
	const responseFit: FittedChannelPriors['responseFit'] = {};
	for (const channel of options.channels) {
		const fallback = (ownField(options.priors?.response, channel.name) as BetaPrior | undefined) ?? channel.prior;
		const fit = fitResponsePrior(
			customers.map((customer) => customer.sent[channel.index]),
			customers.map((customer) => customer.responses[channel.index]),
			fallback,
		);
		response[channel.name] = { alpha: fit.alpha, beta: fit.beta };
		responseFit[channel.name] = { customers: fit.customers, fitted: fit.fitted };
	}
	const hours = fitHourPrior(
		customers.map((customer) => customer.hourCounts),
		customers.map((customer) => customer.segment),
		{
			smoothingHours: options.sendTime.smoothingHours,
			segmentStrength: options.sendTime.segmentStrength,
			fallbackStrength: options.sendTime.priorStrength,
		},
	);
	return {
		response,
		sendTime: { pattern: hours.pattern, strength: hours.strength, segments: hours.segments },
		responseFit,
		sendTimeFit: { customers: hours.customers, engagements: hours.engagements, fitted: hours.fitted },
	};
}

/** Fit the priors on profiles, one per customer key (later repeats are skipped); see the file comment. */
export function fitChannelPriors(profiles: readonly ChannelProfile[], options: ChooseChannelOptions | ResolvedChannelOptions): FittedChannelPriors {
	const resolved = isResolvedChannelOptions(options) ? options : resolveChannelOptions(options, 'fitChannelPriors');
	const seen = new Set<string>();
	const customers: ChannelCustomer[] = [];
	for (let i = 0; i < profiles.length; i++) {
		const customer = readChannelProfile(profiles[i], resolved, i);
		if (seen.has(customer.key)) continue;
		seen.add(customer.key);
		customers.push(customer);
	}
	return fitChannelPriorsFromCustomers(customers, resolved);
}
