/**
 * Simulates a customer base from the BG/NBD process with known parameters, with an injected random source,
 * returning what Build Profile would compute from the transactions: (frequency, recency, T), plus the truth
 * (alive at the end of calibration) and the number of purchases in an optional holdout period.
 *
 *   per customer: lambda ~ Gamma(r, alpha), p ~ Beta(a, b); first purchase at a start time in [0, acquisitionPeriods)
 *   then repeat: wait ~ Exponential(lambda); purchase; drop out with probability p     (until the holdout ends)
 *   T = observationPeriods - start; calibration purchases are those before observationPeriods. With stepsPerPeriod > 0
 *   (e.g. 7: days in weeks) start times and purchases are put on that grid (rounded down) and purchases on the same
 *   step count once, as Build Profile groups purchases by day. That grouping drops same-day repeat purchases of
 *   heavy buyers, which the BG/NBD does not model: fits on day-grid data are slightly biased (see the churn bench);
 *   stepsPerPeriod = 0 simulates the model exactly.
 * Reference: Fader, Hardie & Lee (2005), "Counting your customers the easy way", Marketing Science 24(2),
 * section 2 (the model's assumptions (i)-(v)), http://brucehardie.com/papers/018/fader_et_al_mksc_05.pdf
 *
 * Cost: O(n + P) for n customers and P simulated purchases.
 * @example simulateBgNbd({ r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, { customers: 1000, observationPeriods: 39,
 *   acquisitionPeriods: 12, stepsPerPeriod: 7, random: seededRandom(1) })[0] // { frequency, recency, T, alive, holdoutPurchases }
 */
import { sampleBeta } from '../stats/sampleBeta';
import { sampleExponential } from '../stats/sampleExponential';
import { sampleGamma } from '../stats/sampleGamma';
import type { RandomSource } from '../stats/seededRandom';
import type { BgNbdParameters } from './bgNbdParameters';
import { checkBgNbdParameters } from './bgNbdParameters';

export interface SimulateBgNbdOptions {
	customers: number;
	random: RandomSource;
	/** End of the calibration window, in periods after the first possible acquisition. */
	observationPeriods: number;
	/** First purchases are spread uniformly over [0, acquisitionPeriods) (default 0: all at time 0). */
	acquisitionPeriods?: number;
	/** Time grid per period (7 for days when periods are weeks); 0 = continuous time (default). */
	stepsPerPeriod?: number;
	/** Also count purchases in (T, T + holdoutPeriods] (default 0). */
	holdoutPeriods?: number;
	/** Also return each customer's lambda, p and purchase times (default false; see SimulatedCustomer). */
	keepPurchaseTimes?: boolean;
}

export interface SimulatedCustomer {
	frequency: number;
	recency: number;
	T: number;
	/** Not yet dropped out at the end of the calibration window. */
	alive: boolean;
	/** Purchases (distinct steps) in the holdout period. */
	holdoutPurchases: number;
	/** With keepPurchaseTimes: the customer's purchase rate lambda per period (a draw from Gamma(r, alpha)). */
	purchaseRate?: number;
	/** With keepPurchaseTimes: the customer's drop-out probability p after each purchase (a draw from Beta(a, b)). */
	dropoutProbability?: number;
	/** With keepPurchaseTimes: every purchase time in periods, the first (at acquisition) included, ascending, unrounded. */
	purchaseTimes?: number[];
}

export function simulateBgNbd(parameters: BgNbdParameters, options: SimulateBgNbdOptions): SimulatedCustomer[] {
	const caller = 'simulateBgNbd';
	checkBgNbdParameters(parameters, caller);
	const { customers, random, observationPeriods } = options;
	const acquisitionPeriods = options.acquisitionPeriods ?? 0;
	const steps = options.stepsPerPeriod ?? 0;
	const holdout = options.holdoutPeriods ?? 0;
	if (!Number.isInteger(customers) || customers < 0) throw new Error(`${caller} requires a whole number of customers >= 0; got ${customers}`);
	if (typeof random !== 'function') throw new Error(`${caller} requires a random source (e.g. seededRandom(seed))`);
	if (!(observationPeriods > 0) || !Number.isFinite(observationPeriods)) throw new Error(`${caller} requires observationPeriods > 0; got ${observationPeriods}`);
	if (!(acquisitionPeriods >= 0) || acquisitionPeriods > observationPeriods) {
		throw new Error(`${caller} requires 0 <= acquisitionPeriods <= observationPeriods; got ${acquisitionPeriods}`);
	}
	if (!(steps >= 0) || !Number.isInteger(steps)) throw new Error(`${caller} requires a whole stepsPerPeriod >= 0; got ${steps}`);
	if (!(holdout >= 0) || !Number.isFinite(holdout)) throw new Error(`${caller} requires holdoutPeriods >= 0; got ${holdout}`);
	const keepTimes = options.keepPurchaseTimes === true;
	const { r, alpha, a, b } = parameters;
	const onGrid = (time: number): number => (steps > 0 ? Math.floor(time * steps + 1e-9) / steps : time);
	const end = observationPeriods;
	const result: SimulatedCustomer[] = new Array(customers);
	for (let i = 0; i < customers; i++) {
		const lambda = sampleGamma(r, alpha, random);
		const dropout = sampleBeta(a, b, random);
		const start = onGrid(random() * acquisitionPeriods);
		let time = start;
		let last = start;
		let frequency = 0;
		let holdoutPurchases = 0;
		let lastHoldout = Number.NEGATIVE_INFINITY;
		let aliveAtEnd = true;
		const times: number[] | undefined = keepTimes ? [start] : undefined;
		// The drop-out coin is flipped after each repeat purchase (the likelihood's p (1-p)^(x-1) term).
		for (;;) {
			time += lambda > 0 ? sampleExponential(lambda, random) : Number.POSITIVE_INFINITY;
			if (!(time <= end + holdout)) break;
			if (times) times.push(time);
			const recorded = onGrid(time);
			if (time < end) {
				if (recorded > last) {
					frequency++;
					last = recorded;
				}
			} else if (recorded > lastHoldout) {
				holdoutPurchases++;
				lastHoldout = recorded;
			}
			if (random() < dropout) {
				if (time <= end) aliveAtEnd = false;
				break;
			}
		}
		const customer: SimulatedCustomer = { frequency, recency: last - start, T: end - start, alive: aliveAtEnd, holdoutPurchases };
		if (times) {
			customer.purchaseRate = lambda;
			customer.dropoutProbability = dropout;
			customer.purchaseTimes = times;
		}
		result[i] = customer;
	}
	return result;
}
