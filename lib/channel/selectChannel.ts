/**
 * Channel selection policy over the candidate channels of one customer, returning the chosen channel
 * and the probability with which the policy picks each candidate (its propensity, for off-policy
 * evaluation such as inverse propensity scoring).
 *
 * Each arm k has a Beta(alpha_k, beta_k) posterior of its response rate p_k, a value per response v_k and
 * a cost per message c_k; its expected value is EV_k = v_k * alpha_k / (alpha_k + beta_k) - c_k.
 *   priority       first candidate in priority order;                       P = 1
 *   expectedValue  argmax EV_k (ties: priority order);                      P = 1
 *   epsilonGreedy  with prob. epsilon a uniform candidate, else argmax EV;  P(greedy) = 1 - eps + eps/K, others eps/K
 *   thompson       draw p_k ~ Beta, pick argmax v_k p_k - c_k;             P estimated by `draws` Monte Carlo
 *                  rounds from the same seeded stream, the first being the decision itself:
 *                  P_k = #{rounds won by k} / draws (never 0 for the chosen arm; standard error sqrt(P(1-P)/draws))
 * Reference: Russo et al. (2018), "A Tutorial on Thompson Sampling", Found. Trends ML 11(1),
 * https://arxiv.org/abs/1707.02038; Sutton & Barto (2018), "Reinforcement Learning", 2nd ed., 2.2 (epsilon-greedy);
 * Li et al. (2011), "Unbiased offline evaluation of contextual-bandit-based news article recommendation", WSDM.
 *
 * Cost: O(K) for priority, expectedValue and epsilonGreedy; O(K * draws) Beta draws for thompson.
 * @example selectChannel([{ name: 'email', alpha: 3, beta: 40, value: 1, cost: 0 }], 'thompson', { epsilon: 0.1, draws: 1000 }).probabilities // [1]
 */
import type { RandomSource } from '../stats/seededRandom';
import { sampleBeta } from '../stats/sampleBeta';

// Globals read once: in vm sandboxes (Jest, n8n task runners) each global lookup is slow, and these run per decision.
const { floor, max, min } = Math;
const { NEGATIVE_INFINITY } = Number;

export const CHANNEL_POLICIES = ['expectedValue', 'thompson', 'epsilonGreedy', 'priority'] as const;
export type ChannelPolicy = (typeof CHANNEL_POLICIES)[number];

export interface ChannelArm {
	name: string;
	/** Posterior Beta parameters of the response rate. */
	alpha: number;
	beta: number;
	/** Value of one response and cost of one message, in the same currency. */
	value: number;
	cost: number;
}

export interface ChannelSelection {
	/** Index of the chosen arm. */
	index: number;
	/** Probability that the policy picks each arm, same order as the arms. */
	probabilities: number[];
	/** Posterior expected value of each arm. */
	expectedValues: number[];
	/** Thompson only: the sampled value of the chosen arm in the deciding draw. */
	sampledValue: number | null;
}

export interface SelectChannelSettings {
	epsilon: number;
	draws: number;
	/** Required by thompson and epsilonGreedy (when there is more than one arm). */
	random?: RandomSource;
}

/**
 * Posterior expected value of one message on an arm: value * alpha / (alpha + beta) - cost.
 * Cost: O(1). @example expectedValueOf({ name: 'sms', alpha: 5, beta: 35, value: 1, cost: 0.1 }) // 0.025
 */
export function expectedValueOf(arm: ChannelArm): number {
	return (arm.value * arm.alpha) / (arm.alpha + arm.beta) - arm.cost;
}

function argmax(values: ArrayLike<number>): number {
	let best = 0;
	for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
	return best;
}

/** Select a channel under a policy and report the probability of every arm; see the file comment. */
export function selectChannel(arms: readonly ChannelArm[], policy: ChannelPolicy, settings: SelectChannelSettings): ChannelSelection {
	const count = arms.length;
	if (count === 0) throw new Error('selectChannel requires at least one candidate channel');
	const expectedValues = arms.map(expectedValueOf);
	const probabilities = new Array<number>(count).fill(0);
	if (count === 1 || policy === 'priority') {
		probabilities[0] = 1;
		return { index: 0, probabilities, expectedValues, sampledValue: null };
	}
	const greedy = argmax(expectedValues);
	if (policy === 'expectedValue') {
		probabilities[greedy] = 1;
		return { index: greedy, probabilities, expectedValues, sampledValue: null };
	}
	const random = settings.random;
	if (!random) throw new Error(`selectChannel requires a random source for the ${policy} policy`);
	if (policy === 'epsilonGreedy') {
		const epsilon = settings.epsilon;
		const index = random() < epsilon ? min(count - 1, floor(random() * count)) : greedy;
		for (let k = 0; k < count; k++) probabilities[k] = epsilon / count + (k === greedy ? 1 - epsilon : 0);
		return { index, probabilities, expectedValues, sampledValue: null };
	}
	const draws = max(1, floor(settings.draws));
	const wins = new Array<number>(count).fill(0);
	let index = 0;
	let sampledValue = 0;
	for (let round = 0; round < draws; round++) {
		let winner = 0;
		let winnerValue = NEGATIVE_INFINITY;
		for (let k = 0; k < count; k++) {
			const arm = arms[k];
			const value = arm.value * sampleBeta(arm.alpha, arm.beta, random) - arm.cost;
			if (value > winnerValue) {
				winner = k;
				winnerValue = value;
			}
		}
		wins[winner]++;
		if (round === 0) {
			index = winner;
			sampledValue = winnerValue;
		}
	}
	for (let k = 0; k < count; k++) probabilities[k] = wins[k] / draws;
	return { index, probabilities, expectedValues, sampledValue };
}
