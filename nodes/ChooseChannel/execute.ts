import { DateTime } from 'luxon';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { ChannelDecision, ChannelProfile, ChooseChannelOptions, ResolvedChannelOptions } from '../../lib';
import { chooseChannels, LifecycleInputError, resolveChannelOptions } from '../../lib';
import { channelAliasRows } from '../shared/channelAliases';
import { ItemErrorCollector } from '../shared/itemErrors';
import { pairedItemsOf } from '../shared/pairedItems';
import { compactItems, refuseWhatNeedsAPopulation, wantsCompact } from '../shared/toolOutput';
import { chooseChannelProperties } from './properties';

const ALL_WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** The default a parameter declares (what n8n returns when the workflow does not set it). */
function defaultOf(name: string): unknown {
	return chooseChannelProperties.find((property) => property.name === name)?.default;
}

interface ChannelRow {
	name?: string;
	valuePerResponse?: number;
	costPerMessage?: number;
}

interface CapRow {
	channel?: string;
	maxMessages?: number;
	windowDays?: number;
}

interface ChooseChannelNodeOptions {
	channelAliases?: unknown;
	defaultHour?: number;
	fitPriors?: boolean;
	includeRunSummary?: boolean;
	maxMessagesPerRun?: number;
	minimumExpectedValue?: number;
	optimizeSendTime?: boolean;
	suppressAfterBounces?: number;
	toolOutput?: string;
}

/** The node parameter behind each option of lib/channel, to point the user at the field to fix. */
const PARAMETER_LABELS: Record<string, string> = {
	allowedDays: 'Allowed Days',
	channelAliases: 'Options > Channel Aliases',
	caps: 'Frequency Caps',
	channel: 'Channels Offered',
	channels: 'Channels Offered',
	defaultTimeZone: 'Default Time Zone',
	maxMessagesPerRun: 'Options > Max Messages per Customer per Run',
	minimumExpectedValue: 'Options > Minimum Expected Value',
	now: 'Now',
	priority: 'Channels Offered',
	quietHours: 'Quiet Hours Start and Quiet Hours End',
	seed: 'Seed',
	sendTime: 'Options > Default Send Hour',
	suppressAfterBounces: 'Options > Suppress After Bounces',
};

/** A problem with the node's parameters (not with an item): stops the node, naming the parameter. */
function parameterError(context: IExecuteFunctions, error: unknown): NodeOperationError {
	const message = error instanceof Error ? error.message : String(error);
	const option = /requires (?:each )?([A-Za-z]+)/.exec(message)?.[1];
	const label = option !== undefined && Object.prototype.hasOwnProperty.call(PARAMETER_LABELS, option) ? PARAMETER_LABELS[option] : undefined;
	return new NodeOperationError(context.getNode(), message, { description: label ? `Check the parameter ${label}.` : undefined });
}

/** The decision instant in ms: the Now parameter, or the node's start time when it is empty. */
function readNow(context: IExecuteFunctions, startedAt: number, workflowZone: () => string): number {
	const value = context.getNodeParameter('now', 0, '') as unknown;
	if (value === '' || value === null || value === undefined) return startedAt;
	let instant: DateTime | undefined;
	if (DateTime.isDateTime(value)) instant = value;
	else if (value instanceof Date) instant = DateTime.fromJSDate(value);
	else if (typeof value === 'number') instant = DateTime.fromMillis(value);
	else if (typeof value === 'string') instant = DateTime.fromISO(value.trim(), { zone: workflowZone() });
	if (!instant || !instant.isValid) {
		throw new NodeOperationError(context.getNode(), `Now is not a valid date and time: ${JSON.stringify(value)}`, {
			description: 'Use ISO 8601 such as 2025-03-10T09:00:00Z, or leave Now empty to use the time of the run',
		});
	}
	return instant.toMillis();
}

