/**
 * Per-arm sufficient statistics from per-customer outcomes: the one pass that turns items (arm, converted,
 * revenue, optional pre-period metric, messages, discount) into the sums analyzeExperiment works from, checking
 * every value on the way so that a bad item is named instead of producing NaN.
 *
 *   per arm: units = n, conversions = sum y, revenueSum = sum r, revenueSumSquares = sum r^2,
 *            preMetricSum = sum x, preMetricSumSquares = sum x^2, preMetricConversionsSum = sum x y,
 *            preMetricRevenueSum = sum x r, messages = sum m, discounts = sum d
 * Missing (undefined or null) converted, revenue, messages and discount count as 0 once any unit carries the field;
 * the pre-period metric must be on every unit or on none (CUPED needs it everywhere).
 * Reference: the sufficient-statistic inputs of GrowthBook's stats engine (n, sum, sum of squares),
 * https://docs.growthbook.io/statistics/details ; CUPED sums as in Deng et al. (2013), WSDM.
 *
 * Cost: O(n) for n units, O(arms) memory.
 * @example summarizeUnits([{ arm: 'control', converted: 1, revenue: 20 }, { arm: 'control', converted: 0 }])
 *   // { arms: [{ arm: 'control', units: 2, conversions: 1, revenueSum: 20, revenueSumSquares: 400, ... }], ... }
 */
import { describeValue } from '../fieldValues';

/** One customer's outcome in an experiment. */
export interface UnitOutcome {
	arm: string;
	/** 1/true if the customer converted, 0/false if not; missing counts as 0 when other units carry it. */
	converted?: boolean | number | null;
	/** Revenue from the customer in the measurement window (>= 0); missing counts as 0 when other units carry it. */
	revenue?: number | null;
	/** The same metric before the experiment (e.g. revenue in the previous 90 days), for CUPED. */
	preMetric?: number | null;
	/** Messages sent to the customer (for the cost); missing counts as 0. */
	messages?: number | null;
	/** Discount given to the customer (for the cost); missing counts as 0. */
	discount?: number | null;
}

/** Sufficient statistics of one arm; the per-arm input form of analyzeExperiment. */
export interface ArmSummary {
	arm: string;
	units: number;
	conversions?: number;
	revenueSum?: number;
	revenueSumSquares?: number;
	preMetricSum?: number;
	preMetricSumSquares?: number;
	/** Sum over units of preMetric x converted. */
	preMetricConversionsSum?: number;
	/** Sum over units of preMetric x revenue. */
	preMetricRevenueSum?: number;
	messages?: number;
	discounts?: number;
}

export interface UnitsSummary {
	arms: ArmSummary[];
	hasConversions: boolean;
	hasRevenue: boolean;
	hasPreMetric: boolean;
	hasMessages: boolean;
}

function present(value: unknown): boolean {
	return value !== undefined && value !== null;
}

function readConversion(value: unknown, index: number, caller: string): number {
	if (value === true || value === 1) return 1;
	if (value === false || value === 0 || value === undefined || value === null) return 0;
	throw new Error(`${caller} requires converted to be 0, 1, true or false; unit ${index} has ${describeValue(value)}. Map the conversion to a binary field (e.g. "purchased within 7 days")`);
}

function readAmount(value: unknown, index: number, field: string, caller: string, allowNegative: boolean): number {
	if (value === undefined || value === null) return 0;
	if (typeof value !== 'number' || !Number.isFinite(value)) {
		throw new Error(`${caller} requires ${field} to be a finite number; unit ${index} has ${describeValue(value)}`);
	}
	if (!allowNegative && value < 0) {
		throw new Error(`${caller} requires ${field} >= 0; unit ${index} has ${value}. Net refunds out before the analysis or record them as 0`);
	}
	return value;
}

export function summarizeUnits(units: ReadonlyArray<UnitOutcome>, caller = 'summarizeUnits'): UnitsSummary {
	if (!Array.isArray(units)) throw new Error(`${caller} requires an array of units; got ${typeof units}`);
	if (units.length === 0) throw new Error(`${caller} requires at least one unit; the list is empty`);
	let hasConversions = false;
	let hasRevenue = false;
	let hasMessages = false;
	let preMetricCount = 0;
	for (const unit of units) {
		if (!unit || typeof unit !== 'object') continue;
		if (present(unit.converted)) hasConversions = true;
		if (present(unit.revenue)) hasRevenue = true;
		if (present(unit.messages)) hasMessages = true;
		if (present(unit.preMetric)) preMetricCount++;
	}
	if (preMetricCount > 0 && preMetricCount < units.length) {
		const missing = units.findIndex((unit) => !unit || !present(unit.preMetric));
		throw new Error(
			`${caller} requires preMetric on every unit or on none; ${preMetricCount} of ${units.length} have it (unit ${missing} does not). Give customers without history a pre-period value of 0, or drop the field`,
		);
	}
	const hasPreMetric = preMetricCount > 0;
	const byArm = new Map<string, Required<ArmSummary>>();
	units.forEach((unit, index) => {
		if (!unit || typeof unit !== 'object') throw new Error(`${caller} requires each unit to be an object; unit ${index} is ${describeValue(unit)}`);
		const arm = unit.arm;
		if (typeof arm !== 'string' || arm === '') throw new Error(`${caller} requires a non-empty arm name on every unit; unit ${index} has ${describeValue(arm)}`);
		const y = readConversion(unit.converted, index, caller);
		const revenue = readAmount(unit.revenue, index, 'revenue', caller, false);
		const x = hasPreMetric ? readAmount(unit.preMetric, index, 'preMetric', caller, true) : 0;
		const messages = readAmount(unit.messages, index, 'messages', caller, false);
		const discount = readAmount(unit.discount, index, 'discount', caller, false);
		let summary = byArm.get(arm);
		if (!summary) {
			summary = {
				arm,
				units: 0,
				conversions: 0,
				revenueSum: 0,
				revenueSumSquares: 0,
				preMetricSum: 0,
				preMetricSumSquares: 0,
				preMetricConversionsSum: 0,
				preMetricRevenueSum: 0,
				messages: 0,
				discounts: 0,
			};
			byArm.set(arm, summary);
		}
		summary.units++;
		summary.conversions += y;
		summary.revenueSum += revenue;
		summary.revenueSumSquares += revenue * revenue;
		summary.preMetricSum += x;
		summary.preMetricSumSquares += x * x;
		summary.preMetricConversionsSum += x * y;
		summary.preMetricRevenueSum += x * revenue;
		summary.messages += messages;
		summary.discounts += discount;
	});
	const arms: ArmSummary[] = [...byArm.values()].map((full) => {
		const summary: ArmSummary = { arm: full.arm, units: full.units, discounts: full.discounts };
		if (hasConversions) summary.conversions = full.conversions;
		if (hasRevenue) {
			summary.revenueSum = full.revenueSum;
			summary.revenueSumSquares = full.revenueSumSquares;
		}
		if (hasPreMetric) {
			summary.preMetricSum = full.preMetricSum;
			summary.preMetricSumSquares = full.preMetricSumSquares;
			if (hasConversions) summary.preMetricConversionsSum = full.preMetricConversionsSum;
			if (hasRevenue) summary.preMetricRevenueSum = full.preMetricRevenueSum;
		}
		if (hasMessages) summary.messages = full.messages;
		return summary;
	});
	return { arms, hasConversions, hasRevenue, hasPreMetric, hasMessages };
}
