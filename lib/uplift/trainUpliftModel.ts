/**
 * Uplift model: from a randomised past campaign (customer features, treated or not, converted or not), a model of
 * each customer's treatment effect, P(convert | treated, x) - P(convert | not treated, x), to target the next
 * campaign at the customers it changes most (and spare those it would annoy or who buy anyway).
 *
 *   'twoModel' (default): two regularised logistic regressions, one on the treated, one on the control;
 *       uplift(x) = p_T(x) - p_C(x)
 *   'classTransformation': one logistic regression on z = y t + (1 - y)(1 - t), with case weights 1/(2 π) for the
 *       treated and 1/(2 (1 - π)) for the control (π: treated share) so the groups count equally;
 *       uplift(x) = 2 P(z = 1 | x) - 1
 * The learner is lib/learn's fitLogisticRegression (L2 penalty on standardised features, default l2 = 1).
 * Reference: Jaskowski & Jaroszewicz (2012), "Uplift modeling for clinical trial data", ICML workshop on clinical
 * data analysis (class transformation), https://people.cs.pitt.edu/~milos/icml_clinicaldata_2012/Papers/Oral_Jaroszewicz_ICML_Clinical_2012.pdf ;
 * Gutierrez & Gérardy (2017), "Causal inference and uplift modelling: a review of the literature", PMLR 67:1-13,
 * https://proceedings.mlr.press/v67/gutierrez17a.html ; scikit-uplift's TwoModels and ClassTransformation.
 *
 * Cost: O(k n p^2) for n customers, p features, k Newton iterations (usually < 10) per logistic fit.
 * @example trainUpliftModel(pastCampaign, { featureNames: ['recency', 'frequency'] })
 *   // { kind: 'upliftModel', method: 'twoModel', treatmentModel: {...}, controlModel: {...}, ..., fingerprint: 'sha256:...' }
 * The model carries a fingerprint (SHA-256 of its canonical JSON, as churn models: lib/churn/churnModelFingerprint);
 * parseUpliftModel refuses a stored model whose content no longer matches it, or that has none.
 */
import { z } from 'zod';

import { fitLogisticRegression, LogisticRegressionModelSchema } from '../learn/logisticRegression';
import type { FeatureRow } from '../learn/logisticRegression';
import { churnModelFingerprint } from '../churn/churnModelFingerprint';
import { describeValue } from '../fieldValues';

export type UpliftMethod = 'twoModel' | 'classTransformation';

/** One customer of a randomised past campaign. */
export interface UpliftTrainingRow {
	/** Numbers in featureNames order, or a record keyed by feature name. */
	features: FeatureRow;
	treated: boolean | number;
	converted: boolean | number;
}

export interface TrainUpliftModelOptions {
	method?: UpliftMethod;
	/** Required when features are records unless the first row's keys will do; default x1, x2, ... for arrays. */
	featureNames?: ReadonlyArray<string>;
	/** Ridge penalty of the logistic regressions; default 1. */
	l2?: number;
}

export const UpliftModelSchema = z
	.object({
		kind: z.literal('upliftModel'),
		version: z.literal(1),
		method: z.enum(['twoModel', 'classTransformation']),
		featureNames: z.array(z.string().min(1)).min(1),
		treatedShare: z.number().gt(0).lt(1),
		trainingSize: z.number().int().positive(),
		treatedUnits: z.number().int().positive(),
		controlUnits: z.number().int().positive(),
		treatmentModel: LogisticRegressionModelSchema.nullable(),
		controlModel: LogisticRegressionModelSchema.nullable(),
		transformedModel: LogisticRegressionModelSchema.nullable(),
		/** churnModelFingerprint of every other field: an edited, cut or mixed model is refused. */
		fingerprint: z.string().regex(/^sha256:[0-9a-f]{64}$/, 'must be the fingerprint written by trainUpliftModel'),
	})
	.strict()
	.refine(
		(model) => (model.method === 'twoModel' ? model.treatmentModel !== null && model.controlModel !== null : model.transformedModel !== null),
		'a twoModel model needs treatmentModel and controlModel; a classTransformation model needs transformedModel',
	);

export type UpliftModel = z.infer<typeof UpliftModelSchema>;

const CALLER = 'trainUpliftModel';

function readFlag(value: unknown, row: number, field: string): number {
	if (value === true || value === 1) return 1;
	if (value === false || value === 0) return 0;
	throw new Error(`${CALLER} requires ${field} to be 0, 1, true or false; row ${row} has ${describeValue(value)}`);
}

/**
 * Feature rows as number arrays in featureNames order (records are looked up by name), each value checked finite.
 * Cost: O(n p). @example readFeatureMatrix([{ features: { a: 1, b: 2 } }], ['b', 'a'], 'scoreUplift') // { names: ['b', 'a'], matrix: [[2, 1]] }
 */
