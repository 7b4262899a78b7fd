/**
 * Pareto/NBD parameters and their check: purchase rates lambda ~ Gamma(shape r, rate alpha), drop-out rates
 * mu ~ Gamma(shape s, rate beta), independent across customers; lifetimes are exponential(mu).
 *
 * Reference: Schmittlein, Morrison & Colombo (1987), "Counting your customers: who are they and what will they
 * do next?", Management Science 33(1):1-24; Fader & Hardie (2005), "A note on deriving the Pareto/NBD model
 * and related expressions", http://brucehardie.com/notes/009/pareto_nbd_derivations_2005-11-05.pdf
 *
 * Cost: O(1).
 * @example checkParetoNbdParameters({ r: 0.55315, alpha: 10.57633, s: 0.60625, beta: 11.6715 }, 'fitParetoNbd') // no error
 */
export interface ParetoNbdParameters {
	r: number;
	alpha: number;
	s: number;
	beta: number;
}

export function checkParetoNbdParameters(parameters: ParetoNbdParameters, caller: string): void {
	for (const name of ['r', 'alpha', 's', 'beta'] as const) {
		const value = parameters?.[name];
		if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
			throw new Error(`${caller} requires Pareto/NBD parameter ${name} to be a finite positive number; got ${String(value)}`);
		}
	}
}
