import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { ArmSummary, ExperimentAnalysis, UnitOutcome, UpliftModel } from '../../lib';
import {
	analyzeExperiment,
	assertDistinctFieldNames,
	createArmAssigner,
	describeValue,
	isBlank,
	LifecycleInputError,
	MIN_SECRET_SALT_LENGTH,
	ownField,
	parseUpliftModel,
	planDetectableEffect,
	planSampleSize,
	roundTo,
	readArmSummaries,
	readExperimentUnits,
	renderUpliftReport,
	scoreUplift,
	trainUpliftModel,
	upliftRanks,
	variantFields,
} from '../../lib';
import { ItemErrorCollector } from '../shared/itemErrors';
import { readModelJson } from '../shared/modelParameter';
import { inInputOrder, pairedItemsOf } from '../shared/pairedItems';
import { compactItems, refuseWhatNeedsAPopulation, runsAsTool } from '../shared/toolOutput';

type Operation = 'assign' | 'analyze' | 'plan' | 'trainUpliftModel' | 'scoreUplift';


/** Whether any item has a non-empty own value in the field (a mapped field that no item carries is a mapping slip). */
function fieldInAnyItem(items: INodeExecutionData[], field: string): boolean {
	return items.some((item) => {
		return !isBlank(ownField(item.json, field));
	});
}

function round(value: number | null | undefined, digits = 6): number | null {
	return value === null || value === undefined || !Number.isFinite(value) ? null : roundTo(value, digits);
}

function confidenceToAlpha(context: IExecuteFunctions, confidence: number): number {
	if (!(confidence > 0.5 && confidence < 1)) {
		throw new NodeOperationError(context.getNode(), `Confidence Level must be between 0.5 and 1; got ${confidence}`, { description: 'Use 0.95 for 95% intervals' });
	}
	return Math.round((1 - confidence) * 1e9) / 1e9;
}

/** "control=10, treatment=90" -> { control: 10, treatment: 90 } (a null-prototype record). */
function readPlannedSplit(context: IExecuteFunctions, text: string): Record<string, number> | undefined {
	if (text.trim() === '') return undefined;
	const weights = Object.create(null) as Record<string, number>;
	for (const part of text.split(',')) {
		const match = /^\s*([^=]+?)\s*=\s*([0-9.]+)\s*$/.exec(part);
		if (!match || !(Number(match[2]) > 0)) {
			throw new NodeOperationError(context.getNode(), `Planned Split has "${part.trim()}", not arm=weight`, { description: 'Write it as control=10, treatment=90' });
		}
		if (Object.prototype.hasOwnProperty.call(weights, match[1])) {
			throw new NodeOperationError(context.getNode(), `Planned Split names the arm "${match[1]}" twice`, { description: 'Give each arm one weight, such as control=10, treatment=90' });
		}
		weights[match[1]] = Number(match[2]);
	}
	return weights;
}

/** Global Control Group Size as a share in [0, 1); anything else (negative, 1 or more, not a number) is refused. */
function readGlobalControlSize(context: IExecuteFunctions): number {
	const size = context.getNodeParameter('globalControlSize', 0, 0) as unknown;
	if (typeof size === 'number' && Number.isFinite(size) && size >= 0 && size < 1) return size;
	throw new NodeOperationError(context.getNode(), `Global Control Group Size must be a share from 0 to below 1; got ${describeValue(size)}`, {
		description: 'Use 0.05 for 5% of all customers, or 0 for no global control group',
	});
}

/**
 * The campaign salt: the campaign name, with the credential's secret in front when asked. Version 2 hashes the parts
 * as a JSON array (unambiguous); version 1 keeps secret:campaign:id so running experiments keep their arms.
 */
async function readSalt(context: IExecuteFunctions, campaign: string): Promise<{ salt: string[]; hashing: 'unambiguous' | 'colonJoined' }> {
	const hashing = context.getNode().typeVersion >= 2 ? 'unambiguous' : 'colonJoined';
	if (context.getNodeParameter('saltFrom', 0, 'campaign') !== 'credential') return { salt: [campaign], hashing };
	const credentials = await context.getCredentials('lifecycleAssignmentSaltApi');
	const secret = String(credentials.secret ?? '');
	if (secret.length < MIN_SECRET_SALT_LENGTH) {
		throw new NodeOperationError(context.getNode(), `The Lifecycle Assignment Salt credential's secret salt has ${secret.length} characters; it needs at least ${MIN_SECRET_SALT_LENGTH}`, {
			description: 'A short salt can be guessed, and with it who is held out: set at least 16 random characters as Secret Salt (changing it reshuffles the split, so do it before the campaign starts)',
		});
	}
	return { salt: [secret, campaign], hashing };
}

