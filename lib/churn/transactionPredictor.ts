/**
 * One interface over the BG/NBD and Pareto/NBD predictions, on raw numbers (checked once, used per customer):
 * P(alive), conditional expected purchases, probability of no purchase in a horizon, and the unconditional
 * expected purchases.
 *
 *   P(no purchase in (T, T+t] | x, t_x, T) = 1 - P(alive) + P(alive) * P0
 *   BG/NBD:     P0 = ((alpha+T)/(alpha+T+t))^(r+x)        (an alive customer can only drop out after a purchase)
 *   Pareto/NBD: P0 = P(X(t) = 0) under the posterior (r+x, alpha+T, s, beta+T)
 * Reference: Fader, Hardie & Lee (2005), Marketing Science 24(2) (BG/NBD); Fader & Hardie (2005),
 * http://brucehardie.com/notes/009/pareto_nbd_derivations_2005-11-05.pdf (Pareto/NBD)
 *
 * Cost: O(1) to build; each prediction O(1) or O(k) for k series terms.
 * @example transactionPredictor(bgNbdModel).probabilityAlive(2, 30.43, 38.86) // 0.7266 at the CDNOW fit
 */
import { bgNbdConditionalExpectedUnchecked } from './bgNbdConditionalExpectedPurchases';
import { bgNbdExpectedPurchasesUnchecked } from './bgNbdExpectedPurchases';
import { checkBgNbdParameters } from './bgNbdParameters';
import { bgNbdLogDropoutOdds } from './bgNbdProbabilityAlive';
import type { TransactionModel } from './churnModelSchemas';
import { paretoNbdExpectedPurchasesUnchecked } from './paretoNbdExpectedPurchases';
import { checkParetoNbdParameters } from './paretoNbdParameters';
import { paretoNbdProbabilityAliveUnchecked } from './paretoNbdProbabilityAlive';
import { paretoNbdPurchaseCountUnchecked } from './paretoNbdPurchaseCountProbability';

// Globals read once: in vm sandboxes (Jest, n8n task runners) each global lookup is slow.
const { exp, log1p } = Math;

export interface TransactionPredictor {
	probabilityAlive(x: number, tx: number, T: number): number;
	conditionalExpectedPurchases(x: number, tx: number, T: number, t: number): number;
	probabilityNoPurchase(x: number, tx: number, T: number, t: number): number;
	expectedPurchases(t: number): number;
}

export function transactionPredictor(model: TransactionModel): TransactionPredictor {
	if (model.kind === 'bgnbd') {
		checkBgNbdParameters(model, 'transactionPredictor');
		const { r, alpha, a, b } = model;
		const probabilityAlive = (x: number, tx: number, T: number): number => 1 / (1 + exp(bgNbdLogDropoutOdds(r, alpha, a, b, x, tx, T)));
		return {
			probabilityAlive,
			conditionalExpectedPurchases: (x, tx, T, t) => bgNbdConditionalExpectedUnchecked(r, alpha, a, b, x, tx, T, t),
			probabilityNoPurchase: (x, tx, T, t) => {
				const alive = probabilityAlive(x, tx, T);
				return 1 - alive + alive * exp(-(r + x) * log1p(t / (alpha + T)));
			},
			expectedPurchases: (t) => bgNbdExpectedPurchasesUnchecked(r, alpha, a, b, t),
		};
	}
	if (model.kind === 'paretonbd') {
		checkParetoNbdParameters(model, 'transactionPredictor');
		const { r, alpha, s, beta } = model;
		const probabilityAlive = (x: number, tx: number, T: number): number => paretoNbdProbabilityAliveUnchecked(r, alpha, s, beta, x, tx, T);
		return {
			probabilityAlive,
			conditionalExpectedPurchases: (x, tx, T, t) => probabilityAlive(x, tx, T) * paretoNbdExpectedPurchasesUnchecked(r + x, alpha + T, s, beta + T, t),
			probabilityNoPurchase: (x, tx, T, t) => {
				const alive = probabilityAlive(x, tx, T);
				return 1 - alive + alive * paretoNbdPurchaseCountUnchecked(r + x, alpha + T, s, beta + T, 0, t);
			},
			expectedPurchases: (t) => paretoNbdExpectedPurchasesUnchecked(r, alpha, s, beta, t),
		};
	}
	throw new Error(`transactionPredictor requires a 'bgnbd' or 'paretonbd' model; got '${String((model as { kind?: unknown }).kind)}'`);
}
