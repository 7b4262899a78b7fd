/**
 * Choose Channel for a batch: one decision per item, with the population priors fitted on the batch and
 * competing campaigns resolved per customer.
 *
 * Items that share a customer (customerId, else profileId, email, phone) compete. They are decided in a
 * deterministic order: campaign priority descending (item campaignPriority, else the campaigns option,
 * else 0), then campaign name, then item index. Each decision counts the messages the run already planned
 * for that customer against the caps; once a customer has `maxMessagesPerRun` messages, the remaining items
 * lose with code 'lost_to_campaign' and the winner named. Decisions do not depend on the order of the items
 * (except between items without any identity, or identical campaign and priority), because each customer's
 * random stream derives from seed, now, campaign and customer key.
 *
 *   priors = options.priors ?? (fitPriors ? fitChannelPriors(one profile per customer) : channel priors)
 *
 * Reference: see chooseChannel and fitChannelPriors.
 *
 * Cost: O(n log n) to order items plus n times the cost of chooseChannel and of the prior fit.
 * @example chooseChannels([profileA, { ...profileA, campaign: 'promo' }], { now, campaigns: [{ name: 'promo', priority: 5 }] })
 *   .decisions[0].suppressionCode // 'lost_to_campaign'
 */
import type { InputIssue } from '../errors';
import { LifecycleInputError } from '../errors';
import type { ChannelDecision, PlannedMessage, SuppressionCode } from './chooseChannel';
import { decideChannel, sendAtMillis } from './chooseChannel';
import type { FittedChannelPriors } from './fitChannelPriors';
import { fitChannelPriorsFromCustomers } from './fitChannelPriors';
import type { ChannelCustomer, ChannelProfile } from './readChannelProfile';
import { readChannelProfile, toChannelIssue } from './readChannelProfile';
import type { ChannelPriors, ChooseChannelOptions, ResolvedChannelOptions } from './resolveChannelOptions';
import { isResolvedChannelOptions, resolveChannelOptions } from './resolveChannelOptions';

export interface ChooseChannelsSummary {
	items: number;
	decided: number;
	invalid: number;
	customers: number;
	sent: number;
	byChannel: Record<string, number>;
	bySuppression: Partial<Record<SuppressionCode, number>>;
	policy: ResolvedChannelOptions['policy'];
	/** The priors the decisions used and where they came from. */
	priors: ChannelPriors;
	priorsSource: 'options' | 'fitted' | 'defaults';
	priorsFit: Pick<FittedChannelPriors, 'responseFit' | 'sendTimeFit'> | null;
}

export interface ChooseChannelsResult {
	/** One decision per valid item, in item order (itemIndex says which). */
	decisions: ChannelDecision[];
	/** Items rejected as bad input (only with onInvalid 'collect'); they get no decision. */
	issues: InputIssue[];
	summary: ChooseChannelsSummary;
}

/** The read customer, or the input error that names what is wrong; any other error (a bug) propagates. */
function readOrInputError(profile: unknown, options: ResolvedChannelOptions, itemIndex: number): ChannelCustomer | LifecycleInputError {
	let failure: unknown;
	try {
		return readChannelProfile(profile, options, itemIndex);
	} catch (error) {
		failure = error;
	}
	if (failure instanceof LifecycleInputError) return failure;
	throw failure;
}

function priorityOf(customer: ChannelCustomer, options: ResolvedChannelOptions): number {
	if (customer.campaignPriority !== null) return customer.campaignPriority;
	return (customer.campaign !== null ? options.campaigns.get(customer.campaign)?.priority : undefined) ?? 0;
}

function compareItems(a: ChannelCustomer, b: ChannelCustomer, options: ResolvedChannelOptions): number {
	const priorityDifference = priorityOf(b, options) - priorityOf(a, options);
	if (priorityDifference !== 0) return priorityDifference;
	const campaignA = a.campaign ?? '';
	const campaignB = b.campaign ?? '';
	if (campaignA !== campaignB) return campaignA < campaignB ? -1 : 1;
	return a.itemIndex - b.itemIndex;
}