/** Version 1 joins salt and id with ":", so a ":" in the campaign or secret can make two campaigns split alike. */
function hintColonSalt(context: IExecuteFunctions, salt: { salt: string[]; hashing: string }): void {
	if (salt.hashing !== 'colonJoined' || !salt.salt.some((part) => part.includes(':'))) return;
	context.addExecutionHints({
		message:
			'The campaign (or secret salt) contains ":". This version 1 node joins salt and customer ID with ":", so this split can coincide with another campaign\'s (campaign "a" with ID "b:1" hashes like campaign "a:b" with ID "1"). Arms are kept as they were; for new campaigns add a new Measure Uplift node (version 2), which hashes unambiguously.',
		location: 'outputPane',
	});
}

function readArms(context: IExecuteFunctions): Array<{ name: string; weight: number }> {
	const rows = (context.getNodeParameter('arms', 0, {}) as { arm?: Array<{ name?: string; weight?: number }> }).arm ?? [];
	return rows.map((row) => ({ name: String(row.name ?? '').trim(), weight: Number(row.weight) }));
}

async function createAssigner(context: IExecuteFunctions, campaign: string, rows: Array<{ name: string; weight: number }>) {
	const globalControlSize = readGlobalControlSize(context);
	const salt = await readSalt(context, campaign);
	hintColonSalt(context, salt);
	try {
		return createArmAssigner({ ...salt, arms: rows, globalControl: globalControlSize > 0 ? { size: globalControlSize } : undefined });
	} catch (error) {
		throw new NodeOperationError(context.getNode(), error instanceof Error ? error.message : String(error), { description: 'Check the parameter Arms: each arm needs a name and a weight above 0' });
	}
}

async function assign(context: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
	const idField = context.getNodeParameter('customerIdField', 0, 'customerId') as string;
	const campaign = String(context.getNodeParameter('campaign', 0, '') ?? '').trim();
	const controlArm = context.getNodeParameter('controlArm', 0, 'control') as string;
	const rows = readArms(context);
	if (campaign === '') {
		throw new NodeOperationError(context.getNode(), 'Campaign is empty', { description: 'Name the campaign: its name salts the split, so each campaign splits independently' });
	}
	const assigner = await createAssigner(context, campaign, rows);
	if (!rows.some((row) => row.name === controlArm)) {
		throw new NodeOperationError(context.getNode(), `Control Arm "${controlArm}" is not one of the arms (${rows.map((row) => row.name).join(', ')})`, {
			description: 'Set Control Arm to the name of the holdout arm',
		});
	}
	const errors = new ItemErrorCollector(context);
	const output: INodeExecutionData[] = [];
	items.forEach((item, itemIndex) => {
		const id = ownField(item.json, idField);
		if (!((typeof id === 'string' && id.trim() !== '') || (typeof id === 'number' && Number.isFinite(id)))) {
			errors.fail(
				new LifecycleInputError(`Item ${itemIndex} has no customer ID in ${idField} (got ${describeValue(id)})`, {
					itemIndex,
					field: idField,
					hint: 'Map Customer ID Field to a field every customer has (customerId, email)',
				}),
				itemIndex,
			);
			return;
		}
		const assignment = assigner(typeof id === 'string' ? id.trim() : id);
		output.push({
			json: {
				...item.json,
				campaign,
				arm: assignment.arm,
				isControl: assignment.arm === controlArm || assignment.inGlobalControl,
				inGlobalControl: assignment.inGlobalControl,
				assignmentBucket: round(assignment.bucket, 9),
			},
			pairedItem: { item: itemIndex },
		});
	});
	return [inInputOrder([...output, ...errors.items])];
}

