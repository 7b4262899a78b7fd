/**
 * Assign Lifecycle Stage: where each customer stands, why, and what changed since the previous stage.
 *
 * Steps: (1) read each item's purchase facts (readLifecycleFacts); (2) the run's population: median gap
 * of repeat buyers (the yardstick of one-time buyers) and the loyal top-share cutoffs (lifecyclePopulation), or
 * the stored population figures of a scheduled run (option populationFigures, for one customer in real time);
 * (3) per item: the previous stage (readPreviousStage), then the custom rules in order (matchStageRule),
 * else the default model (classifyLifecycleStage); the output name of the stage (renamed to the CRM's
 * picklist), `stageChanged` and the transition "previous->current"; (4) counts per stage and the
 * transition matrix (summarizeLifecycleStages).
 * Observation time comes from each item's `observationEnd` or the option asOf, never from the clock, so
 * the same items give the same stages on any machine.
 * Without a previous stage, `previousStage` and `stageTransition` are null and `stageChanged` is true
 * (a first assignment: the CRM field is still empty and should be written).
 * Computed fields custom rules may use besides the item's own: defaultStage (the default model's stage
 * key), previousStage, purchaseDays, usualGapDays, overdueRatio, daysSinceLastPurchase. A rule's field
 * missing from the item is an error; a nested entry missing under a present field is empty (null).
 * Reference: Wübben & von Wangenheim (2008), Journal of Marketing 72(3), https://doi.org/10.1509/jmkg.72.3.082.
 *
 * Cost: O(n log n + n * r) for n items and r rules.
 * @example assignLifecycleStages(profiles, { previousStages: crmStages }).assignments[0].stageTransition // 'at_risk->reactivated'
 */
import type { InputIssue } from '../errors';
import { LifecycleInputError } from '../errors';
import { parseNumber, readPath } from '../profile/mapRecordToEvent';
import type { CustomerProfile } from '../profile/schemas';
import type { StageDecision } from './classifyLifecycleStage';
import { classifyLifecycleStage, usualGapOf } from './classifyLifecycleStage';
import type { LifecycleStage } from './lifecycleStages';
import type { LifecyclePopulation } from './lifecyclePopulation';
import { lifecyclePopulation } from './lifecyclePopulation';
import { lifecyclePopulationFigures } from './lifecyclePopulationFigures';
import type { PopulationFigures } from '../profile/populationFigures';
import { matchStageRule } from './matchStageRule';
import type { LifecycleFacts } from './readLifecycleFacts';
import { ownField } from '../fieldValues';
import { describeFieldValue, readLifecycleFacts } from './readLifecycleFacts';
import { readPreviousStage } from './readPreviousStage';
import type { AssignLifecycleStagesOptions, AtRiskSignal, PreviousStageMatch, ResolvedLifecycleOptions } from './resolveLifecycleOptions';
import { isResolvedLifecycleOptions, resolveLifecycleOptions } from './resolveLifecycleOptions';
import type { LifecycleStageCounts } from './summarizeLifecycleStages';
import { summarizeLifecycleStages } from './summarizeLifecycleStages';

/** An item shaped like Build Profile's output (only the fields the rules need are read), with optional churn scores. */
export type LifecycleProfile = Partial<CustomerProfile> & {
	churnProbability?: number | null;
	probabilityAlive?: number | null;
	[field: string]: unknown;
};

/** Fields custom rules can use that are computed, not read from the item. */
export const COMPUTED_RULE_FIELDS = ['daysSinceLastPurchase', 'defaultStage', 'overdueRatio', 'previousStage', 'purchaseDays', 'usualGapDays'] as const;

export interface LifecycleAssignment {
	itemIndex: number;
	/** The stage's output name (renamed as configured). */
	lifecycleStage: string;
	/** The stage key of the model, or null for a stage of the user's own (custom rule or fallback). */
	modelStage: LifecycleStage | null;
	previousStage: string | null;
	stageChanged: boolean;
	/** "previous->current" in output names; null without a previous stage. */
	stageTransition: string | null;
	stageReason: string;
	/** ISO 8601, when known. */
	stageEnteredAt: string | null;
	/** 1-based position of the custom rule that gave the stage, else null. */
	rule: number | null;
}

