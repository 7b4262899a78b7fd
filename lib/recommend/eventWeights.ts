/**
 * Event weights: how much one interaction of each type says about a customer's interest, a purchase
 * counting fully and weaker signals less (purchase > cart > view). Types are lower-cased and trimmed;
 * a type without a weight is skipped and counted by the reader, never guessed.
 *
 *   strength(event) = eventWeight[type] * weight(event)          (weight defaults to 1)
 *
 * Reference: Hu, Koren & Volinsky (2008), "Collaborative Filtering for Implicit Feedback Datasets"
 * (confidence grows with the kind and amount of implicit feedback), http://yifanhu.net/PUB/cf.pdf
 *
 * Cost: O(number of types).
 * @example resolveEventWeights({ view: 0.1 }).get('view') // 0.1 (purchase 1 and cart 0.5 kept)
 */
export const DEFAULT_EVENT_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
	['purchase', 1],
	['cart', 0.5],
	['view', 0.2],
];

/** The type of an interaction that carries no type. */
export const DEFAULT_EVENT_TYPE = 'purchase';

export function normaliseEventType(type: string): string {
	return type.trim().toLowerCase();
}

export function resolveEventWeights(weights?: Readonly<Record<string, number>> | ReadonlyArray<readonly [string, number]>): Map<string, number> {
	const resolved = new Map<string, number>(DEFAULT_EVENT_WEIGHTS);
	if (weights === undefined) return resolved;
	if (weights === null || typeof weights !== 'object') throw new Error('resolveEventWeights requires an object of type -> weight');
	const entries: Array<readonly [string, unknown]> = Array.isArray(weights) ? (weights as Array<readonly [string, unknown]>) : Object.entries(weights);
	for (const [rawType, weight] of entries) {
		if (typeof rawType !== 'string' || normaliseEventType(rawType) === '') throw new Error('resolveEventWeights requires non-empty event type names');
		if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
			throw new Error(`resolveEventWeights requires a finite weight >= 0 for event type '${rawType}'; got ${String(weight)}`);
		}
		resolved.set(normaliseEventType(rawType), weight);
	}
	return resolved;
}