function summarySentence(analysis: ExperimentAnalysis, arm: string, currency: string): string {
	const conversion = analysis.comparisons.find((comparison) => comparison.arm === arm && comparison.metric === 'conversion');
	const business = analysis.business.find((entry) => entry.arm === arm);
	const level = `${Math.round((1 - analysis.alpha) * 1000) / 10}%`;
	const parts: string[] = [];
	if (conversion) {
		const pct = (value: number) => `${Math.round(value * 10000) / 100}%`;
		parts.push(
			`${arm} converted ${pct(conversion.treatmentMean)} vs ${pct(conversion.controlMean)} in ${analysis.control}: ${conversion.relativeUplift >= 0 ? '+' : ''}${pct(conversion.relativeUplift)} (${level} interval ${pct(conversion.ciLow)} to ${pct(conversion.ciHigh)}, p = ${round(conversion.pValue, 4)}, ${conversion.significant ? 'significant' : 'not significant'})`,
		);
	}
	if (business?.incrementalRevenue !== null && business?.incrementalRevenue !== undefined) {
		const money = (value: number | null) => `${currency ? `${currency} ` : ''}${Math.round((value ?? 0) * 100) / 100}`;
		parts.push(`incremental revenue ${money(business.incrementalRevenue)} (${money(business.incrementalRevenueCiLow)} to ${money(business.incrementalRevenueCiHigh)})`);
		if (business.roi !== null) parts.push(`ROI ${Math.round(business.roi * 1000) / 10}%`);
	}
	return `${parts.join('; ')}.`;
}

async function analyze(context: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
	const inputForm = context.getNodeParameter('inputForm', 0, 'customers') as string;
	const controlArm = context.getNodeParameter('controlArm', 0, 'control') as string;
	const method = context.getNodeParameter('method', 0, 'fixedHorizon') as 'fixedHorizon' | 'sequential';
	const options = context.getNodeParameter('analyzeOptions', 0, {}) as {
		campaign?: string;
		confidence?: number;
		costPerMessage?: number;
		currency?: string;
		discountField?: string;
		report?: boolean;
		messagesField?: string;
		plannedSplit?: string;
		preMetricField?: string;
		reportFileName?: string;
	};
	const alpha = confidenceToAlpha(context, options.confidence ?? 0.95);
	const armWeights = readPlannedSplit(context, options.plannedSplit ?? '');
	const errors = new ItemErrorCollector(context);
	const used: number[] = [];
	const notes: string[] = [];
	let input: { units: UnitOutcome[] } | { arms: ArmSummary[] };
	if (inputForm === 'arms') {
		const { arms, issues } = readArmSummaries(items.map((item) => item.json));
		for (const issue of issues) errors.failIssue(issue);
		const summaries: ArmSummary[] = [];
		for (const { itemIndex, ...summary } of arms) {
			used.push(itemIndex);
			summaries.push(summary);
		}
		input = { arms: summaries };
	} else {
		// A metric field that no item carries is left out (with a note) rather than read as all zeros, which would
		// fail as "zero variance" or, worse, pass as a metric nobody measured.
		const metricField = (parameter: string, fallback: string, label: string): string | undefined => {
			const field = (context.getNodeParameter(parameter, 0, fallback) as string).trim();
			if (field === '') return undefined;
			if (fieldInAnyItem(items, field)) return field;
			notes.push(`${label} "${field}" is in none of the items, so ${label === 'Converted Field' ? 'conversion' : 'revenue'} is not analysed`);
			return undefined;
		};
		const converted = metricField('convertedField', 'converted', 'Converted Field');
		const revenue = metricField('revenueField', 'revenue', 'Revenue Field');
		if (!converted && !revenue) {
			throw new NodeOperationError(context.getNode(), `No outcome to analyse: ${notes.length ? notes.join('; ') : 'Converted Field and Revenue Field are both empty'}`, {
				description: 'Map Converted Field (yes/no per customer) and/or Revenue Field (amount per customer) to the outcome fields of the items',
			});
		}
		const { units, issues } = readExperimentUnits(
			items.map((item) => item.json),
			{
				arm: context.getNodeParameter('armField', 0, 'arm') as string,
				converted,
				revenue,
				preMetric: options.preMetricField || undefined,
				messages: options.messagesField || undefined,
				discount: options.discountField || undefined,
			},
			{ knownArms: armWeights ? Object.keys(armWeights) : undefined },
		);
		for (const issue of issues) errors.failIssue(issue);
		if (!options.messagesField) for (const unit of units) unit.messages = unit.arm === controlArm ? 0 : 1;
		for (const unit of units) used.push(unit.itemIndex);
		input = { units };
	}
	let analysis: ExperimentAnalysis;
	try {
		analysis = analyzeExperiment(input, { control: controlArm, alpha, method, armWeights, costPerMessage: options.costPerMessage ?? 0 });
	} catch (error) {
		throw new NodeOperationError(context.getNode(), error instanceof Error ? error.message : String(error), {
			description: 'Check the arm names (Control Arm, Planned Split), that every arm has customers, and the mapped fields',
		});
	}
	const variants = analysis.arms.filter((arm) => !arm.isControl).map((arm) => arm.arm);
	try {
		assertDistinctFieldNames(variants, inputForm === 'arms' ? 'arm' : (context.getNodeParameter('armField', 0, 'arm') as string));
	} catch (error) {
		throw errors.fatal(error);
	}
	const currency = options.currency ?? '';
	const json: IDataObject = {
		campaign: options.campaign ?? null,
		control: analysis.control,
		method: analysis.method,
		confidence: round(1 - analysis.alpha, 6),
		totalCustomers: analysis.totalUnits,
		cuped: analysis.cuped,
		...variantFields(analysis, variants[0], false),
		summary: variants.map((arm) => summarySentence(analysis, arm, currency)).join(' '),
		srmPValue: analysis.sampleRatio ? round(analysis.sampleRatio.pValue, 8) : null,
		srmFlag: analysis.sampleRatio ? analysis.sampleRatio.mismatch : false,
		warnings: [...notes.map((note) => `${note}.`), ...analysis.warnings].join(' '),
		arms: analysis.arms.map((arm) => ({
			arm: arm.arm,
			isControl: arm.isControl,
			customers: arm.units,
			conversions: arm.conversions,
			conversionRate: round(arm.conversionRate),
			revenue: round(arm.revenue, 2),
		})),
	};
	if (variants.length > 1) for (const arm of variants) Object.assign(json, variantFields(analysis, arm, true));
	if (notes.length > 0) context.addExecutionHints({ message: `${notes.join('. ')}. Check the field names if that is not intended.`, location: 'outputPane' });
	const item: INodeExecutionData = { json, pairedItem: pairedItemsOf(used) };
	if (options.report) {
		const html = renderUpliftReport(analysis, { campaign: options.campaign || undefined, currency: currency || undefined });
		item.binary = {
			data: await context.helpers.prepareBinaryData(Buffer.from(html, 'utf8'), options.reportFileName || 'uplift-report.html', 'text/html'),
		};
	}
	return [[item, ...errors.items]];
}

