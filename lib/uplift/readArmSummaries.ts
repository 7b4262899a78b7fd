/**
 * Reads per-arm sufficient statistics items (one row per arm, as they come out of a sheet, a database query or a
 * CSV) into analyzeExperiment's arm summaries, checking each item so that a bad row is an error of its item.
 *
 *   arm: a non-empty text (a number is read as its text); units: a whole number >= 0 (required);
 *   conversions, revenueSum, revenueSumSquares, preMetricSumSquares, messages, discounts: numbers >= 0;
 *   preMetricSum, preMetricConversionsSum, preMetricRevenueSum: any finite number;
 *   numbers may be text ("5000", "12.5"); an empty or missing field is absent; other fields are ignored.
 * The checks across arms (each arm once, a field in every arm or in none, conversions <= units) stay with
 * analyzeExperiment. Field names are fixed (the names of ArmSummary); values are read as own properties only.
 *
 * Cost: O(items).
 * @example readArmSummaries([{ arm: 'control', units: '5000', conversions: '500' }])
 *   // { arms: [{ arm: 'control', units: 5000, conversions: 500, itemIndex: 0 }], issues: [] }
 */
import type { InputIssue } from '../errors';
import { describeValue, isBlank, ownField } from '../fieldValues';
import { parseNumber } from '../profile/mapRecordToEvent';
import type { ArmSummary } from './summarizeUnits';

const NON_NEGATIVE_FIELDS = ['conversions', 'revenueSum', 'revenueSumSquares', 'preMetricSumSquares', 'messages', 'discounts'] as const;
const SIGNED_FIELDS = ['preMetricSum', 'preMetricConversionsSum', 'preMetricRevenueSum'] as const;



export function readArmSummaries(items: ReadonlyArray<Record<string, unknown>>): {
	arms: Array<ArmSummary & { itemIndex: number }>;
	issues: InputIssue[];
} {
	const arms: Array<ArmSummary & { itemIndex: number }> = [];
	const issues: InputIssue[] = [];
	items.forEach((item, itemIndex) => {
		const record = (item !== null && typeof item === 'object' ? item : {}) as Record<string, unknown>;
		const problem = (field: string, message: string, hint: string) => issues.push({ itemIndex, field, message: `Item ${itemIndex}: ${message}`, hint });
		const armValue = ownField(record, 'arm');
		const arm = typeof armValue === 'number' ? String(armValue) : armValue;
		if (typeof arm !== 'string' || arm.trim() === '') {
			problem('arm', `no arm name in arm (got ${describeValue(armValue)})`, 'Give each per-arm item its arm name in a field called arm');
			return;
		}
		const unitsValue = ownField(record, 'units');
		const units = parseNumber(unitsValue);
		if (units === undefined || units < 0 || !Number.isInteger(units)) {
			problem(
				'units',
				`arm "${arm}" has ${describeValue(unitsValue)} in units; it must be a whole number of customers, 0 or more`,
				'Give each arm its number of customers in a field called units, or use one item per customer',
			);
			return;
		}
		const summary: ArmSummary & { itemIndex: number } = { arm, units, itemIndex };
		for (const [fields, allowNegative] of [
			[NON_NEGATIVE_FIELDS, false],
			[SIGNED_FIELDS, true],
		] as const) {
			for (const field of fields) {
				const value = ownField(record, field);
				if (isBlank(value)) continue;
				const number = parseNumber(value);
				if (number === undefined || (!allowNegative && number < 0)) {
					problem(
						field,
						`arm "${arm}" has ${describeValue(value)} in ${field}; it must be ${allowNegative ? 'a number' : 'a number, 0 or more'}`,
						'Give a plain number such as 1250.5 (no currency sign or thousands separator), or leave the field out',
					);
					return;
				}
				summary[field] = number;
			}
		}
		arms.push(summary);
	});
	return { arms, issues };
}
