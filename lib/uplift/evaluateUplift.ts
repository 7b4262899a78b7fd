/**
 * Evaluate uplift scores on a randomised campaign against random targeting: the Qini coefficient and normalised
 * AUUC (with bootstrap intervals when asked), uplift at several top-k shares, and the Qini curve sampled at
 * 101 points for charts, all with scikit-uplift's conventions.
 *
 *   qiniCoefficient = (area(model Qini) - area(random)) / (area(perfect Qini) - area(random))      (see qiniCurve)
 *   upliftAuc       = the same with uplift curves                                                (see upliftCurve)
 *   upliftAtK(k)    = response rate of treated - control among the top k                         (see upliftAtK)
 *   bootstrap: B resamples of the units with replacement (counts as weights on the fixed ranking);
 *              interval = the α/2 and 1 - α/2 quantiles of the B coefficients (percentile bootstrap)
 * Reference: Radcliffe (2007), Direct Marketing Analytics Journal 3:14-21; Devriendt, Guns & Verbeke (2020),
 * arXiv:2002.05897; scikit-uplift 0.5, https://www.uplift-modeling.com/en/latest/api/metrics/ ;
 * Efron & Tibshirani (1993), An Introduction to the Bootstrap, ch. 13 (percentile intervals).
 *
 * Cost: O(n log n) for n units, plus O(B n) for B bootstrap resamples.
 * @example evaluateUplift(rows, { bootstrap: { replicates: 200, random: seededRandom(1) } })
 *   // { qiniCoefficient: 0.21, qiniCiLow: 0.12, qiniCiHigh: 0.30, upliftAtK: [{ fraction: 0.1, uplift: 0.08, ... }], ... }
 */
import type { RandomSource } from '../stats/seededRandom';
import { normalisedArea, normalisedGain, perfectQiniScores, qiniValues } from './qiniCurve';
import type { UpliftCurvePoints } from './qiniCurve';
import { checkUpliftArrays, cumulativeCounts, rankByScore } from './rankByScore';
import { upliftAtK } from './upliftAtK';
import type { UpliftAtK, UpliftAtKStrategy } from './upliftAtK';
import { perfectUpliftScores, upliftValues } from './upliftCurve';
import { describeValue } from '../fieldValues';

export interface UpliftEvaluationRow {
	/** The predicted uplift (any score: only the ranking matters). */
	uplift: number;
	treated: boolean | number;
	converted: boolean | number;
}

export interface EvaluateUpliftOptions {
	/** Top shares for uplift@k; default [0.1, 0.2, 0.3, 0.5]. */
	fractions?: ReadonlyArray<number>;
	strategy?: UpliftAtKStrategy;
	/** Percentile-bootstrap intervals for the Qini coefficient and AUUC (e.g. { replicates: 200, random: seededRandom(1) }). */
	bootstrap?: { replicates: number; random: RandomSource };
	/** Interval level: 1 - alpha; default 0.05. */
	alpha?: number;
}

export interface QiniCurvePoint {
	/** Share of customers targeted, 0 to 1. */
	fraction: number;
	units: number;
	/** Incremental responders when targeting by the model. */
	model: number;
	/** ... by random targeting. */
	random: number;
	/** ... by a perfect ranking. */
	perfect: number;
}

export interface UpliftEvaluation {
	units: number;
	treatedUnits: number;
	controlUnits: number;
	/** Response rate of all treated minus all control: the campaign's average effect. */
	averageTreatmentEffect: number;
	qiniCoefficient: number;
	qiniCiLow: number | null;
	qiniCiHigh: number | null;
	upliftAuc: number;
	upliftAucCiLow: number | null;
	upliftAucCiHigh: number | null;
	upliftAtK: UpliftAtK[];
	qiniCurve: QiniCurvePoint[];
	bootstrapReplicates: number;
}

const CALLER = 'evaluateUplift';

function readFlag(value: unknown, row: number, field: string): number {
	if (value === true || value === 1) return 1;
	if (value === false || value === 0) return 0;
	throw new Error(`${CALLER} requires ${field} to be 0, 1, true or false; row ${row} has ${describeValue(value)}`);
}

/** Linear interpolation of a curve at x (x within the curve's range). */
function valueAt(curve: UpliftCurvePoints, x: number): number {
	const { units, values } = curve;
	let low = 0;
	let high = units.length - 1;
	while (high - low > 1) {
		const middle = (low + high) >> 1;
		if (units[middle] <= x) low = middle;
		else high = middle;
	}
	const width = units[high] - units[low];
	if (width <= 0) return values[high];
	return values[low] + ((values[high] - values[low]) * (x - units[low])) / width;
}