export function chooseChannels(profiles: readonly ChannelProfile[], options: ChooseChannelOptions | ResolvedChannelOptions): ChooseChannelsResult {
	const resolved = isResolvedChannelOptions(options) ? options : resolveChannelOptions(options, 'chooseChannels');
	if (!Array.isArray(profiles)) throw new Error(`${resolved.functionName} requires a list of profiles; got ${typeof profiles}`);
	const customers: ChannelCustomer[] = [];
	const issues: InputIssue[] = [];
	for (let i = 0; i < profiles.length; i++) {
		if (resolved.onInvalid === 'throw') {
			customers.push(readChannelProfile(profiles[i], resolved, i));
			continue;
		}
		const read = readOrInputError(profiles[i], resolved, i);
		if (read instanceof LifecycleInputError) issues.push(toChannelIssue(read, i));
		else customers.push(read);
	}

	// Group by customer; one profile per customer feeds the prior fit.
	const groups = new Map<string, ChannelCustomer[]>();
	for (const customer of customers) {
		const group = groups.get(customer.key);
		if (group) group.push(customer);
		else groups.set(customer.key, [customer]);
	}
	let priors: ChannelPriors;
	let priorsSource: ChooseChannelsSummary['priorsSource'];
	let priorsFit: ChooseChannelsSummary['priorsFit'] = null;
	if (resolved.priors) {
		priors = resolved.priors;
		priorsSource = 'options';
	} else if (resolved.fitPriors) {
		const representatives: ChannelCustomer[] = [];
		for (const group of groups.values()) representatives.push(group[0]);
		const fitted = fitChannelPriorsFromCustomers(representatives, resolved);
		priors = { response: fitted.response, sendTime: fitted.sendTime };
		priorsFit = { responseFit: fitted.responseFit, sendTimeFit: fitted.sendTimeFit };
		priorsSource = 'fitted';
	} else {
		priors = resolved.fallbackPriors;
		priorsSource = 'defaults';
	}

	const decisions: ChannelDecision[] = new Array<ChannelDecision>(customers.length);
	const positionOf = new Map<ChannelCustomer, number>();
	customers.forEach((customer, position) => positionOf.set(customer, position));
	for (const group of groups.values()) {
		if (group.length > 1) group.sort((a, b) => compareItems(a, b, resolved));
		const planned: PlannedMessage[] = [];
		const winners: string[] = [];
		for (const customer of group) {
			let runLimitReason: string | null = null;
			if (planned.length >= resolved.maxMessagesPerRun) {
				const limit = resolved.maxMessagesPerRun;
				runLimitReason = `this customer's ${limit} message${limit === 1 ? '' : 's'} for this run went to higher-priority ${winners.join(', ')}`;
			}
			const decision = decideChannel(customer, resolved, priors, planned, runLimitReason);
			decisions[positionOf.get(customer) as number] = decision;
			const at = sendAtMillis(decision);
			if (at !== null) {
				planned.push({ channel: decision.channel, at, campaign: customer.campaign });
				winners.push(`campaign "${customer.campaign ?? '(none)'}" (priority ${priorityOf(customer, resolved)}, item ${customer.itemIndex})`);
			}
		}
	}

	const byChannel: Record<string, number> = {};
	const bySuppression: Partial<Record<SuppressionCode, number>> = {};
	let sent = 0;
	for (const decision of decisions) {
		if (decision.suppressionCode !== null) bySuppression[decision.suppressionCode] = (bySuppression[decision.suppressionCode] ?? 0) + 1;
		else {
			sent++;
			byChannel[decision.channel] = (byChannel[decision.channel] ?? 0) + 1;
		}
	}
	return {
		decisions,
		issues,
		summary: {
			items: profiles.length,
			decided: decisions.length,
			invalid: issues.length,
			customers: groups.size,
			sent,
			byChannel,
			bySuppression,
			policy: resolved.policy,
			priors,
			priorsSource,
			priorsFit,
		},
	};
}
