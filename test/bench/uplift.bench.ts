// `npm run bench -- uplift`: Measure Uplift on simulated campaigns with a known truth. Assignment throughput over 1M ids;
// 95% interval coverage over 10,000 campaigns; simulated power of planned sample sizes (10,000 campaigns each);
// CUPED; false positives of teams that peek (fixed vs always-valid); uplift models on a known heterogeneous effect
// (Qini coefficient over 20 independent campaigns and by bootstrap, top-20% uplift against the oracle); analysis of
// 1M per-customer items; the HTML report. Every draw comes from lib/stats/seededRandom.
import { seededRandom } from '../../lib/stats/seededRandom';
import { analyzeExperiment, createArmAssigner, evaluateUplift, renderUpliftReport, scoreUplift, trainUpliftModel } from '../../lib/uplift';
import type { UnitOutcome, UpliftMethod } from '../../lib/uplift';
import {
	coverageStudy,
	cupedStudy,
	HETEROGENEOUS_FEATURES,
	peekingStudy,
	proportionPowerStudy,
	revenuePowerStudy,
	simulateHeterogeneousCampaign,
	trueUpliftOfTop,
} from '../lib/uplift/simulateCampaign';
import { report, time } from './report';

function round(value: number, digits = 4): number {
	const factor = 10 ** digits;
	return Math.round(value * factor) / factor;
}

function quantile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	const position = p * (sorted.length - 1);
	const low = Math.floor(position);
	return sorted[low] + (sorted[Math.min(sorted.length - 1, low + 1)] - sorted[low]) * (position - low);
}

// 1. Assignment: 1M customers, three arms and a 5% global control group.
{
	const assign = createArmAssigner({
		salt: 'spring-sale',
		arms: [
			{ name: 'holdout', weight: 10 },
			{ name: 'email', weight: 30 },
			{ name: 'sms', weight: 60 },
		],
		globalControl: { size: 0.05 },
	});
	const ids = Array.from({ length: 1_000_000 }, (_, i) => `customer-${i}`);
	const { result, ms } = time(() => ids.map((id) => assign(id).arm), { warmUp: false });
	const share = (arm: string) => round(result.filter((value) => value === arm).length / ids.length, 4);
	report('uplift.assign.oneMillion', ids.length, ms, {
		microsecondsPerCustomer: round((ms * 1000) / ids.length, 2),
		globalControlShare: share('globalControl'),
		holdoutShare: share('holdout'),
		emailShare: share('email'),
		smsShare: share('sms'),
	});
}

// 2. Coverage of 95% intervals: 10,000 campaigns, 5,000 customers per arm, conversion 10% -> 12%, log-normal order values.
{
	const { result, ms } = time(() => coverageStudy(10_000, 20250101), { warmUp: false });
	const coverages = [result.conversionAbsolute, result.conversionRelative, result.revenueAbsolute, result.revenueRelative, result.incrementalRevenue];
	report('uplift.coverage.95', result.replications, ms, {
		unitsPerArm: result.unitsPerArm,
		conversionAbsolute: result.conversionAbsolute,
		conversionRelative: result.conversionRelative,
		revenueAbsolute: result.revenueAbsolute,
		revenueRelative: result.revenueRelative,
		incrementalRevenue: result.incrementalRevenue,
		withinOnePoint: coverages.every((coverage) => Math.abs(coverage - 0.95) <= 0.01),
	});
}

// 3. Power of planned sample sizes: plan for the MDE, simulate campaigns whose true effect is the MDE.
for (const [name, study] of [
	['proportion.rate20.mde10', () => proportionPowerStudy(10_000, 424242)],
	['proportion.rate5.mde30', () => proportionPowerStudy(10_000, 515151, 0.05, 0.3)],
	['revenue.mde8', () => revenuePowerStudy(10_000, 616161)],
] as const) {
	const { result, ms } = time(study, { warmUp: false });
	report(`uplift.power.${name}`, result.replications, ms, {
		unitsControl: result.plan.unitsControl,
		unitsTreatment: result.plan.unitsTreatment,
		targetPower: result.plan.power,
		plannedPower: round(result.plan.achievedPower, 4),
		simulatedPower: result.simulatedPower,
		withinTwoPoints: Math.abs(result.simulatedPower - result.plan.power) <= 0.02,
	});
}

// 4. CUPED: coverage kept, variance removed (true R^2 of the pre-period metric = 9/13 = 0.692).
{
	const { result, ms } = time(() => cupedStudy(10_000, 777, 1000), { warmUp: false });
	report('uplift.cuped', result.replications, ms, {
		coverage: result.coverage,
		coverageWithoutCuped: result.coverageWithoutCuped,
		meanVarianceReduction: round(result.meanVarianceReduction, 4),
		intervalWidthRatio: round(result.widthRatio, 4),
	});
}

