/**
 * Score Churn's whole run on profiles (Build Profile's rows or any with frequency, recency, T, monetaryValue):
 * check each row, fit BG/NBD or Pareto/NBD (and Gamma-Gamma for value) or take a stored model, score every
 * customer, band the churn risk and explain it in words with the numbers.
 *
 *   churnRisk = 'high' when churnProbability >= high, 'medium' when >= medium, else 'low'
 *   a fit needs minimumCustomers rows and minimumRepeatCustomers rows with frequency > 0; below that, or when the
 *   optimiser does not converge, the run falls back to the fallback model when given, else to PUBLISHED_PRIOR (the
 *   BG/NBD fit on CDNOW, Fader, Hardie & Lee 2005), and every score says lowConfidence: true. A fit that did not
 *   converge never gives numbers.
 *   With a labelField (the CRM's "churned"), churnProbability is P(label) from the supervised model (see
 *   supervisedChurn) fitted on the labelled customers (at least minimumLabelledPerClass of each label), with
 *   per-feature contributions; the BTYD fields stay. Too few labels: the BTYD churnProbability, lowConfidence.
 *   The model bundle carries a fingerprint (churnModelFingerprint); a stored bundle whose fingerprint does not
 *   match its content was changed after the fit and is refused.
 *   Item errors (the others are still scored): frequency, recency, T as readBtydCustomers checks them; T beyond
 *   100 years; more repeat purchases than days of recency (+1 for rounding); monetaryValue that is not empty or
 *   a number >= 0; monetaryValue beyond 1e9 times the run's median spend (spendOutliers).
 * Reference: Fader, Hardie & Lee (2005), Marketing Science 24(2):275-284; Fader & Hardie (2013), "The Gamma-Gamma
 * model of monetary value", http://brucehardie.com/notes/025/gamma_gamma.pdf
 *
 * Cost: O(n) plus the fit (see fitBgNbd) and scoring (see scoreCustomers) over unique (x, t_x, T).
 * @example scoreChurnProfiles(profiles, { model: 'bgnbd', horizon: 13, horizonUnit: 'week' }).scores[0].churnRisk // 'high'
 */
import type { InputIssue } from '../errors';
import { LifecycleInputError } from '../errors';
import { ownField } from '../fieldValues';
import { roundTo } from '../stats/roundTo';
import { churnModelFingerprint } from './churnModelFingerprint';
import type { BgNbdModel, GammaGammaModel, TransactionModel } from './churnModelSchemas';
import { BgNbdModelSchema, CHURN_MODEL_VERSION } from './churnModelSchemas';
import type { DurationUnit } from './convertDuration';
import { describeValue } from './describeValue';
import { fitBgNbd } from './fitBgNbd';
import { fitGammaGamma } from './fitGammaGamma';
import { fitParetoNbd } from './fitParetoNbd';
import { parseChurnModel } from './parseChurnModel';
import type { BtydCustomer } from './readBtydCustomers';
import { readBtydCustomers } from './readBtydCustomers';
import { scoreCustomers } from './scoreCustomers';
import { SPEND_OUTLIER_RATIO, spendOutliers } from './spendOutliers';
import type { SupervisedChurnModel } from './supervisedChurn';
import { cleanFeatureFields, explainSupervisedChurn, fitSupervisedChurn, readChurnLabel, supervisedChurnFeatures, SupervisedChurnModelSchema } from './supervisedChurn';

export const CHURN_MODEL_BUNDLE_KIND = 'lifecycleChurnModel';

