import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { ChurnModelBundle, ScoreChurnProfilesOptions } from '../../lib';
import { evaluateHoldout, fitBgNbd, fitParetoNbd, describeValue, LifecycleInputError, ownField, roundTo, scoreChurnProfiles } from '../../lib';
import { ItemErrorCollector } from '../shared/itemErrors';
import { readModelJson } from '../shared/modelParameter';
import { inInputOrder, pairedItemsOf } from '../shared/pairedItems';
import type { RemoteOptions } from './scoreRemotely';
import { scoreRemotely } from './scoreRemotely';
import { compactItems, refuseWhatNeedsAPopulation, wantsCompact } from '../shared/toolOutput';

interface ScoreChurnNodeOptions extends RemoteOptions {
	discountRate?: number;
	fallbackModel?: unknown;
	featureFields?: string;
	l2?: number;
	minimumLabelledPerClass?: number;
	spend?: boolean;
	highRisk?: number;
	margin?: number;
	mediumRisk?: number;
	minimumCustomers?: number;
	minimumRepeatCustomers?: number;
	modelOutput?: 'item' | 'binary' | 'none';
	periodUnit?: 'day' | 'week';
	toolOutput?: string;
}

const SCORE_FIELDS = ['probabilityAlive', 'churnProbability', 'expectedPurchases', 'expectedSpend', 'predictedClv', 'churnRisk', 'churnReasons', 'lowConfidence', 'churnHorizon', 'churnModel'] as const;

const MODEL_HINT = 'Map the model item of an earlier Fit and Score run, for example {{ $json }} after reading it back, unchanged';

/** Reads the stored model from the parameter (JSON text or object) or from a binary file on the first item. */
async function readStoredModel(context: IExecuteFunctions, items: INodeExecutionData[]): Promise<unknown> {
	const from = context.getNodeParameter('modelFrom', 0, 'json') as string;
	if (from === 'binary') {
		const property = context.getNodeParameter('modelBinaryProperty', 0, 'data') as string;
		if (!items[0]?.binary?.[property]) {
			throw new NodeOperationError(context.getNode(), `No binary property "${property}" on the first item to read the model from`, {
				description: 'Read the model file first (for example with Read/Write Files from Disk) or set Input Binary Field to the property that holds it',
			});
		}
		return readModelJson(context, (await context.helpers.getBinaryDataBuffer(0, property)).toString('utf8'), 'Stored Model', MODEL_HINT);
	}
	return readModelJson(context, context.getNodeParameter('storedModel', 0, '') as unknown, 'Stored Model', MODEL_HINT);
}

function scoringOptions(context: IExecuteFunctions, options: ScoreChurnNodeOptions): ScoreChurnProfilesOptions {
	return {
		model: context.getNodeParameter('model', 0, 'bgnbd') as 'bgnbd' | 'paretonbd',
		horizon: context.getNodeParameter('horizon', 0, 13) as number,
		horizonUnit: context.getNodeParameter('horizonUnit', 0, 'week') as 'day' | 'week' | 'month',
		spend: options.spend,
		discountRate: options.discountRate,
		margin: options.margin,
		highRisk: options.highRisk,
		mediumRisk: options.mediumRisk,
		minimumCustomers: options.minimumCustomers,
		minimumRepeatCustomers: options.minimumRepeatCustomers,
		periodUnit: options.periodUnit,
	};
}

/** The supervised settings of Fit and Score: a label field, extra feature fields, regularisation, minimum labels. */
function supervisedOptions(context: IExecuteFunctions, options: ScoreChurnNodeOptions): Partial<ScoreChurnProfilesOptions> {
	const labelField = (context.getNodeParameter('labelField', 0, '') as string).trim();
	if (labelField === '') return {};
	return {
		labelField,
		featureFields: (options.featureFields ?? '').split(','),
		l2: options.l2,
		minimumLabelledPerClass: options.minimumLabelledPerClass,
	};
}

/** The model item: the bundle (what to store) plus what this run says about it, outside the fingerprint. */
function modelItem(bundle: ChurnModelBundle, customers: number, lowConfidence: boolean): IDataObject {
	return { ...(bundle as unknown as IDataObject), modelItem: true, scoredCustomers: customers, lowConfidence };
}

