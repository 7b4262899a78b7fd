/**
 * L2-regularised logistic regression on numeric features: fit (Newton's method / IRLS on standardised
 * features), probabilities, and per-feature contributions for explanations. A general building block:
 * churn classification here, uplift models elsewhere.
 *
 *   z_ij = (x_ij - mean_j) / sd_j                      (population sd; constant features get coefficient 0)
 *   P(y=1 | x) = 1 / (1 + exp(-(b0 + sum_j b_j z_ij)))
 *   minimise  -sum_i w_i [y_i eta_i - ln(1 + exp(eta_i))] + (l2/2) sum_j b_j^2     (intercept b0 not penalised)
 *   Newton: (Z'WZ + l2 I) d = -gradient, W = diag(w_i p_i (1 - p_i)), with backtracking; stop after the step whose
 *   Newton decrement -gradient.d / 2 was <= tolerance * max(1, objective). Without a penalty, separation is detected
 *   (doubling the coefficients still lowers the loss) and reported as an error.
 *   contribution_j(x) = b_j z_j  (on the logit scale; they sum with b0 to the logit)
 * Deterministic. Separable classes without penalty (l2 = 0) make the coefficients diverge: that is an error.
 * Reference: Hastie, Tibshirani & Friedman (2009), The Elements of Statistical Learning, 2nd ed., section 4.4.1
 * (IRLS) and 3.4.1 (ridge on standardised inputs), https://hastie.su.domains/ElemStatLearn/
 *
 * Cost: O(k (n p^2 + p^3)) for n rows, p features and k Newton iterations (usually 5-10).
 * @example fitLogisticRegression(challengerTemperatures, challengerDamage, { l2: 0 }) // original-scale intercept 15.0429, slope -0.2322
 */
import { z } from 'zod';

import { choleskyDecomposition, solveWithCholesky } from '../optimize/choleskyDecomposition';

const finite = z.number().finite();

export const LogisticRegressionModelSchema = z
	.object({
		kind: z.literal('logisticRegression'),
		version: z.literal(1),
		featureNames: z.array(z.string().min(1)).min(1),
		means: z.array(finite),
		scales: z.array(finite.positive()),
		intercept: finite,
		/** Coefficients on the standardised features. */
		coefficients: z.array(finite),
		l2: finite.nonnegative(),
		logLikelihood: finite.nonpositive(),
		converged: z.literal(true),
		iterations: z.number().int().nonnegative(),
		trainingSize: z.number().int().positive(),
		positives: z.number().int().nonnegative(),
	})
	.strict()
	.refine(
		(model) => model.means.length === model.featureNames.length && model.scales.length === model.featureNames.length && model.coefficients.length === model.featureNames.length,
		'featureNames, means, scales and coefficients must have the same length',
	);

export type LogisticRegressionModel = z.infer<typeof LogisticRegressionModelSchema>;

export interface LogisticRegressionOptions {
	/** Ridge penalty on the standardised coefficients; default 1. */
	l2?: number;
	/** Default x1, x2, ... */
	featureNames?: ReadonlyArray<string>;
	/** Case weights (default 1 each). */
	weights?: ReadonlyArray<number>;
	maxIterations?: number;
	/** Relative tolerance on the Newton decrement; default 1e-10 (checked after the step, so the result is far closer). */
	tolerance?: number;
}

/** A feature row: numbers in featureNames order, or a record keyed by feature name. */
export type FeatureRow = ReadonlyArray<number> | Readonly<Record<string, number>>;

const { abs, exp, log1p, max, sqrt } = Math;

/** ln(1 + e^eta) without overflow. */
function softplus(eta: number): number {
	return eta > 0 ? eta + log1p(exp(-eta)) : log1p(exp(eta));
}

function sigmoid(eta: number): number {
	if (eta >= 0) return 1 / (1 + exp(-eta));
	const e = exp(eta);
	return e / (1 + e);
}

function readLabel(label: unknown, row: number): number {
	if (label === true || label === 1) return 1;
	if (label === false || label === 0) return 0;
	throw new Error(`fitLogisticRegression requires labels 0/1 or true/false; row ${row} has ${typeof label === 'number' ? String(label) : JSON.stringify(label)}`);
}

