/**
 * Reads per-customer outcome items (as they come out of a CRM, a shop or a Set node) into analyzeExperiment's
 * units, checking each item so that one bad row is an error of its item and the others still count.
 *
 *   arm: a non-empty text (one of knownArms when given); converted: true/false, 1/0, "yes"/"no", "true"/"false",
 *   empty = not converted; revenue, preMetric, messages, discount: numbers (text with a decimal point is read),
 *   empty = 0 (preMetric: absent); revenue, messages and discount must be >= 0.
 * Field names are the user's; values are read as own properties only (no prototype chain).
 *
 * Cost: O(n).
 * @example readExperimentUnits([{ arm: 'control', converted: 'yes', revenue: '12.5' }], { arm: 'arm', converted: 'converted', revenue: 'revenue' })
 *   // { units: [{ arm: 'control', converted: 1, revenue: 12.5, itemIndex: 0 }], issues: [] }
 */
import type { InputIssue } from '../errors';
import { describeValue, isBlank, ownField } from '../fieldValues';
import { parseNumber } from '../profile/mapRecordToEvent';
import type { UnitOutcome } from './summarizeUnits';

export interface ExperimentUnitFields {
	arm: string;
	converted?: string;
	revenue?: string;
	preMetric?: string;
	messages?: string;
	discount?: string;
}

export interface ReadExperimentUnitsOptions {
	/** Arm names the data may use (e.g. the planned arms); others are an error of their item. */
	knownArms?: ReadonlyArray<string>;
}

const TRUE_WORDS = new Set(['1', 'true', 'yes', 'y']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'n']);
/** Largest revenue, pre-period metric, message count or discount one unit may carry: squares and sums of
 * ten million such values stay finite, and no real customer spends a quadrillion. */
export const MAX_METRIC_MAGNITUDE = 1e15;



export function readExperimentUnits(
	items: ReadonlyArray<Record<string, unknown>>,
	fields: ExperimentUnitFields,
	options: ReadExperimentUnitsOptions = {},
): { units: Array<UnitOutcome & { itemIndex: number }>; issues: InputIssue[] } {
	const known = options.knownArms ? new Set(options.knownArms) : undefined;
	const units: Array<UnitOutcome & { itemIndex: number }> = [];
	const issues: InputIssue[] = [];
	items.forEach((item, itemIndex) => {
		const record = (item !== null && typeof item === 'object' ? item : {}) as Record<string, unknown>;
		const problem = (field: string, message: string, hint: string) => issues.push({ itemIndex, field, message: `Item ${itemIndex}: ${message}`, hint });
		const armValue = ownField(record, fields.arm);
		const arm = typeof armValue === 'number' ? String(armValue) : armValue;
		if (typeof arm !== 'string' || arm.trim() === '') {
			problem(fields.arm, `no arm in ${fields.arm} (got ${describeValue(armValue)})`, 'Run Measure Uplift > Assign first, or map Arm Field to the field that holds the arm');
			return;
		}
		if (known && !known.has(arm)) {
			problem(fields.arm, `arm "${arm}" is not one of the planned arms (${[...known].join(', ')})`, 'Fix the arm name in the data, or add the arm to the planned arms');
			return;
		}
		const unit: UnitOutcome & { itemIndex: number } = { arm, itemIndex };
		if (fields.converted) {
			const value = ownField(record, fields.converted);
			if (isBlank(value) || value === false) unit.converted = 0;
			else if (value === true) unit.converted = 1;
			else {
				const word = typeof value === 'string' || typeof value === 'number' ? String(value).trim().toLowerCase() : '';
				if (TRUE_WORDS.has(word)) unit.converted = 1;
				else if (FALSE_WORDS.has(word)) unit.converted = 0;
				else {
					problem(fields.converted, `${fields.converted} is ${describeValue(value)}, not a yes/no value`, 'Use true/false, 1/0 or yes/no; map revenue separately');
					return;
				}
			}
		}
		for (const [key, field, allowNegative] of [
			['revenue', fields.revenue, false],
			['preMetric', fields.preMetric, true],
			['messages', fields.messages, false],
			['discount', fields.discount, false],
		] as const) {
			if (!field) continue;
			const value = ownField(record, field);
			if (isBlank(value)) {
				if (key !== 'preMetric') unit[key] = 0;
				continue;
			}
			const number = parseNumber(value);
			if (number === undefined) {
				problem(field, `${field} is ${describeValue(value)}, not a number`, 'Give a plain number such as 12.50 (no currency sign or thousands separator)');
				return;
			}
			if (Math.abs(number) > MAX_METRIC_MAGNITUDE) {
				problem(field, `${field} is ${number}, beyond the ${MAX_METRIC_MAGNITUDE.toExponential()} a unit can plausibly carry`, 'Check the field: it may hold an id, a timestamp or an amount in the wrong unit');
				return;
			}
			if (!allowNegative && number < 0) {
				problem(field, `${field} is ${number}; it must be 0 or more`, key === 'revenue' ? 'Refunds belong to the revenue they reduce: net them per customer first, or leave them out' : 'Counts and discounts cannot be negative');
				return;
			}
			unit[key] = number;
		}
		units.push(unit);
	});
	return { units, issues };
}
