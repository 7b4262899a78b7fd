// Simulated campaigns with a known truth, shared by the uplift tests and test/bench/uplift.bench.ts.
// Everything is drawn from lib/stats/seededRandom, so every study is reproducible from its seed.
import { compareMetric } from '../../../lib/uplift/compareMetric';
import type { MetricEffect } from '../../../lib/uplift/compareMetric';
import { planSampleSize } from '../../../lib/uplift/planSampleSize';
import type { SampleSizePlan } from '../../../lib/uplift/planSampleSize';
import type { ArmSummary } from '../../../lib/uplift/summarizeUnits';
import { sampleStandardNormal } from '../../../lib/stats/sampleStandardNormal';
import { seededRandom } from '../../../lib/stats/seededRandom';
import type { RandomSource } from '../../../lib/stats/seededRandom';

const { exp, floor, log } = Math;

/**
 * Exact Binomial(n, p) draw by geometric skipping: the gaps between successes are Geometric(p), so the cost is
 * O(n p + 1) uniforms instead of n (Devroye 1986, Non-Uniform Random Variate Generation, X.4.3).
 */
export function sampleBinomial(n: number, p: number, random: RandomSource): number {
	if (p <= 0) return 0;
	if (p >= 1) return n;
	if (p > 0.5) return n - sampleBinomial(n, 1 - p, random);
	const logQ = log(1 - p);
	let successes = 0;
	let position = 0;
	for (;;) {
		position += floor(log(1 - random()) / logQ) + 1;
		if (position > n) return successes;
		successes++;
	}
}

/** A campaign arm: conversion rate, and order values LogNormal(mu, sigma) for converters. */
export interface ArmTruth {
	rate: number;
	valueMu: number;
	valueSigma: number;
}

/** Mean and variance of revenue per unit R = B V, B ~ Bernoulli(rate), V ~ LogNormal(mu, sigma). */
export function revenueMoments(arm: ArmTruth): { mean: number; variance: number } {
	const mean = arm.rate * exp(arm.valueMu + (arm.valueSigma * arm.valueSigma) / 2);
	const second = arm.rate * exp(2 * arm.valueMu + 2 * arm.valueSigma * arm.valueSigma);
	return { mean, variance: second - mean * mean };
}

/** Sufficient statistics of one simulated arm (conversions, revenue sum and sum of squares). */
export function simulateArm(arm: string, units: number, truth: ArmTruth, random: RandomSource): ArmSummary {
	const conversions = sampleBinomial(units, truth.rate, random);
	let revenueSum = 0;
	let revenueSumSquares = 0;
	for (let i = 0; i < conversions; i++) {
		const value = exp(truth.valueMu + truth.valueSigma * sampleStandardNormal(random));
		revenueSum += value;
		revenueSumSquares += value * value;
	}
	return { arm, units, conversions, revenueSum, revenueSumSquares };
}

export interface CoverageStudy {
	replications: number;
	unitsPerArm: number;
	conversionAbsolute: number;
	conversionRelative: number;
	revenueAbsolute: number;
	revenueRelative: number;
	incrementalRevenue: number;
	/** Share of replications with pValue < alpha when the effect is real (power at this size). */
	conversionPower: number;
}

export const COVERAGE_CONTROL: ArmTruth = { rate: 0.1, valueMu: 3.5, valueSigma: 0.8 };
export const COVERAGE_TREATMENT: ArmTruth = { rate: 0.12, valueMu: 3.55, valueSigma: 0.8 };

