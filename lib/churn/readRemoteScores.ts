/**
 * Reads the answer of a user's own scoring endpoint into Score Churn's output fields, so a remote model gives
 * the same flat fields as the built-in ones.
 *
 *   request:  POST { horizon, horizonUnit, customers: [ profile, ... ] }
 *   response: { scores: [ { probabilityAlive?, churnProbability, expectedPurchases?, expectedSpend?, predictedClv?,
 *               churnReasons? }, ... ] }  one per customer, same order
 *   churnRisk from churnProbability with the same bands as the built-in models.
 * A malformed answer as a whole is an error of the run; a malformed score is an error of its item.
 *
 * Cost: O(n).
 * @example readRemoteScores({ scores: [{ churnProbability: 0.8 }] }, 1, { horizon: 13, horizonUnit: 'week' })[0]
 *   // { probabilityAlive: null, churnProbability: 0.8, churnRisk: 'high', ... }
 */
import { LifecycleInputError } from '../errors';
import type { ChurnProfileScore } from './scoreChurnProfiles';

/** Score Churn's output fields, where an endpoint may leave P(alive) and expected purchases out. */
export type RemoteScore = Omit<ChurnProfileScore, 'itemIndex' | 'probabilityAlive' | 'expectedPurchases' | 'churnContributions' | 'churnTopFactor'> & {
	probabilityAlive: number | null;
	expectedPurchases: number | null;
};

export interface RemoteScoreOptions {
	highRisk?: number;
	mediumRisk?: number;
	horizon: number;
	horizonUnit: string;
	/** Item index of the first customer of this request (when the customers go in batches); default 0. */
	firstItemIndex?: number;
}

const HINT = 'The endpoint must answer {"scores": [...]} with one object per customer, in the order sent';

function optionalNumber(score: Record<string, unknown>, field: string, itemIndex: number, probability: boolean): number | null {
	const value = score[field];
	if (value === undefined || value === null) return null;
	if (typeof value !== 'number' || !Number.isFinite(value) || (probability && (value < 0 || value > 1)) || value < 0) {
		throw new LifecycleInputError(`The scoring endpoint returned ${JSON.stringify(value)} as ${field} for item ${itemIndex}; expected ${probability ? 'a probability from 0 to 1' : 'a number >= 0'}`, {
			itemIndex,
			field,
			hint: HINT,
		});
	}
	return value;
}

export function readRemoteScores(response: unknown, customers: number, options: RemoteScoreOptions): Array<RemoteScore | LifecycleInputError> {
	const highRisk = options.highRisk ?? 0.7;
	const mediumRisk = options.mediumRisk ?? 0.4;
	const scores = (response as { scores?: unknown } | null)?.scores;
	if (!Array.isArray(scores)) {
		throw new LifecycleInputError(`The scoring endpoint answered without a "scores" list: ${JSON.stringify(response)?.slice(0, 200)}`, { field: 'scores', hint: HINT });
	}
	if (scores.length !== customers) {
		throw new LifecycleInputError(`The scoring endpoint returned ${scores.length} scores for ${customers} customers`, { field: 'scores', hint: HINT });
	}
	const horizon = `${options.horizon} ${options.horizonUnit}${options.horizon === 1 ? '' : 's'}`;
	const first = options.firstItemIndex ?? 0;
	return scores.map((entry: unknown, position) => {
		const itemIndex = first + position;
		try {
			if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
				throw new LifecycleInputError(`The scoring endpoint returned ${JSON.stringify(entry)} for item ${itemIndex}; expected an object`, { itemIndex, field: 'scores', hint: HINT });
			}
			const score = entry as Record<string, unknown>;
			const churnProbability = optionalNumber(score, 'churnProbability', itemIndex, true);
			if (churnProbability === null) {
				throw new LifecycleInputError(`The scoring endpoint returned no churnProbability for item ${itemIndex}`, { itemIndex, field: 'churnProbability', hint: HINT });
			}
			const probabilityAlive = optionalNumber(score, 'probabilityAlive', itemIndex, true);
			const reasons = typeof score.churnReasons === 'string' && score.churnReasons.trim() !== '' ? score.churnReasons : null;
			return {
				probabilityAlive,
				churnProbability,
				expectedPurchases: optionalNumber(score, 'expectedPurchases', itemIndex, false),
				expectedSpend: optionalNumber(score, 'expectedSpend', itemIndex, false),
				predictedClv: optionalNumber(score, 'predictedClv', itemIndex, false),
				churnRisk: churnProbability >= highRisk ? 'high' : churnProbability >= mediumRisk ? 'medium' : 'low',
				churnReasons: reasons ?? `remote model: P(no purchase in ${horizon}) ${churnProbability}${probabilityAlive === null ? '' : `; P(alive) ${probabilityAlive}`}`,
				lowConfidence: score.lowConfidence === true,
				churnHorizon: horizon,
				churnModel: 'remote',
			};
		} catch (error) {
			if (error instanceof LifecycleInputError) return error;
			return new LifecycleInputError(String(error), { itemIndex });
		}
	});
}