function readCaps(context: IExecuteFunctions): NonNullable<ChooseChannelOptions['caps']> {
	const rows = ((context.getNodeParameter('frequencyCaps', 0, {}) as { cap?: CapRow[] }).cap ?? []) as CapRow[];
	return rows.map((row, k) => {
		const where = `Frequency cap ${k + 1} (${row.channel === 'all' || !row.channel ? 'all channels' : row.channel})`;
		const max = row.maxMessages;
		if (typeof max !== 'number' || !Number.isInteger(max) || max < 0) {
			throw new NodeOperationError(context.getNode(), `${where} needs Max Messages to be a whole number, 0 or more; got ${JSON.stringify(max)}`, {
				description: '0 blocks the channel; remove the cap for no limit',
			});
		}
		const days = row.windowDays;
		if (typeof days !== 'number' || !(days > 0) || days === Infinity) {
			throw new NodeOperationError(context.getNode(), `${where} needs Window (Days) to be a positive number of days; got ${JSON.stringify(days)}`, {
				description: 'For example 7 for "at most 3 messages a week"',
			});
		}
		return { channel: row.channel === 'all' || !row.channel ? null : row.channel, max, windowDays: days };
	});
}

/** Reads the run-level parameters into lib/channel options (validated there, once). */
function readOptions(context: IExecuteFunctions, now: number, workflowZone: () => string, extra: ChooseChannelNodeOptions): ChooseChannelOptions {
	const channelRows = ((context.getNodeParameter('channels', 0, defaultOf('channels')) as { channel?: ChannelRow[] }).channel ?? []) as ChannelRow[];
	const policy = context.getNodeParameter('policy', 0, 'expectedValue') as ChooseChannelOptions['policy'];
	const quietStart = String(context.getNodeParameter('quietHoursStart', 0, defaultOf('quietHoursStart')) ?? '').trim();
	const quietEnd = String(context.getNodeParameter('quietHoursEnd', 0, defaultOf('quietHoursEnd')) ?? '').trim();
	const allowedDays = context.getNodeParameter('allowedDays', 0, defaultOf('allowedDays')) as string[];
	if (allowedDays.length === 0) {
		throw new NodeOperationError(context.getNode(), 'Allowed Days needs at least one weekday', { description: 'Select every day to send on any day' });
	}
	const zone = String(context.getNodeParameter('defaultTimeZone', 0, '') ?? '').trim();
	return {
		now,
		channels: channelRows.map((row) => ({ name: row.name ?? '', valuePerResponse: row.valuePerResponse ?? 1, costPerMessage: row.costPerMessage ?? 0 })),
		policy,
		seed: policy === 'thompson' ? (context.getNodeParameter('seed', 0, 0) as number) : 0,
		caps: readCaps(context),
		quietHours: quietStart === '' && quietEnd === '' ? null : { start: quietStart, end: quietEnd },
		allowedDays: ALL_WEEKDAYS.every((day) => allowedDays.includes(day)) ? undefined : (allowedDays as ChooseChannelOptions['allowedDays']),
		defaultTimeZone: zone === '' ? workflowZone() : zone,
		maxMessagesPerRun: extra.maxMessagesPerRun ?? 1,
		sendTime: { optimize: extra.optimizeSendTime ?? true, defaultHour: extra.defaultHour ?? 10 },
		minimumExpectedValue: extra.minimumExpectedValue,
		suppressAfterBounces: extra.suppressAfterBounces ?? 1,
		fitPriors: extra.fitPriors ?? true,
		onInvalid: 'collect',
		channelAliases: channelAliasRows(extra.channelAliases),
	};
}

/** The item as lib/channel reads it, with the Campaign parameters when set. */
function profileOf(context: IExecuteFunctions, json: IDataObject, itemIndex: number): ChannelProfile {
	const campaignValue = context.getNodeParameter('campaign', itemIndex, '') as unknown;
	const campaign = typeof campaignValue === 'number' ? String(campaignValue) : typeof campaignValue === 'string' ? campaignValue.trim() : '';
	if (campaign === '') return json as ChannelProfile;
	const priorityValue = context.getNodeParameter('campaignPriority', itemIndex, 0) as unknown;
	const priority = priorityValue === '' || priorityValue === null || priorityValue === undefined ? 0 : Number(priorityValue);
	if (!Number.isFinite(priority)) {
		throw new LifecycleInputError(`Campaign Priority must be a number; got ${JSON.stringify(priorityValue)} (item ${itemIndex})`, {
			itemIndex,
			field: 'campaignPriority',
			hint: 'give a number (higher wins), or an expression that returns one',
		});
	}
	return { ...(json as ChannelProfile), campaign, campaignPriority: priority };
}

