/**
 * BG/NBD parameters and their check: purchase rates lambda ~ Gamma(shape r, rate alpha) across customers,
 * drop-out probability after each purchase p ~ Beta(a, b).
 *
 * Reference: Fader, Hardie & Lee (2005), "Counting your customers the easy way: an alternative to the
 * Pareto/NBD model", Marketing Science 24(2):275-284, http://brucehardie.com/papers/018/fader_et_al_mksc_05.pdf
 *
 * Cost: O(1).
 * @example checkBgNbdParameters({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 'bgNbdProbabilityAlive') // no error
 */
export interface BgNbdParameters {
	r: number;
	alpha: number;
	a: number;
	b: number;
}

export function checkBgNbdParameters(parameters: BgNbdParameters, caller: string): void {
	for (const name of ['r', 'alpha', 'a', 'b'] as const) {
		const value = parameters?.[name];
		if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
			throw new Error(`${caller} requires BG/NBD parameter ${name} to be a finite positive number; got ${String(value)}`);
		}
	}
}
