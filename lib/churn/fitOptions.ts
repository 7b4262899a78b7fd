/**
 * Options shared by the maximum-likelihood fits of the churn models, and their check.
 *
 *   periodUnit: the unit of recency and T ('day' | 'week'); stored in the model so that it cannot be applied
 *   to data in another unit. trainingWindow: ISO start and end of the calibration data (optional, stored).
 *   weights: a count per input row (e.g. rows that are already unique triples). maxIterations, gradientTolerance:
 *   of the optimiser (see maximizeLogLikelihood).
 * Reference: Fader, Hardie & Lee (2005), Marketing Science 24(2), section 3 (calibration period).
 *
 * Cost: O(n) for n weights.
 * @example readFitWeights([1, 2], 2, 'fitBgNbd') // Float64Array [1, 2]
 */
import { LifecycleInputError } from '../errors';
import { TrainingWindowSchema } from './churnModelSchemas';
import { describeValue } from './describeValue';

export interface ChurnFitOptions {
	/** Unit of recency and T; required unless every customer row carries periodUnit. */
	periodUnit?: 'day' | 'week';
	trainingWindow?: { start: string; end: string };
	/** Number of customers each row stands for (default 1). */
	weights?: ReadonlyArray<number>;
	maxIterations?: number;
	gradientTolerance?: number;
}

/**
 * Checks per-customer weights (whole numbers >= 0, one per customer) and copies them into a typed array.
 * @example readFitWeights([1, 2], 2, 'fitBgNbd') // Float64Array [1, 2]
 */
export function readFitWeights(weights: ReadonlyArray<number> | undefined, size: number, caller: string): Float64Array | undefined {
	if (weights === undefined) return undefined;
	if (!Array.isArray(weights) || weights.length !== size) {
		throw new LifecycleInputError(`${caller} requires one weight per customer; got ${Array.isArray(weights) ? weights.length : typeof weights} for ${size} customers`, { field: 'weights' });
	}
	const result = new Float64Array(size);
	for (let i = 0; i < size; i++) {
		const weight = weights[i];
		if (typeof weight !== 'number' || !Number.isInteger(weight) || weight < 0) {
			throw new LifecycleInputError(`${caller} requires whole-number weights >= 0; weight ${i} is ${describeValue(weight)}`, { itemIndex: i, field: 'weights' });
		}
		result[i] = weight;
	}
	return result;
}

/**
 * Checks the optional training window ({ start, end } ISO dates, start <= end) and returns a plain copy.
 * @example readTrainingWindow({ start: '1997-01-01', end: '1997-09-30' }, 'fitBgNbd') // { start: '1997-01-01', end: '1997-09-30' }
 */
export function readTrainingWindow(window: ChurnFitOptions['trainingWindow'], caller: string): { start: string; end: string } | undefined {
	if (window === undefined) return undefined;
	const parsed = TrainingWindowSchema.safeParse(window);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new LifecycleInputError(`${caller} requires trainingWindow { start, end } as ISO dates: ${issue.path.join('.') || 'trainingWindow'} ${issue.message}`, { field: 'trainingWindow' });
	}
	return { start: parsed.data.start, end: parsed.data.end };
}
