/**
 * Compare one metric between a control arm and a treatment arm from sufficient statistics: absolute and relative
 * effect, Welch t test, confidence interval and p-value (fixed horizon, or always valid for teams that peek),
 * Bayesian chance to win and risk, with optional CUPED variance reduction from a pre-period metric. The
 * statistical core of analyzeExperiment, following the conventions of GrowthBook's stats engine.
 *
 *   means:       m = sum / n,  v = (sumSquares - sum^2/n) / (n - 1);   proportions: m = conversions / n,  v = m (1 - m)
 *   CUPED:       θ = pooled within-arm Cov(y, x) / Var(x);  v_adj = v + θ^2 Var(x) - 2 θ Cov(y, x)
 *   absolute:    D = (m_B - m_A) - θ (x̄_B - x̄_A),  Var = v_B/n_B + v_A/n_A
 *   relative:    R = D / m_A,  Var = v_B/(n_B m_A^2) + v_A m_B^2/(n_A m_A^4)      (delta method; with CUPED the
 *                gradient (-(m_B - θ x̄_B + θ x̄_A)/m_A^2, θ/m_A) acts on arm A's (y, x) covariance)
 *   Welch:       ν = (v_B/n_B + v_A/n_A)^2 / ((v_B/n_B)^2/(n_B - 1) + (v_A/n_A)^2/(n_A - 1))
 *   fixed:       p = 2 F_ν(-|R/SE|),  CI = R ± t_{1-α/2, ν} SE
 *   sequential:  CI and p from confidenceSequence (Waudby-Smith et al. 2023)
 *   Bayesian:    R ~ N(R̂, SE^2): chanceToWin = Φ(R̂/SE), risks from normalChanceToWin, credible R̂ ± z_{1-α/2} SE
 * Reference: GrowthBook stats engine (gbstats, frequentist/tests.py and bayesian/tests.py),
 * https://docs.growthbook.io/statistics/details ; Deng, Xu, Kohavi & Walker (2013), "Improving the sensitivity of
 * online controlled experiments by utilizing pre-experiment data" (CUPED), WSDM,
 * https://exp-platform.com/Documents/2013-02-CUPED-ImprovingSensitivityOfControlledExperiments.pdf ;
 * Welch (1947), Biometrika 34:28-35.
 *
 * Cost: O(1).
 * @example compareMetric({ n: 3407, sum: 1396.87, sumSquares: 52377.9767 }, { n: 3461, sum: 2422.7, sumSquares: 134698.29 })
 *   // { relativeUplift: 0.70732, ciLow: -0.03526, ciHigh: 1.44989, pValue: 0.06191, absoluteEffect: 0.29, ... }
 */
import { normalQuantile } from '../stats/normalQuantile';
import { studentTCdf } from '../stats/studentTCdf';
import { studentTQuantile } from '../stats/studentTQuantile';
import { confidenceSequenceHalfWidth, confidenceSequencePValue } from './confidenceSequence';
import { normalChanceToWin } from './normalChanceToWin';
import { describeValue } from '../fieldValues';

/** A pre-period metric x observed on the same units: sum x, sum x^2 and sum x*y (y: the metric compared). */
export interface CovariateMoments {
	sum: number;
	sumSquares: number;
	sumProducts: number;
}

/** A metric averaged per unit (revenue per customer): n units, sum and sum of squares of the values. */
export interface MeanMoments {
	n: number;
	sum: number;
	sumSquares: number;
	covariate?: CovariateMoments;
}

/** A binary metric (converted or not): n units, of which `conversions` converted. */
export interface ProportionMoments {
	n: number;
	conversions: number;
	covariate?: CovariateMoments;
}

export type MetricMoments = MeanMoments | ProportionMoments;

export type AnalysisMethod = 'fixedHorizon' | 'sequential';

