/**
 * The default stage model for one customer: the stage, one sentence saying why (with the numbers
 * used), and when the customer entered the stage when the data tells.
 *
 * Rules, in order (first match wins):
 *   no purchase:    engaged (opens or clicks), browsed or carted -> consideration, else prospect
 *   usual gap g:    own gap, at least minimumGapDays; one-time buyers: the population gap, at least minimumGapDays
 *   overdue:        days since last purchase d >= ceil(lapsedMultiple * g) -> lapsed,
 *                   d >= ceil(atRiskMultiple * g) -> at_risk
 *                   (signal 'churnProbability': p >= lapsedProbability -> lapsed, p >= atRiskProbability -> at_risk,
 *                   p = churnProbability, or 1 - probabilityAlive)
 *   reactivated:    the previous stage was at_risk or lapsed (every stage its name stands for), or, without
 *                   a previous stage, exactly two purchase days whose gap reached ceil(lapsedMultiple * population gap)
 *   first_purchase: one purchase day
 *   loyal:          purchase days >= max(loyalMinPurchases, top-share cutoff) and revenue >= max(loyalMinRevenue,
 *                   top-share cutoff); advocate when loyal with referrals + reviews >= 1
 *   repeat:         otherwise
 * Entered at: prospect = firstSeenAt; first_purchase = first purchase; repeat = second purchase when it is the
 * last one; at_risk and lapsed = last purchase + the threshold in days (when the customer became overdue);
 * reactivated = last purchase; otherwise unknown (null).
 * Reference: the hiatus heuristic of Wübben & von Wangenheim (2008), Journal of Marketing 72(3),
 * https://doi.org/10.1509/jmkg.72.3.082, with the customer's own inter-purchase time as the yardstick.
 *
 * Cost: O(c) for c engagement channels.
 * @example classifyLifecycleStage(facts, profile, population, resolved, null) // { stage: 'at_risk', reason: 'Last purchase 63 days ago; usual gap 21 days (3.0x); at risk from 2.0x, lapsed from 4.0x', ... }
 */
import { parseNumber } from '../profile/mapRecordToEvent';
import { MS_PER_DAY, parseTimestamp } from '../profile/parseTimestamp';
import type { LifecycleStage } from './lifecycleStages';
import { OVERDUE_STAGES } from './lifecycleStages';
import type { LifecyclePopulation } from './lifecyclePopulation';
import type { LifecycleFacts } from './readLifecycleFacts';
import { isBlank, ownField } from '../fieldValues';
import { inputError } from './readLifecycleFacts';
import type { PreviousStageMatch, ResolvedLifecycleOptions } from './resolveLifecycleOptions';

export interface StageDecision {
	stage: LifecycleStage;
	/** One sentence with the numbers used, e.g. "Last purchase 63 days ago; usual gap 21 days (3.0x); ...". */
	reason: string;
	/** When the customer entered the stage (ms), when the data tells; else null. */
	enteredAt: number | null;
}

/** The yardstick of a buyer: usual gap in days, and how it was found (for the reason). */
export interface UsualGap {
	days: number;
	text: string;
}