/** How often the 95% intervals of compareMetric cover the true effects, over simulated campaigns. */
export function coverageStudy(replications: number, seed: number, unitsPerArm = 5000): CoverageStudy {
	const random = seededRandom(seed);
	const control = revenueMoments(COVERAGE_CONTROL);
	const treatment = revenueMoments(COVERAGE_TREATMENT);
	const truth = {
		conversionAbsolute: COVERAGE_TREATMENT.rate - COVERAGE_CONTROL.rate,
		conversionRelative: COVERAGE_TREATMENT.rate / COVERAGE_CONTROL.rate - 1,
		revenueAbsolute: treatment.mean - control.mean,
		revenueRelative: treatment.mean / control.mean - 1,
	};
	const covered = { conversionAbsolute: 0, conversionRelative: 0, revenueAbsolute: 0, revenueRelative: 0, incrementalRevenue: 0 };
	let rejections = 0;
	const inside = (value: number, low: number, high: number) => (low <= value && value <= high ? 1 : 0);
	for (let r = 0; r < replications; r++) {
		const a = simulateArm('control', unitsPerArm, COVERAGE_CONTROL, random);
		const b = simulateArm('treatment', unitsPerArm, COVERAGE_TREATMENT, random);
		const conversion = compareMetric({ n: a.units, conversions: a.conversions ?? 0 }, { n: b.units, conversions: b.conversions ?? 0 });
		const revenue = compareMetric(
			{ n: a.units, sum: a.revenueSum ?? 0, sumSquares: a.revenueSumSquares ?? 0 },
			{ n: b.units, sum: b.revenueSum ?? 0, sumSquares: b.revenueSumSquares ?? 0 },
		);
		covered.conversionAbsolute += inside(truth.conversionAbsolute, conversion.absoluteCiLow, conversion.absoluteCiHigh);
		covered.conversionRelative += inside(truth.conversionRelative, conversion.ciLow, conversion.ciHigh);
		covered.revenueAbsolute += inside(truth.revenueAbsolute, revenue.absoluteCiLow, revenue.absoluteCiHigh);
		covered.revenueRelative += inside(truth.revenueRelative, revenue.ciLow, revenue.ciHigh);
		covered.incrementalRevenue += inside(truth.revenueAbsolute * unitsPerArm, revenue.absoluteCiLow * unitsPerArm, revenue.absoluteCiHigh * unitsPerArm);
		if (conversion.significant) rejections++;
	}
	return {
		replications,
		unitsPerArm,
		conversionAbsolute: covered.conversionAbsolute / replications,
		conversionRelative: covered.conversionRelative / replications,
		revenueAbsolute: covered.revenueAbsolute / replications,
		revenueRelative: covered.revenueRelative / replications,
		incrementalRevenue: covered.incrementalRevenue / replications,
		conversionPower: rejections / replications,
	};
}

export interface PowerStudy {
	plan: SampleSizePlan;
	replications: number;
	/** Share of simulated campaigns (true effect = the MDE) where analyzeExperiment's pValue < alpha. */
	simulatedPower: number;
}

/** Plans a proportion test, then simulates it at the planned size with the MDE as the true effect. */
export function proportionPowerStudy(replications: number, seed: number, baseline = 0.2, relativeEffect = 0.1): PowerStudy {
	const plan = planSampleSize({ metric: 'proportion', baseline, minimumDetectableEffect: relativeEffect });
	const random = seededRandom(seed);
	let rejections = 0;
	for (let r = 0; r < replications; r++) {
		const a = sampleBinomial(plan.unitsControl, baseline, random);
		const b = sampleBinomial(plan.unitsTreatment, plan.treatmentValue, random);
		if (compareMetric({ n: plan.unitsControl, conversions: a }, { n: plan.unitsTreatment, conversions: b }).pValue < plan.alpha) rejections++;
	}
	return { plan, replications, simulatedPower: rejections / replications };
}

export const POWER_REVENUE_CONTROL: ArmTruth = { rate: 0.3, valueMu: 3, valueSigma: 0.6 };

