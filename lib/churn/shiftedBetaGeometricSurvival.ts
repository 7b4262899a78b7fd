/**
 * Shifted-beta-geometric (sBG) retention model: survival, churn probability per period and retention rates.
 * Each customer churns at the end of a period with probability theta (constant for the customer), and
 * theta ~ Beta(alpha, beta) across customers.
 *
 *   P(T = t) = B(alpha+1, beta+t-1) / B(alpha, beta):  P(1) = alpha/(alpha+beta),  P(t) = (beta+t-2)/(alpha+beta+t-1) P(t-1)
 *   S(t)     = B(alpha, beta+t) / B(alpha, beta):      S(0) = 1,  S(t) = S(t-1) - P(t)
 *   r(t)     = S(t)/S(t-1) = (beta+t-1)/(alpha+beta+t-1)       (retention rate, rising with t: heterogeneity)
 * Reference: Fader & Hardie (2007), "How to project customer retention", Journal of Interactive Marketing 21(1):76-90,
 * http://brucehardie.com/papers/021/sbg_2006-05-30.pdf
 *
 * Cost: O(t) for periods 0..t.
 * @example shiftedBetaGeometricSurvival({ alpha: 0.668, beta: 3.806 }, 3).survival // [1, 0.8507, 0.7469, 0.6698]
 */
export interface ShiftedBetaGeometricParameters {
	alpha: number;
	beta: number;
}

export interface RetentionCurve {
	/** S(0..periods): share still active after t renewal opportunities. */
	survival: number[];
	/** P(T = t) for t = 1..periods (index 0 is t = 1). */
	churn: number[];
	/** r(t) = S(t)/S(t-1) for t = 1..periods. */
	retention: number[];
}

/**
 * Checks sBG parameters (finite, positive), naming the caller.
 * @example checkShiftedBetaGeometricParameters({ alpha: 0.668, beta: 3.806 }, 'shiftedBetaGeometricSurvival') // no error
 */
export function checkShiftedBetaGeometricParameters(parameters: ShiftedBetaGeometricParameters, caller: string): void {
	for (const name of ['alpha', 'beta'] as const) {
		const value = parameters?.[name];
		if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
			throw new Error(`${caller} requires sBG parameter ${name} to be a finite positive number; got ${String(value)}`);
		}
	}
}

export function shiftedBetaGeometricSurvival(parameters: ShiftedBetaGeometricParameters, periods: number): RetentionCurve {
	checkShiftedBetaGeometricParameters(parameters, 'shiftedBetaGeometricSurvival');
	if (!Number.isInteger(periods) || periods < 0) throw new Error(`shiftedBetaGeometricSurvival requires a whole number of periods >= 0; got ${periods}`);
	const { alpha, beta } = parameters;
	const survival = [1];
	const churn: number[] = [];
	const retention: number[] = [];
	let probability = alpha / (alpha + beta);
	for (let t = 1; t <= periods; t++) {
		if (t > 1) probability *= (beta + t - 2) / (alpha + beta + t - 1);
		churn.push(probability);
		retention.push((beta + t - 1) / (alpha + beta + t - 1));
		// S(t) = S(t-1) r(t) keeps its relative precision where S(t-1) - P(t) would cancel.
		survival.push(survival[t - 1] * retention[t - 1]);
	}
	return { survival, churn, retention };
}
