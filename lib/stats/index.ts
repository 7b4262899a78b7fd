/**
 * Statistical building blocks shared by the domains: special functions, distributions and their quantiles,
 * intervals, and the seeded random source.
 */

// Special functions
export { logGamma } from './logGamma';
export { regularizedIncompleteGamma, regularizedIncompleteGammaComplement } from './regularizedIncompleteGamma';
export { regularizedIncompleteBeta } from './regularizedIncompleteBeta';
export { hypergeometric2F1, logHypergeometric2F1 } from './hypergeometric2F1';
export type { LogHypergeometric } from './hypergeometric2F1';
export { logAddExp, logSubtractExp, logSumExp, signedLogSumExp } from './logSumExp';
export type { SignedLog } from './logSumExp';

// Distributions
export { normalCdf } from './normalCdf';
export { normalDensity } from './normalDensity';
export { normalQuantile } from './normalQuantile';
export { studentTCdf } from './studentTCdf';
export { studentTQuantile } from './studentTQuantile';
export { chiSquareCdf, chiSquareSurvival } from './chiSquareCdf';

// Intervals and areas
export { wilsonInterval } from './wilsonInterval';
export { trapezoidArea } from './trapezoidArea';
export { roundTo } from './roundTo';
export { ExactSum } from './ExactSum';

// Randomness
export { seededRandom } from './seededRandom';
export { sampleStandardNormal } from './sampleStandardNormal';
export { sampleGamma, sampleLogGamma } from './sampleGamma';
export { sampleBeta } from './sampleBeta';
export { sampleExponential } from './sampleExponential';
export type { RandomSource } from './seededRandom';