/**
 * Weighted mean and population sd of one feature computed on values divided by the largest magnitude, for
 * features whose plain sums overflow.
 */
function rescaledMoments(features: ReadonlyArray<ReadonlyArray<number>>, w: Float64Array, totalWeight: number, j: number): { mean: number; sd: number; largest: number } {
	let largest = 0;
	for (const row of features) largest = max(largest, abs(row[j]));
	if (largest === 0) return { mean: 0, sd: 0, largest };
	let mean = 0;
	for (let i = 0; i < features.length; i++) mean += (w[i] / totalWeight) * (features[i][j] / largest);
	let variance = 0;
	for (let i = 0; i < features.length; i++) variance += (w[i] / totalWeight) * (features[i][j] / largest - mean) ** 2;
	return { mean: mean * largest, sd: sqrt(variance) * largest, largest };
}

/**
 * Fits the model (see the file comment): standardises the features, Newton/IRLS with backtracking, L2 on the
 * standardised coefficients. Throws on separable classes without penalty or when Newton does not converge.
 * @example fitLogisticRegression(TEMPERATURE.map((t) => [t]), DAMAGE, { l2: 1 }) // { intercept: -0.99649, coefficients: [-1.12102], ... }
 */
export function fitLogisticRegression(
	features: ReadonlyArray<ReadonlyArray<number>>,
	labels: ReadonlyArray<number | boolean>,
	options: LogisticRegressionOptions = {},
): LogisticRegressionModel {
	const n = features.length;
	if (n === 0) throw new Error('fitLogisticRegression requires at least one row');
	if (labels.length !== n) throw new Error(`fitLogisticRegression requires one label per row; got ${n} rows and ${labels.length} labels`);
	const p = features[0]?.length ?? 0;
	if (p === 0) throw new Error('fitLogisticRegression requires at least one feature');
	const l2 = options.l2 ?? 1;
	if (!(l2 >= 0) || !Number.isFinite(l2)) throw new Error(`fitLogisticRegression requires l2 >= 0; got ${l2}`);
	const featureNames = options.featureNames ? [...options.featureNames] : Array.from({ length: p }, (_, j) => `x${j + 1}`);
	if (featureNames.length !== p) throw new Error(`fitLogisticRegression requires ${p} feature names; got ${featureNames.length}`);
	const weights = options.weights;
	if (weights && weights.length !== n) throw new Error(`fitLogisticRegression requires one weight per row; got ${weights.length}`);
	const maxIterations = options.maxIterations ?? 100;
	const tolerance = options.tolerance ?? 1e-10;

	const y = new Float64Array(n);
	const w = new Float64Array(n);
	let positives = 0;
	for (let i = 0; i < n; i++) {
		const row = features[i];
		if (!row || row.length !== p) throw new Error(`fitLogisticRegression requires ${p} features in every row; row ${i} has ${row?.length ?? 0}`);
		for (let j = 0; j < p; j++) {
			if (typeof row[j] !== 'number' || !Number.isFinite(row[j])) {
				throw new Error(`fitLogisticRegression requires finite numeric features; row ${i} has ${String(row[j])} for ${featureNames[j]}`);
			}
		}
		y[i] = readLabel(labels[i], i);
		w[i] = weights ? weights[i] : 1;
		if (!(w[i] >= 0) || !Number.isFinite(w[i])) throw new Error(`fitLogisticRegression requires finite weights >= 0; row ${i} has ${w[i]}`);
		positives += y[i];
	}
	if (positives === 0 || positives === n) throw new Error('fitLogisticRegression requires both classes (0 and 1) among the labels');

	// Standardise (weighted mean and population sd).
	let totalWeight = 0;
	for (let i = 0; i < n; i++) totalWeight += w[i];
	const means = new Array<number>(p).fill(0);
	const scales = new Array<number>(p).fill(0);
	for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) means[j] += (w[i] * features[i][j]) / totalWeight;
	for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) scales[j] += (w[i] * (features[i][j] - means[j]) ** 2) / totalWeight;
	// Features whose plain sums overflow (values near 1e154 square beyond the largest double): mean and sd again on rescaled values.
	const rescaled = new Set<number>();
	for (let j = 0; j < p; j++) {
		if (Number.isFinite(means[j]) && Number.isFinite(scales[j])) continue;
		const moments = rescaledMoments(features, w, totalWeight, j);
		if (!Number.isFinite(moments.mean) || !Number.isFinite(moments.sd)) {
			throw new Error(`fitLogisticRegression requires the values of ${featureNames[j]} to spread less than the largest number; got values up to ${moments.largest}`);
		}
		means[j] = moments.mean;
		scales[j] = moments.sd;
		rescaled.add(j);
	}
	const active: number[] = [];
	for (let j = 0; j < p; j++) {
		if (!rescaled.has(j)) scales[j] = sqrt(scales[j]);
		if (scales[j] > 1e-12 * max(1, abs(means[j]))) active.push(j);
		else scales[j] = 1;
	}
	const k = active.length + 1; // intercept first
	const design = new Float64Array(n * k);
	for (let i = 0; i < n; i++) {
		design[i * k] = 1;
		for (let c = 1; c < k; c++) {
			const j = active[c - 1];
			design[i * k + c] = (features[i][j] - means[j]) / scales[j];
			if (!Number.isFinite(design[i * k + c])) design[i * k + c] = features[i][j] / scales[j] - means[j] / scales[j];
		}
	}
	const beta = new Array<number>(k).fill(0);
	// Start the intercept at the weighted log-odds.
	let weightedPositives = 0;
	for (let i = 0; i < n; i++) weightedPositives += w[i] * y[i];
	beta[0] = Math.log(weightedPositives / (totalWeight - weightedPositives));

	const objectiveAt = (coefficients: ReadonlyArray<number>): number => {
		let value = 0;
		for (let i = 0; i < n; i++) {
			let eta = 0;
			for (let c = 0; c < k; c++) eta += design[i * k + c] * coefficients[c];
			value += w[i] * (softplus(eta) - y[i] * eta);
		}
		for (let c = 1; c < k; c++) value += 0.5 * l2 * coefficients[c] * coefficients[c];
		return value;
	};

	let objective = objectiveAt(beta);
	let iterations = 0;
	let converged = false;
	for (; iterations < maxIterations; iterations++) {
		const gradient = new Array<number>(k).fill(0);
		const hessian = Array.from({ length: k }, () => new Array<number>(k).fill(0));
		for (let i = 0; i < n; i++) {
			let eta = 0;
			for (let c = 0; c < k; c++) eta += design[i * k + c] * beta[c];
			const mu = sigmoid(eta);
			const residual = w[i] * (mu - y[i]);
			const curvature = w[i] * mu * (1 - mu);
			for (let c = 0; c < k; c++) {
				const zc = design[i * k + c];
				gradient[c] += residual * zc;
				for (let d = 0; d <= c; d++) hessian[c][d] += curvature * zc * design[i * k + d];
			}
		}
		for (let c = 0; c < k; c++) for (let d = c + 1; d < k; d++) hessian[c][d] = hessian[d][c];
		for (let c = 1; c < k; c++) {
			gradient[c] += l2 * beta[c];
			hessian[c][c] += l2;
		}
		const factor = choleskyDecomposition(hessian);
		if (!factor) break;
		const step = solveWithCholesky(factor, gradient.map((g) => -g));
		const decrement = -step.reduce((sum, s, c) => sum + s * gradient[c], 0);
		// Take the step, then test: the last Newton step squares the remaining error.
		let t = 1;
		let candidate = beta.map((b, c) => b + step[c]);
		let candidateObjective = objectiveAt(candidate);
		while (!(candidateObjective <= objective - 1e-4 * t * decrement) && t > 1e-10) {
			t /= 2;
			candidate = beta.map((b, c) => b + t * step[c]);
			candidateObjective = objectiveAt(candidate);
		}
		if (candidateObjective <= objective) {
			beta.splice(0, k, ...candidate);
			objective = candidateObjective;
		}
		if (decrement / 2 <= tolerance * max(1, objective)) {
			converged = true;
			iterations++;
			break;
		}
		if (!(candidateObjective <= objective)) break;
	}
	// Without a penalty, separable classes have no maximum: the loss keeps falling as the coefficients grow.
	const separable = l2 === 0 && converged && objectiveAt(beta.map((b) => 2 * b)) <= objective;
	if (!converged || separable || beta.some((b) => !Number.isFinite(b) || abs(b) > 1e4)) {
		throw new Error(
			l2 === 0
				? 'fitLogisticRegression did not converge: the classes are (nearly) separable by the features; use l2 > 0'
				: `fitLogisticRegression did not converge in ${iterations} Newton iterations`,
		);
	}
	const coefficients = new Array<number>(p).fill(0);
	active.forEach((j, c) => {
		coefficients[j] = beta[c + 1];
	});
	let penalty = 0;
	for (let c = 1; c < k; c++) penalty += 0.5 * l2 * beta[c] * beta[c];
	return {
		kind: 'logisticRegression',
		version: 1,
		featureNames,
		means,
		scales,
		intercept: beta[0],
		coefficients,
		l2,
		logLikelihood: Math.min(0, -(objective - penalty)),
		converged: true,
		iterations,
		trainingSize: n,
		positives,
	};
}

