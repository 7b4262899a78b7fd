import { seededRandom } from '../../../lib/stats/seededRandom';
import { analyzeExperiment } from '../../../lib/uplift/analyzeExperiment';
import type { ExperimentAnalysis } from '../../../lib/uplift/analyzeExperiment';
import { compareMetric } from '../../../lib/uplift/compareMetric';
import { summarizeUnits } from '../../../lib/uplift/summarizeUnits';
import type { UnitOutcome } from '../../../lib/uplift/summarizeUnits';

function simulatedUnits(seed: number, perArm: number, arms: Record<string, number>): UnitOutcome[] {
	const random = seededRandom(seed);
	const units: UnitOutcome[] = [];
	for (const [arm, rate] of Object.entries(arms)) {
		for (let i = 0; i < perArm; i++) {
			const preMetric = Math.floor(random() * 200);
			const converted = random() < rate + preMetric / 2000 ? 1 : 0;
			units.push({ arm, converted, revenue: converted ? 20 + preMetric / 4 + random() * 30 : 0, preMetric, messages: arm === 'control' ? 0 : 2, discount: converted && arm !== 'control' ? 5 : 0 });
		}
	}
	return units;
}

function allNumbers(value: unknown, found: number[] = []): number[] {
	if (typeof value === 'number') found.push(value);
	else if (Array.isArray(value)) value.forEach((entry) => allNumbers(entry, found));
	else if (value && typeof value === 'object') Object.values(value).forEach((entry) => allNumbers(entry, found));
	return found;
}