/** Plans a mean (revenue per customer) test with the true standard deviations, then simulates it. */
export function revenuePowerStudy(replications: number, seed: number, relativeEffect = 0.08): PowerStudy {
	const control = revenueMoments(POWER_REVENUE_CONTROL);
	// The treatment raises the conversion rate so that revenue per customer rises by relativeEffect.
	const treatmentTruth: ArmTruth = { ...POWER_REVENUE_CONTROL, rate: POWER_REVENUE_CONTROL.rate * (1 + relativeEffect) };
	const treatment = revenueMoments(treatmentTruth);
	const plan = planSampleSize({
		metric: 'mean',
		baseline: control.mean,
		standardDeviation: Math.sqrt(control.variance),
		treatmentStandardDeviation: Math.sqrt(treatment.variance),
		minimumDetectableEffect: relativeEffect,
	});
	const random = seededRandom(seed);
	let rejections = 0;
	for (let r = 0; r < replications; r++) {
		const a = simulateArm('control', plan.unitsControl, POWER_REVENUE_CONTROL, random);
		const b = simulateArm('treatment', plan.unitsTreatment, treatmentTruth, random);
		const effect = compareMetric(
			{ n: a.units, sum: a.revenueSum ?? 0, sumSquares: a.revenueSumSquares ?? 0 },
			{ n: b.units, sum: b.revenueSum ?? 0, sumSquares: b.revenueSumSquares ?? 0 },
		);
		if (effect.pValue < plan.alpha) rejections++;
	}
	return { plan, replications, simulatedPower: rejections / replications };
}

export interface CupedStudy {
	replications: number;
	coverage: number;
	coverageWithoutCuped: number;
	meanVarianceReduction: number;
	/** Mean CI width with CUPED / without. */
	widthRatio: number;
}

/** y = 10 + 3 x + e (x, e ~ N(0,1) and N(0, 2^2)), treatment adds 0.3; x is the pre-period metric. */
export function cupedStudy(replications: number, seed: number, unitsPerArm = 2000): CupedStudy {
	const random = seededRandom(seed);
	const effect = 0.3;
	let covered = 0;
	let coveredPlain = 0;
	let reduction = 0;
	let widthRatio = 0;
	const arm = (shift: number) => {
		let sum = 0;
		let sumSquares = 0;
		let preSum = 0;
		let preSumSquares = 0;
		let products = 0;
		for (let i = 0; i < unitsPerArm; i++) {
			const x = sampleStandardNormal(random);
			const y = 10 + 3 * x + 2 * sampleStandardNormal(random) + shift;
			sum += y;
			sumSquares += y * y;
			preSum += x;
			preSumSquares += x * x;
			products += x * y;
		}
		return { n: unitsPerArm, sum, sumSquares, covariate: { sum: preSum, sumSquares: preSumSquares, sumProducts: products } };
	};
	for (let r = 0; r < replications; r++) {
		const a = arm(0);
		const b = arm(effect);
		const adjusted: MetricEffect = compareMetric(a, b);
		const plain = compareMetric(a, b, { cuped: false });
		if (adjusted.absoluteCiLow <= effect && effect <= adjusted.absoluteCiHigh) covered++;
		if (plain.absoluteCiLow <= effect && effect <= plain.absoluteCiHigh) coveredPlain++;
		reduction += adjusted.varianceReduction;
		widthRatio += (adjusted.absoluteCiHigh - adjusted.absoluteCiLow) / (plain.absoluteCiHigh - plain.absoluteCiLow);
	}
	return {
		replications,
		coverage: covered / replications,
		coverageWithoutCuped: coveredPlain / replications,
		meanVarianceReduction: reduction / replications,
		widthRatio: widthRatio / replications,
	};
}

export interface PeekingStudy {
	replications: number;
	looks: number;
	/** A/A tests declared significant at some look: fixed-horizon p-values vs always-valid ones. */
	fixedHorizonFalsePositives: number;
	sequentialFalsePositives: number;
	/** A real effect found at some look, sequential method. */
	sequentialPowerWithEffect: number;
}