function readRow(model: LogisticRegressionModel, row: FeatureRow, caller: string): number[] {
	const values = Array.isArray(row)
		? (row as ReadonlyArray<number>)
		: model.featureNames.map((name) => (row as Readonly<Record<string, number>>)[name]);
	if (values.length !== model.featureNames.length) {
		throw new Error(`${caller} requires ${model.featureNames.length} features (${model.featureNames.join(', ')}); got ${values.length}`);
	}
	values.forEach((value, j) => {
		if (typeof value !== 'number' || !Number.isFinite(value)) {
			throw new Error(`${caller} requires a finite number for ${model.featureNames[j]}; got ${String(value)}`);
		}
	});
	return values as number[];
}

export interface LogisticExplanation {
	/** b0 + sum of the contributions. */
	logit: number;
	probability: number;
	intercept: number;
	/** One per feature, in featureNames order: coefficient x standardised value. */
	contributions: Array<{ feature: string; value: number; standardizedValue: number; contribution: number }>;
}

/**
 * Per-feature contributions to one row's logit (coefficient x standardised value), for "why" explanations.
 * @example explainLogisticRegression(challengerModel, { temperature: 31 }).contributions[0].contribution // 8.953 (logit 7.846)
 */
export function explainLogisticRegression(model: LogisticRegressionModel, row: FeatureRow): LogisticExplanation {
	const values = readRow(model, row, 'explainLogisticRegression');
	let logit = model.intercept;
	const contributions = values.map((value, j) => {
		const standardizedValue = (value - model.means[j]) / model.scales[j];
		const contribution = model.coefficients[j] * standardizedValue;
		logit += contribution;
		return { feature: model.featureNames[j], value, standardizedValue, contribution };
	});
	return { logit, probability: sigmoid(logit), intercept: model.intercept, contributions };
}

