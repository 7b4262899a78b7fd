/**
 * Supervised churn: when the CRM already says who churned (a label per customer, e.g. `churned: true`), a
 * regularised logistic regression on the profile's purchase summary and any extra numeric fields gives
 * P(label = churned) for every customer, with each feature's contribution for the explanation.
 *
 *   features  = frequency (repeat purchase days), periodsSinceLastPurchase = T - recency, T (customer age),
 *               monetaryValue (0 when unknown), then the extra feature fields in the order given
 *   P(churned | features) = 1 / (1 + exp(-(b0 + sum_j b_j z_j))),  z_j = (feature_j - mean_j) / sd_j  (see
 *               fitLogisticRegression: L2 on the standardised coefficients, Newton/IRLS)
 *   contribution_j = b_j z_j on the log-odds scale: what feature j adds for this customer compared with an average
 *               customer of the training data (they sum with b0 to the logit)
 *   labels    = true/false, 1/0 or the texts true, false, yes, no, 1, 0 (any case); empty means unlabelled
 *               (scored, not trained on)
 * Reference: Hastie, Tibshirani & Friedman (2009), The Elements of Statistical Learning, 2nd ed., 4.4,
 * https://hastie.su.domains/ElemStatLearn/ ; Lundberg & Lee (2017) on additive attributions (for a linear logit,
 * b_j (x_j - mean_j) is the exact Shapley value), https://arxiv.org/abs/1705.07874
 *
 * Cost: fit O(k (n p^2 + p^3)) for n labelled customers and p features; scoring O(p) per customer.
 * @example explainSupervisedChurn(model, [0, 30, 52, 0]).probability // e.g. 0.93 for a one-time buyer gone 30 weeks
 */
import { z } from 'zod';

import { LifecycleInputError } from '../errors';
import { ownField } from '../fieldValues';
import { roundTo } from '../stats/roundTo';
import {
	explainLogisticRegression,
	fitLogisticRegression,
	LogisticRegressionModelSchema,
} from '../learn/logisticRegression';
import { ChurnPeriodUnitSchema } from './churnModelSchemas';
import type { BtydCustomer } from './readBtydCustomers';
import { describeValue } from './describeValue';

export const SUPERVISED_CHURN_BASE_FEATURES = [
	'frequency',
	'periodsSinceLastPurchase',
	'T',
	'monetaryValue',
] as const;

export const SupervisedChurnModelSchema = z
	.object({
		kind: z.literal('supervisedChurn'),
		version: z.literal(1),
		/** The field the labels came from, named in the explanations. */
		labelField: z.string().min(1),
		/** Extra numeric fields read from each profile, after the base features. */
		featureFields: z.array(z.string().min(1)),
		periodUnit: ChurnPeriodUnitSchema,
		classifier: LogisticRegressionModelSchema,
	})
	.strict()
	.refine(
		(model) =>
			JSON.stringify(model.classifier.featureNames) ===
			JSON.stringify([...SUPERVISED_CHURN_BASE_FEATURES, ...model.featureFields]),
		'classifier.featureNames must be the base features followed by featureFields',
	);

export type SupervisedChurnModel = z.infer<typeof SupervisedChurnModelSchema>;

export interface SupervisedChurnExplanation {
	/** P(label = churned). */
	probability: number;
	/** Per feature, in the model's order: the value and its contribution to the log-odds. */
	contributions: Array<{ feature: string; value: number; contribution: number }>;
	/** The feature that raises the churn odds most for this customer; null when none raises them. */
	topFactor: string | null;
	/** The three largest contributions in words: "no purchase for 21 weeks +1.32, 3 repeat purchase days -0.41". */
	drivers: string;
}

const LABELS = new Map<string, 0 | 1>([
	['true', 1],
	['yes', 1],
	['1', 1],
	['false', 0],
	['no', 0],
	['0', 0],
]);

/**
 * One customer's label: 1 (churned), 0 (stayed) or null (unlabelled); anything else is an error naming the item.
 * @example readChurnLabel('Yes', 'churned', 4) // 1
 */
export function readChurnLabel(
	value: unknown,
	labelField: string,
	itemIndex: number,
): 0 | 1 | null {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))
		return null;
	if (value === true || value === 1) return 1;
	if (value === false || value === 0) return 0;
	const label = typeof value === 'string' ? LABELS.get(value.trim().toLowerCase()) : undefined;
	if (label !== undefined) return label;
	throw new LifecycleInputError(
		`Item ${itemIndex} has ${describeValue(value)} in ${labelField}; a churn label must be true/false, 1/0, yes/no or empty (unlabelled)`,
		{
			itemIndex,
			field: labelField,
			hint: 'Map the CRM field to true for customers who churned and false for those who stayed; leave it empty for customers to score only',
		},
	);
}

function readFeature(
	profile: Readonly<Record<string, unknown>>,
	field: string,
	itemIndex: number,
): number {
	const value = ownField(profile, field);
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (typeof value === 'boolean') return value ? 1 : 0;
	if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
		return Number(value);
	throw new LifecycleInputError(
		`Item ${itemIndex} has ${JSON.stringify(value) ?? 'nothing'} in ${field}; a feature field must hold a number (or true/false)`,
		{
			itemIndex,
			field,
			hint: `Give every customer a number in ${field}, or remove it from Feature Fields`,
		},
	);
}