export function readFeatureMatrix(rows: ReadonlyArray<{ features: FeatureRow }>, featureNames: ReadonlyArray<string> | undefined, caller: string): { names: string[]; matrix: number[][] } {
	const first = rows[0]?.features;
	if (!first || typeof first !== 'object') throw new Error(`${caller} requires features on every row (an array of numbers or a record of numbers); row 0 has ${describeValue(first)}`);
	const names = featureNames
		? [...featureNames]
		: Array.isArray(first)
			? first.map((_, j) => `x${j + 1}`)
			: Object.keys(first);
	if (names.length === 0) throw new Error(`${caller} requires at least one feature`);
	const matrix = rows.map((row, i) => {
		const features = row?.features;
		if (!features || typeof features !== 'object') throw new Error(`${caller} requires features on every row; row ${i} has ${describeValue(features)}`);
		const values = Array.isArray(features) ? [...(features as ReadonlyArray<number>)] : names.map((name) => (features as Readonly<Record<string, number>>)[name]);
		if (values.length !== names.length) throw new Error(`${caller} requires ${names.length} features (${names.join(', ')}); row ${i} has ${values.length}`);
		values.forEach((value, j) => {
			if (typeof value !== 'number' || !Number.isFinite(value)) {
				throw new Error(`${caller} requires a finite number for feature "${names[j]}"; row ${i} has ${describeValue(value)}`);
			}
		});
		return values;
	});
	return { names, matrix };
}

/** The model with its fingerprint over every other field. */
function sealUpliftModel(content: Omit<UpliftModel, 'fingerprint'>): UpliftModel {
	return { ...content, fingerprint: churnModelFingerprint(content) };
}

export function trainUpliftModel(rows: ReadonlyArray<UpliftTrainingRow>, options: TrainUpliftModelOptions = {}): UpliftModel {
	if (!Array.isArray(rows) || rows.length === 0) throw new Error(`${CALLER} requires rows of a randomised past campaign ({ features, treated, converted }); got none`);
	const method = options.method ?? 'twoModel';
	if (method !== 'twoModel' && method !== 'classTransformation') throw new Error(`${CALLER} requires method "twoModel" or "classTransformation"; got ${String(method)}`);
	const l2 = options.l2 ?? 1;
	const { names, matrix } = readFeatureMatrix(rows, options.featureNames, CALLER);
	const treated = rows.map((row, i) => readFlag(row.treated, i, 'treated'));
	const converted = rows.map((row, i) => readFlag(row.converted, i, 'converted'));
	const treatedUnits = treated.reduce((sum, t) => sum + t, 0);
	const controlUnits = rows.length - treatedUnits;
	if (treatedUnits < 10 || controlUnits < 10) {
		throw new Error(`${CALLER} requires at least 10 treated and 10 control customers; got ${treatedUnits} treated and ${controlUnits} control. Train on a campaign with a holdout`);
	}
	for (const [group, flag] of [
		['treated', 1],
		['control', 0],
	] as const) {
		const responders = converted.filter((y, i) => treated[i] === flag && y === 1).length;
		const size = flag === 1 ? treatedUnits : controlUnits;
		if (responders === 0 || responders === size) {
			throw new Error(`${CALLER} requires both converters and non-converters among the ${group} customers; got ${responders} of ${size}. Use a longer conversion window or more data`);
		}
	}
	const treatedShare = treatedUnits / rows.length;
	const base = { kind: 'upliftModel' as const, version: 1 as const, method, featureNames: names, treatedShare, trainingSize: rows.length, treatedUnits, controlUnits };
	if (method === 'twoModel') {
		const pick = (flag: number) => matrix.filter((_, i) => treated[i] === flag);
		const labels = (flag: number) => converted.filter((_, i) => treated[i] === flag);
		// Errors of the learner (e.g. no convergence without a penalty) pass through with fitLogisticRegression's message.
		const treatmentModel = fitLogisticRegression(pick(1), labels(1), { l2, featureNames: names });
		const controlModel = fitLogisticRegression(pick(0), labels(0), { l2, featureNames: names });
		return sealUpliftModel({ ...base, treatmentModel, controlModel, transformedModel: null });
	}
	const transformed = converted.map((y, i) => (y === treated[i] ? 1 : 0));
	const weights = treated.map((t) => (t === 1 ? 0.5 / treatedShare : 0.5 / (1 - treatedShare)));
	const transformedModel = fitLogisticRegression(matrix, transformed, { l2, featureNames: names, weights });
	return sealUpliftModel({ ...base, treatmentModel: null, controlModel: null, transformedModel });
}

/**
 * Validates an unknown value (e.g. a model stored as JSON) as an uplift model.
 * Cost: O(features). @example parseUpliftModel(JSON.parse(JSON.stringify(model))) // the same model
 */
export function parseUpliftModel(value: unknown): UpliftModel {
	const parsed = UpliftModelSchema.safeParse(value);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new Error(`parseUpliftModel rejected the model: ${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}. Pass the output of trainUpliftModel unchanged`);
	}
	const { fingerprint, ...content } = parsed.data;
	if (churnModelFingerprint(content) !== fingerprint) {
		throw new Error('parseUpliftModel rejected the model: its content does not match its fingerprint, so it was changed after training. Pass the output of trainUpliftModel unchanged, or train again');
	}
	return parsed.data;
}