export interface LifecycleStagesSummary extends LifecycleStageCounts {
	customers: number;
	itemsWithErrors: number;
	/** The observation time used when it is the same for every item, else null. */
	asOf: string | null;
	atRiskSignal: AtRiskSignal;
	populationGapDays: number | null;
	populationGapSource: LifecyclePopulation['gapSource'];
	buyers: number;
	repeatBuyers: number;
	loyalPurchaseCutoff: number | null;
	loyalRevenueCutoff: number | null;
	/** Custom rules that matched, by 1-based position. */
	ruleMatches: Record<string, number>;
	/** The population used, as stored population figures (lifecyclePopulationFigures): store them for real-time runs. */
	populationFigures: PopulationFigures;
}

export interface AssignLifecycleStagesResult {
	/** One per item that read without error, in item order. */
	assignments: LifecycleAssignment[];
	/** Bad items (only with onInvalid 'collect'), in item order. */
	issues: InputIssue[];
	summary: LifecycleStagesSummary;
}

/** The work's result, or the input error that names what is wrong; any other error (a bug) propagates. */
function attempt<T>(work: () => T): T | LifecycleInputError {
	let failure: unknown;
	try {
		return work();
	} catch (error) {
		failure = error;
	}
	if (failure instanceof LifecycleInputError) return failure;
	throw failure;
}

function toIssue(error: LifecycleInputError, itemIndex: number): InputIssue {
	return { itemIndex: error.itemIndex ?? itemIndex, field: error.field ?? 'item', message: error.message, hint: error.hint ?? '' };
}

function isoOrNull(time: number | null): string | null {
	return time === null ? null : new Date(time).toISOString();
}

function assignOne(
	item: unknown,
	itemIndex: number,
	read: LifecycleFacts | LifecycleInputError,
	population: LifecyclePopulation,
	options: ResolvedLifecycleOptions,
): LifecycleAssignment {
	const facts = (): LifecycleFacts => {
		if (read instanceof LifecycleInputError) throw read;
		return read;
	};
	if (typeof item !== 'object' || item === null || Array.isArray(item)) facts();
	const record = item as Record<string, unknown>;
	const previous: PreviousStageMatch | null = readPreviousStage(options.previousStages?.[itemIndex], itemIndex, options);

	let model: StageDecision | undefined;
	const defaultModel = (): StageDecision => (model ??= classifyLifecycleStage(record, facts(), population, options, previous));

	let name: string | undefined;
	let modelStage: LifecycleStage | null = null;
	let reason = '';
	let enteredAt: number | null = null;
	let rule: number | null = null;
	if (options.rules.length > 0) {
		const computed = (field: string): unknown => {
			switch (field) {
				case 'defaultStage':
					return defaultModel().stage;
				case 'previousStage':
					return previous ? previous.name : null;
				case 'purchaseDays':
					return facts().purchaseDays;
				case 'daysSinceLastPurchase':
					return facts().daysSinceLastPurchase;
				case 'usualGapDays':
					return facts().purchaseDays === 0 ? null : usualGapOf(facts(), population, options).days;
				case 'overdueRatio':
					return facts().purchaseDays === 0 ? null : (facts().daysSinceLastPurchase as number) / usualGapOf(facts(), population, options).days;
				default: {
					// A missing top-level field is a mapping problem (an error); a missing nested entry under a
					// present field (engagement.sms when the customer has no SMS engagement) is empty.
					const top = field.split('.')[0];
					if (!Object.prototype.hasOwnProperty.call(record, top)) return undefined;
					return readPath(record, field) ?? null;
				}
			}
		};
		const match = matchStageRule(options.rules, computed, itemIndex, options);
		if (match) {
			name = match.rule.stage;
			modelStage = match.rule.modelStage;
			reason = match.reason;
			rule = match.rule.position;
		} else if (options.noRuleMatch === 'fallbackStage') {
			name = options.fallbackStage as string;
			reason = `No rule matched (${options.rules.length} rules); fallback stage`;
		}
	}
	if (name === undefined) {
		const decision = defaultModel();
		name = options.nameOf.get(decision.stage) as string;
		modelStage = decision.stage;
		reason = decision.reason;
		enteredAt = decision.enteredAt;
	}
	return {
		itemIndex,
		lifecycleStage: name,
		modelStage,
		previousStage: previous ? previous.name : null,
		stageChanged: previous ? previous.name !== name : true,
		stageTransition: previous ? `${previous.name}->${name}` : null,
		stageReason: reason,
		stageEnteredAt: isoOrNull(enteredAt),
		rule,
	};
}

