/**
 * Sample ratio mismatch (SRM) check: do the arms' unit counts fit the planned split? A mismatch means the
 * assignment or the data pipeline is broken (lost events, bots, a redirect), and the effect estimates cannot be
 * trusted, whatever their p-values.
 *
 *   expected_i = N w_i / sum(w),   chi^2 = sum_i (observed_i - expected_i)^2 / expected_i,   df = k - 1
 *   p = P(χ²_df > chi^2);  mismatch when p < threshold (0.001) and every arm has at least 8 units
 * Reference: Fabijan et al. (2019), "Diagnosing sample ratio mismatch in online controlled experiments", KDD,
 * https://exp-platform.com/Documents/2019_KDDFabijanGupchupFuptaOmhoverVermeerDmitriev.pdf ; Kohavi, Tang & Xu
 * (2020), Trustworthy Online Controlled Experiments, ch. 21; GrowthBook's SRM check (same thresholds).
 *
 * Cost: O(k) for k arms.
 * @example checkSampleRatio([1000, 1100], [0.5, 0.5]) // { chiSquare: 4.7619, pValue: 0.029096, mismatch: false, ... }
 */
import { chiSquareSurvival } from '../stats/chiSquareCdf';
import { describeValue } from '../fieldValues';

export interface SampleRatioOptions {
	/** Flag a mismatch below this p-value; default 0.001. */
	threshold?: number;
	/** Only flag when every arm has at least this many units; default 8. */
	minimumUnitsPerArm?: number;
	/** Arm names, for the message. */
	arms?: ReadonlyArray<string>;
}

export interface SampleRatioCheck {
	chiSquare: number;
	degreesOfFreedom: number;
	pValue: number;
	/** True when the split is implausible under the plan (p < threshold) and every arm has enough units. */
	mismatch: boolean;
	/** False when some arm has fewer than minimumUnitsPerArm units (too early to judge). */
	checked: boolean;
	threshold: number;
	observed: number[];
	expected: number[];
	/** Observed share of each arm minus its planned share. */
	shareDifferences: number[];
	message: string;
}

export function checkSampleRatio(observed: ReadonlyArray<number>, weights: ReadonlyArray<number>, options: SampleRatioOptions = {}): SampleRatioCheck {
	const threshold = options.threshold ?? 0.001;
	const minimum = options.minimumUnitsPerArm ?? 8;
	if (!(threshold > 0 && threshold < 1)) throw new Error(`checkSampleRatio requires a threshold in (0, 1); got ${threshold}`);
	if (!Array.isArray(observed) || !Array.isArray(weights) || observed.length !== weights.length || observed.length < 2) {
		throw new Error(`checkSampleRatio requires one observed count and one planned weight per arm, for at least 2 arms; got ${observed?.length} counts and ${weights?.length} weights`);
	}
	const names = options.arms ?? observed.map((_, i) => `arm ${i + 1}`);
	observed.forEach((count, i) => {
		if (!Number.isFinite(count) || count < 0) throw new Error(`checkSampleRatio requires counts >= 0; ${names[i]} has ${describeValue(count)}`);
	});
	weights.forEach((weight, i) => {
		if (!Number.isFinite(weight) || !(weight > 0)) throw new Error(`checkSampleRatio requires planned weights > 0; ${names[i]} has ${describeValue(weight)}`);
	});
	const total = observed.reduce((sum, count) => sum + count, 0);
	if (total === 0) throw new Error('checkSampleRatio requires at least one unit; every arm is empty');
	const weightTotal = weights.reduce((sum, weight) => sum + weight, 0);
	const expected = weights.map((weight) => (total * weight) / weightTotal);
	const chiSquare = observed.reduce((sum, count, i) => sum + (count - expected[i]) ** 2 / expected[i], 0);
	const degreesOfFreedom = observed.length - 1;
	const pValue = chiSquareSurvival(chiSquare, degreesOfFreedom);
	const checked = observed.every((count) => count >= minimum);
	const mismatch = checked && pValue < threshold;
	const shareDifferences = observed.map((count, i) => count / total - weights[i] / weightTotal);
	const split = observed.map((count, i) => `${names[i]} ${count} (expected ${expected[i].toFixed(1)})`).join(', ');
	const message = !checked
		? `Sample ratio not judged yet: some arm has fewer than ${minimum} units (${split})`
		: mismatch
			? `Sample ratio mismatch: p = ${pValue.toPrecision(3)} < ${threshold}; ${split}. The assignment or the data pipeline loses units unevenly; fix it before trusting the effects`
			: `Sample ratio consistent with the plan (p = ${pValue.toPrecision(3)}); ${split}`;
	return { chiSquare, degreesOfFreedom, pValue, mismatch, checked, threshold, observed: [...observed], expected, shareDifferences, message };
}