/** Small whole numbers stay whole, others get one decimal: 21 -> "21", 21.25 -> "21.3". */
export function formatAmount(value: number): string {
	const rounded = Math.round(value * 10) / 10;
	return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

function plural(count: number, word: string): string {
	return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function isoDay(time: number): string {
	return new Date(time).toISOString().slice(0, 10);
}

/** Whole days a customer may go without purchase before crossing `multiple` x the gap (float-safe). */
export function thresholdDays(multiple: number, gapDays: number): number {
	return Math.ceil(multiple * gapDays - 1e-9);
}

/** The usual gap of a buyer; one-time buyers need the population gap (an error naming it when unknown). */
export function usualGapOf(facts: LifecycleFacts, population: LifecyclePopulation, options: ResolvedLifecycleOptions): UsualGap {
	const minimum = options.minimumGapDays;
	if (facts.ownGapDays !== null) {
		if (facts.ownGapDays >= minimum) return { days: facts.ownGapDays, text: `usual gap ${formatAmount(facts.ownGapDays)} days` };
		return { days: minimum, text: `usual gap ${formatAmount(minimum)} days (the minimum; own ${formatAmount(facts.ownGapDays)})` };
	}
	if (population.gapDays === null) {
		throw inputError(
			options,
			facts.itemIndex,
			'populationGapDays',
			'for a one-time buyer (the run holds no repeat buyer to take the median gap from)',
			null,
			'Set the option Population Gap (Days), e.g. the median days between purchases of your repeat buyers',
		);
	}
	const days = Math.max(population.gapDays, minimum);
	const source = population.gapSource === 'option' ? 'the set population gap' : `the median of ${plural(population.repeatBuyers, 'repeat buyer')}`;
	return { days, text: `one-time buyer, population gap ${formatAmount(days)} days (${days > population.gapDays ? 'the minimum' : source})` };
}

function lastPurchaseText(facts: LifecycleFacts): string {
	const days = facts.daysSinceLastPurchase as number;
	return `last purchase ${days === 0 ? 'today' : `${plural(days, 'day')} ago`}`;
}

function ratioText(facts: LifecycleFacts, gap: UsualGap): string {
	// Tenths rounded half up from one division (days * 10 / gap), so 51 days of 20 reads 2.6x, not 2.5x.
	const tenths = Math.round(((facts.daysSinceLastPurchase as number) * 10) / gap.days);
	return `${lastPurchaseText(facts)}; ${gap.text} (${(tenths / 10).toFixed(1)}x)`;
}

function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Churn probability of the item: churnProbability, else 1 - probabilityAlive. */
export function churnProbabilityOf(record: Record<string, unknown>, facts: LifecycleFacts, options: ResolvedLifecycleOptions): number {
	const churn = ownField(record, 'churnProbability');
	const alive = ownField(record, 'probabilityAlive');
	const field = isBlank(churn) && !isBlank(alive) ? 'probabilityAlive' : 'churnProbability';
	const value = field === 'churnProbability' ? churn : alive;
	const parsed = parseNumber(value);
	if (parsed === undefined || parsed < 0 || parsed > 1) {
		throw inputError(
			options,
			facts.itemIndex,
			field,
			'to be a probability from 0 to 1 (the at-risk signal is the churn probability)',
			value,
			'Run Score Churn before this node (it adds churnProbability and probabilityAlive), or choose the purchase rhythm as the at-risk signal',
		);
	}
	return field === 'churnProbability' ? parsed : 1 - parsed;
}

function readNonNegative(record: Record<string, unknown>, field: string, facts: LifecycleFacts, options: ResolvedLifecycleOptions, hint: string): number {
	const value = ownField(record, field);
	const parsed = parseNumber(value);
	if (parsed === undefined || parsed < 0) throw inputError(options, facts.itemIndex, field, 'to be a number, 0 or more', value, hint);
	return parsed;
}

interface Engagement {
	interactions: number;
	viewed: number;
	carted: number;
}

function listLength(record: Record<string, unknown>, field: string, facts: LifecycleFacts, options: ResolvedLifecycleOptions): number | undefined {
	const value = ownField(record, field);
	if (value === undefined || value === null) return undefined;
	if (!Array.isArray(value)) throw inputError(options, facts.itemIndex, field, 'to be a list of product IDs', value, 'Map a list (as Build Profile outputs it), or remove the field');
	return value.length;
}

/** Opens and clicks on every channel, products viewed and in the cart; an error when the item has no such field. */
function readEngagement(record: Record<string, unknown>, facts: LifecycleFacts, options: ResolvedLifecycleOptions): Engagement {
	let interactions: number | undefined;
	const engagement = ownField(record, 'engagement');
	if (engagement !== undefined && engagement !== null) {
		if (typeof engagement !== 'object' || Array.isArray(engagement)) {
			throw inputError(options, facts.itemIndex, 'engagement', 'to be an object { channel: { opened, clicked } }', engagement, 'Map engagement as Build Profile outputs it, or remove the field');
		}
		interactions = 0;
		for (const channel of Object.keys(engagement)) {
			const counts = (engagement as Record<string, unknown>)[channel];
			if (typeof counts !== 'object' || counts === null) throw inputError(options, facts.itemIndex, `engagement.${channel}`, 'to be an object { opened, clicked }', counts, 'Map engagement as Build Profile outputs it');
			for (const kind of ['opened', 'clicked']) {
				const count = ownField(counts as Record<string, unknown>, kind);
				if (count === undefined || count === null) continue;
				const parsed = parseNumber(count);
				if (parsed === undefined || parsed < 0) throw inputError(options, facts.itemIndex, `engagement.${channel}.${kind}`, 'to be a number, 0 or more', count, 'Fix the engagement counts');
				interactions += parsed;
			}
		}
	} else {
		for (const field of ['emailOpened', 'emailClicked', 'smsClicked', 'pushOpened']) {
			const value = ownField(record, field);
			if (value === undefined || value === null) continue;
			interactions = (interactions ?? 0) + readNonNegative(record, field, facts, options, 'Map the count of opens or clicks, as Build Profile outputs it');
		}
	}
	const viewed = listLength(record, 'productsViewed', facts, options);
	const carted = listLength(record, 'productsInCart', facts, options);
	if (interactions === undefined && viewed === undefined && carted === undefined) {
		throw inputError(
			options,
			facts.itemIndex,
			'engagement',
			'(or emailOpened, emailClicked, smsClicked, pushOpened, productsViewed, productsInCart) to tell consideration from prospect for a customer without orders',
			undefined,
			'Build the items with Build Profile, or map at least one engagement field before this step',
		);
	}
	return { interactions: interactions ?? 0, viewed: viewed ?? 0, carted: carted ?? 0 };
}

function classifyNonBuyer(record: Record<string, unknown>, facts: LifecycleFacts, options: ResolvedLifecycleOptions): StageDecision {
	const { interactions, viewed, carted } = readEngagement(record, facts, options);
	if (interactions > 0 || viewed > 0 || carted > 0) {
		const signs: string[] = [];
		if (interactions > 0) signs.push(`${interactions} ${interactions === 1 ? 'open or click' : 'opens or clicks'}`);
		if (viewed > 0) signs.push(`${plural(viewed, 'product')} viewed`);
		if (carted > 0) signs.push(`${plural(carted, 'product')} in the cart`);
		return { stage: 'consideration', reason: `No purchase yet; engaged: ${signs.join(', ')}`, enteredAt: null };
	}
	const firstSeenValue = ownField(record, 'firstSeenAt');
	const firstSeen = isBlank(firstSeenValue) ? undefined : parseTimestamp(firstSeenValue);
	return {
		stage: 'prospect',
		reason: `${firstSeen !== undefined ? `Known since ${isoDay(firstSeen)}, with` : 'Known, with'} no purchase and no engagement yet (no opens, clicks, views or cart adds)`,
		enteredAt: firstSeen ?? null,
	};
}

/** How overdue a buyer is: the stage (at_risk, lapsed or null when active), the reason and the entry time. */
function overdueDecision(
	record: Record<string, unknown>,
	facts: LifecycleFacts,
	population: LifecyclePopulation,
	options: ResolvedLifecycleOptions,
): { stage: LifecycleStage | null; reason: string; enteredAt: number | null } {
	if (options.atRiskSignal === 'churnProbability') {
		const churn = churnProbabilityOf(record, facts, options);
		const stage = churn >= options.lapsedProbability ? 'lapsed' : churn >= options.atRiskProbability ? 'at_risk' : null;
		const reason = `churn probability ${churn.toFixed(2)} (at risk from ${options.atRiskProbability}, lapsed from ${options.lapsedProbability}); ${lastPurchaseText(facts)}`;
		return { stage, reason, enteredAt: null };
	}
	const gap = usualGapOf(facts, population, options);
	const days = facts.daysSinceLastPurchase as number;
	const atRiskDays = thresholdDays(options.atRiskMultiple, gap.days);
	const lapsedDays = thresholdDays(options.lapsedMultiple, gap.days);
	const last = facts.lastPurchase as number;
	const thresholds = `at risk from ${options.atRiskMultiple.toFixed(1)}x (${plural(atRiskDays, 'day')}), lapsed from ${options.lapsedMultiple.toFixed(1)}x (${plural(lapsedDays, 'day')})`;
	if (days >= lapsedDays) return { stage: 'lapsed', reason: `${ratioText(facts, gap)}; ${thresholds}`, enteredAt: last + lapsedDays * MS_PER_DAY };
	if (days >= atRiskDays) return { stage: 'at_risk', reason: `${ratioText(facts, gap)}; ${thresholds}`, enteredAt: last + atRiskDays * MS_PER_DAY };
	return { stage: null, reason: ratioText(facts, gap), enteredAt: null };
}

/** Without a previous stage: two purchase days whose one gap was a lapse against the population gap. */
function inferredReactivation(facts: LifecycleFacts, population: LifecyclePopulation, options: ResolvedLifecycleOptions): string | null {
	if (!options.inferReactivation || options.atRiskSignal !== 'purchaseRhythm' || facts.purchaseDays !== 2 || population.gapDays === null) return null;
	const populationGap = Math.max(population.gapDays, options.minimumGapDays);
	const lapsedDays = thresholdDays(options.lapsedMultiple, populationGap);
	const gap = facts.ownGapDays as number;
	if (gap < lapsedDays) return null;
	return `bought again ${plural(gap, 'day')} after the first purchase, when a one-time buyer lapses after ${plural(lapsedDays, 'day')} (${options.lapsedMultiple.toFixed(1)}x the population gap of ${formatAmount(populationGap)} days)`;
}

export function classifyLifecycleStage(
	record: Record<string, unknown>,
	facts: LifecycleFacts,
	population: LifecyclePopulation,
	options: ResolvedLifecycleOptions,
	previous: PreviousStageMatch | null,
): StageDecision {
	if (facts.purchaseDays === 0) return classifyNonBuyer(record, facts, options);
	const overdue = overdueDecision(record, facts, population, options);
	if (overdue.stage) return { stage: overdue.stage, reason: capitalize(overdue.reason), enteredAt: overdue.enteredAt };

	const last = facts.lastPurchase as number;
	if (previous && previous.stages.length > 0 && previous.stages.every((stage) => OVERDUE_STAGES.has(stage))) {
		return { stage: 'reactivated', reason: `Was ${previous.name} and bought again: ${overdue.reason}`, enteredAt: last };
	}
	if (!previous) {
		const inferred = inferredReactivation(facts, population, options);
		if (inferred) return { stage: 'reactivated', reason: `${capitalize(inferred)}; ${overdue.reason}`, enteredAt: last };
	}
	if (facts.purchaseDays === 1) {
		return { stage: 'first_purchase', reason: `One purchase day (${isoDay(facts.firstPurchase as number)}); ${overdue.reason}`, enteredAt: facts.firstPurchase };
	}

	const purchaseCutoff = Math.max(options.loyalMinPurchases, population.loyalPurchaseCutoff ?? 0);
	const repeatReason = `${plural(facts.purchaseDays, 'purchase day')}; ${overdue.reason}`;
	if (facts.purchaseDays >= purchaseCutoff) {
		const revenue = ownField(record, 'revenue');
		const parsedRevenue = parseNumber(revenue);
		if (parsedRevenue === undefined) {
			throw inputError(
				options,
				facts.itemIndex,
				'revenue',
				'to be a number to judge whether the customer is loyal (top by purchases and value)',
				revenue,
				'Map the revenue of the customer; Build Profile leaves it empty with mixed currencies: set Convert Currencies To there',
			);
		}
		const revenueCutoff = Math.max(options.loyalMinRevenue, population.loyalRevenueCutoff ?? 0);
		if (parsedRevenue >= revenueCutoff) {
			const loyalReason = `${plural(facts.purchaseDays, 'purchase day')} and revenue ${Math.round(parsedRevenue * 100) / 100}, in the top ${options.loyalTopPercent}% of ${plural(population.buyers, 'buyer')} (at least ${purchaseCutoff} days and ${Math.round(revenueCutoff * 100) / 100}); ${overdue.reason}`;
			const referrals = readNonNegative(record, 'referrals', facts, options, 'Map the number of referrals (0 if none), as Build Profile outputs it');
			const reviews = readNonNegative(record, 'reviews', facts, options, 'Map the number of reviews (0 if none), as Build Profile outputs it');
			if (referrals + reviews >= 1) {
				return { stage: 'advocate', reason: `${loyalReason}; ${plural(referrals, 'referral')} and ${plural(reviews, 'review')}`, enteredAt: null };
			}
			return { stage: 'loyal', reason: loyalReason, enteredAt: null };
		}
	}
	return { stage: 'repeat', reason: capitalize(repeatReason), enteredAt: facts.purchaseDays === 2 ? last : null };
}
