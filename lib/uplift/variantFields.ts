/**
 * The flat output fields of an analysed experiment: one field per number, so an n8n user can drag `pValue` or
 * `sms_pushRelativeLift` into an IF node or a message. The first variant's fields carry no prefix; with several
 * variants every variant also gets its fields under a prefix made of its arm name.
 *
 *   prefix(arm)         = arm with every run of characters other than A-Z, a-z, 0-9 replaced by "_"
 *   field(prefix, name) = prefix + name with its first letter upper-cased ("sms_push" + "pValue" = "sms_pushPValue")
 * Two arm names can give the same field ("email-b" and "email_b" both give "email_bPValue"; an arm "revenue" gives
 * "revenueLiftCiLow", the first variant's revenue interval; an arm "srm" gives "srmPValue"). assertDistinctFieldNames
 * refuses such names before anything is written, naming both arms and the field, so no number silently replaces
 * another. It checks every field a variant can have, whichever metrics the data carries, so an arm name that is
 * accepted once is accepted on every run.
 *
 * Cost: O(v f) for v variants and f fields per variant.
 * @example variantFieldName('sms-push', 'pValue') // 'sms_pushPValue'
 */
import { LifecycleInputError } from '../errors';
import { roundTo } from '../stats/roundTo';
import type { ExperimentAnalysis } from './analyzeExperiment';

type FieldValue = string | number | boolean | null;

/** The fields of the summary item that no variant writes. */
export const EXPERIMENT_SUMMARY_FIELDS = ['campaign', 'control', 'method', 'confidence', 'totalCustomers', 'cuped', 'summary', 'srmPValue', 'srmFlag', 'warnings', 'arms'] as const;

const CONVERSION_FIELDS = ['controlRate', 'treatmentRate', 'absoluteLift', 'absoluteLiftCiLow', 'absoluteLiftCiHigh', 'relativeLift', 'liftCiLow', 'liftCiHigh', 'pValue', 'significant', 'chanceToWin', 'riskControl', 'riskTreatment', 'varianceReduction'];
const REVENUE_FIELDS = ['controlRevenuePerCustomer', 'treatmentRevenuePerCustomer', 'revenueLift', 'revenueLiftCiLow', 'revenueLiftCiHigh', 'revenuePValue', 'revenueSignificant', 'revenueChanceToWin', 'revenueVarianceReduction'];
const BUSINESS_FIELDS = ['incrementalConversions', 'incrementalConversionsCiLow', 'incrementalConversionsCiHigh', 'incrementalRevenue', 'incrementalRevenueCiLow', 'incrementalRevenueCiHigh', 'cost', 'roi', 'roiCiLow', 'roiCiHigh'];

/** Every field one variant can write, unprefixed. */
export const VARIANT_FIELDS: readonly string[] = ['treatmentArm', ...CONVERSION_FIELDS, ...REVENUE_FIELDS, ...BUSINESS_FIELDS];

export function variantFieldPrefix(arm: string): string {
	return arm.replace(/[^A-Za-z0-9]+/g, '_');
}

export function variantFieldName(arm: string, name: string): string {
	return `${variantFieldPrefix(arm)}${name[0].toUpperCase()}${name.slice(1)}`;
}

/**
 * Refuses variant names whose fields would overwrite each other or a summary field.
 * @param variants the variant arms in output order (the first one also writes unprefixed fields)
 * @param armField the field the arm names came from, named in the error
 */
export function assertDistinctFieldNames(variants: readonly string[], armField: string): void {
	const owners = new Map<string, string>();
	const claim = (field: string, owner: string) => {
		const earlier = owners.get(field);
		if (earlier !== undefined) throw collision(field, earlier, owner, armField);
		owners.set(field, owner);
	};
	for (const field of EXPERIMENT_SUMMARY_FIELDS) claim(field, 'the summary');
	if (variants.length === 0) return;
	for (const field of VARIANT_FIELDS) claim(field, `the first variant "${variants[0]}"`);
	if (variants.length < 2) return;
	for (const arm of variants) for (const field of VARIANT_FIELDS) claim(variantFieldName(arm, field), `variant "${arm}"`);
}