async function score(context: IExecuteFunctions, items: INodeExecutionData[], operation: string): Promise<INodeExecutionData[][]> {
	const options = context.getNodeParameter('options', 0, {}) as ScoreChurnNodeOptions;
	const errors = new ItemErrorCollector(context);
	const profiles = items.map((item) => item.json);
	const settings = scoringOptions(context, options);
	const stored = operation === 'scoreWithModel' ? await readStoredModel(context, items) : undefined;
	const fallback = operation === 'fitAndScore' && options.fallbackModel !== undefined && options.fallbackModel !== '' ? readModelJson(context, options.fallbackModel, 'Fallback Model', MODEL_HINT) : undefined;
	let result;
	try {
		if (operation === 'scoreWithModel') settings.storedModel = stored;
		if (fallback !== undefined) settings.fallbackModel = fallback;
		if (operation === 'fitAndScore') Object.assign(settings, supervisedOptions(context, options));
		result = scoreChurnProfiles(profiles, settings);
	} catch (error) {
		throw errors.fatal(error);
	}
	for (const issue of result.issues) errors.failIssue(issue);
	const output: INodeExecutionData[] = result.scores.map((scored) => {
		const json: IDataObject = { ...items[scored.itemIndex].json };
		for (const field of SCORE_FIELDS) json[field] = scored[field];
		if (scored.churnContributions) {
			json.churnContributions = scored.churnContributions;
			json.churnTopFactor = scored.churnTopFactor ?? null;
		}
		return { json, pairedItem: { item: scored.itemIndex } };
	});
	if (result.notes.length > 0) context.addExecutionHints({ message: result.notes.join('. '), location: 'outputPane' });
	const modelOutput = options.modelOutput ?? 'item';
	if (operation === 'fitAndScore' && modelOutput !== 'none') {
		const used = result.scores.map((scored) => scored.itemIndex);
		const item: INodeExecutionData = { json: modelItem(result.model, used.length, result.lowConfidence), pairedItem: pairedItemsOf(used) };
		if (modelOutput === 'binary') {
			const { kind, source, fingerprint } = result.model;
			item.json = { modelItem: true, kind, source, fingerprint, scoredCustomers: used.length, lowConfidence: result.lowConfidence };
			item.binary = {
				data: await context.helpers.prepareBinaryData(Buffer.from(JSON.stringify(result.model, null, 2), 'utf8'), 'churn-model.json', 'application/json'),
			};
		}
		output.push(item);
	}
	return [inInputOrder([...output, ...errors.items])];
}

/** Score With Remote Endpoint: the risk bands checked before any call, then the endpoint in batches. */
async function scoreRemote(context: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
	const options = context.getNodeParameter('options', 0, {}) as ScoreChurnNodeOptions;
	const settings = scoringOptions(context, options);
	const [mediumRisk, highRisk] = [settings.mediumRisk ?? 0.4, settings.highRisk ?? 0.7];
	if (!(mediumRisk >= 0 && mediumRisk <= highRisk && highRisk <= 1)) {
		throw new NodeOperationError(context.getNode(), `Medium Risk From (${mediumRisk}) and High Risk From (${highRisk}) must be probabilities with medium <= high`, {
			description: 'Set the risk bands in the options, for example 0.4 and 0.7',
		});
	}
	return await scoreRemotely(context, items, settings, options);
}

/** Reads a holdout field: a count of purchases (placed at the end of the holdout) or a list of times. */
function holdoutTimes(value: unknown, itemIndex: number, field: string, length: number): { times: number[]; exact: boolean } {
	// Purchases are counted once per day, so a holdout of `length` periods (weeks at most) holds at most 7 * length + 1.
	if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 7 * length + 1) return { times: new Array<number>(value).fill(length), exact: false };
	if (typeof value === 'string' && /^\d+$/.test(value.trim())) return holdoutTimes(Number(value), itemIndex, field, length);
	if (Array.isArray(value) && value.every((time) => typeof time === 'number' && time > 0 && time <= length)) return { times: value as number[], exact: true };
	throw new LifecycleInputError(`Item ${itemIndex} has ${describeValue(value)} in ${field}; Evaluate needs a whole number of holdout purchases from 0 to ${7 * length + 1} (one a day) or a list of purchase times in (0, ${length}]`, {
		itemIndex,
		field,
		hint: 'Build a second profile at the end of the holdout and subtract: holdout purchases = frequency at the end - frequency at the calibration end (a Merge node by customerId, then a Set node)',
	});
}

