/**
 * Measure the uplift of a campaign: every variant against the control on conversion and revenue, with intervals,
 * p-values (fixed horizon or always valid), Bayesian chance to win and risk, CUPED, a sample ratio check, and the
 * business figures (incremental conversions and revenue, cost, ROI) with their intervals.
 *
 *   per variant and metric: compareMetric(control, variant)            (Welch t / delta method / CUPED / sequential)
 *   incremental conversions = (p_T - p_C) n_T,  incremental revenue = (r̄_T - r̄_C) n_T   (intervals scale the same way)
 *   cost = messages_T x costPerMessage + discounts_T
 *   ROI = (incremental revenue - cost) / cost, interval ((low - cost)/cost, (high - cost)/cost)  (cost is known)
 *   uplift = (metric with - metric without) / metric without = relativeUplift
 *   sample ratio: checkSampleRatio(units per arm, armWeights)
 * Inputs: per-customer units ({ units: [...] }) or per-arm sufficient statistics ({ arms: [...] }).
 * Reference: Kohavi, Tang & Xu (2020), Trustworthy Online Controlled Experiments (Cambridge), ch. 17-19 and 21;
 * GrowthBook statistics, https://docs.growthbook.io/statistics/overview ; Radcliffe (2007) for incremental
 * response. Methods of each piece: see compareMetric, confidenceSequence and checkSampleRatio.
 *
 * Cost: O(n) for n units (one pass), then O(arms).
 * @example analyzeExperiment({ arms: [{ arm: 'control', units: 5000, conversions: 500 }, { arm: 'email', units: 5000, conversions: 600 }] })
 *   .comparisons[0] // { arm: 'email', metric: 'conversion', relativeUplift: 0.2, ciLow: 0.06556, ciHigh: 0.33444, pValue: 0.00355, ... }
 */
import { studentTQuantile } from '../stats/studentTQuantile';
import { wilsonInterval } from '../stats/wilsonInterval';
import { checkSampleRatio } from './checkSampleRatio';
import type { SampleRatioCheck } from './checkSampleRatio';
import { compareMetric } from './compareMetric';
import type { AnalysisMethod, MetricEffect, MetricMoments } from './compareMetric';
import { summarizeUnits } from './summarizeUnits';
import type { ArmSummary, UnitOutcome } from './summarizeUnits';
import { describeValue } from '../fieldValues';

export type ExperimentInput = { units: ReadonlyArray<UnitOutcome> } | { arms: ReadonlyArray<ArmSummary> };

export interface AnalyzeExperimentOptions {
	/** Name of the control (holdout) arm; default "control". */
	control?: string;
	/** Two-sided significance level; default 0.05. */
	alpha?: number;
	/** 'fixedHorizon' (default) or 'sequential' (always-valid, for teams that look before the planned end). */
	method?: AnalysisMethod;
	/** Total units at which sequential intervals are tightest (the planned size); default 5000. */
	sequentialTuning?: number;
	/** Use the pre-period metric for CUPED when present; default true. */
	cuped?: boolean;
	/** The planned split, arm name -> weight (e.g. { control: 10, email: 90 }), for the sample ratio check. */
	armWeights?: Readonly<Record<string, number>>;
	/** Cost of one message; default 0. */
	costPerMessage?: number;
	/** Sample ratio mismatch threshold on the p-value; default 0.001. */
	sampleRatioThreshold?: number;
}

export type ExperimentMetric = 'conversion' | 'revenue';

export interface ArmResult {
	arm: string;
	isControl: boolean;
	units: number;
	share: number;
	plannedShare: number | null;
	conversions: number | null;
	conversionRate: number | null;
	conversionRateCiLow: number | null;
	conversionRateCiHigh: number | null;
	revenue: number | null;
	revenuePerUnit: number | null;
	revenuePerUnitCiLow: number | null;
	revenuePerUnitCiHigh: number | null;
	messages: number;
	discounts: number;
}

export interface MetricComparison extends MetricEffect {
	arm: string;
	control: string;
	metric: ExperimentMetric;
}

