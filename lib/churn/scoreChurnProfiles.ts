/**
 * Score Churn's whole run on profiles (Build Profile's rows or any with frequency, recency, T, monetaryValue):
 * check each row, fit BG/NBD or Pareto/NBD (and Gamma-Gamma for value) or take a stored model, score every
 * customer, band the churn risk and explain it in words with the numbers.
 *
 *   churnRisk = 'high' when churnProbability >= high, 'medium' when >= medium, else 'low'
 *   a fit needs minimumCustomers rows and minimumRepeatCustomers rows with frequency > 0; below that, or when the
 *   optimiser does not converge, the run falls back to the stored model when given, else to PUBLISHED_PRIOR (the
 *   BG/NBD fit on CDNOW, Fader, Hardie & Lee 2005), and every score says lowConfidence: true. A fit that did not
 *   converge never gives numbers.
 * Reference: Fader, Hardie & Lee (2005), Marketing Science 24(2):275-284; Fader & Hardie (2013), "The Gamma-Gamma
 * model of monetary value", http://brucehardie.com/notes/025/gamma_gamma.pdf
 *
 * Cost: O(n) plus the fit (see fitBgNbd) and scoring (see scoreCustomers) over unique (x, t_x, T).
 * @example scoreChurnProfiles(profiles, { model: 'bgnbd', horizon: 13, horizonUnit: 'week' }).scores[0].churnRisk // 'high'
 */
import type { InputIssue } from '../errors';
import { LifecycleInputError } from '../errors';
import type { BgNbdModel, GammaGammaModel, TransactionModel } from './churnModelSchemas';
import { BgNbdModelSchema, CHURN_MODEL_VERSION } from './churnModelSchemas';
import type { DurationUnit } from './convertDuration';
import { fitBgNbd } from './fitBgNbd';
import { fitGammaGamma } from './fitGammaGamma';
import { fitParetoNbd } from './fitParetoNbd';
import { parseChurnModel } from './parseChurnModel';
import type { BtydCustomer } from './readBtydCustomers';
import { readBtydCustomers } from './readBtydCustomers';
import { scoreCustomers } from './scoreCustomers';

export const CHURN_MODEL_BUNDLE_KIND = 'lifecycleChurnModel';

/** What Score Churn stores and reads back: the purchase model and, optionally, the spend model. */
export interface ChurnModelBundle {
	kind: typeof CHURN_MODEL_BUNDLE_KIND;
	version: 1;
	/** 'fit' on the run's customers, or 'prior' (the published CDNOW fit, used when the data cannot carry a fit). */
	source: 'fit' | 'prior';
	transaction: TransactionModel;
	spend: GammaGammaModel | null;
}

export interface ScoreChurnProfilesOptions {
	/** Model to fit; ignored with a stored model. */
	model?: 'bgnbd' | 'paretonbd';
	/** A stored model (a bundle from an earlier run, or a bare BG/NBD or Pareto/NBD model): score with it, no fit. */
	storedModel?: unknown;
	horizon: number;
	horizonUnit?: DurationUnit;
	/** Fit Gamma-Gamma for expectedSpend and predictedClv (default true). */
	spend?: boolean;
	/** Discount rate per month for CLV (default 0). */
	discountRate?: number;
	margin?: number;
	/** Risk bands on churnProbability (defaults 0.7 and 0.4). */
	highRisk?: number;
	mediumRisk?: number;
	/** Below these the run does not fit (defaults 100 and 20). */
	minimumCustomers?: number;
	minimumRepeatCustomers?: number;
	/** Unit of recency and T when the rows do not carry periodUnit. */
	periodUnit?: 'day' | 'week';
	/** Stored in a fitted model. */
	trainingWindow?: { start: string; end: string };
}

export interface ChurnProfileScore {
	itemIndex: number;
	probabilityAlive: number;
	churnProbability: number;
	expectedPurchases: number;
	expectedSpend: number | null;
	predictedClv: number | null;
	churnRisk: 'high' | 'medium' | 'low';
	churnReasons: string;
	lowConfidence: boolean;
	churnHorizon: string;
	churnModel: string;
}

export interface ScoreChurnProfilesResult {
	scores: ChurnProfileScore[];
	model: ChurnModelBundle;
	lowConfidence: boolean;
	/** Why the run is low-confidence or what it did about small data, for an execution hint. */
	notes: string[];
	issues: InputIssue[];
}

