/**
 * Measure Uplift: deterministic arm assignment with a global control group, experiment analysis (Welch t, delta
 * method, Bayesian chance to win, CUPED, always-valid sequential intervals, sample ratio check, business figures),
 * sample size planning, uplift models and their evaluation, and the HTML report.
 * The only door the nodes use into lib/uplift.
 */

// Assignment
export { armBounds, assignArm, createArmAssigner, ArmWeightSchema, AssignArmOptionsSchema, DEFAULT_GLOBAL_CONTROL_ARM, DEFAULT_GLOBAL_CONTROL_SALT, MIN_SECRET_SALT_LENGTH } from './assignArm';
export type { ArmAssigner, ArmAssignment, ArmWeight, AssignArmOptions } from './assignArm';
export { hashPartsToUniform, hashToUniform } from './hashToUniform';

// Analysis
export { analyzeExperiment } from './analyzeExperiment';
export type { AnalyzeExperimentOptions, ArmResult, BusinessImpact, ExperimentAnalysis, ExperimentInput, ExperimentMetric, MetricComparison } from './analyzeExperiment';
export { summarizeUnits } from './summarizeUnits';
export { readExperimentUnits } from './readExperimentUnits';
export type { ExperimentUnitFields, ReadExperimentUnitsOptions } from './readExperimentUnits';
export { readArmSummaries } from './readArmSummaries';
export type { ArmSummary, UnitOutcome, UnitsSummary } from './summarizeUnits';
export { compareMetric } from './compareMetric';
export type { AnalysisMethod, CompareMetricOptions, CovariateMoments, MeanMoments, MetricEffect, MetricMoments, ProportionMoments } from './compareMetric';
export { normalChanceToWin } from './normalChanceToWin';
export type { ChanceToWin } from './normalChanceToWin';
export { confidenceSequenceHalfWidth, confidenceSequencePValue, confidenceSequenceRho } from './confidenceSequence';
export { checkSampleRatio } from './checkSampleRatio';
export type { SampleRatioCheck, SampleRatioOptions } from './checkSampleRatio';

// Planning
export { planSampleSize } from './planSampleSize';
export type { EffectType, PlanDesign, PlannedMetric, PlanSampleSizeOptions, SampleSizePlan } from './planSampleSize';
export { planDetectableEffect } from './planDetectableEffect';
export type { DetectableEffectPlan, PlanDetectableEffectOptions } from './planDetectableEffect';

// Uplift modelling
export { parseUpliftModel, trainUpliftModel, UpliftModelSchema } from './trainUpliftModel';
export type { TrainUpliftModelOptions, UpliftMethod, UpliftModel, UpliftTrainingRow } from './trainUpliftModel';
export { scoreUplift } from './scoreUplift';
export type { UpliftScore } from './scoreUplift';
export { evaluateUplift } from './evaluateUplift';
export type { EvaluateUpliftOptions, QiniCurvePoint, UpliftEvaluation, UpliftEvaluationRow } from './evaluateUplift';
export { perfectQiniCurve, qiniCoefficient, qiniCurve } from './qiniCurve';
export type { UpliftCurvePoints } from './qiniCurve';
export { perfectUpliftCurve, upliftAucScore, upliftCurve } from './upliftCurve';
export { upliftAtK } from './upliftAtK';
export { rankByScore } from './rankByScore';
export { upliftRanks } from './upliftRanks';
export type { UpliftAtK, UpliftAtKStrategy } from './upliftAtK';

// Report
export { escapeHtml, renderUpliftReport } from './renderReport';
export type { RenderUpliftReportOptions } from './renderReport';
export { assertDistinctFieldNames, EXPERIMENT_SUMMARY_FIELDS, VARIANT_FIELDS, variantFieldName, variantFieldPrefix, variantFields } from './variantFields';
