import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { BuildProfilesOptions, BuildProfilesSummary, CustomerProfile, LifecycleEvent, MapOptions, PopulationFigures, SourceMapping, SourcePreset } from '../../lib';
import {
	buildProfiles,
	LifecycleInputError,
	mapSourceRecord,
	parseExchangeRates,
	populationAfterUpdate,
	presetMapping,
	profilePopulationFigures,
	readPopulationFigures,
	readProfilePopulationFigures,
	updateStoredProfiles,
} from '../../lib';
import { channelAliasRows } from '../shared/channelAliases';
import { ItemErrorCollector } from '../shared/itemErrors';
import { pairedItemsOf } from '../shared/pairedItems';
import { compactItems, runsAsTool, wantsCompact } from '../shared/toolOutput';

const CUSTOM_FIELDS = [
	'anonymousId', 'channel', 'consentGranted', 'country', 'currency', 'email', 'eventId', 'eventType', 'firstName',
	'lastName', 'orderId', 'phone', 'productId', 'productTitle', 'quantity', 'timeZone', 'value',
] as const;

interface BuildProfileOptions {
	valueIs?: MapOptions['valueIs'];
	baseCurrency?: string;
	channelAliases?: unknown;
	placeholderIdentities?: MapOptions['placeholderIdentities'];
	dedupeByEventId?: boolean;
	defaultCurrency?: string;
	historyLimit?: number;
	defaultType?: MapOptions['defaultType'];
	afterObservationEnd?: BuildProfilesOptions['afterObservationEnd'];
	exchangeRates?: string | IDataObject;
	includeRunSummary?: boolean;
	missingIdentity?: MapOptions['missingIdentity'];
	observationEnd?: string;
	populationFigures?: string;
	refunds?: BuildProfilesOptions['refunds'];
	zeroValuePurchases?: BuildProfilesOptions['zeroValuePurchases'];
	toolOutput?: string;
}

/** Reads the user's expressions of a custom mapping into a flat record for CUSTOM_MAPPING. */
function customRecord(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const record: IDataObject = Object.create(null);
	record.customerId = context.getNodeParameter('customerId', itemIndex, '') as IDataObject[string];
	record.timestamp = context.getNodeParameter('timestamp', itemIndex, '') as IDataObject[string];
	const other = context.getNodeParameter('otherFields', itemIndex, {}) as IDataObject;
	for (const field of CUSTOM_FIELDS) {
		if (Object.prototype.hasOwnProperty.call(other, field)) record[field] = other[field];
	}
	return record;
}

/** The run's soft problems in one sentence, or '' when there are none. */
function runHint(summary: BuildProfilesSummary, skippedTotal: number): string {
	const reasons = Object.entries(summary.skippedReasons).map(([reason, count]) => `${count} ${reason}`).join(', ');
	const parts = [];
	if (skippedTotal > 0) parts.push(`${skippedTotal} items were counted but not used (${reasons})`);
	if (summary.identityConflicts > 0) parts.push(`${summary.identityConflicts} links between different customer IDs were refused`);
	if (summary.mixedCurrencyProfiles > 0) parts.push(`${summary.mixedCurrencyProfiles} profiles have mixed currencies (revenue per currency in revenueByCurrency; set Convert Currencies To to sum them)`);
	if (summary.placeholderIdentities > 0) parts.push(`${summary.placeholderIdentities} placeholder identity values (such as n/a, unknown, - or 0) were ignored, never used to link customers`);
	if (summary.unrecognisedChannelSuppressions > 0) parts.push(`${summary.unrecognisedChannelSuppressions} unsubscribes, complaints or consent withdrawals named a channel nobody recognises, so every channel of those customers was withdrawn (add the name under Options > Channel Aliases)`);
	if (summary.outlierEvents > 0) parts.push(`${summary.outlierEvents} events dated far after the rest of the data were refused (set Observation End to keep them)`);
	return parts.length ? `${parts.join('; ')}.` : '';
}

interface MappedItems {
	events: LifecycleEvent[];
	withoutIdentity: number;
	placeholders: number;
}

/** The input items as canonical events, through the chosen source preset; bad items become errors. */
function mapItems(context: IExecuteFunctions, items: INodeExecutionData[], options: BuildProfileOptions, errors: ItemErrorCollector): MappedItems {
	const source = context.getNodeParameter('source', 0) as SourcePreset;
	const wonDealStages = source === 'hubspotDeals' ? String(context.getNodeParameter('wonDealStages', 0, 'closedwon')).split(',') : undefined;
	const mapping: SourceMapping | undefined = presetMapping(source, { wonDealStages });
	if (!mapping) throw errors.fatal(new LifecycleInputError(`Unknown source "${source}"`, { field: 'source' }));
	const mapped: MappedItems = { events: [], withoutIdentity: 0, placeholders: 0 };
	const mapOptions: MapOptions = {
		missingIdentity: options.missingIdentity ?? 'error',
		defaultType: options.defaultType,
		valueIs: options.valueIs,
		defaultCurrency: options.defaultCurrency || undefined,
		placeholderIdentities: options.placeholderIdentities ?? 'ignore',
		onPlaceholderIdentity: () => mapped.placeholders++,
	};
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const record = source === 'custom' ? customRecord(context, itemIndex) : items[itemIndex].json;
			const event = mapSourceRecord(record, mapping, itemIndex, mapOptions);
			if (event) mapped.events.push(event);
			else mapped.withoutIdentity++;
		} catch (error) {
			errors.fail(error, itemIndex);
		}
	}
	return mapped;
}

