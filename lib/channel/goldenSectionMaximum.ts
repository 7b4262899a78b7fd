/**
 * Golden-section search: the maximiser of a unimodal function of one variable on [low, high].
 *
 *   keep a < c < d < b with c = b - (b - a)/phi, d = a + (b - a)/phi; drop [a, c) if f(c) < f(d), else (d, b]
 *
 * Used on log-concentration parameters of the empirical-Bayes priors, where the marginal likelihood is
 * unimodal. Stops when the bracket is narrower than `tolerance`.
 * Reference: Kiefer (1953), "Sequential minimax search for a maximum", Proc. AMS 4(3):502-506;
 * Press et al., "Numerical Recipes", 3rd ed., section 10.2.
 *
 * Cost: O(log((high - low) / tolerance)) evaluations of f (about 1.44 per halving).
 * @example goldenSectionMaximum((x) => -(x - 2) * (x - 2), 0, 5, 1e-9) // 2
 */
const INVERSE_PHI = (Math.sqrt(5) - 1) / 2;

export function goldenSectionMaximum(f: (x: number) => number, low: number, high: number, tolerance = 1e-6): number {
	let a = low;
	let b = high;
	let c = b - INVERSE_PHI * (b - a);
	let d = a + INVERSE_PHI * (b - a);
	let fc = f(c);
	let fd = f(d);
	while (b - a > tolerance) {
		if (fc < fd) {
			a = c;
			c = d;
			fc = fd;
			d = a + INVERSE_PHI * (b - a);
			fd = f(d);
		} else {
			b = d;
			d = c;
			fd = fc;
			c = b - INVERSE_PHI * (b - a);
			fc = f(c);
		}
	}
	// The ends are candidates too: the likelihood can be monotone (no heterogeneity -> infinite concentration).
	const middle = (a + b) / 2;
	const candidates = [low, middle, high];
	let best = middle;
	let bestValue = f(middle);
	for (const x of candidates) {
		const value = f(x);
		if (value > bestValue) {
			best = x;
			bestValue = value;
		}
	}
	return best;
}