/**
 * Probability P(y = 1 | x) for one row.
 * @example predictLogisticRegression(challengerModel, [31]) // 0.99961 (Challenger fit, l2 = 0, at 31 F)
 */
export function predictLogisticRegression(model: LogisticRegressionModel, row: FeatureRow): number {
	const values = readRow(model, row, 'predictLogisticRegression');
	let logit = model.intercept;
	for (let j = 0; j < values.length; j++) logit += (model.coefficients[j] * (values[j] - model.means[j])) / model.scales[j];
	return sigmoid(logit);
}

/**
 * The coefficients on the original (unstandardised) feature scale: b_j / sd_j and b0 - sum_j b_j mean_j / sd_j.
 * @example logisticRegressionOriginalCoefficients(challengerModel) // { intercept: 15.0429, coefficients: [-0.2322] }
 */
export function logisticRegressionOriginalCoefficients(model: LogisticRegressionModel): { intercept: number; coefficients: number[] } {
	const coefficients = model.coefficients.map((b, j) => b / model.scales[j]);
	const intercept = model.intercept - coefficients.reduce((sum, c, j) => sum + c * model.means[j], 0);
	return { intercept, coefficients };
}

/**
 * Validates an unknown value as a logistic regression model (kind, version, lengths, finite numbers).
 * @example parseLogisticRegressionModel(JSON.parse(JSON.stringify(model))) // the same model
 */
export function parseLogisticRegressionModel(value: unknown): LogisticRegressionModel {
	const parsed = LogisticRegressionModelSchema.safeParse(value);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new Error(`parseLogisticRegressionModel rejected the model: ${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`);
	}
	return parsed.data;
}