export interface BusinessImpact {
	arm: string;
	control: string;
	units: number;
	conversionUplift: number | null;
	incrementalConversions: number | null;
	incrementalConversionsCiLow: number | null;
	incrementalConversionsCiHigh: number | null;
	revenueUplift: number | null;
	incrementalRevenue: number | null;
	incrementalRevenueCiLow: number | null;
	incrementalRevenueCiHigh: number | null;
	messages: number;
	messageCost: number;
	discounts: number;
	cost: number;
	/** (incremental revenue - cost) / cost; null without revenue or when the cost is 0. */
	roi: number | null;
	roiCiLow: number | null;
	roiCiHigh: number | null;
}

export interface ExperimentAnalysis {
	control: string;
	method: AnalysisMethod;
	alpha: number;
	totalUnits: number;
	metrics: ExperimentMetric[];
	cuped: boolean;
	arms: ArmResult[];
	comparisons: MetricComparison[];
	business: BusinessImpact[];
	sampleRatio: SampleRatioCheck | null;
	warnings: string[];
}

const CALLER = 'analyzeExperiment';

function isNonNegative(value: unknown): value is number {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function checkSummaries(arms: ReadonlyArray<ArmSummary>): void {
	if (!Array.isArray(arms) || arms.length === 0) throw new Error(`${CALLER} requires { units: [...] } or { arms: [...] } with at least two arms; got none`);
	const seen = new Set<string>();
	const fieldSets: Array<[keyof ArmSummary, string]> = [
		['conversions', 'conversions'],
		['revenueSum', 'revenueSum and revenueSumSquares'],
		['preMetricSum', 'preMetricSum and preMetricSumSquares'],
	];
	arms.forEach((summary, index) => {
		if (!summary || typeof summary !== 'object') throw new Error(`${CALLER} requires each arm summary to be an object; arm ${index} is ${String(summary)}`);
		const { arm, units } = summary;
		if (typeof arm !== 'string' || arm === '') throw new Error(`${CALLER} requires a non-empty arm name on every arm summary; arm ${index} has ${describeValue(arm)}`);
		if (seen.has(arm)) throw new Error(`${CALLER} requires each arm once; "${arm}" appears twice. Sum its rows first`);
		seen.add(arm);
		if (!isNonNegative(units) || !Number.isInteger(units)) throw new Error(`${CALLER} requires a whole number of units >= 0 in arm "${arm}"; got ${describeValue(units)}`);
		for (const field of ['conversions', 'revenueSum', 'revenueSumSquares', 'preMetricSumSquares', 'messages', 'discounts'] as const) {
			const value = summary[field];
			if (value !== undefined && value !== null && !isNonNegative(value)) {
				throw new Error(`${CALLER} requires ${field} >= 0 in arm "${arm}"; got ${describeValue(value)}`);
			}
		}
		for (const field of ['preMetricSum', 'preMetricConversionsSum', 'preMetricRevenueSum'] as const) {
			const value = summary[field];
			if (value !== undefined && value !== null && !(typeof value === 'number' && Number.isFinite(value))) {
				throw new Error(`${CALLER} requires ${field} to be a finite number in arm "${arm}"; got ${describeValue(value)}`);
			}
		}
		if (summary.conversions !== undefined && summary.conversions > units) {
			throw new Error(`${CALLER} requires conversions <= units in arm "${arm}"; got ${summary.conversions} conversions of ${units} units`);
		}
		if ((summary.revenueSum === undefined) !== (summary.revenueSumSquares === undefined)) {
			throw new Error(`${CALLER} requires revenueSum and revenueSumSquares together in arm "${arm}" (the sum of squares gives the variance)`);
		}
		if ((summary.preMetricSum === undefined) !== (summary.preMetricSumSquares === undefined)) {
			throw new Error(`${CALLER} requires preMetricSum and preMetricSumSquares together in arm "${arm}"`);
		}
	});
	for (const [field, label] of fieldSets) {
		const withField = arms.filter((summary) => summary[field] !== undefined && summary[field] !== null);
		if (withField.length > 0 && withField.length < arms.length) {
			const missing = arms.find((summary) => summary[field] === undefined || summary[field] === null);
			throw new Error(`${CALLER} requires ${label} in every arm or in none; arm "${missing?.arm}" lacks them while "${withField[0].arm}" has them`);
		}
	}
}

function conversionMoments(summary: ArmSummary, useCovariate: boolean): MetricMoments {
	const moments: MetricMoments = { n: summary.units, conversions: summary.conversions ?? 0 };
	if (useCovariate && summary.preMetricConversionsSum !== undefined) {
		moments.covariate = { sum: summary.preMetricSum ?? 0, sumSquares: summary.preMetricSumSquares ?? 0, sumProducts: summary.preMetricConversionsSum };
	}
	return moments;
}

function revenueMoments(summary: ArmSummary, useCovariate: boolean): MetricMoments {
	const moments: MetricMoments = { n: summary.units, sum: summary.revenueSum ?? 0, sumSquares: summary.revenueSumSquares ?? 0 };
	if (useCovariate && summary.preMetricRevenueSum !== undefined) {
		moments.covariate = { sum: summary.preMetricSum ?? 0, sumSquares: summary.preMetricSumSquares ?? 0, sumProducts: summary.preMetricRevenueSum };
	}
	return moments;
}

/** Throws if any number in the result is not finite: outputs never carry NaN or Infinity. */
function assertFinite(value: unknown, path: string): void {
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new Error(`${CALLER} produced a non-finite ${path} (${value}); please report this with the input's arm summaries`);
	} else if (Array.isArray(value)) {
		value.forEach((entry, i) => assertFinite(entry, `${path}[${i}]`));
	} else if (value && typeof value === 'object') {
		for (const [key, entry] of Object.entries(value)) assertFinite(entry, path ? `${path}.${key}` : key);
	}
}

