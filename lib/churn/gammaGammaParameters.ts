/**
 * Gamma-Gamma spend-model parameters and their check. A customer's transaction values z ~ Gamma(p, nu) with
 * nu ~ Gamma(q, gamma) across customers; mean spend per transaction E[Z | nu] = p / nu.
 *
 * Reference: Fader, Hardie & Lee (2005), "RFM and CLV: using iso-value curves for customer base analysis",
 * Journal of Marketing Research 42(4):415-430; Fader & Hardie (2013), "The Gamma-Gamma model of monetary value",
 * http://brucehardie.com/notes/025/gamma_gamma.pdf
 *
 * Cost: O(1).
 * @example checkGammaGammaParameters({ p: 6.25, q: 3.74, gamma: 15.44 }, 'gammaGammaExpectedSpend') // no error
 */
export interface GammaGammaParameters {
	p: number;
	q: number;
	/** Scale of the Gamma mixing distribution (gamma in Fader & Hardie, v in lifetimes). */
	gamma: number;
}

export function checkGammaGammaParameters(parameters: GammaGammaParameters, caller: string): void {
	for (const name of ['p', 'q', 'gamma'] as const) {
		const value = parameters?.[name];
		if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
			throw new Error(`${caller} requires Gamma-Gamma parameter ${name} to be a finite positive number; got ${String(value)}`);
		}
	}
}
