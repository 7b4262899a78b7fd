/**
 * Minimum detectable effect (MDE) for a given test size: the smallest effect that the planned test detects with
 * the chosen power, for a conversion rate or a mean metric; the inverse of planSampleSize.
 *
 *   find Δ > 0 with power(Δ; n_C, n_T) = target,  n_T = w N, n_C = (1 - w) N
 *   power(Δ) = 1 - F_ν(t_{1-α/2} - δ) + F_ν(-t_{1-α/2} - δ),  δ = Δ / sqrt(σ_T^2(Δ)/n_T + σ_C^2 ρ(Δ)^2/n_C)
 * solved by bisection (power grows with Δ); for proportions σ_T^2 = (p + Δ)(1 - p - Δ) changes with Δ, so there is
 * no closed form. Returned in the design's effect type (relative by default) and in both scales.
 * Reference: as planSampleSize: Chow, Shao & Wang (2008), ch. 3-4; Kohavi, Tang & Xu (2020), ch. 17;
 * https://docs.growthbook.io/statistics/power
 *
 * Cost: O(60) power evaluations (bisection to 1e-12 of the baseline).
 * @example planDetectableEffect({ metric: 'proportion', baseline: 0.2, totalUnits: 13540 }) // { minimumDetectableEffect: 0.1000 (relative), ... }
 */
import { absoluteEffectOf, powerOf, resolveDesign } from './planSampleSize';
import type { EffectType, PlanDesign, PlannedMetric } from './planSampleSize';

export interface PlanDetectableEffectOptions extends PlanDesign {
	/** Customers in the test (control + treatment). */
	totalUnits: number;
}

export interface DetectableEffectPlan {
	metric: PlannedMetric;
	effectType: EffectType;
	baseline: number;
	/** In the effect type asked for (relative by default). */
	minimumDetectableEffect: number;
	absoluteEffect: number;
	relativeEffect: number;
	treatmentValue: number;
	alpha: number;
	power: number;
	treatmentShare: number;
	unitsControl: number;
	unitsTreatment: number;
	totalUnits: number;
}

export function planDetectableEffect(options: PlanDetectableEffectOptions): DetectableEffectPlan {
	const caller = 'planDetectableEffect';
	const design = resolveDesign(options, caller);
	const total = options.totalUnits;
	if (!(typeof total === 'number' && Number.isFinite(total) && total >= 4)) throw new Error(`${caller} requires totalUnits >= 4; got ${String(total)}`);
	const unitsTreatment = design.share * total;
	const unitsControl = total - unitsTreatment;
	if (unitsTreatment < 2 || unitsControl < 2) throw new Error(`${caller} requires at least 2 units per arm; ${total} units at treatmentShare ${design.share} leave too few in one arm`);
	// Upper end of the search: for proportions the treatment rate must stay below 1.
	let high = design.metric === 'proportion' ? (1 - design.baseline) * (1 - 1e-9) : Math.abs(design.baseline);
	if (design.metric === 'mean') {
		while (powerOf(design, high, unitsControl, unitsTreatment) < design.power) {
			high *= 2;
			if (high > 1e12 * Math.abs(design.baseline)) throw new Error(`${caller} found no detectable effect below 10^12 times the baseline; check standardDeviation and totalUnits`);
		}
	} else if (powerOf(design, high, unitsControl, unitsTreatment) < design.power) {
		throw new Error(`${caller} cannot reach power ${design.power} with ${total} units even for a treatment rate near 1; add units`);
	}
	let low = 0;
	for (let iteration = 0; iteration < 200 && high - low > 1e-12 * Math.abs(design.baseline); iteration++) {
		const middle = (low + high) / 2;
		if (powerOf(design, middle, unitsControl, unitsTreatment) >= design.power) high = middle;
		else low = middle;
	}
	const delta = high;
	const effect = design.effectType === 'relative' ? delta / design.baseline : delta;
	absoluteEffectOf(design, effect, caller);
	return {
		metric: design.metric,
		effectType: design.effectType,
		baseline: design.baseline,
		minimumDetectableEffect: effect,
		absoluteEffect: delta,
		relativeEffect: delta / design.baseline,
		treatmentValue: design.baseline + delta,
		alpha: design.alpha,
		power: design.power,
		treatmentShare: design.share,
		unitsControl,
		unitsTreatment,
		totalUnits: total,
	};
}