export function analyzeExperiment(input: ExperimentInput, options: AnalyzeExperimentOptions = {}): ExperimentAnalysis {
	if (!input || typeof input !== 'object') throw new Error(`${CALLER} requires { units: [...] } (one item per customer) or { arms: [...] } (one summary per arm)`);
	const control = options.control ?? 'control';
	const alpha = options.alpha ?? 0.05;
	const method = options.method ?? 'fixedHorizon';
	const costPerMessage = options.costPerMessage ?? 0;
	if (!isNonNegative(costPerMessage)) throw new Error(`${CALLER} requires costPerMessage >= 0; got ${describeValue(costPerMessage)}`);
	if (!(alpha > 0 && alpha < 1)) throw new Error(`${CALLER} requires alpha in (0, 1), e.g. 0.05 for 95% intervals; got ${alpha}`);

	let summaries: ArmSummary[];
	if ('units' in input && input.units !== undefined) {
		summaries = summarizeUnits(input.units, CALLER).arms;
	} else if ('arms' in input && input.arms !== undefined) {
		checkSummaries(input.arms);
		summaries = input.arms.map((summary) => ({ ...summary }));
	} else {
		throw new Error(`${CALLER} requires { units: [...] } (one item per customer) or { arms: [...] } (one summary per arm)`);
	}
	const warnings: string[] = [];
	const names = summaries.map((summary) => summary.arm);

	// Planned split: every arm in the data must be planned, and every planned arm must have units.
	const weights = options.armWeights;
	if (weights !== undefined) {
		if (!weights || typeof weights !== 'object') throw new Error(`${CALLER} requires armWeights as { armName: weight }; got ${describeValue(weights)}`);
		for (const [arm, weight] of Object.entries(weights)) {
			if (!(typeof weight === 'number' && Number.isFinite(weight) && weight > 0)) throw new Error(`${CALLER} requires armWeights > 0; "${arm}" has ${describeValue(weight)}`);
			if (!names.includes(arm)) {
				throw new Error(`${CALLER} requires at least one unit in arm "${arm}" (planned in armWeights); none found among ${names.map((name) => `"${name}"`).join(', ')}. Check the arm names`);
			}
		}
		for (const name of names) {
			if (!(name in weights)) {
				throw new Error(`${CALLER} found units in arm "${name}", which is not in armWeights (${Object.keys(weights).join(', ')}). Fix the arm name in the data or add the arm to armWeights`);
			}
		}
	}
	if (!names.includes(control)) {
		throw new Error(`${CALLER} found no arm "${control}" to use as control; the data has ${names.map((name) => `"${name}"`).join(', ')}. Set the control option to one of them`);
	}
	if (summaries.length < 2) throw new Error(`${CALLER} requires at least two arms (a control and a variant); the data has only "${control}"`);
	for (const summary of summaries) {
		if (summary.units === 0) throw new Error(`${CALLER} requires at least one unit in arm "${summary.arm}"; it is empty. Remove the arm or wait for data`);
	}

	const first = summaries[0];
	const hasConversions = first.conversions !== undefined && first.conversions !== null;
	const hasRevenue = first.revenueSum !== undefined && first.revenueSum !== null;
	if (!hasConversions && !hasRevenue) {
		throw new Error(`${CALLER} requires a metric: converted (0/1) or revenue on the units, or conversions or revenueSum/revenueSumSquares on the arms`);
	}
	const hasPreMetric = first.preMetricSum !== undefined && first.preMetricSum !== null;
	const useCovariate = options.cuped !== false && hasPreMetric;
	const metrics: ExperimentMetric[] = [];
	if (hasConversions) metrics.push('conversion');
	if (hasRevenue) metrics.push('revenue');

	const controlSummary = summaries.find((summary) => summary.arm === control) as ArmSummary;
	const totalUnits = summaries.reduce((sum, summary) => sum + summary.units, 0);
	const weightTotal = weights ? Object.values(weights).reduce((sum, weight) => sum + weight, 0) : 0;
	// Message counts as given; an arm without them is assumed to have sent one per unit (none in the control).
	const hasMessageCount = (summary: ArmSummary): boolean => summary.messages !== undefined && summary.messages !== null;
	const messagesOf = (summary: ArmSummary): number => (hasMessageCount(summary) ? (summary.messages as number) : summary.arm === control ? 0 : summary.units);
	const assumed = summaries.filter((summary) => summary.arm !== control && !hasMessageCount(summary)).map((summary) => `"${summary.arm}"`);
	if (assumed.length > 0 && costPerMessage > 0) {
		warnings.push(`No message counts for ${assumed.join(', ')}: assumed one message per unit in each of these variants (give messages per unit or per arm to correct the cost)`);
	}

	const arms: ArmResult[] = summaries.map((summary) => {
		const n = summary.units;
		let revenuePerUnit: number | null = null;
		let revenueLow: number | null = null;
		let revenueHigh: number | null = null;
		if (hasRevenue) {
			const sum = summary.revenueSum ?? 0;
			revenuePerUnit = sum / n;
			if (n >= 2) {
				const variance = Math.max(0, ((summary.revenueSumSquares ?? 0) - (sum * sum) / n) / (n - 1));
				const half = studentTQuantile(1 - alpha / 2, n - 1) * Math.sqrt(variance / n);
				revenueLow = revenuePerUnit - half;
				revenueHigh = revenuePerUnit + half;
			}
		}
		const interval = hasConversions ? wilsonInterval(summary.conversions ?? 0, n, alpha) : null;
		return {
			arm: summary.arm,
			isControl: summary.arm === control,
			units: n,
			share: n / totalUnits,
			plannedShare: weights ? weights[summary.arm] / weightTotal : null,
			conversions: hasConversions ? (summary.conversions ?? 0) : null,
			conversionRate: hasConversions ? (summary.conversions ?? 0) / n : null,
			conversionRateCiLow: interval ? interval.low : null,
			conversionRateCiHigh: interval ? interval.high : null,
			revenue: hasRevenue ? (summary.revenueSum ?? 0) : null,
			revenuePerUnit,
			revenuePerUnitCiLow: revenueLow,
			revenuePerUnitCiHigh: revenueHigh,
			messages: messagesOf(summary),
			discounts: summary.discounts ?? 0,
		};
	});

	const comparisons: MetricComparison[] = [];
	const business: BusinessImpact[] = [];
	let anyCuped = false;
	for (const variant of summaries) {
		if (variant.arm === control) continue;
		const settings = {
			alpha,
			method,
			sequentialTuning: options.sequentialTuning,
			cuped: options.cuped,
			caller: CALLER,
			controlArm: control,
			treatmentArm: variant.arm,
		};
		let conversion: MetricEffect | null = null;
		let revenue: MetricEffect | null = null;
		if (hasConversions) {
			conversion = compareMetric(conversionMoments(controlSummary, useCovariate), conversionMoments(variant, useCovariate), { ...settings, metric: 'conversion' });
			comparisons.push({ arm: variant.arm, control, metric: 'conversion', ...conversion });
		}
		if (hasRevenue) {
			revenue = compareMetric(revenueMoments(controlSummary, useCovariate), revenueMoments(variant, useCovariate), { ...settings, metric: 'revenue' });
			comparisons.push({ arm: variant.arm, control, metric: 'revenue', ...revenue });
		}
		for (const effect of [conversion, revenue]) {
			if (effect?.cuped) anyCuped = true;
			else if (effect && useCovariate) warnings.push(`CUPED skipped for "${variant.arm}": the pre-period metric does not vary within the arms`);
		}
		const n = variant.units;
		const messages = messagesOf(variant);
		const messageCost = messages * costPerMessage;
		const discounts = variant.discounts ?? 0;
		const cost = messageCost + discounts;
		const roiOf = (value: number): number | null => (revenue && cost > 0 ? (value - cost) / cost : null);
		business.push({
			arm: variant.arm,
			control,
			units: n,
			conversionUplift: conversion ? conversion.relativeUplift : null,
			incrementalConversions: conversion ? conversion.absoluteEffect * n : null,
			incrementalConversionsCiLow: conversion ? conversion.absoluteCiLow * n : null,
			incrementalConversionsCiHigh: conversion ? conversion.absoluteCiHigh * n : null,
			revenueUplift: revenue ? revenue.relativeUplift : null,
			incrementalRevenue: revenue ? revenue.absoluteEffect * n : null,
			incrementalRevenueCiLow: revenue ? revenue.absoluteCiLow * n : null,
			incrementalRevenueCiHigh: revenue ? revenue.absoluteCiHigh * n : null,
			messages,
			messageCost,
			discounts,
			cost,
			roi: revenue ? roiOf(revenue.absoluteEffect * n) : null,
			roiCiLow: revenue ? roiOf(revenue.absoluteCiLow * n) : null,
			roiCiHigh: revenue ? roiOf(revenue.absoluteCiHigh * n) : null,
		});
		if (revenue && cost === 0) warnings.push(`ROI of "${variant.arm}" not computed: its cost is 0 (set costPerMessage, or give messages and discounts)`);
	}
	if (summaries.length > 2) {
		warnings.push(`${summaries.length - 1} variants are each compared with "${control}" at alpha ${alpha} without a multiple-comparison correction; expect about ${alpha} x ${summaries.length - 1} false positives by chance`);
	}

	let sampleRatio: SampleRatioCheck | null = null;
	if (weights) {
		sampleRatio = checkSampleRatio(
			summaries.map((summary) => summary.units),
			summaries.map((summary) => weights[summary.arm]),
			{ threshold: options.sampleRatioThreshold, arms: names },
		);
		if (sampleRatio.mismatch) warnings.push(sampleRatio.message);
	} else {
		warnings.push('Sample ratio not checked: pass armWeights (the planned split) to detect assignment or tracking problems');
	}

	const analysis: ExperimentAnalysis = { control, method, alpha, totalUnits, metrics, cuped: anyCuped, arms, comparisons, business, sampleRatio, warnings };
	assertFinite(analysis, '');
	return analysis;
}