/** What Score Churn stores and reads back: the purchase model and, optionally, the spend model. */
export interface ChurnModelBundle {
	kind: typeof CHURN_MODEL_BUNDLE_KIND;
	version: 1;
	/** 'fit' on the run's customers, or 'prior' (the published CDNOW fit, used when the data cannot carry a fit). */
	source: 'fit' | 'prior';
	transaction: TransactionModel;
	spend: GammaGammaModel | null;
	/** The supervised model on the CRM's churn label, when Fit and Score was given a label field. */
	supervised: SupervisedChurnModel | null;
	/** churnModelFingerprint of the fields above: a stored bundle that does not match it was changed after the fit. */
	fingerprint: string;
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
	/** A model (bundle or bare BG/NBD or Pareto/NBD) to score with when the data cannot carry a fit, instead of the prior. */
	fallbackModel?: unknown;
	/** Field with the CRM's churn label (true/false, 1/0, yes/no; empty = unlabelled): fits the supervised model. */
	labelField?: string;
	/** Extra numeric profile fields for the supervised model (after frequency, periodsSinceLastPurchase, T, monetaryValue). */
	featureFields?: ReadonlyArray<string>;
	/** Ridge penalty of the supervised model (default 1). */
	l2?: number;
	/** Below this many customers of either label the supervised model is not fitted (default 10). */
	minimumLabelledPerClass?: number;
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
	/** With a supervised model: each feature's contribution to the churn log-odds, and the one raising it most. */
	churnContributions?: Record<string, number>;
	churnTopFactor?: string | null;
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

/** The fields a fingerprint covers, in a fresh object (extra fields such as modelItem are left out). */
function fingerprinted(record: Readonly<Record<string, unknown>>): Record<string, unknown> {
	return { kind: record.kind, version: record.version, source: record.source, transaction: record.transaction, spend: record.spend, supervised: record.supervised };
}

/** A bundle with its fingerprint. */
export function sealChurnModelBundle(bundle: Omit<ChurnModelBundle, 'fingerprint'>): ChurnModelBundle {
	const content = { kind: bundle.kind, version: bundle.version, source: bundle.source, transaction: bundle.transaction, spend: bundle.spend, supervised: bundle.supervised };
	return { ...content, fingerprint: churnModelFingerprint(content) };
}

function parseSupervised(value: unknown): SupervisedChurnModel {
	const parsed = SupervisedChurnModelSchema.safeParse(value);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new LifecycleInputError(`The stored churn model's supervised part is not valid: ${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`, {
			field: 'model.supervised',
			hint: 'Pass the model exactly as Fit and Score wrote it, or fit it again',
		});
	}
	return parsed.data;
}

/** Runs a lib parser; its plain Error (a foreign or invalid model) becomes an input error of the model field. */
function parsePart<T>(parse: () => T, field: string): T {
	let failure: unknown;
	try {
		return parse();
	} catch (error) {
		failure = error;
	}
	if (failure instanceof LifecycleInputError) throw failure;
	throw new LifecycleInputError(failure instanceof Error ? failure.message : String(failure), { field, hint: 'Pass the model exactly as Fit and Score wrote it, or fit it again' });
}

/**
 * Reads a stored model: a bundle (checked part by part, then against its fingerprint), or a bare BG/NBD or
 * Pareto/NBD model as lib's fits return it (then without spend and supervised parts, and without a fingerprint).
 */