export function assignLifecycleStages(
	profiles: readonly LifecycleProfile[],
	options: AssignLifecycleStagesOptions | ResolvedLifecycleOptions = {},
): AssignLifecycleStagesResult {
	const resolved = isResolvedLifecycleOptions(options) ? options : resolveLifecycleOptions(options, 'assignLifecycleStages');
	const fn = resolved.functionName;
	if (!Array.isArray(profiles)) {
		throw new LifecycleInputError(`${fn} requires a list of profiles; got ${describeFieldValue(profiles)}`, { field: 'profiles', hint: 'Pass the profiles as an array' });
	}
	if (resolved.previousStages !== null && resolved.previousStages.length !== profiles.length) {
		throw new LifecycleInputError(`${fn} requires one previous stage per profile; got ${resolved.previousStages.length} for ${profiles.length} profiles`, {
			field: 'previousStages',
			hint: 'Pass previousStages in item order, with null where unknown',
		});
	}

	const reads = profiles.map((profile, itemIndex) => attempt(() => readLifecycleFacts(profile, itemIndex, resolved)));
	const goodFacts: LifecycleFacts[] = [];
	const revenues: number[] = [];
	reads.forEach((read, itemIndex) => {
		if (read instanceof LifecycleInputError) return;
		goodFacts.push(read);
		revenues.push(parseNumber(ownField(profiles[itemIndex] as Record<string, unknown>, 'revenue')) ?? Number.NaN);
	});
	const population = resolved.populationFigures ?? lifecyclePopulation(goodFacts, revenues, resolved);

	const assignments: LifecycleAssignment[] = [];
	const errors: Array<{ error: LifecycleInputError; itemIndex: number }> = [];
	const ruleMatches = Object.create(null) as Record<string, number>;
	for (let itemIndex = 0; itemIndex < profiles.length; itemIndex++) {
		const result = attempt(() => assignOne(profiles[itemIndex], itemIndex, reads[itemIndex], population, resolved));
		if (result instanceof LifecycleInputError) {
			errors.push({ error: result, itemIndex });
			continue;
		}
		assignments.push(result);
		if (result.rule !== null) ruleMatches[result.rule] = (ruleMatches[result.rule] ?? 0) + 1;
	}
	if (errors.length > 0 && resolved.onInvalid === 'throw') throw errors[0].error;

	let asOf: number | null = resolved.asOf;
	if (asOf === null && goodFacts.length > 0) {
		asOf = goodFacts[0].asOf;
		if (goodFacts.some((facts) => facts.asOf !== asOf)) asOf = null;
	}
	return {
		assignments,
		issues: errors.map(({ error, itemIndex }) => toIssue(error, itemIndex)),
		summary: {
			customers: assignments.length,
			itemsWithErrors: errors.length,
			asOf: isoOrNull(asOf),
			atRiskSignal: resolved.atRiskSignal,
			...summarizeLifecycleStages(assignments, resolved.modelNames),
			populationGapDays: population.gapDays,
			populationGapSource: population.gapSource,
			buyers: population.buyers,
			repeatBuyers: population.repeatBuyers,
			loyalPurchaseCutoff: population.loyalPurchaseCutoff,
			loyalRevenueCutoff: population.loyalRevenueCutoff,
			ruleMatches,
			populationFigures: lifecyclePopulationFigures(population, resolved),
		},
	};
}
