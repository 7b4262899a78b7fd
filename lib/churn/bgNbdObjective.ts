/**
 * The objective fitBgNbd minimises: minus the mean BG/NBD log-likelihood of compressed customers, as a
 * function of the log-parameters (ln r, ln alpha, ln a, ln b), with its exact gradient.
 *
 * With integer x, the ln-gamma differences are finite sums, shared by every customer with the same x:
 *   lnG(r+x) - lnG(r) = sum_{j<x} ln(r+j),   lnG(b+x) - lnG(b) - lnG(a+b+x) + lnG(a+b) = sum_{j<x} ln((b+j)/(a+b+j))
 * and their derivatives are sums of 1/(r+j), 1/(b+j) - 1/(a+b+j), -1/(a+b+j). Per triple:
 *   D = logaddexp(A3, A4),  w4 = exp(A4 - D), w3 = 1 - w4
 *   dD/dr = -(w3 ln(alpha+T) + w4 ln(alpha+t_x)),  dD/dalpha = -(r+x)(w3/(alpha+T) + w4/(alpha+t_x))
 *   dD/da = w4/a,  dD/db = -w4/(b+x-1)
 * ln(alpha+T) and ln(alpha+t_x) are computed once per unique T and t_x. Times are divided by `timeScale`
 * (max T, so that alpha is of order 1 whatever the unit); the value is then that of the scaled data.
 * Reference: Fader, Hardie & Lee (2005), Marketing Science 24(2), eq. (6),
 * http://brucehardie.com/papers/018/fader_et_al_mksc_05.pdf
 *
 * Cost: O(u + X + V) per evaluation for u unique triples, largest frequency X and V unique times.
 * @example bgNbdObjective(compressCustomers(arrays), 38.86)([0, 0, 0, 0]) // { value: mean -ll at r=alpha=a=b=1, gradient: [...] }
 */
import type { ValueAndGradient } from '../optimize/minimizeBfgs';
import type { CompressedCustomers } from './compressCustomers';

const { exp, log, log1p } = Math;

export function bgNbdObjective(data: CompressedCustomers, timeScale: number): ValueAndGradient {
	const { size, frequency, recencyIndex, ageIndex, weight, maxFrequency, weightByFrequency } = data;
	const ages = data.ageValues.map((value) => value / timeScale);
	const recencies = data.recencyValues.map((value) => value / timeScale);
	const logAge = new Float64Array(ages.length);
	const inverseAge = new Float64Array(ages.length);
	const logRecency = new Float64Array(recencies.length);
	const inverseRecency = new Float64Array(recencies.length);
	const logB = new Float64Array(maxFrequency + 1);
	const inverseB = new Float64Array(maxFrequency + 1);
	const total = data.customers;

	return (theta) => {
		const [r, alpha, a, b] = theta.map(exp);
		if (![r, alpha, a, b].every((value) => value > 0 && Number.isFinite(value))) {
			return { value: Number.NaN, gradient: [Number.NaN, Number.NaN, Number.NaN, Number.NaN] };
		}
		for (let j = 0; j < ages.length; j++) {
			logAge[j] = log(alpha + ages[j]);
			inverseAge[j] = 1 / (alpha + ages[j]);
		}
		for (let j = 0; j < recencies.length; j++) {
			logRecency[j] = log(alpha + recencies[j]);
			inverseRecency[j] = 1 / (alpha + recencies[j]);
		}
		// Per-frequency parts (A1 + A2 and their derivatives), accumulated as x grows.
		const logAlpha = log(alpha);
		let sumLogR = 0;
		let sumInvR = 0;
		let sumLogRatio = 0;
		let sumInvB = 0;
		let sumInvAB = 0;
		let ll = 0;
		let dr = 0;
		let dAlpha = 0;
		let dA = 0;
		let dB = 0;
		for (let x = 0; x <= maxFrequency; x++) {
			if (x > 0) {
				const j = x - 1;
				sumLogR += log(r + j);
				sumInvR += 1 / (r + j);
				sumLogRatio += log((b + j) / (a + b + j));
				sumInvB += 1 / (b + j);
				sumInvAB += 1 / (a + b + j);
				logB[x] = log(b + x - 1);
				inverseB[x] = 1 / (b + x - 1);
			}
			const w = weightByFrequency[x];
			if (w === 0) continue;
			ll += w * (sumLogR + r * logAlpha + sumLogRatio);
			dr += w * (sumInvR + logAlpha);
			dAlpha += (w * r) / alpha;
			dA -= w * sumInvAB;
			dB += w * (sumInvB - sumInvAB);
		}
		const logA = log(a);
		for (let k = 0; k < size; k++) {
			const x = frequency[k];
			const w = weight[k];
			const rx = r + x;
			const iT = ageIndex[k];
			const a3 = -rx * logAge[iT];
			if (x === 0) {
				ll += w * a3;
				dr -= w * logAge[iT];
				dAlpha -= w * rx * inverseAge[iT];
				continue;
			}
			const iR = recencyIndex[k];
			const a4 = logA - logB[x] - rx * logRecency[iR];
			let w4: number;
			if (a3 >= a4) {
				const e = exp(a4 - a3);
				ll += w * (a3 + log1p(e));
				w4 = e / (1 + e);
			} else {
				const e = exp(a3 - a4);
				ll += w * (a4 + log1p(e));
				w4 = 1 / (1 + e);
			}
			const w3 = 1 - w4;
			dr -= w * (w3 * logAge[iT] + w4 * logRecency[iR]);
			dAlpha -= w * rx * (w3 * inverseAge[iT] + w4 * inverseRecency[iR]);
			dA += (w * w4) / a;
			dB -= w * w4 * inverseB[x];
		}
		return {
			value: -ll / total,
			gradient: [(-r * dr) / total, (-alpha * dAlpha) / total, (-a * dA) / total, (-b * dB) / total],
		};
	};
}
