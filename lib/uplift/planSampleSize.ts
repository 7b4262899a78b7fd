/**
 * Sample size planning: how many customers a campaign test needs in control and treatment to detect a minimum
 * detectable effect (MDE) with the chosen significance level and power, for a conversion rate or a mean metric,
 * planned for the test analyzeExperiment reports (two-sided Welch t on the relative uplift, delta method).
 *
 *   Δ = μ_T - μ_C  (relative MDE: Δ = mde μ_C),   ρ = μ_T / μ_C
 *   per-unit variances: proportions σ^2 = p (1 - p); means σ_C (and σ_T, default σ_C) given
 *   K = σ_T^2 / w + σ_C^2 ρ^2 / (1 - w)            (w: treatment share; ρ^2 because the relative test divides by
 *                                                   the estimated control mean, whose noise scales with μ_T/μ_C)
 *   start: N = (t_{1-α/2, ν} + t_{power, ν})^2 K / Δ^2,  ν = N - 2, iterated from the normal quantiles
 *   power(n_C, n_T) = P(|t| > t_{1-α/2, ν}) with t ≈ μ_t + s_t T_ν, where μ_t and s_t are the delta-method mean and
 *   spread of the relative t statistic t(m_C, m_T) (its spread is below 1 under the alternative, because the estimated
 *   ratio m_T/m_C in its standard error moves with the numerator)
 *   n_T = the smallest whole number with power >= target (bisection), n_C = ⌈n_T (1 - w)/w⌉
 * Reference: Chow, Shao & Wang (2008), Sample Size Calculations in Clinical Research, 2nd ed., ch. 3-4;
 * Kohavi, Tang & Xu (2020), Trustworthy Online Controlled Experiments, ch. 17 (power, MDE);
 * GrowthBook power calculator, https://docs.growthbook.io/statistics/power
 *
 * Cost: O(log N) power evaluations (bisection over whole units), each O(1) quantile work.
 * @example planSampleSize({ metric: 'proportion', baseline: 0.2, minimumDetectableEffect: 0.1 })
 *   // { unitsControl: 6770, unitsTreatment: 6770, totalUnits: 13540, achievedPower: 0.80001, ... }
 */
import { normalQuantile } from '../stats/normalQuantile';
import { studentTCdf } from '../stats/studentTCdf';
import { studentTQuantile } from '../stats/studentTQuantile';

export type PlannedMetric = 'proportion' | 'mean';
export type EffectType = 'relative' | 'absolute';

export interface PlanDesign {
	/** 'proportion' (conversion rate) or 'mean' (e.g. revenue per customer). */
	metric: PlannedMetric;
	/** The control's expected conversion rate (0-1) or mean. */
	baseline: number;
	/** Per-customer standard deviation of the control (means only). */
	standardDeviation?: number;
	/** Per-customer standard deviation of the treatment (means only); default standardDeviation. */
	treatmentStandardDeviation?: number;
	/** Whether effects are relative to the baseline (0.1 = +10%, default) or absolute (0.01 = +1 point). */
	effectType?: EffectType;
	/** Two-sided significance level; default 0.05. */
	alpha?: number;
	/** Probability of detecting the effect when it is real; default 0.8. */
	power?: number;
	/** Share of the test's customers in the treatment; default 0.5. */
	treatmentShare?: number;
}

export interface PlanSampleSizeOptions extends PlanDesign {
	/** The smallest effect worth detecting (relative by default). */
	minimumDetectableEffect: number;
}

export interface SampleSizePlan {
	metric: PlannedMetric;
	effectType: EffectType;
	baseline: number;
	treatmentValue: number;
	absoluteEffect: number;
	relativeEffect: number;
	alpha: number;
	power: number;
	achievedPower: number;
	treatmentShare: number;
	unitsControl: number;
	unitsTreatment: number;
	totalUnits: number;
}

export interface ResolvedDesign {
	metric: PlannedMetric;
	effectType: EffectType;
	baseline: number;
	alpha: number;
	power: number;
	share: number;
	/** Control and treatment per-unit variances for an absolute effect Δ. */
	variances: (delta: number) => { control: number; treatment: number };
}

/**
 * Checks a plan's design and fills its defaults (relative effect, alpha 0.05, power 0.8, treatment share 0.5).
 * Cost: O(1). @example resolveDesign({ metric: 'proportion', baseline: 0.2 }, 'planSampleSize').variances(0.02) // { control: 0.16, treatment: 0.1716 }
 */
