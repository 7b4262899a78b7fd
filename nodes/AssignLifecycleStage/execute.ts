import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { AssignLifecycleStagesOptions, AtRiskSignal, LifecycleProfile, LifecycleStage, StageRule } from '../../lib';
import { assignLifecycleStages, LifecycleInputError, renderStageChart } from '../../lib';
import { ItemErrorCollector } from '../shared/itemErrors';
import { pairedItemsOf } from '../shared/pairedItems';
import { STAGE_NAME_PARAMETERS } from './properties';
import { compactItems, refuseWhatNeedsAPopulation, wantsCompact } from '../shared/toolOutput';

interface AssignLifecycleStageOptions {
	asOf?: string;
	atRiskMultiple?: number;
	atRiskProbability?: number;
	includeSummary?: boolean;
	inferReactivation?: boolean;
	lapsedMultiple?: number;
	lapsedProbability?: number;
	loyalMinPurchases?: number;
	loyalMinRevenue?: number;
	loyalTopPercent?: number;
	minimumGapDays?: number;
	populationFigures?: string;
	populationGapDays?: number;
	summaryChart?: boolean;
	toolOutput?: string;
}

/** A population run with fewer repeat buyers than this gets a hint to set the population gap. */
const FEW_REPEAT_BUYERS = 20;

function stageNamesOf(parameter: IDataObject): Partial<Record<LifecycleStage, string>> {
	const names: Partial<Record<LifecycleStage, string>> = {};
	for (const [name, stage] of Object.entries(STAGE_NAME_PARAMETERS)) {
		const value = Object.prototype.hasOwnProperty.call(parameter, name) ? parameter[name] : undefined;
		if (typeof value === 'string' && value.trim() !== '') names[stage] = value;
	}
	return names;
}

export async function executeAssignLifecycleStage(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const errors = new ItemErrorCollector(this);
	const stageModel = this.getNodeParameter('stageModel', 0, 'default') as 'default' | 'custom';
	const atRiskSignal = this.getNodeParameter('atRiskSignal', 0, 'purchaseRhythm') as AtRiskSignal;
	const options = this.getNodeParameter('options', 0, {}) as AssignLifecycleStageOptions;
	const stageNames = stageNamesOf(this.getNodeParameter('stageNames', 0, {}) as IDataObject);
	const populationFigures = typeof options.populationFigures === 'string' ? options.populationFigures.trim() : options.populationFigures;
	refuseWhatNeedsAPopulation(this, 'assignLifecycleStage', {
		atRiskSignal,
		populationGapDays: options.populationGapDays,
		loyalTopPercent: options.loyalTopPercent,
		populationFigures: populationFigures !== undefined && populationFigures !== '',
	});

	let rules: StageRule[] = [];
	let noRuleMatch: AssignLifecycleStagesOptions['noRuleMatch'] = 'defaultModel';
	let fallbackStage: string | undefined;
	if (stageModel === 'custom') {
		rules = ((this.getNodeParameter('rules', 0, {}) as IDataObject).rule ?? []) as StageRule[];
		noRuleMatch = this.getNodeParameter('noRuleMatch', 0, 'defaultModel') as AssignLifecycleStagesOptions['noRuleMatch'];
		if (noRuleMatch === 'fallbackStage') fallbackStage = this.getNodeParameter('fallbackStage', 0, '') as string;
		if (rules.length === 0 && noRuleMatch === 'defaultModel') {
			throw errors.fatal(new LifecycleInputError('Custom Rules needs at least one rule', { field: 'rules', hint: 'Add a rule under Stage Rules, or choose Default Model' }));
		}
	}

	// Previous Stage is an expression per item (the CRM property read earlier); a failing expression fails its item.
	const previousStages: unknown[] = new Array(items.length).fill(null);
	const failedItems = new Map<number, INodeExecutionData>();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			previousStages[itemIndex] = this.getNodeParameter('previousStage', itemIndex, '');
		} catch (error) {
			errors.fail(error, itemIndex);
			failedItems.set(itemIndex, errors.items[errors.items.length - 1]);
		}
	}

	let result;
	try {
		result = assignLifecycleStages(
			// An item whose Previous Stage failed is passed as null: counted as an error, kept out of counts and population.
			items.map((item, itemIndex) => (failedItems.has(itemIndex) ? null : item.json) as LifecycleProfile),
			{
				asOf: options.asOf || undefined,
				previousStages,
				atRiskSignal,
				atRiskMultiple: options.atRiskMultiple,
				lapsedMultiple: options.lapsedMultiple,
				minimumGapDays: options.minimumGapDays,
				populationGapDays: options.populationGapDays || undefined,
				atRiskProbability: options.atRiskProbability,
				lapsedProbability: options.lapsedProbability,
				loyalTopPercent: options.loyalTopPercent,
				loyalMinPurchases: options.loyalMinPurchases,
				loyalMinRevenue: options.loyalMinRevenue,
				inferReactivation: options.inferReactivation,
				stageNames,
				rules,
				noRuleMatch,
				fallbackStage,
				onInvalid: 'collect',
				populationFigures: populationFigures || undefined,
			},
		);
	} catch (error) {
		throw errors.fatal(error);
	}

	const assignmentOf = new Map(result.assignments.map((assignment) => [assignment.itemIndex, assignment]));
	const issueOf = new Map(result.issues.map((issue) => [issue.itemIndex, issue]));
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const failed = failedItems.get(itemIndex);
		if (failed) {
			output.push(failed);
			continue;
		}
		const issue = issueOf.get(itemIndex);
		if (issue) {
			errors.failIssue(issue);
			output.push(errors.items[errors.items.length - 1]);
			continue;
		}
		const assignment = assignmentOf.get(itemIndex)!;
		output.push({
			json: {
				...items[itemIndex].json,
				lifecycleStage: assignment.lifecycleStage,
				previousStage: assignment.previousStage,
				stageChanged: assignment.stageChanged,
				stageTransition: assignment.stageTransition,
				stageReason: assignment.stageReason,
				stageEnteredAt: assignment.stageEnteredAt,
			},
			pairedItem: { item: itemIndex },
		});
	}

	const { summary } = result;
	if (atRiskSignal === 'purchaseRhythm' && !populationFigures && summary.populationGapSource === 'median of repeat buyers' && summary.repeatBuyers < FEW_REPEAT_BUYERS) {
		this.addExecutionHints({
			message: `The population gap of one-time buyers (${Math.round((summary.populationGapDays as number) * 10) / 10} days) is the median of only ${summary.repeatBuyers} repeat buyers in this run; set Options > Population Gap (Days) for stable stages.`,
			location: 'outputPane',
		});
	}
	if (options.includeSummary) {
		const summaryItem: INodeExecutionData = {
			json: { lifecycleSummary: true, itemsIn: items.length, ...summary, itemsWithErrors: errors.items.length } as unknown as IDataObject,
			pairedItem: pairedItemsOf(items.map((_, index) => index)),
		};
		if (options.summaryChart !== false) {
			const svg = renderStageChart(summary, { subtitle: summary.asOf ? `as of ${summary.asOf.slice(0, 10)}` : undefined });
			summaryItem.binary = { data: await this.helpers.prepareBinaryData(Buffer.from(svg, 'utf8'), 'lifecycle-stages.svg', 'image/svg+xml') };
		}
		output.push(summaryItem);
	}
	return [wantsCompact(this, options.toolOutput) ? compactItems(output, 'stage') : output];
}