async function plan(context: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const planFor = context.getNodeParameter('planFor', 0, 'sampleSize') as string;
	const options = context.getNodeParameter('planOptions', 0, {}) as { confidence?: number; effectType?: 'relative' | 'absolute'; power?: number; treatmentShare?: number };
	const metric = context.getNodeParameter('metric', 0, 'proportion') as 'proportion' | 'mean';
	const design = {
		metric,
		baseline: context.getNodeParameter('baseline', 0, 0.05) as number,
		standardDeviation: metric === 'mean' ? (context.getNodeParameter('standardDeviation', 0, 1) as number) : undefined,
		effectType: options.effectType,
		alpha: confidenceToAlpha(context, options.confidence ?? 0.95),
		power: options.power,
		treatmentShare: options.treatmentShare,
	};
	let result: IDataObject;
	try {
		result =
			planFor === 'detectableEffect'
				? (planDetectableEffect({ ...design, totalUnits: context.getNodeParameter('totalUnits', 0, 10000) as number }) as unknown as IDataObject)
				: (planSampleSize({ ...design, minimumDetectableEffect: context.getNodeParameter('minimumDetectableEffect', 0, 0.1) as number }) as unknown as IDataObject);
	} catch (error) {
		throw new NodeOperationError(context.getNode(), error instanceof Error ? error.message : String(error), { description: 'Check Baseline, the effect and the options' });
	}
	return [[{ json: { plan: planFor, ...result }, pairedItem: { item: 0 } }]];
}

function featureNames(context: IExecuteFunctions): string[] {
	const names = (context.getNodeParameter('featureFields', 0, '') as string)
		.split(',')
		.map((name) => name.trim())
		.filter(Boolean);
	if (names.length === 0) throw new NodeOperationError(context.getNode(), 'Feature Fields is empty', { description: 'List the numeric fields to learn from, such as frequency, recency, T' });
	return names;
}

