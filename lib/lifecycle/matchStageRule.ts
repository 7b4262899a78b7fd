/**
 * Custom stage rules: the first rule whose condition holds for the item gives the stage.
 *
 * A condition is `field operator value`:
 *   isEmpty / isNotEmpty: missing, null, blank text or an empty list is empty;
 *   greaterThan, greaterThanOrEqual, lessThan, lessThanOrEqual: numbers when the rule's value is a number,
 *     dates (ISO 8601) when it is a date; the item's value must read as the same kind (a number below 1e8 is a
 *     count, never a date: compared with a date it is an error naming the rule, not a silent 1970 timestamp);
 *   equals / notEquals: numbers compared as numbers ("3" equals 3), true/false as text, else exact text;
 *   contains: a list holds an entry equal to the value, or a text contains it (case-sensitive).
 * A field the item does not have (undefined from `read`) is an error for every operator but isEmpty and
 * isNotEmpty (a missing field is a mapping problem, not an answer); a null field matches only notEquals
 * and isEmpty.
 * Reference: first-match rule lists as in n8n's Switch node (rules mode) and in CRM lifecycle workflows,
 * https://docs.n8n.io/integrations/builtin/core-nodes/n8n-nodes-base.switch/.
 *
 * Cost: O(r * v) for r rules and fields of v characters or entries.
 * @example matchStageRule(rules, (field) => profile[field], 0, resolved)?.rule.stage // 'vip'
 */
import { parseNumber } from '../profile/mapRecordToEvent';
import { parseTimestamp } from '../profile/parseTimestamp';
import { describeValue } from '../fieldValues';
import { inputError } from './readLifecycleFacts';
import type { ResolvedLifecycleOptions, ResolvedStageRule, RuleOperator } from './resolveLifecycleOptions';

export interface RuleMatch {
	rule: ResolvedStageRule;
	/** The item's value the rule tested. */
	value: unknown;
	/** One sentence, e.g. "Rule 2: daysSinceLastPurchase > 90 (it is 120)". */
	reason: string;
}

const OPERATOR_TEXT: Record<RuleOperator, string> = {
	contains: 'contains',
	equals: 'equals',
	greaterThan: '>',
	greaterThanOrEqual: '>=',
	isEmpty: 'is empty',
	isNotEmpty: 'is not empty',
	lessThan: '<',
	lessThanOrEqual: '<=',
	notEquals: 'is not',
};

function isEmptyValue(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

function equalsRuleValue(value: unknown, rule: ResolvedStageRule): boolean {
	if (rule.number !== null && (typeof value === 'number' || typeof value === 'string')) {
		const parsed = parseNumber(value);
		if (parsed !== undefined) return parsed === rule.number;
	}
	if (typeof value === 'boolean') return String(value) === rule.text.toLowerCase();
	if (typeof value === 'object') return JSON.stringify(value) === rule.text;
	return String(value) === rule.text;
}

/** Epoch numbers have at least 9 digits (1973 on), as parseTimestamp reads digit strings; smaller ones are counts. */
const SMALLEST_EPOCH_NUMBER = 1e8;

function compareOrdered(value: unknown, rule: ResolvedStageRule, itemIndex: number, options: ResolvedLifecycleOptions): boolean {
	if (rule.number === null && typeof value === 'number' && Math.abs(value) < SMALLEST_EPOCH_NUMBER) {
		// A count such as daysSinceLastPurchase read as seconds after 1970 would never (or always) pass a date threshold.
		throw inputError(
			options,
			itemIndex,
			rule.field,
			`to be a date for rule ${rule.position} (${rule.field} ${OPERATOR_TEXT[rule.operator]} ${rule.text}), not a number`,
			value,
			`Compare ${rule.field} with a number (such as 90), or point rule ${rule.position} at a date field (such as lastPurchaseAt)`,
		);
	}
	let left: number | undefined;
	let right: number;
	if (rule.number !== null) {
		left = typeof value === 'boolean' ? undefined : parseNumber(value);
		right = rule.number;
	} else {
		left = parseTimestamp(value);
		right = rule.time as number;
	}
	if (left === undefined) {
		const kind = rule.number !== null ? 'a number' : 'a date';
		throw inputError(
			options,
			itemIndex,
			rule.field,
			`to be ${kind} for rule ${rule.position} (${rule.field} ${OPERATOR_TEXT[rule.operator]} ${rule.text})`,
			value,
			`Map ${rule.field} to ${kind}, or change the rule`,
		);
	}
	switch (rule.operator) {
		case 'greaterThan':
			return left > right;
		case 'greaterThanOrEqual':
			return left >= right;
		case 'lessThan':
			return left < right;
		default:
			return left <= right;
	}
}

function holds(value: unknown, rule: ResolvedStageRule, itemIndex: number, options: ResolvedLifecycleOptions): boolean {
	if (rule.operator === 'isEmpty') return isEmptyValue(value);
	if (rule.operator === 'isNotEmpty') return !isEmptyValue(value);
	if (value === undefined) {
		throw inputError(
			options,
			itemIndex,
			rule.field,
			`for rule ${rule.position} (${rule.field} ${OPERATOR_TEXT[rule.operator]} ${rule.text})`,
			undefined,
			`Map ${rule.field} before this step, or test for it with isEmpty or isNotEmpty in an earlier rule`,
		);
	}
	if (value === null) return rule.operator === 'notEquals';
	switch (rule.operator) {
		case 'equals':
			return equalsRuleValue(value, rule);
		case 'notEquals':
			return !equalsRuleValue(value, rule);
		case 'contains':
			if (Array.isArray(value)) return value.some((entry) => equalsRuleValue(entry, rule));
			return (typeof value === 'object' ? JSON.stringify(value) : String(value)).includes(rule.text);
		default:
			return compareOrdered(value, rule, itemIndex, options);
	}
}

export function describeRule(rule: ResolvedStageRule): string {
	const condition = rule.operator === 'isEmpty' || rule.operator === 'isNotEmpty' ? `${rule.field} ${OPERATOR_TEXT[rule.operator]}` : `${rule.field} ${OPERATOR_TEXT[rule.operator]} ${rule.text}`;
	return `Rule ${rule.position}: ${condition}`;
}

/**
 * @param read the item's value of a field (undefined when the item has no such field)
 */
export function matchStageRule(
	rules: readonly ResolvedStageRule[],
	read: (field: string) => unknown,
	itemIndex: number,
	options: ResolvedLifecycleOptions,
): RuleMatch | null {
	for (const rule of rules) {
		const value = read(rule.field);
		if (holds(value, rule, itemIndex, options)) {
			// The reason is output data (a CRM note), kept short: text in quotes, as before.
			const shown = value === undefined ? 'missing' : typeof value === 'string' ? JSON.stringify(value) : describeValue(value);
			return { rule, value, reason: `${describeRule(rule)} (it is ${shown})` };
		}
	}
	return null;
}
