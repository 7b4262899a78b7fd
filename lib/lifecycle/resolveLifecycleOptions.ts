/**
 * Options of assignLifecycleStages, checked once and resolved into what every item needs: thresholds
 * with their defaults, the output name of each stage (renamed to a CRM's picklist), the custom rules
 * with their values parsed, and a look-up from any accepted previous-stage text to the stages it names.
 *
 * Defaults: at risk at 2x the usual gap, lapsed at 4x, a usual gap of at least 7 days, the population
 * gap = median gap of the run's repeat buyers, churn probability at risk from 0.5 and lapsed from 0.8,
 * loyal = top 20% of buyers by purchase days and by revenue with at least 3 purchase days.
 * A previous stage is accepted as an output name or as a stage key (`at_risk`), trimmed and ignoring case.
 * Reference: the parameters of the hiatus heuristic, Wübben & von Wangenheim (2008), Journal of
 * Marketing 72(3) (see lifecycleStages.ts).
 *
 * Cost: O(s + r) for s stages and r rules.
 * @example resolveLifecycleOptions({ stageNames: { prospect: 'subscriber' } }).nameOf.get('prospect') // 'subscriber'
 */
import { LifecycleInputError } from '../errors';
import { describeValue } from '../fieldValues';
import { parseNumber } from '../profile/mapRecordToEvent';
import { parseTimestamp } from '../profile/parseTimestamp';
import type { LifecycleStage } from './lifecycleStages';
import { isLifecycleStage, LIFECYCLE_STAGES } from './lifecycleStages';
import type { LifecyclePopulation } from './lifecyclePopulation';
import { readLifecyclePopulationFigures } from './lifecyclePopulationFigures';

export type AtRiskSignal = 'purchaseRhythm' | 'churnProbability';

/** Operators of custom stage rules, sorted by name. */
export const RULE_OPERATORS = [
	'contains',
	'equals',
	'greaterThan',
	'greaterThanOrEqual',
	'isEmpty',
	'isNotEmpty',
	'lessThan',
	'lessThanOrEqual',
	'notEquals',
] as const;
export type RuleOperator = (typeof RULE_OPERATORS)[number];

/** One custom rule: when the item's `field` satisfies `operator value`, the customer is in `stage`. */
export interface StageRule {
	/** Field of the item, dots for nested fields (`engagement.email.opened`), or a computed field. */
	field: string;
	operator: RuleOperator;
	/** Compared value: a number, a date (ISO 8601) or text; unused by isEmpty and isNotEmpty. */
	value?: unknown;
	/** Output stage: a stage key of the model (then renamed like the model's stages) or any text. */
	stage: string;
}

export interface AssignLifecycleStagesOptions {
	/** Observation time (ms, ISO 8601 or Date); default each item's `observationEnd`. Never the clock. */
	asOf?: number | string | Date;
	/** The stage each item had before (same order as the items); empty, null or undefined = unknown. */
	previousStages?: readonly unknown[];
	/** What makes a buyer at risk or lapsed: the purchase rhythm (default) or a churn probability on the item. */
	atRiskSignal?: AtRiskSignal;
	/** At risk when the days since the last purchase reach this multiple of the usual gap (default 2). */
	atRiskMultiple?: number;
	/** Lapsed from this multiple (default 4); more than atRiskMultiple. */
	lapsedMultiple?: number;
	/** Floor of the usual gap in days (default 7), so two purchases a day apart do not make a 2-day rhythm. */
	minimumGapDays?: number;
	/** Usual gap of one-time buyers in days; default the median gap of the run's repeat buyers. */
	populationGapDays?: number;
	/** With atRiskSignal 'churnProbability': at risk from this churn probability (default 0.5). */
	atRiskProbability?: number;
	/** Lapsed from this churn probability (default 0.8). */
	lapsedProbability?: number;
	/** Loyal: within the top this percent of the run's buyers by purchase days and by revenue (default 20). */
	loyalTopPercent?: number;
	/** Loyal: at least this many purchase days (default 3). */
	loyalMinPurchases?: number;
	/** Loyal: at least this revenue (default 0). */
	loyalMinRevenue?: number;
	/** Without a previous stage, detect reactivation where the data allows it (default true; see classifyLifecycleStage). */
	inferReactivation?: boolean;
	/** Output name per stage, e.g. { prospect: 'subscriber', consideration: 'lead' }. */
	stageNames?: Partial<Record<LifecycleStage, string>>;
	/** Custom rules, first match wins, evaluated before the default model. */
	rules?: readonly StageRule[];
	/** When no rule matches: the default model (default) or the fallback stage. */
	noRuleMatch?: 'defaultModel' | 'fallbackStage';
	fallbackStage?: string;
	/** 'throw' the first bad item's error (default) or 'collect' the errors as issues and go on. */
	onInvalid?: 'throw' | 'collect';
	/**
	 * Stored population figures of the scheduled run (JSON text or object, lifecyclePopulationFigures.ts): the
	 * population gap and loyal cut-offs come from them instead of the items. Default: computed from the items.
	 */
	populationFigures?: unknown;
}