/** The options of buildProfiles from the node's parameters. */
function profileOptions(context: IExecuteFunctions, options: BuildProfileOptions, errors: ItemErrorCollector): BuildProfilesOptions {
	let currency: BuildProfilesOptions['currency'] = { mode: 'report' };
	try {
		if (options.baseCurrency) currency = { mode: 'convert', baseCurrency: options.baseCurrency.toUpperCase(), rates: parseExchangeRates(options.exchangeRates) };
	} catch (error) {
		throw errors.fatal(error);
	}
	return {
		periodUnit: context.getNodeParameter('periodUnit', 0, 'day') as 'day' | 'week',
		observationEnd: options.observationEnd || undefined,
		now: Date.now(),
		afterObservationEnd: options.afterObservationEnd,
		dedupeByEventId: options.dedupeByEventId ?? true,
		refunds: options.refunds,
		zeroValuePurchases: options.zeroValuePurchases,
		defaultCurrency: options.defaultCurrency || undefined,
		historyLimit: options.historyLimit,
		currency,
		channelAliases: channelAliasRows(options.channelAliases),
	};
}

/** pairedItem to every input item, for items built from the whole run (the run summary, retired rows). */
function everyItem(items: INodeExecutionData[]) {
	return pairedItemsOf(items.map((_, index) => index));
}

/**
 * The run's counts with the items the mapping left out, and the hint that names the soft problems; returns the
 * run summary item when Include Run Summary is on, with the population figures to store for real-time runs.
 */
function finishRun(
	context: IExecuteFunctions,
	summary: BuildProfilesSummary,
	{ mapped, items, errors, includeRunSummary, populationFigures }: { mapped: MappedItems; items: INodeExecutionData[]; errors: ItemErrorCollector; includeRunSummary?: boolean; populationFigures: () => PopulationFigures },
): INodeExecutionData[] {
	if (mapped.withoutIdentity > 0) summary.skippedReasons.missingIdentity = mapped.withoutIdentity;
	summary.placeholderIdentities += mapped.placeholders;
	const skippedTotal = summary.eventsSkipped + mapped.withoutIdentity;
	const hint = runHint(summary, skippedTotal);
	if (hint) context.addExecutionHints({ message: hint, location: 'outputPane' });
	if (!includeRunSummary) return [];
	return [{
		json: { runSummary: true, itemsIn: items.length, itemsWithErrors: errors.items.length, ...summary, eventsSkipped: skippedTotal, populationFigures: populationFigures() } as unknown as IDataObject,
		pairedItem: everyItem(items),
	}];
}

function profileItem({ sourceIndexes, ...profile }: CustomerProfile): INodeExecutionData {
	return { json: profile as unknown as IDataObject, pairedItem: pairedItemsOf(sourceIndexes) };
}

/** Update Stored Profiles: new items on input 1, stored rows on input 2; rows to store, profiles, retired rows out. */
async function executeUpdate(context: IExecuteFunctions, options: BuildProfileOptions, errors: ItemErrorCollector): Promise<INodeExecutionData[][]> {
	const items = context.getInputData(0);
	const mapped = mapItems(context, items, options, errors);
	// An empty item stands for "no rows yet" (a Data table node set to Always Output Data on an empty table).
	const storedRows = context.getInputData(1).map((item) => item.json).filter((row) => Object.keys(row).length > 0);
	const givenFigures = typeof options.populationFigures === 'string' ? options.populationFigures.trim() : options.populationFigures;
	let result;
	try {
		result = updateStoredProfiles(storedRows, mapped.events, {
			...profileOptions(context, options, errors),
			everyCustomer: context.getNodeParameter('customersToOutput', 0, 'touched') === 'every',
			populationFigures: givenFigures ? readProfilePopulationFigures(givenFigures) : undefined,
		});
	} catch (error) {
		throw errors.fatal(error);
	}
	const done = result;
	// Given figures are reported as given; else the figures of every customer after the update (untouched rows included).
	const populationFigures = () =>
		givenFigures
			? readPopulationFigures(givenFigures, 'Build Profile')
			: profilePopulationFigures(done.summary.observationEnd, populationAfterUpdate(storedRows, done.profiles, done.retiredProfileIds));
	for (const issue of result.issues) errors.failIssue(issue);
	const profiles = result.profiles.map(profileItem);
	const rows = result.rows.map((row, k) => ({ json: { ...row } as unknown as IDataObject, pairedItem: profiles[k].pairedItem }));
	const retired = result.retiredProfileIds.map((profileId) => ({ json: { profileId }, pairedItem: everyItem(items) }));
	const runSummary = finishRun(context, result.summary, { mapped, items, errors, includeRunSummary: options.includeRunSummary, populationFigures });
	return [rows, [...profiles, ...runSummary, ...errors.items], retired];
}

export async function executeBuildProfile(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const errors = new ItemErrorCollector(this);
	const options = this.getNodeParameter('options', 0, {}) as BuildProfileOptions;
	if (this.getNodeParameter('mode', 0, 'build') === 'update') return await executeUpdate(this, options, errors);
	const items = this.getInputData();
	const mapped = mapItems(this, items, options, errors);
	let result;
	try {
		result = buildProfiles(mapped.events, profileOptions(this, options, errors));
	} catch (error) {
		throw errors.fatal(error);
	}
	for (const issue of result.issues) errors.failIssue(issue);
	const built = result;
	const runSummary = finishRun(this, result.summary, {
		mapped,
		items,
		errors,
		includeRunSummary: options.includeRunSummary,
		populationFigures: () => profilePopulationFigures(built.summary.observationEnd, built.profiles),
	});
	const all = [...result.profiles.map(profileItem), ...runSummary, ...errors.items];
	// RFM quintiles of the few customers a tool call sees say nothing: left out of a tool's answer.
	return [wantsCompact(this, options.toolOutput) ? compactItems(all, 'profile', runsAsTool(this) ? ['rfmSegment'] : []) : all];
}
