/**
 * Score a customer with an uplift model: the predicted change in conversion probability if the customer is
 * treated (messaged), and for two-model uplift the two probabilities behind it.
 *
 *   twoModel:            uplift = p_T(x) - p_C(x)
 *   classTransformation: uplift = 2 P(z = 1 | x) - 1
 * Reference: as trainUpliftModel (Jaskowski & Jaroszewicz 2012; Gutierrez & Gérardy 2017).
 *
 * Cost: O(p) for p features.
 * @example scoreUplift(model, { recency: 12, frequency: 4 }) // { uplift: 0.042, treatedProbability: 0.131, controlProbability: 0.089 }
 */
import { predictLogisticRegression } from '../learn/logisticRegression';
import type { FeatureRow } from '../learn/logisticRegression';
import { readFeatureMatrix } from './trainUpliftModel';
import type { UpliftModel } from './trainUpliftModel';

export interface UpliftScore {
	uplift: number;
	/** P(convert | treated, x); null for class-transformation models. */
	treatedProbability: number | null;
	/** P(convert | not treated, x); null for class-transformation models. */
	controlProbability: number | null;
}

export function scoreUplift(model: UpliftModel, features: FeatureRow): UpliftScore {
	if (!model || model.kind !== 'upliftModel') throw new Error('scoreUplift requires a model from trainUpliftModel (kind "upliftModel")');
	// Features checked here (count, names, finite numbers) so that errors name scoreUplift and the model's features.
	const [values] = readFeatureMatrix([{ features }], model.featureNames, 'scoreUplift').matrix;
	if (model.method === 'twoModel' && model.treatmentModel && model.controlModel) {
		const treatedProbability = predictLogisticRegression(model.treatmentModel, values);
		const controlProbability = predictLogisticRegression(model.controlModel, values);
		return { uplift: treatedProbability - controlProbability, treatedProbability, controlProbability };
	}
	if (model.method === 'classTransformation' && model.transformedModel) {
		return { uplift: 2 * predictLogisticRegression(model.transformedModel, values) - 1, treatedProbability: null, controlProbability: null };
	}
	throw new Error(`scoreUplift requires a complete ${String(model.method)} model; parse stored models with parseUpliftModel first`);
}
