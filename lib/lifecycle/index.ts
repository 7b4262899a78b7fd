/**
 * Assign Lifecycle Stage: where each customer stands in the lifecycle (prospect ... loyal, at risk, lapsed,
 * reactivated), why, and what changed. The only door the nodes use into lib/lifecycle.
 */

// The run
export { assignLifecycleStages, COMPUTED_RULE_FIELDS } from './assignLifecycleStages';
export type { AssignLifecycleStagesResult, LifecycleAssignment, LifecycleProfile, LifecycleStagesSummary } from './assignLifecycleStages';
export { summarizeLifecycleStages, NO_PREVIOUS_STAGE } from './summarizeLifecycleStages';
export type { LifecycleStageCounts, StageAssignmentCounts } from './summarizeLifecycleStages';
export { DEFAULT_STAGE_COLORS, renderStageChart } from './renderStageChart';
export type { StageChartInput, StageChartOptions } from './renderStageChart';

// The model
export { isLifecycleStage, LIFECYCLE_STAGES, OVERDUE_STAGES } from './lifecycleStages';
export type { LifecycleStage } from './lifecycleStages';
export { classifyLifecycleStage, thresholdDays, usualGapOf } from './classifyLifecycleStage';
export type { StageDecision, UsualGap } from './classifyLifecycleStage';
export { lifecyclePopulation } from './lifecyclePopulation';
export type { LifecyclePopulation } from './lifecyclePopulation';
export { lifecyclePopulationFigures, readLifecyclePopulationFigures } from './lifecyclePopulationFigures';

// Input and options
export { readLifecycleFacts } from './readLifecycleFacts';
export type { LifecycleFacts } from './readLifecycleFacts';
export { readPreviousStage } from './readPreviousStage';
export { isResolvedLifecycleOptions, resolveLifecycleOptions, RULE_OPERATORS } from './resolveLifecycleOptions';
export type { AssignLifecycleStagesOptions, AtRiskSignal, PreviousStageMatch, ResolvedLifecycleOptions, ResolvedStageRule, RuleOperator, StageRule } from './resolveLifecycleOptions';
export { describeRule, matchStageRule } from './matchStageRule';
export type { RuleMatch } from './matchStageRule';