describe('analyzeExperiment', () => {
	const units = simulatedUnits(7, 3000, { control: 0.08, email: 0.1 });

	it('gives the same answer from per-customer units and from per-arm sufficient statistics', () => {
		const fromUnits = analyzeExperiment({ units }, { costPerMessage: 0.01, armWeights: { control: 1, email: 1 } });
		const fromArms = analyzeExperiment({ arms: summarizeUnits(units).arms }, { costPerMessage: 0.01, armWeights: { control: 1, email: 1 } });
		expect(fromArms).toEqual(fromUnits);
		expect(fromUnits.metrics).toEqual(['conversion', 'revenue']);
		expect(fromUnits.cuped).toBe(true);
	});

	it('compares every variant with the control on each metric, through compareMetric', () => {
		const analysis = analyzeExperiment({ units }, { cuped: false });
		const summaries = summarizeUnits(units).arms;
		const control = summaries.find((arm) => arm.arm === 'control');
		const email = summaries.find((arm) => arm.arm === 'email');
		const conversion = analysis.comparisons.find((comparison) => comparison.metric === 'conversion');
		expect(conversion).toMatchObject(compareMetric({ n: control?.units ?? 0, conversions: control?.conversions ?? 0 }, { n: email?.units ?? 0, conversions: email?.conversions ?? 0 }, { cuped: false }));
		expect(conversion?.arm).toBe('email');
		expect(analysis.comparisons.map((comparison) => comparison.metric)).toEqual(['conversion', 'revenue']);
	});

	it('computes the business figures: incremental conversions and revenue, cost, ROI and its interval', () => {
		const analysis = analyzeExperiment({ units }, { costPerMessage: 0.01 });
		const [impact] = analysis.business;
		const conversion = analysis.comparisons[0];
		const revenue = analysis.comparisons[1];
		const email = summarizeUnits(units).arms.find((arm) => arm.arm === 'email');
		expect(impact.incrementalConversions).toBeCloseTo(conversion.absoluteEffect * 3000, 9);
		expect(impact.incrementalConversionsCiLow).toBeCloseTo(conversion.absoluteCiLow * 3000, 9);
		expect(impact.incrementalRevenue).toBeCloseTo(revenue.absoluteEffect * 3000, 9);
		expect(impact.messages).toBe(6000);
		expect(impact.messageCost).toBeCloseTo(60, 12);
		expect(impact.discounts).toBe(email?.discounts);
		expect(impact.cost).toBeCloseTo(60 + (email?.discounts ?? 0), 9);
		const cost = impact.cost;
		expect(impact.roi).toBeCloseTo(((impact.incrementalRevenue ?? 0) - cost) / cost, 12);
		expect(impact.roiCiLow).toBeCloseTo(((impact.incrementalRevenueCiLow ?? 0) - cost) / cost, 12);
		expect(impact.roiCiHigh).toBeCloseTo(((impact.incrementalRevenueCiHigh ?? 0) - cost) / cost, 12);
		expect(impact.conversionUplift).toBe(conversion.relativeUplift);
	});

	it('handles several variants, conversion-only data and assumed message counts', () => {
		const arms = [
			{ arm: 'control', units: 5000, conversions: 500 },
			{ arm: 'email', units: 5000, conversions: 600 },
			{ arm: 'sms', units: 5000, conversions: 540 },
		];
		const analysis = analyzeExperiment({ arms }, { costPerMessage: 0.05 });
		expect(analysis.comparisons.map((comparison) => comparison.arm)).toEqual(['email', 'sms']);
		expect(analysis.metrics).toEqual(['conversion']);
		expect(analysis.business[0].roi).toBeNull();
		expect(analysis.business[0].messages).toBe(5000);
		expect(analysis.business[0].cost).toBeCloseTo(250, 10);
		expect(analysis.warnings.join(' ')).toContain('without a multiple-comparison correction');
		expect(analysis.warnings.join(' ')).toContain('No message counts for "email", "sms": assumed one message per unit');
		expect(analysis.comparisons[0].relativeUplift).toBeCloseTo(0.2, 12);
		expect(analysis.arms[0].conversionRateCiLow).toBeLessThan(0.1);
	});

	it('uses message counts where given and assumes one per unit only where missing', () => {
		const analysis = analyzeExperiment(
			{
				arms: [
					{ arm: 'control', units: 1000, conversions: 100, revenueSum: 5000, revenueSumSquares: 500_000 },
					{ arm: 'email', units: 1000, conversions: 130, revenueSum: 6500, revenueSumSquares: 650_000, messages: 3000, discounts: 100 },
				],
			},
			{ costPerMessage: 0.1 },
		);
		expect(analysis.business[0]).toMatchObject({ messages: 3000, discounts: 100, cost: expect.closeTo(400, 10) });
		expect(analysis.arms[0].messages).toBe(0);
		expect(analysis.warnings.join(' ')).not.toContain('No message counts');
	});

	it('checks the sample ratio against the planned split', () => {
		const arms = [
			{ arm: 'control', units: 1000, conversions: 100 },
			{ arm: 'email', units: 1100, conversions: 120 },
		];
		const fine = analyzeExperiment({ arms }, { armWeights: { control: 1, email: 1 } });
		expect(fine.sampleRatio?.chiSquare).toBeCloseTo(4.7619, 4);
		expect(fine.sampleRatio?.mismatch).toBe(false);
		const broken = analyzeExperiment({ arms }, { armWeights: { control: 3, email: 1 } });
		expect(broken.sampleRatio?.mismatch).toBe(true);
		expect(broken.warnings[0]).toContain('Sample ratio mismatch');
		expect(analyzeExperiment({ arms }).warnings).toContain('Sample ratio not checked: pass armWeights (the planned split) to detect assignment or tracking problems');
	});

	it('uses the sequential method when asked and reports it', () => {
		const analysis = analyzeExperiment({ units }, { method: 'sequential', sequentialTuning: 6000 });
		expect(analysis.method).toBe('sequential');
		const fixed = analyzeExperiment({ units });
		expect(analysis.comparisons[0].ciHigh - analysis.comparisons[0].ciLow).toBeGreaterThan(fixed.comparisons[0].ciHigh - fixed.comparisons[0].ciLow);
	});

	it('never returns NaN or Infinity (200 random small experiments)', () => {
		const random = seededRandom(99);
		let analysed = 0;
		for (let trial = 0; trial < 200; trial++) {
			const perArm = 2 + Math.floor(random() * 30);
			const rows = simulatedUnits(trial, perArm, { control: 0.3 + random() * 0.4, treatment: random() });
			let analysis: ExperimentAnalysis;
			try {
				analysis = analyzeExperiment({ units: rows }, { costPerMessage: random() });
			} catch (error) {
				// Small random data can hit the documented errors (control rate 0, zero variance); never anything else.
				expect((error as Error).message).toMatch(/^analyzeExperiment (cannot compute the relative uplift|found zero variance)/);
				continue;
			}
			analysed++;
			for (const value of allNumbers(analysis)) expect(Number.isFinite(value)).toBe(true);
		}
		expect(analysed).toBeGreaterThan(150);
	});
});