export function resolveDesign(options: PlanDesign, caller: string): ResolvedDesign {
	if (!options || typeof options !== 'object') throw new Error(`${caller} requires options { metric, baseline, ... }`);
	const { metric, baseline } = options;
	const effectType = options.effectType ?? 'relative';
	const alpha = options.alpha ?? 0.05;
	const power = options.power ?? 0.8;
	const share = options.treatmentShare ?? 0.5;
	if (metric !== 'proportion' && metric !== 'mean') throw new Error(`${caller} requires metric "proportion" or "mean"; got ${String(metric)}`);
	if (effectType !== 'relative' && effectType !== 'absolute') throw new Error(`${caller} requires effectType "relative" or "absolute"; got ${String(effectType)}`);
	if (!(alpha > 0 && alpha < 1)) throw new Error(`${caller} requires alpha in (0, 1), e.g. 0.05; got ${alpha}`);
	if (!(power > 0 && power < 1)) throw new Error(`${caller} requires power in (0, 1), e.g. 0.8; got ${power}`);
	if (!(share > 0 && share < 1)) throw new Error(`${caller} requires treatmentShare in (0, 1), e.g. 0.5; got ${share}`);
	if (typeof baseline !== 'number' || !Number.isFinite(baseline)) throw new Error(`${caller} requires a finite baseline; got ${String(baseline)}`);
	if (metric === 'proportion') {
		if (!(baseline > 0 && baseline < 1)) throw new Error(`${caller} requires a baseline conversion rate in (0, 1); got ${baseline}`);
		return {
			metric,
			effectType,
			baseline,
			alpha,
			power,
			share,
			variances: (delta) => ({ control: baseline * (1 - baseline), treatment: (baseline + delta) * (1 - baseline - delta) }),
		};
	}
	const sd = options.standardDeviation;
	if (!(typeof sd === 'number' && sd > 0 && Number.isFinite(sd))) throw new Error(`${caller} requires standardDeviation > 0 for a mean metric; got ${String(sd)}`);
	const treatmentSd = options.treatmentStandardDeviation ?? sd;
	if (!(treatmentSd > 0 && Number.isFinite(treatmentSd))) throw new Error(`${caller} requires treatmentStandardDeviation > 0; got ${treatmentSd}`);
	if (baseline === 0) throw new Error(`${caller} requires a baseline mean other than 0: the relative uplift divides by it`);
	return { metric, effectType, baseline, alpha, power, share, variances: () => ({ control: sd * sd, treatment: treatmentSd * treatmentSd }) };
}

/**
 * The absolute effect Δ for an MDE in the design's effect type, checked against the metric's range.
 * Cost: O(1). @example absoluteEffectOf(resolveDesign({ metric: 'proportion', baseline: 0.2 }, 'x'), 0.1, 'x') // 0.02
 */
export function absoluteEffectOf(design: ResolvedDesign, effect: number, caller: string): number {
	if (typeof effect !== 'number' || !Number.isFinite(effect) || effect === 0) throw new Error(`${caller} requires a finite minimumDetectableEffect other than 0; got ${String(effect)}`);
	const delta = design.effectType === 'relative' ? effect * design.baseline : effect;
	if (design.metric === 'proportion' && !(design.baseline + delta > 0 && design.baseline + delta < 1)) {
		throw new Error(`${caller} requires the treatment rate baseline + effect in (0, 1); got ${design.baseline + delta}. Use a smaller effect`);
	}
	return delta;
}

/** SE^2 of the absolute effect as the relative test sees it: σ_T^2/n_T + σ_C^2 ρ^2/n_C. */
function varianceOfEffect(design: ResolvedDesign, delta: number, unitsControl: number, unitsTreatment: number): number {
	const { control, treatment } = design.variances(delta);
	const ratio = (design.baseline + delta) / design.baseline;
	return treatment / unitsTreatment + (control * ratio * ratio) / unitsControl;
}

/**
 * Mean and standard deviation of the relative test's t statistic under the alternative, by the delta method on
 * t(m_C, m_T) = (m_T - m_C) / sqrt(v_T(m_T)/n_T + v_C(m_C) (m_T/m_C)^2/n_C) around the true means (v(m) = m(1-m)
 * for proportions, the given variance for means). Under the alternative the estimated ratio m_T/m_C moves with
 * the numerator, so the statistic's spread is not 1 (about 0.9 for +10% on a 20% rate) and a normal-shift power
 * formula would be off by 2 points.
 */