export interface CompareMetricOptions {
	/** Two-sided significance level; default 0.05 (95% intervals). */
	alpha?: number;
	/** 'fixedHorizon' (default): Welch t. 'sequential': always-valid intervals and p-values for peeking. */
	method?: AnalysisMethod;
	/** Total units (both arms) at which the sequential interval is tightest; default 5000. */
	sequentialTuning?: number;
	/** Use the covariate (pre-period metric) for CUPED when both arms carry it; default true. */
	cuped?: boolean;
	/** Names used in error messages. */
	caller?: string;
	controlArm?: string;
	treatmentArm?: string;
	metric?: string;
}

export interface MetricEffect {
	controlUnits: number;
	treatmentUnits: number;
	controlMean: number;
	treatmentMean: number;
	/** Treatment minus control (CUPED-adjusted when cuped is true). */
	absoluteEffect: number;
	absoluteStandardError: number;
	absoluteCiLow: number;
	absoluteCiHigh: number;
	absolutePValue: number;
	/** (treatment - control) / control: the uplift. */
	relativeUplift: number;
	relativeStandardError: number;
	ciLow: number;
	ciHigh: number;
	pValue: number;
	significant: boolean;
	tStatistic: number;
	degreesOfFreedom: number;
	chanceToWin: number;
	riskControl: number;
	riskTreatment: number;
	credibleLow: number;
	credibleHigh: number;
	method: AnalysisMethod;
	alpha: number;
	cuped: boolean;
	cupedTheta: number;
	/** 1 - Var(adjusted D) / Var(unadjusted D); 0 without CUPED. */
	varianceReduction: number;
}

interface ArmMoments {
	n: number;
	mean: number;
	variance: number;
	covariate?: { mean: number; variance: number; covariance: number };
}

const { abs, max, sqrt } = Math;

function isProportion(moments: MetricMoments): moments is ProportionMoments {
	return (moments as ProportionMoments).conversions !== undefined;
}

function finiteNumber(value: unknown): value is number {
	return typeof value === 'number' && Number.isFinite(value);
}

/** Sum of squared deviations from sums, with roundoff below 1e-9 relative clamped to 0 and real inconsistency rejected. */
function centredSquares(sum: number, sumSquares: number, n: number, describe: () => string): number {
	const value = sumSquares - (sum * sum) / n;
	if (value >= 0) return value;
	if (value > -1e-9 * max(abs(sumSquares), 1)) return 0;
	throw new Error(`${describe()} has sumSquares ${sumSquares} below sum^2/n = ${(sum * sum) / n}, which no data can produce; check that sumSquares is the sum of squared values`);
}

function readArm(moments: MetricMoments, caller: string, arm: string, metric: string): ArmMoments {
	const where = `${caller} ${metric} in arm "${arm}"`;
	if (!moments || typeof moments !== 'object') throw new Error(`${caller} requires sufficient statistics for arm "${arm}"; got ${describeValue(moments)}`);
	const n = moments.n;
	if (!finiteNumber(n) || n < 0) throw new Error(`${where} requires a unit count n >= 0; got ${describeValue(n)}`);
	if (n < 2) {
		throw new Error(`${caller} requires at least 2 units in arm "${arm}" to estimate a variance; got ${n}. Check the arm name and wait for more data`);
	}
	let mean: number;
	let variance: number;
	let sumY: number;
	if (isProportion(moments)) {
		const conversions = moments.conversions;
		if (!finiteNumber(conversions) || conversions < 0 || conversions > n) {
			throw new Error(`${where} requires 0 <= conversions <= n (${n}); got ${describeValue(conversions)}`);
		}
		mean = conversions / n;
		variance = mean * (1 - mean);
		sumY = conversions;
	} else {
		const { sum, sumSquares } = moments;
		if (!finiteNumber(sum) || !finiteNumber(sumSquares)) {
			throw new Error(`${where} requires finite sum and sumSquares (or conversions for a proportion); got sum ${String(sum)}, sumSquares ${String(sumSquares)}`);
		}
		mean = sum / n;
		variance = centredSquares(sum, sumSquares, n, () => where) / (n - 1);
		sumY = sum;
	}
	const arm_: ArmMoments = { n, mean, variance };
	const covariate = moments.covariate;
	if (covariate !== undefined) {
		const { sum, sumSquares, sumProducts } = covariate;
		if (!finiteNumber(sum) || !finiteNumber(sumSquares) || !finiteNumber(sumProducts)) {
			throw new Error(`${where} requires finite pre-period sums (sum, sumSquares, sumProducts) for CUPED; got ${sum}, ${sumSquares}, ${sumProducts}`);
		}
		arm_.covariate = {
			mean: sum / n,
			variance: centredSquares(sum, sumSquares, n, () => `${where} (pre-period metric)`) / (n - 1),
			covariance: (sumProducts - (sum * sumY) / n) / (n - 1),
		};
	}
	return arm_;
}