describe('analyzeExperiment: bad input gives a message saying what is wrong and what would fix it', () => {
	const good = [
		{ arm: 'control', units: 100, conversions: 10 },
		{ arm: 'email', units: 100, conversions: 12 },
	];

	it('an arm with no units', () => {
		expect(() => analyzeExperiment({ arms: good }, { armWeights: { control: 1, email: 1, sms: 1 } })).toThrow(
			'analyzeExperiment requires at least one unit in arm "sms" (planned in armWeights); none found among "control", "email". Check the arm names',
		);
		expect(() => analyzeExperiment({ arms: [...good, { arm: 'sms', units: 0, conversions: 0 }] })).toThrow(
			'analyzeExperiment requires at least one unit in arm "sms"; it is empty. Remove the arm or wait for data',
		);
	});

	it('zero variance', () => {
		expect(() =>
			analyzeExperiment({
				arms: [
					{ arm: 'control', units: 50, revenueSum: 500, revenueSumSquares: 5000 },
					{ arm: 'email', units: 50, revenueSum: 500, revenueSumSquares: 5000 },
				],
			}),
		).toThrow('analyzeExperiment found zero variance in revenue in both arms ("control" and "email"): every unit has the same value');
	});

	it('a control with rate 0', () => {
		expect(() =>
			analyzeExperiment({
				arms: [
					{ arm: 'control', units: 100, conversions: 0 },
					{ arm: 'email', units: 100, conversions: 3 },
				],
			}),
		).toThrow('analyzeExperiment cannot compute the relative uplift of conversion: arm "control" has a mean of 0 (the uplift divides by it). Wait until the control has conversions');
	});

	it('an unknown arm name', () => {
		expect(() => analyzeExperiment({ arms: good }, { control: 'holdout' })).toThrow(
			'analyzeExperiment found no arm "holdout" to use as control; the data has "control", "email". Set the control option to one of them',
		);
		expect(() => analyzeExperiment({ arms: good }, { armWeights: { control: 1, emial: 1 } })).toThrow('analyzeExperiment requires at least one unit in arm "emial"');
		expect(() => analyzeExperiment({ arms: [...good, { arm: 'sms', units: 100, conversions: 9 }] }, { armWeights: { control: 1, email: 1 } })).toThrow(
			'analyzeExperiment found units in arm "sms", which is not in armWeights (control, email). Fix the arm name in the data or add the arm to armWeights',
		);
	});

	it('non-binary conversion values', () => {
		expect(() => analyzeExperiment({ units: [{ arm: 'control', converted: 1 }, { arm: 'email', converted: 2 }] })).toThrow(
			'analyzeExperiment requires converted to be 0, 1, true or false; unit 1 has 2. Map the conversion to a binary field',
		);
		expect(() => analyzeExperiment({ units: [{ arm: 'control', converted: 'yes' as unknown as number }] })).toThrow('unit 0 has the text "yes"');
	});

	it('negative revenue', () => {
		expect(() => analyzeExperiment({ units: [{ arm: 'control', converted: 1, revenue: 10 }, { arm: 'email', converted: 1, revenue: -5 }] })).toThrow(
			'analyzeExperiment requires revenue >= 0; unit 1 has -5. Net refunds out before the analysis or record them as 0',
		);
		expect(() => analyzeExperiment({ arms: [{ arm: 'control', units: 10, revenueSum: -1, revenueSumSquares: 1 }] })).toThrow(
			'analyzeExperiment requires revenueSum >= 0 in arm "control"; got -1',
		);
	});

	it('inconsistent or incomplete inputs', () => {
		expect(() => analyzeExperiment({ units: [{ arm: 'control', converted: 1, preMetric: 3 }, { arm: 'email', converted: 0 }] })).toThrow(
			'analyzeExperiment requires preMetric on every unit or on none; 1 of 2 have it (unit 1 does not)',
		);
		expect(() => analyzeExperiment({ arms: [good[0], good[0]] })).toThrow('analyzeExperiment requires each arm once; "control" appears twice. Sum its rows first');
		expect(() => analyzeExperiment({ arms: [{ arm: 'control', units: 10, conversions: 11 }] })).toThrow(
			'analyzeExperiment requires conversions <= units in arm "control"; got 11 conversions of 10 units',
		);
		expect(() => analyzeExperiment({ arms: [good[0], { arm: 'email', units: 100 }] })).toThrow(
			'analyzeExperiment requires conversions in every arm or in none; arm "email" lacks them while "control" has them',
		);
		expect(() => analyzeExperiment({ arms: [good[0]] })).toThrow('analyzeExperiment requires at least two arms (a control and a variant)');
		expect(() => analyzeExperiment({ units: [] })).toThrow('analyzeExperiment requires at least one unit; the list is empty');
		expect(() => analyzeExperiment({ units: [{ arm: 'control' }, { arm: 'email' }] })).toThrow('analyzeExperiment requires a metric');
		expect(() => analyzeExperiment({} as never)).toThrow('analyzeExperiment requires { units: [...] } (one item per customer) or { arms: [...] } (one summary per arm)');
		expect(() => analyzeExperiment({ arms: good }, { costPerMessage: -1 })).toThrow('analyzeExperiment requires costPerMessage >= 0; got -1');
	});
});