/** A/A (and A/B) tests checked after every batch, as teams that peek do. */
export function peekingStudy(replications: number, seed: number, looks = 10, batchPerArm = 1000): PeekingStudy {
	const random = seededRandom(seed);
	const tuning = 2 * looks * batchPerArm;
	let fixedHits = 0;
	let sequentialHits = 0;
	let effectHits = 0;
	for (let r = 0; r < replications; r++) {
		let a = 0;
		let b = 0;
		let c = 0;
		let n = 0;
		let fixedFound = false;
		let sequentialFound = false;
		let effectFound = false;
		for (let look = 0; look < looks; look++) {
			a += sampleBinomial(batchPerArm, 0.1, random);
			b += sampleBinomial(batchPerArm, 0.1, random);
			c += sampleBinomial(batchPerArm, 0.115, random);
			n += batchPerArm;
			if (a === 0) continue;
			if (compareMetric({ n, conversions: a }, { n, conversions: b }).pValue < 0.05) fixedFound = true;
			const options = { method: 'sequential' as const, sequentialTuning: tuning };
			if (compareMetric({ n, conversions: a }, { n, conversions: b }, options).pValue < 0.05) sequentialFound = true;
			if (compareMetric({ n, conversions: a }, { n, conversions: c }, options).pValue < 0.05) effectFound = true;
		}
		if (fixedFound) fixedHits++;
		if (sequentialFound) sequentialHits++;
		if (effectFound) effectHits++;
	}
	return {
		replications,
		looks,
		fixedHorizonFalsePositives: fixedHits / replications,
		sequentialFalsePositives: sequentialHits / replications,
		sequentialPowerWithEffect: effectHits / replications,
	};
}

export interface HeterogeneousCustomer {
	features: number[];
	treated: number;
	converted: number;
	/** P(convert | treated) - P(convert | control) for this customer: the truth the model should rank by. */
	trueUplift: number;
}

export const HETEROGENEOUS_FEATURES = ['recencyScore', 'frequencyScore', 'discountAffinity', 'emailFatigue', 'loyaltyMember'];

function sigmoid(value: number): number {
	return 1 / (1 + exp(-value));
}

/**
 * Customers of a randomised campaign (half treated) whose response to the message depends on their features:
 * base logit -1.5 + 0.6 x1 - 0.4 x2 + 0.3 x5, treatment adds 0.3 + 0.8 x3 - 0.5 x4 to the logit (negative for
 * some customers: the message annoys them).
 */
export function simulateHeterogeneousCampaign(customers: number, random: RandomSource): HeterogeneousCustomer[] {
	const rows: HeterogeneousCustomer[] = [];
	for (let i = 0; i < customers; i++) {
		const x = [sampleStandardNormal(random), sampleStandardNormal(random), sampleStandardNormal(random), sampleStandardNormal(random), random() < 0.5 ? 1 : 0];
		const base = -1.5 + 0.6 * x[0] - 0.4 * x[1] + 0.3 * x[4];
		const effect = 0.3 + 0.8 * x[2] - 0.5 * x[3];
		const controlProbability = sigmoid(base);
		const treatedProbability = sigmoid(base + effect);
		const treated = random() < 0.5 ? 1 : 0;
		const converted = random() < (treated ? treatedProbability : controlProbability) ? 1 : 0;
		rows.push({ features: x, treated, converted, trueUplift: treatedProbability - controlProbability });
	}
	return rows;
}

/** Mean true uplift of the top share of customers ranked by a score (highest first). */
export function trueUpliftOfTop(rows: ReadonlyArray<HeterogeneousCustomer>, scores: ReadonlyArray<number>, share: number): number {
	const order = scores.map((score, i) => [score, i] as const).sort((p, q) => q[0] - p[0]);
	const count = Math.floor(rows.length * share);
	let total = 0;
	for (let k = 0; k < count; k++) total += rows[order[k][1]].trueUplift;
	return total / count;
}