export function parseChurnModelBundle(value: unknown): ChurnModelBundle {
	const record = value as Record<string, unknown> | null;
	if (record === null || typeof record !== 'object' || Array.isArray(record)) {
		throw new LifecycleInputError(`The stored churn model must be an object; got ${value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value}`, {
			field: 'model',
			hint: 'Pass the model item of an earlier Fit and Score run (its JSON), not a text or a list',
		});
	}
	if (record.kind !== CHURN_MODEL_BUNDLE_KIND) {
		const transaction = parsePart(() => parseChurnModel(record, ['bgnbd', 'paretonbd']) as TransactionModel, 'model');
		return sealChurnModelBundle({ kind: CHURN_MODEL_BUNDLE_KIND, version: 1, source: 'fit', transaction, spend: null, supervised: null });
	}
	if (record.version !== 1) {
		throw new LifecycleInputError(`The stored churn model has version ${describeValue(record.version)}; this package reads version 1`, { field: 'model.version', hint: 'Fit the model again with this version of the package' });
	}
	if (record.source !== 'fit' && record.source !== 'prior') {
		throw new LifecycleInputError(`The stored churn model's source must be 'fit' or 'prior'; got ${describeValue(record.source)}`, { field: 'model.source' });
	}
	const transaction = parsePart(() => parseChurnModel(record.transaction, ['bgnbd', 'paretonbd']) as TransactionModel, 'model.transaction');
	const spend = record.spend === null || record.spend === undefined ? null : parsePart(() => parseChurnModel(record.spend, ['gammagamma']) as GammaGammaModel, 'model.spend');
	const supervised = record.supervised === null || record.supervised === undefined ? null : parseSupervised(record.supervised);
	if (supervised && supervised.periodUnit !== transaction.periodUnit) {
		throw new LifecycleInputError(`The stored churn model mixes period units: the purchase model is in '${transaction.periodUnit}', the supervised one in '${supervised.periodUnit}'`, { field: 'model.supervised' });
	}
	if (typeof record.fingerprint !== 'string') {
		throw new LifecycleInputError('The stored churn model has no fingerprint, so it cannot be told apart from a changed copy', {
			field: 'model.fingerprint',
			hint: 'Store the whole model item of Fit and Score (fingerprint included), or fit it again',
		});
	}
	if (churnModelFingerprint(fingerprinted(record)) !== record.fingerprint) {
		throw new LifecycleInputError('The stored churn model was changed after it was fitted: its content does not match its fingerprint', {
			field: 'model.fingerprint',
			hint: 'Use the model exactly as Fit and Score wrote it (any edited parameter, added or removed part changes the fingerprint), or fit it again',
		});
	}
	return { kind: CHURN_MODEL_BUNDLE_KIND, version: 1, source: record.source, transaction, spend, supervised, fingerprint: record.fingerprint };
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

function plural(value: number, unit: string): string {
	const shown = roundTo(value, 1);
	return `${shown} ${unit}${shown === 1 ? '' : 's'}`;
}

/** The supervised part of a reason: P(label) and the largest contributions. */
interface SupervisedReason {
	labelField: string;
	probability: number;
	drivers: string;
}

/** One sentence with the numbers behind the score. */
function explain(x: number, sinceLast: number, usualGap: number | null, probabilityAlive: number, churnProbability: number, unit: string, horizon: string, supervised?: SupervisedReason): string {
	const parts: string[] = [];
	if (x === 0) parts.push(`one purchase day only, ${plural(sinceLast, unit)} ago`);
	else {
		parts.push(`no purchase for ${plural(sinceLast, unit)}`);
		parts.push(`usual gap ${plural(usualGap ?? 0, unit)} over ${x + 1} purchase days`);
	}
	parts.push(`P(alive) ${roundTo(probabilityAlive, 3)}`);
	if (supervised) {
		parts.push(`P(${supervised.labelField}) ${roundTo(supervised.probability, 3)} from the label model`);
		parts.push(`log-odds vs an average customer: ${supervised.drivers}`);
	} else parts.push(`P(no purchase in ${horizon}) ${roundTo(churnProbability, 3)}`);
	return parts.join('; ');
}

function checkProbability(value: number, name: string): void {
	if (!(value >= 0 && value <= 1)) throw new LifecycleInputError(`${name} must be a probability from 0 to 1; got ${value}`, { field: name });
}

function checkCount(value: number, name: string): void {
	if (!Number.isInteger(value) || value < 2) throw new LifecycleInputError(`${name} must be a whole number >= 2; got ${value}`, { field: name });
}

/** One profile after its checks: the purchase summary, and for a supervised model its features and label. */
interface CheckedProfile {
	unit: 'day' | 'week';
	features: number[] | null;
	label: 0 | 1 | null;
}

/** Days in one model period, for the plausibility rules of checkPlausibleSummary. */
const DAYS_PER_PERIOD = { day: 1, week: 7 } as const;
/** A customer older than this is a date error (a 1900 or epoch-0 placeholder), not a customer. */
const OLDEST_CUSTOMER_DAYS = 100 * 365.25;
/** Slack of one repeat purchase: recency rounded (the CDNOW summary keeps 2 decimals of weeks) may fall short of a day per purchase. */
const ROUNDING_PURCHASES = 1;

/**
 * Plausibility of one (frequency, recency, T) summary beyond readBtydCustomers' consistency checks: repeat
 * purchases are counted on distinct days (Build Profile, the CDNOW summary), so there are at most as many as days
 * of recency; and T is below 100 years. Either violated is a corrupt or mis-mapped row, which would otherwise slow
 * the fit to seconds or stop it for every customer.
 */
function checkPlausibleSummary(row: BtydCustomer, unit: 'day' | 'week', itemIndex: number): void {
	const days = DAYS_PER_PERIOD[unit];
	if (row.T * days > OLDEST_CUSTOMER_DAYS) {
		throw new LifecycleInputError(`Score Churn requires T below 100 years; item ${itemIndex} has T ${describeValue(row.T)} ${unit}s`, {
			field: 'T',
			hint: 'A first purchase dated 1900 or 1970 is a placeholder date: fix the source dates, or set Observation End in Build Profile',
		});
	}
	if (row.frequency > days * row.recency + ROUNDING_PURCHASES) {
		throw new LifecycleInputError(`Score Churn requires at most one repeat purchase per day of recency; item ${itemIndex} has frequency ${describeValue(row.frequency)} in a recency of ${describeValue(row.recency)} ${unit}s`, {
			field: 'frequency',
			hint: 'frequency counts the distinct purchase days after the first (Build Profile\'s output); check the mapping of frequency and recency',
		});
	}
}

/** Items whose monetaryValue is a spend outlier (see spendOutliers) become issues and leave the run. */
function dropSpendOutliers(rows: BtydCustomer[], itemIndexes: number[], parallel: unknown[][], issues: InputIssue[]): void {
	const outlier = spendOutliers(rows.map((row) => (row.frequency > 0 && typeof row.monetaryValue === 'number' ? row.monetaryValue : 0)));
	for (let k = rows.length - 1; k >= 0; k--) {
		if (!outlier[k]) continue;
		issues.push({
			itemIndex: itemIndexes[k],
			field: 'monetaryValue',
			message: `Score Churn requires monetaryValue within ${SPEND_OUTLIER_RATIO.toExponential(0)} times the run's median spend; item ${itemIndexes[k]} has ${describeValue(rows[k].monetaryValue)}`,
			hint: 'Check the unit (cents or currency) and the source field; one spend model cannot fit values this far apart',
		});
		rows.splice(k, 1);
		itemIndexes.splice(k, 1);
		for (const list of parallel) list.splice(k, 1);
	}
	issues.sort((a, b) => a.itemIndex - b.itemIndex);
}

export function scoreChurnProfiles(profiles: ReadonlyArray<Record<string, unknown>>, options: ScoreChurnProfilesOptions): ScoreChurnProfilesResult {
	const highRisk = options.highRisk ?? 0.7;
	const mediumRisk = options.mediumRisk ?? 0.4;
	checkProbability(highRisk, 'highRisk');
	checkProbability(mediumRisk, 'mediumRisk');
	if (mediumRisk > highRisk) throw new LifecycleInputError(`mediumRisk (${mediumRisk}) must not exceed highRisk (${highRisk})`, { field: 'mediumRisk' });
	const minimumCustomers = options.minimumCustomers ?? 100;
	const minimumRepeatCustomers = options.minimumRepeatCustomers ?? 20;
	const minimumLabelledPerClass = options.minimumLabelledPerClass ?? 10;
	checkCount(minimumCustomers, 'minimumCustomers');
	checkCount(minimumRepeatCustomers, 'minimumRepeatCustomers');
	checkCount(minimumLabelledPerClass, 'minimumLabelledPerClass');
	if (!(options.horizon > 0) || !Number.isFinite(options.horizon)) {
		throw new LifecycleInputError(`The horizon must be a number > 0; got ${options.horizon}`, { field: 'horizon' });
	}
	const stored = options.storedModel === undefined ? undefined : parseChurnModelBundle(options.storedModel);
	const fallback = stored || options.fallbackModel === undefined ? undefined : parseChurnModelBundle(options.fallbackModel);
	// A stored model brings its own supervised part; a label field only fits one in Fit and Score.
	const labelField = stored ? undefined : options.labelField?.trim() || undefined;
	const featureFields = stored ? stored.supervised?.featureFields : labelField ? cleanFeatureFields(options.featureFields ?? []) : undefined;

	// Check each row on its own, so one bad row is an issue of its item and the others are still scored.
	const issues: InputIssue[] = [];
	const rows: BtydCustomer[] = [];
	const itemIndexes: number[] = [];
	const features: Array<number[] | null> = [];
	const labels: Array<0 | 1 | null> = [];
	let rowUnit: 'day' | 'week' | undefined;
	profiles.forEach((profile, itemIndex) => {
		const unit = profile?.periodUnit ?? options.periodUnit ?? stored?.transaction.periodUnit;
		const row: BtydCustomer = {
			frequency: profile?.frequency as number,
			recency: profile?.recency as number,
			T: profile?.T as number,
			monetaryValue: profile?.monetaryValue as number | null | undefined,
		};
		const checked = attempt((): CheckedProfile => {
			if (unit !== 'day' && unit !== 'week') {
				throw new LifecycleInputError(`Score Churn requires periodUnit 'day' or 'week'; item ${itemIndex} has ${describeValue(unit)}`, {
					field: 'periodUnit',
					hint: 'Use Build Profile\'s output, or set Period Unit in the options',
				});
			}
			if (rowUnit !== undefined && unit !== rowUnit) {
				throw new LifecycleInputError(`Score Churn requires one period unit for all customers; item ${itemIndex} is in '${unit}', earlier ones in '${rowUnit}'`, { field: 'periodUnit' });
			}
			readBtydCustomers([row], 'Score Churn', unit);
			checkPlausibleSummary(row, unit, itemIndex);
			const money = row.monetaryValue;
			if (money !== undefined && money !== null && !(typeof money === 'number' && Number.isFinite(money) && money >= 0)) {
				throw new LifecycleInputError(`Score Churn requires monetaryValue to be a number >= 0 or empty; item ${itemIndex} has ${describeValue(money)}`, {
					field: 'monetaryValue',
					hint: 'Use Build Profile\'s output (empty for mixed currencies), or map the mean repeat-purchase value to a number',
				});
			}
			return {
				unit,
				features: featureFields ? supervisedChurnFeatures(row, profile, featureFields, itemIndex) : null,
				label: labelField ? readChurnLabel(ownField(profile, labelField), labelField, itemIndex) : null,
			};
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
		rowUnit = checked.value.unit;
		rows.push(row);
		itemIndexes.push(itemIndex);
		features.push(checked.value.features);
		labels.push(checked.value.label);
	});
	dropSpendOutliers(rows, itemIndexes, [features, labels], issues);
	const periodUnit = rowUnit ?? stored?.transaction.periodUnit ?? options.periodUnit ?? 'week';
	const notes: string[] = [];
	const checkUnit = (model: ChurnModelBundle, what: string) => {
		if (model.transaction.periodUnit !== periodUnit) {
			throw new LifecycleInputError(`The ${what} is in '${model.transaction.periodUnit}' but the customers are in '${periodUnit}'`, {
				field: 'model.periodUnit',
				hint: `Rebuild the profiles with Period Unit '${model.transaction.periodUnit}', or fit a new model on these customers`,
			});
		}
	};

	let bundle: ChurnModelBundle;
	let lowConfidence = false;
	if (stored) {
		checkUnit(stored, 'stored model');
		bundle = stored;
		lowConfidence = stored.source === 'prior';
	} else {
		if (fallback) checkUnit(fallback, 'fallback model');
		const instead = fallback ? 'scores use the fallback model' : 'scores use the published CDNOW BG/NBD fit as a prior';
		const repeatCustomers = rows.reduce((count, row) => count + (row.frequency > 0 ? 1 : 0), 0);
		let transaction: TransactionModel | undefined;
		if (rows.length < minimumCustomers || repeatCustomers < minimumRepeatCustomers) {
			notes.push(
				`Too little data for a stable fit (${rows.length} customers, ${repeatCustomers} with repeat purchases; the minimum is ${minimumCustomers} and ${minimumRepeatCustomers}): ${instead} and are marked lowConfidence`,
			);
		} else {
			const fit = attempt(() =>
				options.model === 'paretonbd'
					? fitParetoNbd(rows, { periodUnit, trainingWindow: options.trainingWindow })
					: fitBgNbd(rows, { periodUnit, trainingWindow: options.trainingWindow }),
			);
			transaction = fit.value;
			if (fit.error) notes.push(`The ${options.model === 'paretonbd' ? 'Pareto/NBD' : 'BG/NBD'} fit did not converge (${fit.error.message}): ${instead} and are marked lowConfidence`);
		}
		let spend: GammaGammaModel | null = null;
		if (transaction && options.spend !== false) {
			const spenders = rows.filter((row) => row.frequency > 0 && typeof row.monetaryValue === 'number' && row.monetaryValue > 0);
			const fit = attempt(() => fitGammaGamma(spenders, { trainingWindow: options.trainingWindow }));
			spend = fit.value ?? null;
			if (fit.error) notes.push(`No spend model (${fit.error.message}): expectedSpend and predictedClv are null`);
		}

		let supervised: SupervisedChurnModel | null = null;
		let supervisedFailed = false;
		if (labelField && featureFields) {
			const training: number[][] = [];
			const trainingLabels: Array<0 | 1> = [];
			labels.forEach((label, k) => {
				if (label === null) return;
				training.push(features[k] as number[]);
				trainingLabels.push(label);
			});
			const churned = trainingLabels.reduce<number>((sum, label) => sum + label, 0);
			const stayed = trainingLabels.length - churned;
			if (churned < minimumLabelledPerClass || stayed < minimumLabelledPerClass) {
				supervisedFailed = true;
				notes.push(
					`Too few labelled customers for the label model on ${labelField} (${churned} labelled churned, ${stayed} not; the minimum is ${minimumLabelledPerClass} of each): churnProbability is P(no purchase in the horizon) from the purchase model and scores are marked lowConfidence`,
				);
			} else {
				const fit = attempt(() => fitSupervisedChurn(training, trainingLabels, { labelField, featureFields, periodUnit, l2: options.l2 }));
				supervised = fit.value ?? null;
				if (fit.error) {
					supervisedFailed = true;
					notes.push(`${fit.error.message}: churnProbability is P(no purchase in the horizon) from the purchase model and scores are marked lowConfidence`);
				}
			}
		}
		lowConfidence = transaction === undefined || supervisedFailed;
		const base = transaction
			? { source: 'fit' as const, transaction, spend }
			: fallback
				? { source: fallback.source, transaction: fallback.transaction, spend: fallback.spend }
				: { source: 'prior' as const, transaction: priorIn(periodUnit), spend: null };
		bundle = sealChurnModelBundle({ kind: CHURN_MODEL_BUNDLE_KIND, version: 1, ...base, supervised });
	}

	const horizonUnit = options.horizonUnit ?? periodUnit;
	const horizonText = `${options.horizon} ${horizonUnit}${options.horizon === 1 ? '' : 's'}`;
	const modelName = [
		bundle.supervised ? `logistic regression on ${bundle.supervised.labelField} + ` : '',
		bundle.transaction.kind === 'bgnbd' ? 'BG/NBD' : 'Pareto/NBD',
		bundle.spend ? ' + Gamma-Gamma' : '',
		bundle.source === 'prior' ? ' (published prior)' : '',
		!stored && fallback && bundle.transaction === fallback.transaction ? ' (fallback model)' : '',
	].join('');
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
		const explained = bundle.supervised ? explainSupervisedChurn(bundle.supervised, features[k] as number[]) : undefined;
		const churnProbability = explained ? explained.probability : score.churnProbability;
		const churnRisk = churnProbability >= highRisk ? 'high' : churnProbability >= mediumRisk ? 'medium' : 'low';
		const reason = explained && bundle.supervised ? { labelField: bundle.supervised.labelField, probability: explained.probability, drivers: explained.drivers } : undefined;
		const result: ChurnProfileScore = {
			itemIndex: itemIndexes[k],
			probabilityAlive: roundTo(score.probabilityAlive, 6),
			churnProbability: roundTo(churnProbability, 6),
			expectedPurchases: roundTo(score.expectedPurchases, 6),
			expectedSpend: score.expectedSpend === null ? null : roundTo(score.expectedSpend, 2),
			predictedClv: score.predictedClv === null ? null : roundTo(score.predictedClv, 2),
			churnRisk,
			churnReasons: explain(row.frequency, score.periodsSinceLastPurchase, score.usualGapPeriods, score.probabilityAlive, churnProbability, periodUnit, horizonText, reason),
			lowConfidence,
			churnHorizon: horizonText,
			churnModel: modelName,
		};
		if (explained) {
			// Feature names are user keys: an object without a prototype, so '__proto__' is just a name.
			const contributions = Object.create(null) as Record<string, number>;
			for (const { feature, contribution } of explained.contributions) contributions[feature] = roundTo(contribution, 4);
			result.churnContributions = contributions;
			result.churnTopFactor = explained.topFactor;
		}
		return result;
	});
	return { scores, model: bundle, lowConfidence, notes, issues };
}