function welchDegreesOfFreedom(a: ArmMoments, varianceA: number, b: ArmMoments, varianceB: number): number {
	const shareA = varianceA / a.n;
	const shareB = varianceB / b.n;
	return (shareA + shareB) ** 2 / ((shareB * shareB) / (b.n - 1) + (shareA * shareA) / (a.n - 1));
}

export function compareMetric(control: MetricMoments, treatment: MetricMoments, options: CompareMetricOptions = {}): MetricEffect {
	const caller = options.caller ?? 'compareMetric';
	const controlArm = options.controlArm ?? 'control';
	const treatmentArm = options.treatmentArm ?? 'treatment';
	const metric = options.metric ?? 'the metric';
	const alpha = options.alpha ?? 0.05;
	if (!(alpha > 0 && alpha < 1)) throw new Error(`${caller} requires alpha in (0, 1), e.g. 0.05 for 95% intervals; got ${alpha}`);
	const method = options.method ?? 'fixedHorizon';
	if (method !== 'fixedHorizon' && method !== 'sequential') throw new Error(`${caller} requires method "fixedHorizon" or "sequential"; got ${String(method)}`);
	const tuning = options.sequentialTuning ?? 5000;
	if (!(tuning > 0) || !Number.isFinite(tuning)) throw new Error(`${caller} requires sequentialTuning (expected total units) > 0; got ${tuning}`);

	const a = readArm(control, caller, controlArm, metric);
	const b = readArm(treatment, caller, treatmentArm, metric);
	if (isProportion(control) !== isProportion(treatment)) {
		throw new Error(`${caller} requires the same kind of statistics for ${metric} in both arms (conversions, or sum and sumSquares)`);
	}

	// CUPED: pooled within-arm regression slope of y on the pre-period metric x.
	let theta = 0;
	let cuped = false;
	if (options.cuped !== false && a.covariate && b.covariate) {
		const pooledVarianceX = a.covariate.variance * (a.n - 1) + b.covariate.variance * (b.n - 1);
		if (pooledVarianceX > 0) {
			theta = (a.covariate.covariance * (a.n - 1) + b.covariate.covariance * (b.n - 1)) / pooledVarianceX;
			cuped = true;
		}
	}
	const adjusted = (arm: ArmMoments): number =>
		cuped && arm.covariate ? max(0, arm.variance + theta * theta * arm.covariate.variance - 2 * theta * arm.covariate.covariance) : arm.variance;
	const varianceA = adjusted(a);
	const varianceB = adjusted(b);
	if (varianceA === 0 && varianceB === 0) {
		throw new Error(
			`${caller} found zero variance in ${metric} in both arms ("${controlArm}" and "${treatmentArm}"): every unit has the same value, so no interval can be computed. Check that the metric is mapped to the right field, or collect more data`,
		);
	}
	if (a.mean === 0) {
		throw new Error(
			`${caller} cannot compute the relative uplift of ${metric}: arm "${controlArm}" has a mean of 0 (the uplift divides by it). Wait until the control has conversions or revenue, or compare another metric`,
		);
	}

	const shiftA = cuped && a.covariate ? a.covariate.mean : 0;
	const shiftB = cuped && b.covariate ? b.covariate.mean : 0;
	const absoluteEffect = b.mean - a.mean - theta * (shiftB - shiftA);
	const absoluteVariance = varianceB / b.n + varianceA / a.n;
	const unadjustedVariance = b.variance / b.n + a.variance / a.n;

	const relativeUplift = absoluteEffect / a.mean;
	const gradientMean = -(b.mean - theta * shiftB + theta * shiftA) / (a.mean * a.mean);
	const gradientCovariate = theta / a.mean;
	let controlPart = gradientMean * gradientMean * a.variance;
	if (cuped && a.covariate) {
		controlPart += gradientCovariate * gradientCovariate * a.covariate.variance + 2 * gradientMean * gradientCovariate * a.covariate.covariance;
	}
	const relativeVariance = varianceB / (b.n * a.mean * a.mean) + max(0, controlPart) / a.n;
	if (!(relativeVariance > 0) || !(absoluteVariance > 0)) {
		throw new Error(`${caller} found zero variance of the ${metric} estimate between "${controlArm}" and "${treatmentArm}"; check the data for constant values`);
	}
	const relativeStandardError = sqrt(relativeVariance);
	const absoluteStandardError = sqrt(absoluteVariance);
	const degreesOfFreedom = welchDegreesOfFreedom(a, varianceA, b, varianceB);
	const tStatistic = relativeUplift / relativeStandardError;

	let halfWidth: (standardError: number) => number;
	let pValueOf: (estimate: number, standardError: number) => number;
	const totalUnits = a.n + b.n;
	if (method === 'sequential') {
		halfWidth = (standardError) => confidenceSequenceHalfWidth(standardError, totalUnits, alpha, tuning);
		pValueOf = (estimate, standardError) => confidenceSequencePValue(estimate, standardError, totalUnits, alpha, tuning);
	} else {
		const critical = studentTQuantile(1 - alpha / 2, degreesOfFreedom);
		halfWidth = (standardError) => critical * standardError;
		pValueOf = (estimate, standardError) => Math.min(1, 2 * studentTCdf(-abs(estimate / standardError), degreesOfFreedom));
	}
	const relativeHalfWidth = halfWidth(relativeStandardError);
	const absoluteHalfWidth = halfWidth(absoluteStandardError);
	const pValue = pValueOf(relativeUplift, relativeStandardError);
	const bayes = normalChanceToWin(relativeUplift, relativeStandardError);
	const credibleHalfWidth = normalQuantile(1 - alpha / 2) * relativeStandardError;

	return {
		controlUnits: a.n,
		treatmentUnits: b.n,
		controlMean: a.mean,
		treatmentMean: b.mean,
		absoluteEffect,
		absoluteStandardError,
		absoluteCiLow: absoluteEffect - absoluteHalfWidth,
		absoluteCiHigh: absoluteEffect + absoluteHalfWidth,
		absolutePValue: pValueOf(absoluteEffect, absoluteStandardError),
		relativeUplift,
		relativeStandardError,
		ciLow: relativeUplift - relativeHalfWidth,
		ciHigh: relativeUplift + relativeHalfWidth,
		pValue,
		significant: pValue < alpha,
		tStatistic,
		degreesOfFreedom,
		chanceToWin: bayes.chanceToWin,
		riskControl: bayes.riskControl,
		riskTreatment: bayes.riskTreatment,
		credibleLow: relativeUplift - credibleHalfWidth,
		credibleHigh: relativeUplift + credibleHalfWidth,
		method,
		alpha,
		cuped,
		cupedTheta: theta,
		varianceReduction: cuped ? max(0, 1 - absoluteVariance / unadjustedVariance) : 0,
	};
}
