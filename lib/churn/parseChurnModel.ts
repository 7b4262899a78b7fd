/**
 * Validates an unknown value (e.g. a model stored by an earlier workflow run) as a churn model, rejecting
 * tampered or foreign objects with a message that says what is wrong: unknown kind, another version, a
 * negative or missing parameter, a non-converged fit, unknown fields.
 *
 *   kind in { bgnbd, paretonbd, gammagamma, sbg, logisticRegression }, version = 1, then the kind's zod schema
 *
 * Reference: https://zod.dev (safeParse and issues).
 *
 * Cost: O(size of the model).
 * @example parseChurnModel({ ...model, r: -1 }) // throws "parseChurnModel rejected the 'bgnbd' model: r: Number must be greater than 0"
 */
import type { z } from 'zod';

import type { LogisticRegressionModel } from '../learn/logisticRegression';
import { CHURN_MODEL_SCHEMAS, CHURN_MODEL_VERSION } from './churnModelSchemas';
import type { BgNbdModel, ChurnModelKind, GammaGammaModel, ParetoNbdModel, ShiftedBetaGeometricModel } from './churnModelSchemas';

export type ChurnModel = BgNbdModel | ParetoNbdModel | GammaGammaModel | ShiftedBetaGeometricModel | LogisticRegressionModel;

function describeIssues(error: z.ZodError): string {
	return error.issues
		.slice(0, 5)
		.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
		.join('; ');
}

export function parseChurnModel(value: unknown, expectedKinds?: ReadonlyArray<ChurnModelKind>): ChurnModel {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		throw new Error(`parseChurnModel requires a model object; got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`);
	}
	const { kind, version } = value as { kind?: unknown; version?: unknown };
	const kinds = Object.keys(CHURN_MODEL_SCHEMAS) as ChurnModelKind[];
	if (typeof kind !== 'string' || !kinds.includes(kind as ChurnModelKind)) {
		throw new Error(`parseChurnModel requires kind ${kinds.map((k) => `'${k}'`).join(', ')}; got ${JSON.stringify(kind) ?? 'nothing'}`);
	}
	if (expectedKinds && !expectedKinds.includes(kind as ChurnModelKind)) {
		throw new Error(`parseChurnModel requires a ${expectedKinds.map((k) => `'${k}'`).join(' or ')} model here; got a '${kind}' model`);
	}
	if (version !== CHURN_MODEL_VERSION) {
		throw new Error(`parseChurnModel requires version ${CHURN_MODEL_VERSION} of a '${kind}' model; got ${JSON.stringify(version) ?? 'no version'} (refit the model with this version of the package)`);
	}
	const parsed = CHURN_MODEL_SCHEMAS[kind as ChurnModelKind].safeParse(value);
	if (!parsed.success) throw new Error(`parseChurnModel rejected the '${kind}' model: ${describeIssues(parsed.error)}`);
	return parsed.data as ChurnModel;
}