export interface ResolvedStageRule {
	/** 1-based position, as users count rules. */
	position: number;
	field: string;
	operator: RuleOperator;
	/** The compared value as text, number and time (when it reads as one). */
	text: string;
	number: number | null;
	time: number | null;
	/** Output name. */
	stage: string;
	/** The model stage it names, or null for a stage of the user's own. */
	modelStage: LifecycleStage | null;
}

/** What an accepted previous-stage text stands for. */
export interface PreviousStageMatch {
	/** The output name it is reported as. */
	name: string;
	/** Model stages with that output name (several when stages share a CRM value); empty for a custom stage. */
	stages: LifecycleStage[];
}

export interface ResolvedLifecycleOptions {
	resolved: true;
	functionName: string;
	asOf: number | null;
	previousStages: readonly unknown[] | null;
	atRiskSignal: AtRiskSignal;
	atRiskMultiple: number;
	lapsedMultiple: number;
	minimumGapDays: number;
	populationGapDays: number | null;
	atRiskProbability: number;
	lapsedProbability: number;
	loyalTopPercent: number;
	loyalMinPurchases: number;
	loyalMinRevenue: number;
	inferReactivation: boolean;
	nameOf: ReadonlyMap<LifecycleStage, string>;
	/** Every output name the model can give, in model order then rule order, without repeats. */
	modelNames: readonly string[];
	/** Lower-cased trimmed text -> what it stands for. */
	previousLookup: ReadonlyMap<string, PreviousStageMatch>;
	rules: readonly ResolvedStageRule[];
	noRuleMatch: 'defaultModel' | 'fallbackStage';
	fallbackStage: string | null;
	onInvalid: 'throw' | 'collect';
	/** The stored population, or null to compute it from the items. */
	populationFigures: LifecyclePopulation | null;
}

const FORBIDDEN_PATH_PARTS = new Set(['__proto__', 'constructor', 'prototype']);
const ORDERED_OPERATORS: ReadonlySet<RuleOperator> = new Set(['greaterThan', 'greaterThanOrEqual', 'lessThan', 'lessThanOrEqual']);

export function isResolvedLifecycleOptions(options: unknown): options is ResolvedLifecycleOptions {
	return typeof options === 'object' && options !== null && (options as { resolved?: unknown }).resolved === true;
}

function optionError(functionName: string, field: string, need: string, got: unknown, hint: string): LifecycleInputError {
	return new LifecycleInputError(`${functionName} requires ${field} ${need}; got ${describeValue(got)}`, { field, hint });
}

function readNumberOption(
	functionName: string,
	value: unknown,
	field: string,
	fallback: number,
	check: (n: number) => boolean,
	need: string,
): number {
	if (value === undefined || value === null || value === '') return fallback;
	const parsed = parseNumber(value);
	if (parsed === undefined || !check(parsed)) throw optionError(functionName, field, need, value, `Set ${field} ${need}, or leave it empty for the default`);
	return parsed;
}

function readStageName(functionName: string, value: unknown, field: string): string {
	if (typeof value !== 'string' || value.trim() === '') throw optionError(functionName, field, 'to be a non-empty text', value, 'Name the stage as your CRM spells it');
	const name = value.trim();
	if (name.includes('->')) throw optionError(functionName, field, 'not to contain "->" (it separates the stages of a transition)', value, 'Choose a stage name without "->"');
	if (name === '(none)') throw optionError(functionName, field, 'not to be "(none)" (it stands for an unknown previous stage)', value, 'Choose another stage name');
	return name;
}