/** The decision as flat output fields, merged onto the input profile. */
function decisionFields(decision: ChannelDecision, decidedAt: string): IDataObject {
	return {
		channel: decision.channel,
		sendAt: decision.sendAt,
		sendTimeZone: decision.timeZone,
		timeZoneSource: decision.timeZoneSource,
		eligibleChannels: decision.eligibleChannels,
		blockedChannels: decision.blockedChannels,
		suppressed: decision.suppressed,
		suppressionCode: decision.suppressionCode,
		suppressionReason: decision.suppressionReason,
		decisionReason: decision.decisionReason,
		policy: decision.policy,
		propensity: decision.propensity,
		choiceProbabilities: decision.choiceProbabilities,
		responseRates: decision.responseRates,
		expectedValues: decision.expectedValues,
		bestHour: decision.bestHour,
		bestHourEngagements: decision.bestHourEngagements,
		campaign: decision.campaign,
		decidedAt,
	};
}

export async function executeChooseChannel(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	// The wall clock is read here, once, and only used when Now is empty; lib/ never reads it.
	const startedAt = DateTime.now().toMillis();
	const items = this.getInputData();
	const errors = new ItemErrorCollector(this);
	let zone: string | undefined;
	const workflowZone = () => (zone ??= this.getTimezone());

	const extra = this.getNodeParameter('options', 0, {}) as ChooseChannelNodeOptions;
	refuseWhatNeedsAPopulation(this, 'chooseChannel', { fitPriors: extra.fitPriors });
	const now = readNow(this, startedAt, workflowZone);
	const options = readOptions(this, now, workflowZone, extra);
	let resolved: ResolvedChannelOptions;
	try {
		resolved = resolveChannelOptions(options, 'Choose Channel');
	} catch (error) {
		throw parameterError(this, error);
	}

	// Position in the batch -> input item (items whose Campaign parameters fail are left out).
	const profiles: ChannelProfile[] = [];
	const itemOf: number[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			profiles.push(profileOf(this, items[itemIndex].json, itemIndex));
			itemOf.push(itemIndex);
		} catch (error) {
			errors.fail(error, itemIndex);
		}
	}

	let result;
	try {
		result = chooseChannels(profiles, resolved);
	} catch (error) {
		throw errors.fatal(error);
	}
	for (const issue of result.issues) errors.failIssue({ ...issue, itemIndex: itemOf[issue.itemIndex] });

	const decidedAt = DateTime.fromMillis(resolved.now, { zone: 'utc' }).toISO() as string;
	const byItem: Array<INodeExecutionData | undefined> = new Array<INodeExecutionData | undefined>(items.length);
	for (const decision of result.decisions) {
		const itemIndex = itemOf[decision.itemIndex];
		byItem[itemIndex] = { json: { ...items[itemIndex].json, ...decisionFields(decision, decidedAt) }, pairedItem: { item: itemIndex } };
	}
	for (const errorItem of errors.items) byItem[(errorItem.pairedItem as { item: number }).item] = errorItem;
	const output = byItem.filter((item): item is INodeExecutionData => item !== undefined);

	if (extra.includeRunSummary) {
		output.push({
			json: { runSummary: true, itemsIn: items.length, itemsWithErrors: errors.items.length, decidedAt, ...result.summary } as unknown as IDataObject,
			pairedItem: pairedItemsOf(items.map((_, index) => index)),
		});
	}
	return [wantsCompact(this, extra.toolOutput) ? compactItems(output, 'channel') : output];
}
