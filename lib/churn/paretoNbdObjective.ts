/**
 * The objective fitParetoNbd minimises: minus the mean Pareto/NBD log-likelihood of compressed customers as a
 * function of the log-parameters (ln r, ln alpha, ln s, ln beta), value only (the gradient is numerical).
 *
 *   value(theta) = -(1/n) sum_k w_k [lnG(r+x_k) - lnG(r) + r ln alpha + s ln beta + ln bracket(x_k, t_x_k, T_k)]
 * with times divided by `timeScale` (max T). The ln-gamma part is computed once per distinct x.
 * Reference: Fader & Hardie (2005), "A note on deriving the Pareto/NBD model and related expressions", eq. (22),
 * http://brucehardie.com/notes/009/pareto_nbd_derivations_2005-11-05.pdf
 *
 * Cost: O(u k) per evaluation for u unique triples and k 2F1 terms.
 * @example paretoNbdObjective(compressCustomers(arrays), 38.86)([0, 0, 0, 0]) // mean -ll at r = alpha = s = beta = 1 (scaled)
 */
import { logGamma } from '../stats/logGamma';
import type { CompressedCustomers } from './compressCustomers';
import { paretoNbdLogBracket } from './paretoNbdLogLikelihood';

const { exp, log } = Math;

export function paretoNbdObjective(data: CompressedCustomers, timeScale: number): (theta: number[]) => number {
	const ages = data.ageValues.map((value) => value / timeScale);
	const recencies = data.recencyValues.map((value) => value / timeScale);
	return (theta) => {
		const [r, alpha, s, beta] = theta.map(exp);
		if (![r, alpha, s, beta].every((value) => value > 0 && Number.isFinite(value))) return Number.NaN;
		let ll = 0;
		const logGammaR = logGamma(r);
		const constant = r * log(alpha) + s * log(beta);
		for (let x = 0; x <= data.maxFrequency; x++) {
			const w = data.weightByFrequency[x];
			if (w > 0) ll += w * (logGamma(r + x) - logGammaR + constant);
		}
		try {
			for (let k = 0; k < data.size; k++) {
				ll += data.weight[k] * paretoNbdLogBracket(r, alpha, s, beta, data.frequency[k], recencies[data.recencyIndex[k]], ages[data.ageIndex[k]]);
			}
		} catch {
			// A trial point far out (alpha >> beta) can put 2F1's argument next to 1, where its series runs out of terms:
			// the point is unusable, as NaN tells the line search (it steps back), instead of ending the whole fit.
			return Number.NaN;
		}
		return -ll / data.customers;
	};
}