function statisticMoments(design: ResolvedDesign, delta: number, unitsControl: number, unitsTreatment: number): { mean: number; deviation: number } {
	const proportion = design.metric === 'proportion';
	const fixed = design.variances(delta);
	const varianceAt = (mean: number, given: number): number => (proportion ? mean * (1 - mean) : given);
	const statistic = (controlMean: number, treatmentMean: number): number => {
		const ratio = treatmentMean / controlMean;
		const variance = varianceAt(treatmentMean, fixed.treatment) / unitsTreatment + (varianceAt(controlMean, fixed.control) * ratio * ratio) / unitsControl;
		return (treatmentMean - controlMean) / Math.sqrt(variance);
	};
	const controlMean = design.baseline;
	const treatmentMean = design.baseline + delta;
	const step = 1e-6 * Math.max(Math.abs(controlMean), Math.abs(treatmentMean));
	const slopeControl = (statistic(controlMean + step, treatmentMean) - statistic(controlMean - step, treatmentMean)) / (2 * step);
	const slopeTreatment = (statistic(controlMean, treatmentMean + step) - statistic(controlMean, treatmentMean - step)) / (2 * step);
	const deviation = Math.sqrt((slopeControl * slopeControl * fixed.control) / unitsControl + (slopeTreatment * slopeTreatment * fixed.treatment) / unitsTreatment);
	return { mean: statistic(controlMean, treatmentMean), deviation };
}

/**
 * Power of the two-sided relative test: P(|t| > t_{1-α/2, ν}) with t ≈ mean + deviation T_ν (statisticMoments),
 * ν = n_C + n_T - 2. Cost: O(1).
 * @example powerOf(resolveDesign({ metric: 'proportion', baseline: 0.2 }, 'x'), 0.02, 6770, 6770) // 0.80001
 */
export function powerOf(design: ResolvedDesign, delta: number, unitsControl: number, unitsTreatment: number): number {
	const nu = Math.max(1, unitsControl + unitsTreatment - 2);
	const critical = studentTQuantile(1 - design.alpha / 2, nu);
	const { mean, deviation } = statisticMoments(design, delta, unitsControl, unitsTreatment);
	return 1 - studentTCdf((critical - mean) / deviation, nu) + studentTCdf((-critical - mean) / deviation, nu);
}

export function planSampleSize(options: PlanSampleSizeOptions): SampleSizePlan {
	const caller = 'planSampleSize';
	const design = resolveDesign(options, caller);
	const delta = absoluteEffectOf(design, options?.minimumDetectableEffect, caller);
	const { share, alpha, power } = design;
	const perTotal = varianceOfEffect(design, delta, 1 - share, share);
	let total = ((normalQuantile(1 - alpha / 2) + normalQuantile(power)) ** 2 * perTotal) / (delta * delta);
	for (let iteration = 0; iteration < 20; iteration++) {
		const nu = Math.max(1, total - 2);
		const next = ((studentTQuantile(1 - alpha / 2, nu) + studentTQuantile(power, nu)) ** 2 * perTotal) / (delta * delta);
		if (Math.abs(next - total) < 1e-6 * total) {
			total = next;
			break;
		}
		total = next;
	}
	// The closed form ignores the spread of the relative t statistic; find the smallest treatment size (with the
	// control in proportion) whose power reaches the target, by bisection on whole units.
	const controlFor = (treated: number): number => Math.max(2, Math.ceil((treated * (1 - share)) / share - 1e-9));
	const reaches = (treated: number): boolean => powerOf(design, delta, controlFor(treated), treated) >= power;
	let low = 1;
	let high = Math.max(2, Math.ceil(share * total));
	while (!reaches(high)) {
		low = high;
		high *= 2;
		if (high > 1e12) throw new Error(`${caller} found no practical sample size (over 10^12 units) for this effect; plan for a larger minimumDetectableEffect`);
	}
	while (high - low > 1) {
		const middle = Math.floor((low + high) / 2);
		if (reaches(middle)) high = middle;
		else low = middle;
	}
	const unitsTreatment = Math.max(2, high);
	const unitsControl = controlFor(unitsTreatment);
	return {
		metric: design.metric,
		effectType: design.effectType,
		baseline: design.baseline,
		treatmentValue: design.baseline + delta,
		absoluteEffect: delta,
		relativeEffect: delta / design.baseline,
		alpha,
		power,
		achievedPower: powerOf(design, delta, unitsControl, unitsTreatment),
		treatmentShare: share,
		unitsControl,
		unitsTreatment,
		totalUnits: unitsControl + unitsTreatment,
	};
}