function collision(field: string, earlier: string, later: string, armField: string): LifecycleInputError {
	return new LifecycleInputError(`The output field ${field} would be written by both ${earlier} and ${later}, so one result would overwrite the other`, {
		field: armField,
		hint: `Rename one of the arms in ${armField} (for example with an Edit Fields node before this one) so that their names differ in letters or digits, not only in punctuation; arm names become field prefixes with every other character replaced by "_"`,
	});
}

function round(value: number | null | undefined, digits = 6): number | null {
	return value === null || value === undefined || !Number.isFinite(value) ? null : roundTo(value, digits);
}

function conversionFields(comparison: ExperimentAnalysis['comparisons'][number]): Array<[string, FieldValue]> {
	const fields: Array<[string, FieldValue]> = [
		['controlRate', round(comparison.controlMean)],
		['treatmentRate', round(comparison.treatmentMean)],
		['absoluteLift', round(comparison.absoluteEffect)],
		['absoluteLiftCiLow', round(comparison.absoluteCiLow)],
		['absoluteLiftCiHigh', round(comparison.absoluteCiHigh)],
		['relativeLift', round(comparison.relativeUplift)],
		['liftCiLow', round(comparison.ciLow)],
		['liftCiHigh', round(comparison.ciHigh)],
		['pValue', round(comparison.pValue, 8)],
		['significant', comparison.significant],
		['chanceToWin', round(comparison.chanceToWin)],
		['riskControl', round(comparison.riskControl)],
		['riskTreatment', round(comparison.riskTreatment)],
	];
	if (comparison.cuped) fields.push(['varianceReduction', round(comparison.varianceReduction)]);
	return fields;
}

function revenueFields(comparison: ExperimentAnalysis['comparisons'][number]): Array<[string, FieldValue]> {
	const fields: Array<[string, FieldValue]> = [
		['controlRevenuePerCustomer', round(comparison.controlMean, 4)],
		['treatmentRevenuePerCustomer', round(comparison.treatmentMean, 4)],
		['revenueLift', round(comparison.relativeUplift)],
		['revenueLiftCiLow', round(comparison.ciLow)],
		['revenueLiftCiHigh', round(comparison.ciHigh)],
		['revenuePValue', round(comparison.pValue, 8)],
		['revenueSignificant', comparison.significant],
		['revenueChanceToWin', round(comparison.chanceToWin)],
	];
	if (comparison.cuped) fields.push(['revenueVarianceReduction', round(comparison.varianceReduction)]);
	return fields;
}

function businessFields(business: ExperimentAnalysis['business'][number]): Array<[string, FieldValue]> {
	return [
		['incrementalConversions', round(business.incrementalConversions, 2)],
		['incrementalConversionsCiLow', round(business.incrementalConversionsCiLow, 2)],
		['incrementalConversionsCiHigh', round(business.incrementalConversionsCiHigh, 2)],
		['incrementalRevenue', round(business.incrementalRevenue, 2)],
		['incrementalRevenueCiLow', round(business.incrementalRevenueCiLow, 2)],
		['incrementalRevenueCiHigh', round(business.incrementalRevenueCiHigh, 2)],
		['cost', round(business.cost, 2)],
		['roi', round(business.roi, 4)],
		['roiCiLow', round(business.roiCiLow, 4)],
		['roiCiHigh', round(business.roiCiHigh, 4)],
	];
}

/**
 * The flat fields of one variant against the control, unprefixed or under the arm's prefix. Non-finite numbers
 * become null. @example variantFields(analysis, 'sms-push', true).sms_pushPValue // 0.0123
 */
export function variantFields(analysis: ExperimentAnalysis, arm: string, prefixed: boolean): Record<string, FieldValue> {
	const conversion = analysis.comparisons.find((comparison) => comparison.arm === arm && comparison.metric === 'conversion');
	const revenue = analysis.comparisons.find((comparison) => comparison.arm === arm && comparison.metric === 'revenue');
	const business = analysis.business.find((entry) => entry.arm === arm);
	const entries: Array<[string, FieldValue]> = [
		['treatmentArm', arm],
		...(conversion ? conversionFields(conversion) : []),
		...(revenue ? revenueFields(revenue) : []),
		...(business ? businessFields(business) : []),
	];
	const fields = Object.create(null) as Record<string, FieldValue>;
	for (const [name, value] of entries) fields[prefixed ? variantFieldName(arm, name) : name] = value;
	return fields;
}
