/**
 * Score Churn's pure library: BTYD purchase models (BG/NBD, Pareto/NBD), Gamma-Gamma spend, CLV, the
 * shifted-beta-geometric retention model, holdout evaluation, simulation, and the supervised option
 * (L2 logistic regression with per-feature contributions). The only door the nodes use into lib/churn,
 * lib/learn and lib/optimize.
 */

// Models as data
export {
	BgNbdModelSchema,
	CHURN_MODEL_SCHEMAS,
	CHURN_MODEL_VERSION,
	ChurnPeriodUnitSchema,
	GammaGammaModelSchema,
	ParetoNbdModelSchema,
	ShiftedBetaGeometricModelSchema,
	TrainingWindowSchema,
} from './churnModelSchemas';
export type { BgNbdModel, ChurnModelKind, GammaGammaModel, ParetoNbdModel, ShiftedBetaGeometricModel, TransactionModel } from './churnModelSchemas';
export { parseChurnModel } from './parseChurnModel';
export type { ChurnModel } from './parseChurnModel';

// Input
export { readBtydCustomers, resolveCustomersPeriodUnit } from './readBtydCustomers';
export type { BtydArrays, BtydCustomer } from './readBtydCustomers';
export { readSpendCustomers } from './readSpendCustomers';
export type { SpendCustomer } from './readSpendCustomers';
export { compressCustomers } from './compressCustomers';
export type { CompressedCustomers } from './compressCustomers';
export type { ChurnFitOptions } from './fitOptions';

// BG/NBD
export type { BgNbdParameters } from './bgNbdParameters';
export { fitBgNbd } from './fitBgNbd';
export { bgNbdLogLikelihood, bgNbdTotalLogLikelihood } from './bgNbdLogLikelihood';
export { bgNbdProbabilityAlive } from './bgNbdProbabilityAlive';
export { bgNbdExpectedPurchases } from './bgNbdExpectedPurchases';
export { bgNbdConditionalExpectedPurchases } from './bgNbdConditionalExpectedPurchases';
export { bgNbdPurchaseCountProbability } from './bgNbdPurchaseCountProbability';
export { simulateBgNbd } from './simulateBgNbd';
export type { SimulateBgNbdOptions, SimulatedCustomer } from './simulateBgNbd';

// Pareto/NBD
export type { ParetoNbdParameters } from './paretoNbdParameters';
export { fitParetoNbd } from './fitParetoNbd';
export { paretoNbdLogLikelihood, paretoNbdTotalLogLikelihood } from './paretoNbdLogLikelihood';
export { paretoNbdProbabilityAlive } from './paretoNbdProbabilityAlive';
export { paretoNbdExpectedPurchases } from './paretoNbdExpectedPurchases';
export { paretoNbdConditionalExpectedPurchases } from './paretoNbdConditionalExpectedPurchases';
export { paretoNbdPurchaseCountProbability } from './paretoNbdPurchaseCountProbability';

// Spend and value
export type { GammaGammaParameters } from './gammaGammaParameters';
export { fitGammaGamma } from './fitGammaGamma';
export { gammaGammaTotalLogLikelihood } from './gammaGammaLogLikelihood';
export { gammaGammaExpectedSpend } from './gammaGammaExpectedSpend';
export { customerLifetimeValue } from './customerLifetimeValue';
export type { CustomerLifetimeValueOptions } from './customerLifetimeValue';
export { convertDuration, DAYS_PER_MONTH, periodsPerMonth } from './convertDuration';
export type { DurationUnit } from './convertDuration';

// Scoring and evaluation
export { readRemoteScores } from './readRemoteScores';
export type { RemoteScore, RemoteScoreOptions } from './readRemoteScores';
export { CHURN_MODEL_BUNDLE_KIND, parseChurnModelBundle, PUBLISHED_PRIOR, scoreChurnProfiles, sealChurnModelBundle } from './scoreChurnProfiles';
export { canonicalJson, churnModelFingerprint } from './churnModelFingerprint';
export type { ChurnModelBundle, ChurnProfileScore, ScoreChurnProfilesOptions, ScoreChurnProfilesResult } from './scoreChurnProfiles';
export { scoreCustomers } from './scoreCustomers';
export type { CustomerChurnScore, ScoreCustomersOptions } from './scoreCustomers';
export { transactionPredictor } from './transactionPredictor';
export type { TransactionPredictor } from './transactionPredictor';
export { evaluateHoldout } from './evaluateHoldout';
export type { EvaluateHoldoutOptions, HoldoutEvaluation, HoldoutFrequencyGroup, HoldoutPeriod, HoldoutPurchases } from './evaluateHoldout';

// Contractual retention (shifted-beta-geometric)
export { fitShiftedBetaGeometric } from './fitShiftedBetaGeometric';
export { shiftedBetaGeometricSurvival } from './shiftedBetaGeometricSurvival';
export type { RetentionCurve, ShiftedBetaGeometricParameters } from './shiftedBetaGeometricSurvival';
export { shiftedBetaGeometricResidualLifetime } from './shiftedBetaGeometricResidualLifetime';

// Supervised option (lib/learn)
export {
	explainLogisticRegression,
	fitLogisticRegression,
	logisticRegressionOriginalCoefficients,
	LogisticRegressionModelSchema,
	parseLogisticRegressionModel,
	predictLogisticRegression,
} from '../learn/logisticRegression';
export type { FeatureRow, LogisticExplanation, LogisticRegressionModel, LogisticRegressionOptions } from '../learn/logisticRegression';
export { areaUnderRocCurve } from '../learn/areaUnderRocCurve';
export {
	cleanFeatureFields,
	explainSupervisedChurn,
	fitSupervisedChurn,
	readChurnLabel,
	SUPERVISED_CHURN_BASE_FEATURES,
	supervisedChurnFeatures,
	SupervisedChurnModelSchema,
} from './supervisedChurn';
export type { FitSupervisedChurnOptions, SupervisedChurnExplanation, SupervisedChurnModel } from './supervisedChurn';
export { isRetryableFailure } from './isRetryableFailure';
export type { HttpFailure } from './isRetryableFailure';
export { joinEndpointUrl } from './joinEndpointUrl';
export { parseRetryAfter } from './parseRetryAfter';
export { planRetry } from './planRetry';
export type { RetryPlan, RetrySettings } from './planRetry';
export { redactSecrets, redactUrl, REDACTED } from './redactSecrets';
export { urlSecrets } from './urlSecrets';