// 5. Teams that peek: A/A tests checked after each of 10 batches of 1,000 customers per arm.
{
	const { result, ms } = time(() => peekingStudy(10_000, 8080), { warmUp: false });
	report('uplift.sequential.peeking10', result.replications, ms, {
		fixedHorizonFalsePositives: result.fixedHorizonFalsePositives,
		sequentialFalsePositives: result.sequentialFalsePositives,
		sequentialPowerAtPlus15Percent: result.sequentialPowerWithEffect,
		sequentialKeepsAlpha: result.sequentialFalsePositives <= 0.05,
	});
}

// 6. Uplift models on a known heterogeneous effect: 20 independent campaigns (20,000 to train, 20,000 to evaluate).
for (const method of ['twoModel', 'classTransformation'] as UpliftMethod[]) {
	const qinis: number[] = [];
	const ratios: number[] = [];
	const observedTop: number[] = [];
	const oracleObservedTop: number[] = [];
	let bootstrap: { low: number | null; high: number | null } = { low: null, high: null };
	let trainingMs = 0;
	const started = time(
		() => {
			for (let campaign = 0; campaign < 20; campaign++) {
				const random = seededRandom(1000 + campaign);
				const train = simulateHeterogeneousCampaign(20_000, random);
				const test = simulateHeterogeneousCampaign(20_000, random);
				const fit = time(() => trainUpliftModel(train, { method, featureNames: HETEROGENEOUS_FEATURES }), { warmUp: false });
				trainingMs += fit.ms;
				const scores = test.map((row) => scoreUplift(fit.result, row.features).uplift);
				const rows = test.map((row, i) => ({ uplift: scores[i], treated: row.treated, converted: row.converted }));
				const evaluation = evaluateUplift(rows, campaign === 0 ? { bootstrap: { replicates: 500, random: seededRandom(5) } } : {});
				if (campaign === 0) bootstrap = { low: evaluation.qiniCiLow, high: evaluation.qiniCiHigh };
				const oracle = evaluateUplift(test.map((row) => ({ uplift: row.trueUplift, treated: row.treated, converted: row.converted })));
				qinis.push(evaluation.qiniCoefficient);
				ratios.push(trueUpliftOfTop(test, scores, 0.2) / trueUpliftOfTop(test, test.map((row) => row.trueUplift), 0.2));
				observedTop.push(evaluation.upliftAtK[1].uplift);
				oracleObservedTop.push(oracle.upliftAtK[1].uplift);
			}
		},
		{ warmUp: false },
	);
	const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
	report(`uplift.model.${method}`, qinis.length, started.ms, {
		trainingMsPerCampaign: round(trainingMs / qinis.length, 1),
		qiniMean: round(mean(qinis), 4),
		qiniInterval95: [round(quantile(qinis, 0.025), 4), round(quantile(qinis, 0.975), 4)],
		qiniBootstrapInterval95FirstCampaign: [round(bootstrap.low ?? Number.NaN, 4), round(bootstrap.high ?? Number.NaN, 4)],
		qiniIntervalExcludesZero: quantile(qinis, 0.025) > 0 && (bootstrap.low ?? 0) > 0,
		top20TrueUpliftVsOracleMean: round(mean(ratios), 4),
		top20TrueUpliftVsOracleMin: round(Math.min(...ratios), 4),
		top20WithinTenPercentOfOracle: Math.min(...ratios) >= 0.9,
		top20ObservedUpliftMean: round(mean(observedTop), 4),
		top20OracleObservedUpliftMean: round(mean(oracleObservedTop), 4),
	});
}

// 7. Analysis of 1M per-customer items (two arms, conversion, revenue, pre-period metric), then the report.
{
	const random = seededRandom(4);
	const units: UnitOutcome[] = Array.from({ length: 1_000_000 }, (_, i) => {
		const arm = i % 10 === 0 ? 'control' : 'email';
		const preMetric = random() * 100;
		const converted = random() < (arm === 'control' ? 0.1 : 0.115) + preMetric / 2000 ? 1 : 0;
		return { arm, converted, revenue: converted ? 20 + preMetric / 2 + 40 * random() : 0, preMetric, messages: arm === 'control' ? 0 : 1 };
	});
	const analysed = time(() => analyzeExperiment({ units }, { costPerMessage: 0.01, armWeights: { control: 1, email: 9 } }), { repeats: 3 });
	const [conversion, revenue] = analysed.result.comparisons;
	report('uplift.analyze.oneMillionUnits', units.length, analysed.ms, {
		conversionUplift: round(conversion.relativeUplift, 4),
		conversionCupedVarianceReduction: round(conversion.varianceReduction, 4),
		revenueUplift: round(revenue.relativeUplift, 4),
		revenueCupedVarianceReduction: round(revenue.varianceReduction, 4),
		roi: round(analysed.result.business[0].roi ?? Number.NaN, 3),
		sampleRatioMismatch: analysed.result.sampleRatio?.mismatch,
	});
	const rendered = time(() => renderUpliftReport(analysed.result, { title: 'Benchmark campaign', generatedAt: '2025-01-01' }), { repeats: 20 });
	report('uplift.report.html', 1, rendered.ms, { bytes: rendered.result.length, charts: (rendered.result.match(/<svg /g) ?? []).length });
}