/**
 * The feature row of one customer: the base features from its checked purchase summary, then the extra fields.
 * @example supervisedChurnFeatures({ frequency: 2, recency: 30, T: 38, monetaryValue: 22 }, { emailOpened: 3 }, ['emailOpened'], 0) // [2, 8, 38, 22, 3]
 */
export function supervisedChurnFeatures(
	row: BtydCustomer,
	profile: Readonly<Record<string, unknown>>,
	featureFields: ReadonlyArray<string>,
	itemIndex: number,
): number[] {
	const spend =
		typeof row.monetaryValue === 'number' && Number.isFinite(row.monetaryValue)
			? row.monetaryValue
			: 0;
	return [
		row.frequency,
		Math.max(0, row.T - row.recency),
		row.T,
		spend,
		...featureFields.map((field) => readFeature(profile, field, itemIndex)),
	];
}

/** The extra fields of Feature Fields without blanks, repeats and base features. */
export function cleanFeatureFields(fields: ReadonlyArray<string>): string[] {
	const seen = new Set<string>(SUPERVISED_CHURN_BASE_FEATURES);
	const kept: string[] = [];
	for (const raw of fields) {
		const field = raw.trim();
		if (field === '' || seen.has(field)) continue;
		seen.add(field);
		kept.push(field);
	}
	return kept;
}

export interface FitSupervisedChurnOptions {
	labelField: string;
	featureFields: ReadonlyArray<string>;
	periodUnit: 'day' | 'week';
	/** Ridge penalty on the standardised coefficients (default 1). */
	l2?: number;
}

/**
 * Fits the supervised model on labelled customers' feature rows (from supervisedChurnFeatures).
 * @example fitSupervisedChurn(rows, labels, { labelField: 'churned', featureFields: [], periodUnit: 'week' }).classifier.coefficients
 */
export function fitSupervisedChurn(
	features: ReadonlyArray<ReadonlyArray<number>>,
	labels: ReadonlyArray<0 | 1>,
	options: FitSupervisedChurnOptions,
): SupervisedChurnModel {
	const featureFields = [...options.featureFields];
	let classifier;
	let failure: unknown;
	try {
		classifier = fitLogisticRegression(features, labels, {
			l2: options.l2 ?? 1,
			featureNames: [...SUPERVISED_CHURN_BASE_FEATURES, ...featureFields],
		});
	} catch (error) {
		failure = error;
	}
	if (!classifier) {
		throw new LifecycleInputError(
			`The churn label model on ${options.labelField} did not fit: ${failure instanceof Error ? failure.message : String(failure)}`,
			{
				field: options.labelField,
				hint: 'Label more customers of both kinds, or raise the regularisation',
			},
		);
	}
	return {
		kind: 'supervisedChurn',
		version: 1,
		labelField: options.labelField,
		featureFields,
		periodUnit: options.periodUnit,
		classifier,
	};
}

function describe(feature: string, value: number, unit: string): string {
	const shown = roundTo(value, 1);
	const units = (name: string) => `${shown} ${name}${shown === 1 ? '' : 's'}`;
	if (feature === 'frequency') return units('repeat purchase day');
	if (feature === 'periodsSinceLastPurchase') return `no purchase for ${units(unit)}`;
	if (feature === 'T') return `customer for ${units(unit)}`;
	if (feature === 'monetaryValue') return `average repeat purchase ${roundTo(value, 2)}`;
	return `${feature} ${roundTo(value, 4)}`;
}

/**
 * P(churned) for one feature row, the contributions and the three largest in words (unit: the period unit).
 * @example explainSupervisedChurn(model, [0, 30, 52, 0]).drivers // "no purchase for 30 weeks +1.21, 0 repeat purchase days +0.64, ..."
 */
export function explainSupervisedChurn(
	model: SupervisedChurnModel,
	features: ReadonlyArray<number>,
): SupervisedChurnExplanation {
	const explanation = explainLogisticRegression(model.classifier, features);
	const contributions = explanation.contributions.map(({ feature, value, contribution }) => ({
		feature,
		value,
		contribution,
	}));
	let topFactor: string | null = null;
	let top = 0;
	for (const { feature, contribution } of contributions) {
		if (contribution > top) {
			top = contribution;
			topFactor = feature;
		}
	}
	const drivers = [...contributions]
		.sort(
			(x, y) =>
				Math.abs(y.contribution) - Math.abs(x.contribution) || x.feature.localeCompare(y.feature),
		)
		.slice(0, 3)
		.map(({ feature, value, contribution }) => {
			const shown = roundTo(contribution, 2);
			return `${describe(feature, value, model.periodUnit)} ${shown >= 0 ? '+' : ''}${shown}`;
		})
		.join(', ');
	return { probability: explanation.probability, contributions, topFactor, drivers };
}