/** BG/NBD on CDNOW (weeks): Fader, Hardie & Lee (2005), table 1. Used only when the data cannot carry a fit. */
export const PUBLISHED_PRIOR: BgNbdModel = {
	kind: 'bgnbd',
	version: CHURN_MODEL_VERSION,
	r: 0.2425945,
	alpha: 4.4136019,
	a: 0.7929199,
	b: 2.4258881,
	standardErrors: { r: 0.0126, alpha: 0.3785, a: 0.1857, b: 0.7069 },
	periodUnit: 'week',
	uniqueCustomers: 2357,
	logLikelihood: -9582.43,
	converged: true,
	iterations: 0,
	optimizer: 'bfgs',
	customers: 2357,
};

/** The published prior in days: alpha is a time scale, so it is multiplied by 7 (r, a, b have no unit). */
function priorIn(unit: 'day' | 'week'): BgNbdModel {
	if (unit === 'week') return PUBLISHED_PRIOR;
	return BgNbdModelSchema.parse({
		...PUBLISHED_PRIOR,
		alpha: PUBLISHED_PRIOR.alpha * 7,
		standardErrors: { ...PUBLISHED_PRIOR.standardErrors, alpha: PUBLISHED_PRIOR.standardErrors.alpha * 7 },
		periodUnit: 'day',
	});
}

/** Reads a stored model: a bundle, or a bare transaction model (then without spend). */
export function parseChurnModelBundle(value: unknown): ChurnModelBundle {
	const record = value as Record<string, unknown> | null;
	if (record === null || typeof record !== 'object' || Array.isArray(record)) {
		throw new LifecycleInputError(`The stored churn model must be an object; got ${value === null ? 'null' : typeof value}`, {
			field: 'model',
			hint: 'Pass the model item of an earlier Fit and Score run (its JSON), not a text or a list',
		});
	}
	if (record.kind !== CHURN_MODEL_BUNDLE_KIND) {
		const transaction = parseChurnModel(record, ['bgnbd', 'paretonbd']) as TransactionModel;
		return { kind: CHURN_MODEL_BUNDLE_KIND, version: 1, source: 'fit', transaction, spend: null };
	}
	if (record.version !== 1) {
		throw new LifecycleInputError(`The stored churn model has version ${String(record.version)}; this package reads version 1`, { field: 'model.version' });
	}
	if (record.source !== 'fit' && record.source !== 'prior') {
		throw new LifecycleInputError(`The stored churn model's source must be 'fit' or 'prior'; got ${String(record.source)}`, { field: 'model.source' });
	}
	const transaction = parseChurnModel(record.transaction, ['bgnbd', 'paretonbd']) as TransactionModel;
	const spend = record.spend === null || record.spend === undefined ? null : (parseChurnModel(record.spend, ['gammagamma']) as GammaGammaModel);
	return { kind: CHURN_MODEL_BUNDLE_KIND, version: 1, source: record.source, transaction, spend };
}

/** Runs fn; a LifecycleInputError comes back as a value, anything else (a bug) propagates. */
function attempt<T>(fn: () => T): { value: T; error?: undefined } | { value?: undefined; error: LifecycleInputError } {
	let failure: unknown;
	try {
		return { value: fn() };
	} catch (error) {
		failure = error;
	}
	if (failure instanceof LifecycleInputError) return { error: failure };
	throw failure;
}

function round(value: number, digits: number): number {
	const factor = 10 ** digits;
	return Math.round(value * factor) / factor;
}

function plural(value: number, unit: string): string {
	const shown = round(value, 1);
	return `${shown} ${unit}${shown === 1 ? '' : 's'}`;
}

/** One sentence with the numbers behind the score. */
function explain(x: number, sinceLast: number, usualGap: number | null, probabilityAlive: number, churnProbability: number, unit: string, horizon: string): string {
	const parts: string[] = [];
	if (x === 0) parts.push(`one purchase day only, ${plural(sinceLast, unit)} ago`);
	else {
		parts.push(`no purchase for ${plural(sinceLast, unit)}`);
		parts.push(`usual gap ${plural(usualGap ?? 0, unit)} over ${x + 1} purchase days`);
	}
	parts.push(`P(alive) ${round(probabilityAlive, 3)}`);
	parts.push(`P(no purchase in ${horizon}) ${round(churnProbability, 3)}`);
	return parts.join('; ');
}