function readRule(functionName: string, rule: unknown, position: number, nameOf: ReadonlyMap<LifecycleStage, string>): ResolvedStageRule {
	const where = `rules[${position}]`;
	if (typeof rule !== 'object' || rule === null) throw optionError(functionName, where, 'to be a rule { field, operator, value, stage }', rule, 'Fill in field, operator, value and stage');
	const { field, operator, value, stage } = rule as Record<string, unknown>;
	if (typeof field !== 'string' || field.trim() === '') throw optionError(functionName, `${where}.field`, 'to name a field of the item', field, 'Enter a field such as daysSinceLastPurchase or engagement.email.opened');
	const path = field.trim();
	if (path.split('.').some((part) => part === '' || FORBIDDEN_PATH_PARTS.has(part))) {
		throw optionError(functionName, `${where}.field`, 'to be a field path without empty parts, __proto__, constructor or prototype', field, 'Enter a field such as engagement.email.opened');
	}
	if (typeof operator !== 'string' || !(RULE_OPERATORS as readonly string[]).includes(operator)) {
		throw optionError(functionName, `${where}.operator`, `to be one of ${RULE_OPERATORS.join(', ')}`, operator, 'Choose an operator from the list');
	}
	const op = operator as RuleOperator;
	const text = value === undefined || value === null ? '' : String(value).trim();
	const number = parseNumber(text) ?? null;
	const time = number === null ? (parseTimestamp(text) ?? null) : null;
	if (ORDERED_OPERATORS.has(op) && number === null && time === null) {
		throw optionError(functionName, `${where}.value`, `to be a number or a date for ${op}`, value, 'Enter a number such as 90 or a date such as 2024-01-31');
	}
	if (op === 'contains' && text === '') {
		throw optionError(functionName, `${where}.value`, 'to be set for contains', value, 'Enter the text or list entry to look for, or use isEmpty');
	}
	const stageName = readStageName(functionName, stage, `${where}.stage`);
	const modelStage = isLifecycleStage(stageName) ? stageName : null;
	return {
		position,
		field: path,
		operator: op,
		text,
		number,
		time,
		stage: modelStage ? (nameOf.get(modelStage) as string) : stageName,
		modelStage,
	};
}

