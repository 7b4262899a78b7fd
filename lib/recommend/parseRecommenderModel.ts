/**
 * Validates an unknown value (a model stored by an earlier workflow run, possibly edited by hand) as a
 * recommender model, rejecting foreign or tampered objects with a message that says what is wrong: another
 * kind or version, a missing or extra field, a product number outside the catalogue, broken offsets,
 * arrays of different lengths, non-finite scores, duplicate product ids.
 *
 *   kind = 'recommender', version = 1, then RecommenderModelSchema (structure and consistency), then the
 *   fingerprint: present, and equal to recommenderModelFingerprint of the rest (an edited model is refused)
 *
 * Reference: https://zod.dev (safeParse and issues).
 *
 * Cost: O(size of the model).
 * @example parseRecommenderModel({ ...model, version: 2 }) // throws "parseRecommenderModel requires version 1 of a recommender model; got 2 (rebuild the model with this version of the package)"
 */
import type { z } from 'zod';

import { recommenderModelFingerprint } from './recommenderModelFingerprint';
import { RECOMMENDER_MODEL_VERSION, RecommenderModelSchema } from './recommenderModelSchema';
import type { RecommenderModel } from './recommenderModelSchema';

function describeIssues(error: z.ZodError): string {
	return error.issues
		.slice(0, 5)
		.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
		.join('; ');
}

function checkFingerprint(model: RecommenderModel): void {
	if (model.fingerprint === undefined) {
		throw new Error('parseRecommenderModel refused the model: it has no fingerprint, so it cannot be told apart from an edited copy (rebuild it with Build Model and store the whole model item)');
	}
	if (recommenderModelFingerprint(model as unknown as Record<string, unknown>) !== model.fingerprint) {
		throw new Error('parseRecommenderModel refused the model: it was changed after it was built, its content does not match its fingerprint (use the model exactly as Build Model wrote it, or rebuild it)');
	}
}

export function parseRecommenderModel(value: unknown): RecommenderModel {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		throw new Error(`parseRecommenderModel requires a model object; got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`);
	}
	const { kind, version } = value as { kind?: unknown; version?: unknown };
	if (kind !== 'recommender') throw new Error(`parseRecommenderModel requires kind 'recommender'; got ${JSON.stringify(kind) ?? 'nothing'}`);
	if (version !== RECOMMENDER_MODEL_VERSION) {
		throw new Error(`parseRecommenderModel requires version ${RECOMMENDER_MODEL_VERSION} of a recommender model; got ${JSON.stringify(version) ?? 'no version'} (rebuild the model with this version of the package)`);
	}
	const parsed = RecommenderModelSchema.safeParse(value);
	if (!parsed.success) throw new Error(`parseRecommenderModel rejected the model: ${describeIssues(parsed.error)}`);
	checkFingerprint(parsed.data);
	return parsed.data;
}
