/**
 * A randomised campaign at the end of the window with heterogeneous treatment effects known per customer: who
 * is treated, who converts within the window, and each customer's true uplift.
 *
 *   population: buyers with email consent who have not unsubscribed from email by the window's end
 *   arm: treatedArm ('treatment') with probability treatedShare, else controlArm ('control'), a coin per customer
 *   features: f = min(frequency, 10), g = min(T - recency, 52) (weeks since the last purchase)
 *   control   logit P(convert) = eta   = b0 + b1 f + b2 g            (campaign.baseline)
 *   treated   logit P(convert) = eta + delta,  delta = e0 + e1 f + e2 g  (campaign.effect)
 *   true uplift tau_i = sigmoid(eta_i + delta_i) - sigmoid(eta_i)
 *   potential outcomes from one u ~ U(0, 1): converts without = u < sigmoid(eta), converts with = u < sigmoid(eta + delta);
 *   converted = the outcome of the customer's arm (so converted ~ Bernoulli(P of the arm))
 *   order value ~ Gamma(p, nu_i) (the buyer's Gamma-Gamma spend); revenue = order value if converted, else 0
 * Average treatment effect = mean of tau_i over the campaign's customers; a two-model uplift learner with logistic
 * regressions on (f, g) is well specified for this process.
 * Reference: Rubin (1974), "Estimating causal effects of treatments in randomized and nonrandomized studies",
 * J. Educational Psychology 66(5) (potential outcomes); Gutierrez & Gérardy (2017), "Causal inference and uplift
 * modelling: a review of the literature", PMLR 67:1-13, https://proceedings.mlr.press/v67/gutierrez17a.html
 *
 * Cost: O(customers).
 * @example simulateCampaign(options, people, purchases, spend, emailCounts, deriveRandom(1, 'campaign')).averageUplift // about 0.1
 */
import type { SimulatedCustomer } from '../churn/simulateBgNbd';
import { sampleGamma } from '../stats/sampleGamma';
import type { RandomSource } from '../stats/seededRandom';
import type { ResolvedShopOptions } from './resolveShopOptions';
import type { SimulatedPerson } from './simulateCustomers';
import type { MessageCounts } from './simulateMessages';
import type { BuyerSpend } from './simulateOrders';
import type { CampaignOutcomeRow } from './shopRows';

// Globals read once: in vm sandboxes (Jest, n8n task runners) each global lookup is slow.
const { exp, max, min, round: roundHalfUp } = Math;

export interface CampaignTruth {
	customerId: string;
	arm: string;
	controlProbability: number;
	treatedProbability: number;
	/** treatedProbability - controlProbability. */
	uplift: number;
	/** Potential outcomes: would the customer convert without, and with, the message (the arm decides which is seen). */
	convertsWithout: boolean;
	convertsWith: boolean;
	/** The value of the customer's order if it converts (Gamma-Gamma draw). */
	orderValue: number;
}

export interface SimulatedCampaign {
	rows: CampaignOutcomeRow[];
	truth: CampaignTruth[];
	/** Mean true uplift over the campaign's customers (the average treatment effect on conversion). */
	averageUplift: number;
	/** Mean true uplift over the treated customers (the average effect on the treated). */
	averageUpliftTreated: number;
	/** Mean true conversion probability without and with treatment over the campaign's customers. */
	averageControlProbability: number;
	averageTreatedProbability: number;
}

function sigmoid(value: number): number {
	return value >= 0 ? 1 / (1 + exp(-value)) : exp(value) / (1 + exp(value));
}

function round(value: number, digits: number): number {
	const factor = 10 ** digits;
	return roundHalfUp(value * factor) / factor;
}

export function simulateCampaign(
	options: ResolvedShopOptions,
	people: ReadonlyArray<SimulatedPerson>,
	purchases: ReadonlyArray<SimulatedCustomer>,
	spend: ReadonlyArray<BuyerSpend>,
	emailCounts: ReadonlyArray<MessageCounts>,
	random: RandomSource,
): SimulatedCampaign {
	const { name, treatedShare, treatedArm, controlArm, baseline, effect } = options.campaign;
	const rows: CampaignOutcomeRow[] = [];
	const truth: CampaignTruth[] = [];
	let upliftSum = 0;
	let treatedUpliftSum = 0;
	let treatedCount = 0;
	let controlSum = 0;
	let treatedSum = 0;
	if (options.campaign.enabled) {
		for (let i = 0; i < purchases.length; i++) {
			const person = people[i];
			if (!person.consentEmail || emailCounts[i].unsubscribedAt !== null) continue;
			const { frequency, recency, T } = purchases[i];
			const f = min(frequency, 10);
			const gap = T - recency;
			const g = min(gap, 52);
			const eta = baseline.intercept + baseline.frequency * f + baseline.weeksSinceLastPurchase * g;
			const delta = effect.intercept + effect.frequency * f + effect.weeksSinceLastPurchase * g;
			const controlProbability = sigmoid(eta);
			const treatedProbability = sigmoid(eta + delta);
			const treated = random() < treatedShare;
			// Potential outcomes from one uniform (monotone coupling): whoever converts untreated converts treated too
			// when the effect is positive, and the observed outcome is the arm's.
			const coin = random();
			const convertsWithout = coin < controlProbability;
			const convertsWith = coin < treatedProbability;
			const converted = treated ? convertsWith : convertsWithout;
			const orderValue = max(
				0.01,
				round(sampleGamma(options.spend.p, spend[i].spendRate, random), 2),
			);
			const revenue = converted ? orderValue : 0;
			const arm = treated ? treatedArm : controlArm;
			rows.push({
				customerId: person.customerId,
				email: person.email,
				campaign: name,
				arm,
				converted: converted ? 1 : 0,
				revenue,
				messages: treated ? 1 : 0,
				preRevenue: spend[i].recentRevenue,
				frequency,
				recency: round(recency, 4),
				T: round(T, 4),
				weeksSinceLastPurchase: round(gap, 4),
			});
			const uplift = treatedProbability - controlProbability;
			truth.push({
				customerId: person.customerId,
				arm,
				controlProbability,
				treatedProbability,
				uplift,
				convertsWithout,
				convertsWith,
				orderValue,
			});
			upliftSum += uplift;
			controlSum += controlProbability;
			treatedSum += treatedProbability;
			if (treated) {
				treatedUpliftSum += uplift;
				treatedCount++;
			}
		}
	}
	const n = truth.length;
	return {
		rows,
		truth,
		averageUplift: n ? upliftSum / n : 0,
		averageUpliftTreated: treatedCount ? treatedUpliftSum / treatedCount : 0,
		averageControlProbability: n ? controlSum / n : 0,
		averageTreatedProbability: n ? treatedSum / n : 0,
	};
}