/** The numbers of the named fields, or an input error naming the field. */
function readFeatures(json: IDataObject, names: readonly string[], itemIndex: number): Record<string, number> {
	const features = Object.create(null) as Record<string, number>;
	for (const name of names) {
		const value = ownField(json, name);
		const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
		if (!Number.isFinite(number)) {
			throw new LifecycleInputError(`Item ${itemIndex} has ${describeValue(value)} in ${name}; features must be numbers`, {
				itemIndex,
				field: name,
				hint: 'Fill missing values first (for example 0 with a Set node) or drop the field from Feature Fields',
			});
		}
		features[name] = number;
	}
	return features;
}

async function train(context: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
	const names = featureNames(context);
	const controlArm = context.getNodeParameter('controlArm', 0, 'control') as string;
	const treatedField = context.getNodeParameter('treatedField', 0, 'arm') as string;
	const convertedField = context.getNodeParameter('convertedField', 0, 'converted') as string;
	const method = context.getNodeParameter('upliftMethod', 0, 'twoModel') as 'twoModel' | 'classTransformation';
	const errors = new ItemErrorCollector(context);
	const outcomes = readExperimentUnits(
		items.map((item) => item.json),
		{ arm: treatedField, converted: convertedField },
	);
	for (const issue of outcomes.issues) errors.failIssue(issue);
	const rows: Array<{ features: Record<string, number>; treated: number; converted: number }> = [];
	const used: number[] = [];
	for (const unit of outcomes.units) {
		try {
			rows.push({ features: readFeatures(items[unit.itemIndex].json, names, unit.itemIndex), treated: unit.arm === controlArm ? 0 : 1, converted: Number(unit.converted ?? 0) });
			used.push(unit.itemIndex);
		} catch (error) {
			errors.fail(error, unit.itemIndex);
		}
	}
	let model: UpliftModel;
	try {
		model = trainUpliftModel(rows, { method, featureNames: names });
	} catch (error) {
		throw new NodeOperationError(context.getNode(), error instanceof Error ? error.message : String(error), {
			description: 'Train on a randomised past campaign with at least 10 customers in each of control and treatment',
		});
	}
	return [[{ json: { ...(model as unknown as IDataObject), modelItem: true }, pairedItem: pairedItemsOf(used) }, ...errors.items]];
}

async function score(context: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
	const hint = 'Map the model item of a Train Uplift Model run, unchanged';
	const record = readModelJson(context, context.getNodeParameter('upliftModel', 0, '') as unknown, 'Uplift Model', hint);
	let model: UpliftModel;
	try {
		model = parseUpliftModel(record);
	} catch (error) {
		throw new NodeOperationError(context.getNode(), `Uplift Model is not a model from Train Uplift Model: ${error instanceof Error ? error.message : String(error)}`, {
			description: 'Map the model item of a Train Uplift Model run, unchanged',
		});
	}
	const errors = new ItemErrorCollector(context);
	const scored: Array<{ itemIndex: number; json: IDataObject; uplift: number }> = [];
	items.forEach((item, itemIndex) => {
		try {
			const result = scoreUplift(model, readFeatures(item.json, model.featureNames, itemIndex));
			scored.push({
				itemIndex,
				uplift: result.uplift,
				json: { ...item.json, upliftScore: round(result.uplift), upliftTreatedProbability: round(result.treatedProbability), upliftControlProbability: round(result.controlProbability) },
			});
		} catch (error) {
			errors.fail(error, itemIndex);
		}
	});
	upliftRanks(scored.map((entry) => entry.uplift)).forEach(({ rank, decile }, k) => {
		scored[k].json.upliftRank = rank;
		scored[k].json.upliftDecile = decile;
	});
	const output = scored.map((entry) => ({ json: entry.json, pairedItem: { item: entry.itemIndex } }));
	return [inInputOrder([...output, ...errors.items])];
}

export async function executeMeasureUplift(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const operation = this.getNodeParameter('operation', 0, 'assign') as Operation;
	refuseWhatNeedsAPopulation(this, 'measureUplift', { operation });
	// No Tool Output option here (two released versions): as a tool, Assign and Score Uplift answer compactly.
	if (runsAsTool(this) && (operation === 'assign' || operation === 'scoreUplift')) {
		const output = operation === 'assign' ? await assign(this, items) : await score(this, items);
		return output.map((branch) => compactItems(branch, 'uplift'));
	}
	if (operation === 'assign') return await assign(this, items);
	if (operation === 'analyze') return await analyze(this, items);
	if (operation === 'plan') return await plan(this);
	if (operation === 'trainUpliftModel') return await train(this, items);
	return await score(this, items);
}