function checkProbability(value: number, name: string): void {
	if (!(value >= 0 && value <= 1)) throw new LifecycleInputError(`${name} must be a probability from 0 to 1; got ${value}`, { field: name });
}

function checkCount(value: number, name: string): void {
	if (!Number.isInteger(value) || value < 2) throw new LifecycleInputError(`${name} must be a whole number >= 2; got ${value}`, { field: name });
}

export function scoreChurnProfiles(profiles: ReadonlyArray<Record<string, unknown>>, options: ScoreChurnProfilesOptions): ScoreChurnProfilesResult {
	const highRisk = options.highRisk ?? 0.7;
	const mediumRisk = options.mediumRisk ?? 0.4;
	checkProbability(highRisk, 'highRisk');
	checkProbability(mediumRisk, 'mediumRisk');
	if (mediumRisk > highRisk) throw new LifecycleInputError(`mediumRisk (${mediumRisk}) must not exceed highRisk (${highRisk})`, { field: 'mediumRisk' });
	const minimumCustomers = options.minimumCustomers ?? 100;
	const minimumRepeatCustomers = options.minimumRepeatCustomers ?? 20;
	checkCount(minimumCustomers, 'minimumCustomers');
	checkCount(minimumRepeatCustomers, 'minimumRepeatCustomers');
	if (!(options.horizon > 0) || !Number.isFinite(options.horizon)) {
		throw new LifecycleInputError(`The horizon must be a number > 0; got ${options.horizon}`, { field: 'horizon' });
	}
	const stored = options.storedModel === undefined ? undefined : parseChurnModelBundle(options.storedModel);

	// Check each row on its own, so one bad row is an issue of its item and the others are still scored.
	const issues: InputIssue[] = [];
	const rows: BtydCustomer[] = [];
	const itemIndexes: number[] = [];
	let rowUnit: 'day' | 'week' | undefined;
	profiles.forEach((profile, itemIndex) => {
		const unit = profile?.periodUnit ?? options.periodUnit ?? stored?.transaction.periodUnit;
		const row: BtydCustomer = {
			frequency: profile?.frequency as number,
			recency: profile?.recency as number,
			T: profile?.T as number,
			monetaryValue: profile?.monetaryValue as number | null | undefined,
		};
		const checked = attempt(() => {
			if (unit !== 'day' && unit !== 'week') {
				throw new LifecycleInputError(`Score Churn requires periodUnit 'day' or 'week'; item ${itemIndex} has ${String(unit)}`, {
					field: 'periodUnit',
					hint: 'Use Build Profile\'s output, or set Period Unit in the options',
				});
			}
			if (rowUnit !== undefined && unit !== rowUnit) {
				throw new LifecycleInputError(`Score Churn requires one period unit for all customers; item ${itemIndex} is in '${unit}', earlier ones in '${rowUnit}'`, { field: 'periodUnit' });
			}
			readBtydCustomers([row], 'Score Churn', unit);
			return unit;
		});
		if (checked.error) {
			const { error } = checked;
			issues.push({
				itemIndex,
				field: error.field ?? 'frequency',
				message: error.message.replace(/customer 0/, `item ${itemIndex}`),
				hint: error.hint ?? 'Use Build Profile\'s output: frequency and T whole or decimal numbers >= 0, recency between 0 and T',
			});
			return;
		}
		rowUnit = checked.value;
		rows.push(row);
		itemIndexes.push(itemIndex);
	});
	const periodUnit = rowUnit ?? stored?.transaction.periodUnit ?? options.periodUnit ?? 'week';
	const notes: string[] = [];

	let bundle: ChurnModelBundle;
	let lowConfidence = false;
	if (stored) {
		if (stored.transaction.periodUnit !== periodUnit) {
			throw new LifecycleInputError(
				`The stored model is in '${stored.transaction.periodUnit}' but the customers are in '${periodUnit}'`,
				{ field: 'model.periodUnit', hint: `Rebuild the profiles with Period Unit '${stored.transaction.periodUnit}', or fit a new model on these customers` },
			);
		}
		bundle = stored;
		lowConfidence = stored.source === 'prior';
	} else {
		const repeatCustomers = rows.reduce((count, row) => count + (row.frequency > 0 ? 1 : 0), 0);
		let transaction: TransactionModel | undefined;
		if (rows.length < minimumCustomers || repeatCustomers < minimumRepeatCustomers) {
			notes.push(
				`Too little data for a stable fit (${rows.length} customers, ${repeatCustomers} with repeat purchases; the minimum is ${minimumCustomers} and ${minimumRepeatCustomers}): scores use the published CDNOW BG/NBD fit as a prior and are marked lowConfidence`,
			);
		} else {
			const fit = attempt(() =>
				options.model === 'paretonbd'
					? fitParetoNbd(rows, { periodUnit, trainingWindow: options.trainingWindow })
					: fitBgNbd(rows, { periodUnit, trainingWindow: options.trainingWindow }),
			);
			transaction = fit.value;
			if (fit.error) {
				notes.push(`The ${options.model === 'paretonbd' ? 'Pareto/NBD' : 'BG/NBD'} fit did not converge (${fit.error.message}): scores use the published CDNOW BG/NBD fit as a prior and are marked lowConfidence`);
			}
		}
		let spend: GammaGammaModel | null = null;
		if (transaction && options.spend !== false) {
			const spenders = rows.filter((row) => row.frequency > 0 && typeof row.monetaryValue === 'number' && row.monetaryValue > 0);
			const fit = attempt(() => fitGammaGamma(spenders, { trainingWindow: options.trainingWindow }));
			spend = fit.value ?? null;
			if (fit.error) notes.push(`No spend model (${fit.error.message}): expectedSpend and predictedClv are null`);
		}
		lowConfidence = transaction === undefined;
		bundle = { kind: CHURN_MODEL_BUNDLE_KIND, version: 1, source: transaction ? 'fit' : 'prior', transaction: transaction ?? priorIn(periodUnit), spend };
	}

	const horizonUnit = options.horizonUnit ?? periodUnit;
	const horizonText = `${options.horizon} ${horizonUnit}${options.horizon === 1 ? '' : 's'}`;
	const modelName = `${bundle.transaction.kind === 'bgnbd' ? 'BG/NBD' : 'Pareto/NBD'}${bundle.spend ? ' + Gamma-Gamma' : ''}${bundle.source === 'prior' ? ' (published prior)' : ''}`;
	// Spend for customers whose monetaryValue is unusable (mixed currencies): scored without the spend model.
	const spendable = rows.map((row) => row.frequency === 0 || (typeof row.monetaryValue === 'number' && row.monetaryValue >= 0));
	const withSpend = rows.filter((_, k) => spendable[k]);
	const withoutSpend = rows.filter((_, k) => !spendable[k]);
	const scoreOptions = { horizon: options.horizon, horizonUnit, discountRate: options.discountRate, margin: options.margin, periodUnit };
	const spendScores = withSpend.length ? scoreCustomers(bundle.transaction, withSpend, { ...scoreOptions, spendModel: bundle.spend ?? undefined }) : [];
	const plainScores = withoutSpend.length ? scoreCustomers(bundle.transaction, withoutSpend, scoreOptions) : [];
	if (bundle.spend && withoutSpend.length) notes.push(`${withoutSpend.length} customers without a usable monetaryValue (mixed currencies): expectedSpend and predictedClv are null for them`);

	let nextSpend = 0;
	let nextPlain = 0;
	const scores = rows.map((row, k): ChurnProfileScore => {
		const score = spendable[k] ? spendScores[nextSpend++] : plainScores[nextPlain++];
		const churnRisk = score.churnProbability >= highRisk ? 'high' : score.churnProbability >= mediumRisk ? 'medium' : 'low';
		return {
			itemIndex: itemIndexes[k],
			probabilityAlive: round(score.probabilityAlive, 6),
			churnProbability: round(score.churnProbability, 6),
			expectedPurchases: round(score.expectedPurchases, 6),
			expectedSpend: score.expectedSpend === null ? null : round(score.expectedSpend, 2),
			predictedClv: score.predictedClv === null ? null : round(score.predictedClv, 2),
			churnRisk,
			churnReasons: explain(row.frequency, score.periodsSinceLastPurchase, score.usualGapPeriods, score.probabilityAlive, score.churnProbability, periodUnit, horizonText),
			lowConfidence,
			churnHorizon: horizonText,
			churnModel: modelName,
		};
	});
	return { scores, model: bundle, lowConfidence, notes, issues };
}