function quantile(sorted: ReadonlyArray<number>, p: number): number {
	const position = p * (sorted.length - 1);
	const low = Math.floor(position);
	const high = Math.min(sorted.length - 1, low + 1);
	return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

export function evaluateUplift(rows: ReadonlyArray<UpliftEvaluationRow>, options: EvaluateUpliftOptions = {}): UpliftEvaluation {
	if (!Array.isArray(rows) || rows.length === 0) throw new Error(`${CALLER} requires rows { uplift, treated, converted } from a randomised campaign; got none`);
	const alpha = options.alpha ?? 0.05;
	if (!(alpha > 0 && alpha < 1)) throw new Error(`${CALLER} requires alpha in (0, 1); got ${alpha}`);
	const fractions = options.fractions ?? [0.1, 0.2, 0.3, 0.5];
	const n = rows.length;
	const scores = new Float64Array(n);
	const treated = new Float64Array(n);
	const outcomes = new Float64Array(n);
	rows.forEach((row, i) => {
		if (!row || typeof row !== 'object') throw new Error(`${CALLER} requires each row to be an object; row ${i} is ${String(row)}`);
		if (typeof row.uplift !== 'number' || !Number.isFinite(row.uplift)) throw new Error(`${CALLER} requires a finite uplift score on every row; row ${i} has ${describeValue(row.uplift)}`);
		scores[i] = row.uplift;
		treated[i] = readFlag(row.treated, i, 'treated');
		outcomes[i] = readFlag(row.converted, i, 'converted');
	});
	checkUpliftArrays(CALLER, outcomes, scores, treated);

	const order = rankByScore(scores);
	const qiniPerfectScores = perfectQiniScores(outcomes, treated);
	const upliftPerfectScores = perfectUpliftScores(outcomes, treated);
	const qiniPerfectOrder = rankByScore(qiniPerfectScores);
	const upliftPerfectOrder = rankByScore(upliftPerfectScores);
	const curves = (weights?: ArrayLike<number>) => {
		const model = cumulativeCounts(order, scores, treated, outcomes, weights);
		const qiniPerfect = cumulativeCounts(qiniPerfectOrder, qiniPerfectScores, treated, outcomes, weights);
		const upliftPerfect = cumulativeCounts(upliftPerfectOrder, upliftPerfectScores, treated, outcomes, weights);
		return {
			qiniModel: { units: Array.from(model.units), values: qiniValues(model) },
			qiniPerfect: { units: Array.from(qiniPerfect.units), values: qiniValues(qiniPerfect) },
			upliftModel: { units: Array.from(model.units), values: upliftValues(model) },
			upliftPerfect: { units: Array.from(upliftPerfect.units), values: upliftValues(upliftPerfect) },
		};
	};
	const full = curves();
	const qiniCoefficient = normalisedArea(CALLER, full.qiniModel, full.qiniPerfect);
	const upliftAuc = normalisedArea(CALLER, full.upliftModel, full.upliftPerfect);

	let qiniCiLow: number | null = null;
	let qiniCiHigh: number | null = null;
	let upliftAucCiLow: number | null = null;
	let upliftAucCiHigh: number | null = null;
	let bootstrapReplicates = 0;
	if (options.bootstrap) {
		const { replicates, random } = options.bootstrap;
		if (!(Number.isInteger(replicates) && replicates >= 20)) throw new Error(`${CALLER} requires bootstrap.replicates to be a whole number >= 20; got ${replicates}`);
		if (typeof random !== 'function') throw new Error(`${CALLER} requires bootstrap.random, a seeded source such as seededRandom(1)`);
		const qinis: number[] = [];
		const aucs: number[] = [];
		const weights = new Float64Array(n);
		for (let b = 0; b < replicates; b++) {
			weights.fill(0);
			for (let draw = 0; draw < n; draw++) weights[Math.floor(random() * n)]++;
			const resampled = curves(weights);
			const qini = normalisedGain(resampled.qiniModel, resampled.qiniPerfect);
			const auc = normalisedGain(resampled.upliftModel, resampled.upliftPerfect);
			// A resample without responders to rank says nothing about the ranking; it is left out.
			if (qini !== null && auc !== null) {
				qinis.push(qini);
				aucs.push(auc);
			}
		}
		if (qinis.length < replicates / 2) throw new Error(`${CALLER} could not bootstrap: most resamples had no responders to rank; evaluate on more data`);
		qinis.sort((x, y) => x - y);
		aucs.sort((x, y) => x - y);
		qiniCiLow = quantile(qinis, alpha / 2);
		qiniCiHigh = quantile(qinis, 1 - alpha / 2);
		upliftAucCiLow = quantile(aucs, alpha / 2);
		upliftAucCiHigh = quantile(aucs, 1 - alpha / 2);
		bootstrapReplicates = qinis.length;
	}

	const atK = fractions.map((fraction) => upliftAtK(outcomes, scores, treated, fraction, options.strategy ?? 'overall', order));
	let treatedUnits = 0;
	let treatedResponders = 0;
	let controlResponders = 0;
	for (let i = 0; i < n; i++) {
		treatedUnits += treated[i];
		if (treated[i] === 1) treatedResponders += outcomes[i];
		else controlResponders += outcomes[i];
	}
	const controlUnits = n - treatedUnits;
	const finalQini = full.qiniModel.values[full.qiniModel.values.length - 1];
	const qiniCurve: QiniCurvePoint[] = [];
	for (let step = 0; step <= 100; step++) {
		const fraction = step / 100;
		const x = fraction * n;
		qiniCurve.push({ fraction, units: x, model: valueAt(full.qiniModel, x), random: fraction * finalQini, perfect: valueAt(full.qiniPerfect, x) });
	}
	return {
		units: n,
		treatedUnits,
		controlUnits,
		averageTreatmentEffect: treatedResponders / treatedUnits - controlResponders / controlUnits,
		qiniCoefficient,
		qiniCiLow,
		qiniCiHigh,
		upliftAuc,
		upliftAucCiLow,
		upliftAucCiHigh,
		upliftAtK: atK,
		qiniCurve,
		bootstrapReplicates,
	};
}
