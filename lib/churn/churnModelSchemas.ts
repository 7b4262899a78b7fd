/**
 * Zod schemas of the fitted churn models: the versioned, self-describing objects that fits return and that
 * parseChurnModel accepts back (e.g. from a previous n8n execution). A model is data: parameters, fit
 * diagnostics (log-likelihood, convergence, iterations, standard errors), the period unit of its times and
 * the training window. Only converged fits exist as models (`converged: true`).
 *
 *   bgnbd      { r, alpha, a, b }           Fader, Hardie & Lee (2005)
 *   paretonbd  { r, alpha, s, beta }        Schmittlein, Morrison & Colombo (1987)
 *   gammagamma { p, q, gamma }              Fader, Hardie & Lee (2005), "RFM and CLV"
 *   sbg        { alpha, beta }              Fader & Hardie (2007), "How to project customer retention"
 * Reference: https://zod.dev (schemas), http://brucehardie.com/papers/ (the models).
 *
 * Cost: O(1) per model validated.
 * @example BgNbdModelSchema.parse(fitBgNbd(customers, { periodUnit: 'week' })) // the same model, validated
 */
import { z } from 'zod';

import { LogisticRegressionModelSchema } from '../learn/logisticRegression';

export const CHURN_MODEL_VERSION = 1;

const positive = z.number().finite().positive();
const nonNegative = z.number().finite().nonnegative();
const isoDate = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'must be an ISO 8601 date (yyyy-mm-dd or a timestamp)')
	.refine((text) => !Number.isNaN(Date.parse(text)), 'must be a real calendar date');

export const ChurnPeriodUnitSchema = z.enum(['day', 'week']);

export const TrainingWindowSchema = z
	.object({ start: isoDate, end: isoDate })
	.strict()
	.refine((window) => Date.parse(window.start) <= Date.parse(window.end), 'start must not be after end');

const fitDiagnostics = {
	version: z.literal(CHURN_MODEL_VERSION),
	logLikelihood: z.number().finite(),
	converged: z.literal(true),
	iterations: z.number().int().nonnegative(),
	optimizer: z.enum(['bfgs', 'nelderMead+bfgs']),
	customers: z.number().int().positive(),
};

export const BgNbdModelSchema = z
	.object({
		kind: z.literal('bgnbd'),
		r: positive,
		alpha: positive,
		a: positive,
		b: positive,
		standardErrors: z.object({ r: nonNegative, alpha: nonNegative, a: nonNegative, b: nonNegative }).strict(),
		periodUnit: ChurnPeriodUnitSchema,
		trainingWindow: TrainingWindowSchema.optional(),
		uniqueCustomers: z.number().int().positive(),
		...fitDiagnostics,
	})
	.strict();

export const ParetoNbdModelSchema = z
	.object({
		kind: z.literal('paretonbd'),
		r: positive,
		alpha: positive,
		s: positive,
		beta: positive,
		standardErrors: z.object({ r: nonNegative, alpha: nonNegative, s: nonNegative, beta: nonNegative }).strict(),
		periodUnit: ChurnPeriodUnitSchema,
		trainingWindow: TrainingWindowSchema.optional(),
		uniqueCustomers: z.number().int().positive(),
		...fitDiagnostics,
	})
	.strict();

export const GammaGammaModelSchema = z
	.object({
		kind: z.literal('gammagamma'),
		p: positive,
		q: positive,
		gamma: positive,
		standardErrors: z.object({ p: nonNegative, q: nonNegative, gamma: nonNegative }).strict(),
		trainingWindow: TrainingWindowSchema.optional(),
		...fitDiagnostics,
	})
	.strict();

export const ShiftedBetaGeometricModelSchema = z
	.object({
		kind: z.literal('sbg'),
		alpha: positive,
		beta: positive,
		standardErrors: z.object({ alpha: nonNegative, beta: nonNegative }).strict(),
		/** Number of renewal periods observed. */
		periods: z.number().int().positive(),
		...fitDiagnostics,
	})
	.strict();

export type BgNbdModel = z.infer<typeof BgNbdModelSchema>;
export type ParetoNbdModel = z.infer<typeof ParetoNbdModelSchema>;
export type GammaGammaModel = z.infer<typeof GammaGammaModelSchema>;
export type ShiftedBetaGeometricModel = z.infer<typeof ShiftedBetaGeometricModelSchema>;
export type TransactionModel = BgNbdModel | ParetoNbdModel;

export const CHURN_MODEL_SCHEMAS = {
	bgnbd: BgNbdModelSchema,
	paretonbd: ParetoNbdModelSchema,
	gammagamma: GammaGammaModelSchema,
	sbg: ShiftedBetaGeometricModelSchema,
	logisticRegression: LogisticRegressionModelSchema,
} as const;

export type ChurnModelKind = keyof typeof CHURN_MODEL_SCHEMAS;