export function resolveLifecycleOptions(options: AssignLifecycleStagesOptions = {}, functionName = 'assignLifecycleStages'): ResolvedLifecycleOptions {
	const fn = functionName;
	let asOf: number | null = null;
	if (options.asOf !== undefined && options.asOf !== null && options.asOf !== '') {
		const parsed = parseTimestamp(options.asOf);
		if (parsed === undefined) throw optionError(fn, 'asOf', 'to be a date (ISO 8601, ms or a Date)', options.asOf, 'Use a date like 2024-06-30, or leave it empty to use each item\'s observationEnd');
		asOf = parsed;
	}
	if (options.previousStages !== undefined && options.previousStages !== null && !Array.isArray(options.previousStages)) {
		throw optionError(fn, 'previousStages', 'to be a list with one entry per item', options.previousStages, 'Pass the previous stages in item order');
	}
	const atRiskSignal = options.atRiskSignal ?? 'purchaseRhythm';
	if (atRiskSignal !== 'purchaseRhythm' && atRiskSignal !== 'churnProbability') {
		throw optionError(fn, 'atRiskSignal', "to be 'purchaseRhythm' or 'churnProbability'", atRiskSignal, 'Choose the purchase rhythm, or the churn probability of Score Churn');
	}
	const positive = (n: number) => n > 0;
	const atRiskMultiple = readNumberOption(fn, options.atRiskMultiple, 'atRiskMultiple', 2, positive, 'to be a number above 0');
	const lapsedMultiple = readNumberOption(fn, options.lapsedMultiple, 'lapsedMultiple', 4, positive, 'to be a number above 0');
	if (!(lapsedMultiple > atRiskMultiple)) {
		throw optionError(fn, 'lapsedMultiple', `to be above atRiskMultiple (${atRiskMultiple})`, lapsedMultiple, 'A customer is lapsed later than at risk: raise the lapsed multiple above the at-risk multiple');
	}
	const minimumGapDays = readNumberOption(fn, options.minimumGapDays, 'minimumGapDays', 7, (n) => n >= 0, 'to be 0 or more');
	const populationGap = readNumberOption(fn, options.populationGapDays, 'populationGapDays', Number.NaN, positive, 'to be a number of days above 0');
	const probability = (n: number) => n > 0 && n <= 1;
	const atRiskProbability = readNumberOption(fn, options.atRiskProbability, 'atRiskProbability', 0.5, probability, 'to be a probability above 0 and at most 1');
	const lapsedProbability = readNumberOption(fn, options.lapsedProbability, 'lapsedProbability', 0.8, probability, 'to be a probability above 0 and at most 1');
	if (!(lapsedProbability > atRiskProbability)) {
		throw optionError(fn, 'lapsedProbability', `to be above atRiskProbability (${atRiskProbability})`, lapsedProbability, 'A customer is lapsed at a higher churn probability than at risk: raise the lapsed probability');
	}
	const loyalTopPercent = readNumberOption(fn, options.loyalTopPercent, 'loyalTopPercent', 20, (n) => n > 0 && n <= 100, 'to be a percent above 0 and at most 100');
	const loyalMinPurchases = readNumberOption(fn, options.loyalMinPurchases, 'loyalMinPurchases', 3, (n) => Number.isInteger(n) && n >= 2, 'to be a whole number, 2 or more');
	const loyalMinRevenue = readNumberOption(fn, options.loyalMinRevenue, 'loyalMinRevenue', 0, (n) => n >= 0, 'to be 0 or more');

	const nameOf = new Map<LifecycleStage, string>();
	const stageNames = options.stageNames ?? {};
	if (typeof stageNames !== 'object') throw optionError(fn, 'stageNames', 'to be an object { stage: name }', stageNames, 'Map stage keys such as at_risk to names');
	for (const key of Object.keys(stageNames)) {
		if (!isLifecycleStage(key)) throw optionError(fn, `stageNames.${key}`, `to name a stage of the model (${LIFECYCLE_STAGES.join(', ')})`, key, 'Rename only the stages of the model; add stages of your own with custom rules');
	}
	for (const stage of LIFECYCLE_STAGES) {
		const renamed = Object.prototype.hasOwnProperty.call(stageNames, stage) ? stageNames[stage] : undefined;
		nameOf.set(stage, renamed === undefined || renamed === null || renamed === '' ? stage : readStageName(fn, renamed, `stageNames.${stage}`));
	}

	if (options.rules !== undefined && options.rules !== null && !Array.isArray(options.rules)) {
		throw optionError(fn, 'rules', 'to be a list of rules', options.rules, 'Pass rules as [{ field, operator, value, stage }]');
	}
	const rules = (options.rules ?? []).map((rule, index) => readRule(fn, rule, index + 1, nameOf));
	const noRuleMatch = options.noRuleMatch ?? 'defaultModel';
	if (noRuleMatch !== 'defaultModel' && noRuleMatch !== 'fallbackStage') {
		throw optionError(fn, 'noRuleMatch', "to be 'defaultModel' or 'fallbackStage'", noRuleMatch, 'Choose what happens when no rule matches');
	}
	let fallbackStage: string | null = null;
	if (noRuleMatch === 'fallbackStage') {
		const name = readStageName(fn, options.fallbackStage, 'fallbackStage');
		fallbackStage = isLifecycleStage(name) ? (nameOf.get(name) as string) : name;
	}
	const onInvalid = options.onInvalid ?? 'throw';
	if (onInvalid !== 'throw' && onInvalid !== 'collect') throw optionError(fn, 'onInvalid', "to be 'throw' or 'collect'", onInvalid, "Use 'collect' to keep the good items");

	// Output names and the previous-stage look-up (user-keyed: a Map, never an object).
	const modelNames: string[] = [];
	const previousLookup = new Map<string, PreviousStageMatch>();
	const addName = (name: string, stage: LifecycleStage | null) => {
		if (!modelNames.includes(name)) modelNames.push(name);
		const key = name.toLowerCase();
		let match = previousLookup.get(key);
		if (!match) {
			match = { name, stages: [] };
			previousLookup.set(key, match);
		}
		if (stage && !match.stages.includes(stage)) match.stages.push(stage);
	};
	const usesModel = rules.length === 0 || noRuleMatch === 'defaultModel' || rules.some((rule) => rule.modelStage !== null);
	if (usesModel) for (const stage of LIFECYCLE_STAGES) addName(nameOf.get(stage) as string, stage);
	for (const rule of rules) addName(rule.stage, rule.modelStage);
	if (fallbackStage !== null) addName(fallbackStage, isLifecycleStage(options.fallbackStage) ? options.fallbackStage : null);
	// Stage keys are accepted too (an earlier run without renaming), unless a name already claims the text.
	if (usesModel) for (const stage of LIFECYCLE_STAGES) {
		if (!previousLookup.has(stage)) previousLookup.set(stage, { name: nameOf.get(stage) as string, stages: [stage] });
	}

	const populationGapDays = Number.isNaN(populationGap) ? null : populationGap;
	const figures = options.populationFigures;
	const populationFigures =
		figures === undefined || figures === null || figures === '' ? null : readLifecyclePopulationFigures(figures, { functionName: fn, loyalTopPercent, populationGapDays });

	return {
		resolved: true,
		functionName: fn,
		asOf,
		previousStages: options.previousStages ?? null,
		atRiskSignal,
		atRiskMultiple,
		lapsedMultiple,
		minimumGapDays,
		populationGapDays,
		atRiskProbability,
		lapsedProbability,
		loyalTopPercent,
		loyalMinPurchases,
		loyalMinRevenue,
		inferReactivation: options.inferReactivation ?? true,
		nameOf,
		modelNames,
		previousLookup,
		rules,
		noRuleMatch,
		fallbackStage,
		onInvalid,
		populationFigures,
	};
}
