import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { BuildProfilesOptions, BuildProfilesSummary, LifecycleEvent, MapOptions, SourceMapping, SourcePreset } from '../../lib';
import { buildProfiles, LifecycleInputError, mapSourceRecord, parseExchangeRates, presetMapping } from '../../lib';
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

export async function executeBuildProfile(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const errors = new ItemErrorCollector(this);
	const source = this.getNodeParameter('source', 0) as SourcePreset;
	const periodUnit = this.getNodeParameter('periodUnit', 0, 'day') as 'day' | 'week';
	const options = this.getNodeParameter('options', 0, {}) as BuildProfileOptions;
	const wonDealStages = source === 'hubspotDeals' ? String(this.getNodeParameter('wonDealStages', 0, 'closedwon')).split(',') : undefined;
	const mapping: SourceMapping | undefined = presetMapping(source, { wonDealStages });
	if (!mapping) throw errors.fatal(new LifecycleInputError(`Unknown source "${source}"`, { field: 'source' }));
	let placeholders = 0;
	const mapOptions: MapOptions = {
		missingIdentity: options.missingIdentity ?? 'error',
		defaultType: options.defaultType,
		valueIs: options.valueIs,
		defaultCurrency: options.defaultCurrency || undefined,
		placeholderIdentities: options.placeholderIdentities ?? 'ignore',
		onPlaceholderIdentity: () => placeholders++,
	};

	const events: LifecycleEvent[] = [];
	let withoutIdentity = 0;
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const record = source === 'custom' ? customRecord(this, itemIndex) : items[itemIndex].json;
			const event = mapSourceRecord(record, mapping, itemIndex, mapOptions);
			if (event) events.push(event);
			else withoutIdentity++;
		} catch (error) {
			errors.fail(error, itemIndex);
		}
	}

	let currency: BuildProfilesOptions['currency'] = { mode: 'report' };
	try {
		if (options.baseCurrency) currency = { mode: 'convert', baseCurrency: options.baseCurrency.toUpperCase(), rates: parseExchangeRates(options.exchangeRates) };
	} catch (error) {
		throw errors.fatal(error);
	}
	let result;
	try {
		result = buildProfiles(events, {
			periodUnit,
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
		});
	} catch (error) {
		throw errors.fatal(error);
	}
	for (const issue of result.issues) errors.failIssue(issue);

	const output: INodeExecutionData[] = result.profiles.map(({ sourceIndexes, ...profile }) => ({
		json: profile as unknown as IDataObject,
		pairedItem: pairedItemsOf(sourceIndexes),
	}));
	const { summary } = result;
	if (withoutIdentity > 0) summary.skippedReasons.missingIdentity = withoutIdentity;
	summary.placeholderIdentities += placeholders;
	const skippedTotal = summary.eventsSkipped + withoutIdentity;
	const hint = runHint(summary, skippedTotal);
	if (hint) this.addExecutionHints({ message: hint, location: 'outputPane' });
	if (options.includeRunSummary) {
		output.push({
			json: {
				runSummary: true,
				itemsIn: items.length,
				itemsWithErrors: errors.items.length,
				...summary,
				eventsSkipped: skippedTotal,
			} as unknown as IDataObject,
			pairedItem: pairedItemsOf(items.map((_, index) => index)),
		});
	}
	const all = [...output, ...errors.items];
	// RFM quintiles of the few customers a tool call sees say nothing: left out of a tool's answer.
	return [wantsCompact(this, options.toolOutput) ? compactItems(all, 'profile', runsAsTool(this) ? ['rfmSegment'] : []) : all];
}
