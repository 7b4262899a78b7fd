/**
 * Wilson score interval for a binomial proportion: the interval of rates p whose score test does not reject
 * k conversions out of n. Unlike p ± z sqrt(p(1-p)/n) it stays inside [0, 1] and keeps its coverage for small
 * n and rates near 0 or 1 (a control with no conversions still gets an honest upper bound).
 *
 *   p̂ = k/n,  centre = (p̂ + z^2/(2n)) / (1 + z^2/n),  half = z sqrt(p̂(1-p̂)/n + z^2/(4n^2)) / (1 + z^2/n)
 * Reference: Wilson (1927), "Probable inference, the law of succession, and statistical inference", JASA 22:209-212;
 * Brown, Cai & DasGupta (2001), "Interval estimation for a binomial proportion", Statistical Science 16(2),
 * https://projecteuclid.org/journals/statistical-science/volume-16/issue-2/Interval-Estimation-for-a-Binomial-Proportion/10.1214/ss/1009213286.full
 *
 * Cost: O(1).
 * @example wilsonInterval(0, 20) // { low: 0, high: 0.16113 } at 95%
 */
import { normalQuantile } from './normalQuantile';

const { max, min, sqrt } = Math;

export function wilsonInterval(successes: number, trials: number, alpha = 0.05): { low: number; high: number } {
	if (!(trials > 0) || !Number.isFinite(trials)) throw new Error(`wilsonInterval requires trials > 0; got ${trials}`);
	if (!(successes >= 0 && successes <= trials)) throw new Error(`wilsonInterval requires 0 <= successes <= trials (${trials}); got ${successes}`);
	if (!(alpha > 0 && alpha < 1)) throw new Error(`wilsonInterval requires alpha in (0, 1); got ${alpha}`);
	const z = normalQuantile(1 - alpha / 2);
	const rate = successes / trials;
	const zSquaredOverN = (z * z) / trials;
	const centre = (rate + zSquaredOverN / 2) / (1 + zSquaredOverN);
	const half = (z * sqrt((rate * (1 - rate)) / trials + zSquaredOverN / (4 * trials))) / (1 + zSquaredOverN);
	return { low: max(0, centre - half), high: min(1, centre + half) };
}
