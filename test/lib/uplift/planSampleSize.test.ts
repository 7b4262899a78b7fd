import { normalQuantile } from '../../../lib/stats/normalQuantile';
import { planDetectableEffect } from '../../../lib/uplift/planDetectableEffect';
import { planSampleSize, powerOf, resolveDesign } from '../../../lib/uplift/planSampleSize';

describe('planSampleSize', () => {
	it('for a tiny effect on a mean, agrees with the textbook n = 2 (z_{1-α/2} + z_power)^2 σ^2 / Δ^2 per arm', () => {
		// Chow, Shao & Wang (2008), eq. 3.2.3 (two-sample, equal variances): 156,977 per arm for Δ/σ = 0.01.
		const textbook = (2 * (normalQuantile(0.975) + normalQuantile(0.8)) ** 2) / 0.01 ** 2;
		const plan = planSampleSize({ metric: 'mean', baseline: 100, standardDeviation: 10, minimumDetectableEffect: 0.001 });
		expect(Math.abs(plan.unitsControl / textbook - 1)).toBeLessThan(0.003);
		expect(plan.unitsTreatment).toBe(plan.unitsControl);
		expect(plan.absoluteEffect).toBeCloseTo(0.1, 12);
	});

	it('returns the smallest size that reaches the power (one unit fewer falls short)', () => {
		const plan = planSampleSize({ metric: 'proportion', baseline: 0.2, minimumDetectableEffect: 0.1 });
		expect(plan).toMatchObject({ unitsControl: 6770, unitsTreatment: 6770, totalUnits: 13540, treatmentValue: expect.closeTo(0.22, 12) });
		expect(plan.achievedPower).toBeGreaterThanOrEqual(0.8);
		const design = resolveDesign({ metric: 'proportion', baseline: 0.2 }, 'test');
		expect(powerOf(design, 0.02, 6769, 6769)).toBeLessThan(0.8);
	});

	it('handles unequal splits, absolute effects and decreases', () => {
		const holdout = planSampleSize({ metric: 'proportion', baseline: 0.1, minimumDetectableEffect: 0.01, effectType: 'absolute', treatmentShare: 0.9, power: 0.9, alpha: 0.1 });
		expect(holdout.unitsTreatment / holdout.totalUnits).toBeCloseTo(0.9, 3);
		expect(holdout.achievedPower).toBeGreaterThanOrEqual(0.9);
		const decrease = planSampleSize({ metric: 'proportion', baseline: 0.5, minimumDetectableEffect: -0.2 });
		expect(decrease.treatmentValue).toBeCloseTo(0.4, 12);
		expect(decrease.achievedPower).toBeGreaterThanOrEqual(0.8);
	});

	it('planDetectableEffect inverts planSampleSize', () => {
		const plan = planSampleSize({ metric: 'proportion', baseline: 0.05, minimumDetectableEffect: 0.15 });
		const mde = planDetectableEffect({ metric: 'proportion', baseline: 0.05, totalUnits: plan.totalUnits });
		expect(mde.minimumDetectableEffect).toBeGreaterThan(0.149);
		expect(mde.minimumDetectableEffect).toBeLessThanOrEqual(0.15 + 1e-9);
		const meanPlan = planSampleSize({ metric: 'mean', baseline: 40, standardDeviation: 90, treatmentStandardDeviation: 95, minimumDetectableEffect: 0.05, treatmentShare: 0.7 });
		const meanMde = planDetectableEffect({ metric: 'mean', baseline: 40, standardDeviation: 90, treatmentStandardDeviation: 95, treatmentShare: 0.7, totalUnits: meanPlan.totalUnits });
		expect(meanMde.relativeEffect).toBeCloseTo(0.05, 3);
		expect(meanMde.absoluteEffect).toBeCloseTo(meanMde.relativeEffect * 40, 12);
	});

	it('rejects impossible designs with a message that says what to change', () => {
		expect(() => planSampleSize({ metric: 'proportion', baseline: 1.2, minimumDetectableEffect: 0.1 })).toThrow('planSampleSize requires a baseline conversion rate in (0, 1); got 1.2');
		expect(() => planSampleSize({ metric: 'proportion', baseline: 0.6, minimumDetectableEffect: 0.9 })).toThrow(
			'planSampleSize requires the treatment rate baseline + effect in (0, 1); got 1.14',
		);
		expect(() => planSampleSize({ metric: 'mean', baseline: 10, minimumDetectableEffect: 0.1 })).toThrow('planSampleSize requires standardDeviation > 0 for a mean metric; got undefined');
		expect(() => planSampleSize({ metric: 'mean', baseline: 0, standardDeviation: 1, minimumDetectableEffect: 0.1 })).toThrow('planSampleSize requires a baseline mean other than 0');
		expect(() => planSampleSize({ metric: 'proportion', baseline: 0.1, minimumDetectableEffect: 0 })).toThrow('planSampleSize requires a finite minimumDetectableEffect other than 0; got 0');
		expect(() => planSampleSize({ metric: 'proportion', baseline: 0.1, minimumDetectableEffect: 0.1, power: 1 })).toThrow('planSampleSize requires power in (0, 1), e.g. 0.8; got 1');
		expect(() => planDetectableEffect({ metric: 'proportion', baseline: 0.1, totalUnits: 3 })).toThrow('planDetectableEffect requires totalUnits >= 4; got 3');
		expect(() => planDetectableEffect({ metric: 'proportion', baseline: 0.5, totalUnits: 6, power: 0.99 })).toThrow('planDetectableEffect cannot reach power 0.99 with 6 units');
	});
});