async function evaluate(context: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
	const options = context.getNodeParameter('options', 0, {}) as ScoreChurnNodeOptions;
	const field = context.getNodeParameter('holdoutField', 0, 'holdoutPurchases') as string;
	const length = context.getNodeParameter('holdoutLength', 0, 39) as number;
	const modelKind = context.getNodeParameter('model', 0, 'bgnbd') as string;
	const errors = new ItemErrorCollector(context);
	const customers: IDataObject[] = [];
	const purchaseTimes: number[][] = [];
	const used: number[] = [];
	let exact = true;
	items.forEach((item, itemIndex) => {
		try {
			const holdout = holdoutTimes(ownField(item.json, field), itemIndex, field, length);
			exact &&= holdout.exact || holdout.times.length === 0;
			customers.push(item.json);
			purchaseTimes.push(holdout.times);
			used.push(itemIndex);
		} catch (error) {
			errors.fail(error, itemIndex);
		}
	});
	let evaluation;
	let fitted;
	try {
		const rows = customers.map((json) => ({ frequency: json.frequency as number, recency: json.recency as number, T: json.T as number, periodUnit: (json.periodUnit ?? options.periodUnit) as string }));
		const periodUnit = (rows[0]?.periodUnit ?? 'week') as 'day' | 'week';
		fitted = modelKind === 'paretonbd' ? fitParetoNbd(rows, { periodUnit }) : fitBgNbd(rows, { periodUnit });
		evaluation = evaluateHoldout(fitted, rows, { purchaseTimes, length });
	} catch (error) {
		throw errors.fatal(error);
	}
	const round = (value: number) => roundTo(value, 4);
	const json: IDataObject = {
		evaluation: true,
		model: fitted.kind,
		customers: evaluation.customers,
		holdoutLength: evaluation.length,
		actualPurchases: evaluation.total.actual,
		predictedPurchases: round(evaluation.total.predicted),
		predictedToActual: evaluation.total.actual > 0 ? round(evaluation.total.predicted / evaluation.total.actual) : null,
		buyers: evaluation.buyers,
		aucPurchaseProbability: evaluation.auc ? round(evaluation.auc.probabilityOfPurchase) : null,
		aucProbabilityAlive: evaluation.auc ? round(evaluation.auc.probabilityAlive) : null,
		aucExpectedPurchases: evaluation.auc ? round(evaluation.auc.expectedPurchases) : null,
		meanAbsoluteError: round(evaluation.meanAbsoluteError),
		byCalibrationPurchases: evaluation.byCalibrationFrequency as unknown as IDataObject[],
		periods: exact ? (evaluation.periods as unknown as IDataObject[]) : [],
		parameters: fitted as unknown as IDataObject,
	};
	if (!exact) context.addExecutionHints({ message: 'Holdout purchases were given as counts, so the per-period tracking is left out; give purchase times to get it', location: 'outputPane' });
	return [[{ json, pairedItem: pairedItemsOf(used) }, ...errors.items]];
}

export async function executeScoreChurn(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const operation = this.getNodeParameter('operation', 0, 'fitAndScore') as string;
	refuseWhatNeedsAPopulation(this, 'scoreChurn', { operation });
	if (operation === 'evaluate') return await evaluate(this, items);
	const output = operation === 'scoreRemote' ? await scoreRemote(this, items) : await score(this, items, operation);
	const { toolOutput } = this.getNodeParameter('options', 0, {}) as ScoreChurnNodeOptions;
	return wantsCompact(this, toolOutput) ? output.map((branch) => compactItems(branch, 'churn')) : output;
}
