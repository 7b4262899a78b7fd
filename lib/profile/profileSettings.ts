/**
 * Build Profile's options, and the settings they resolve to: defaults filled in, checked once, fixed for the life
 * of a profile state (emptyProfileState). Every event added to a state is screened and aggregated under the same
 * settings, which is what lets two states be merged (mergeProfileStates refuses states built under other settings).
 *
 * Cost: O(a) for a channel aliases.
 * @example resolveProfileSettings({ periodUnit: 'week' }).historyLimit // 100
 */
import type { ChannelAlias, ChannelVocabulary } from '../channelVocabulary';
import { createChannelVocabulary } from '../channelVocabulary';
import { LifecycleInputError } from '../errors';
import { parseTimestamp } from './parseTimestamp';
import type { PeriodUnit } from './summarizeTransactions';
import { resolvePeriodUnit } from './summarizeTransactions';

export type CurrencyHandling =
	| { mode: 'report' }
	| { mode: 'convert'; baseCurrency: string; rates: Record<string, number> };

export interface BuildProfilesOptions {
	/** Inclusive end of observation; default: the latest event. */
	observationEnd?: number | string | Date;
	/** The run's clock (ms since 1970), used only to refuse events dated in the future; never the observation end. */
	now?: number;
	periodUnit?: PeriodUnit;
	/** Count an event id once (default true). */
	dedupeByEventId?: boolean;
	/** 'subtract' refunds from revenue (default) or 'ignore' them (counted as skipped). */
	refunds?: 'subtract' | 'ignore';
	/** Events after an explicit observation end: 'error' (default) or 'ignore' (counted, e.g. for a holdout). */
	afterObservationEnd?: 'error' | 'ignore';
	/** Purchases with value 0: 'keep' (default) or 'ignore' (counted). */
	zeroValuePurchases?: 'keep' | 'ignore';
	/** Mixed currencies are reported per currency (default) or converted with given rates. */
	currency?: CurrencyHandling;
	/** Currency of events that carry none. */
	defaultCurrency?: string;
	/**
	 * Most recent messages and engagements kept per profile in messageHistory / engagementHistory (default 100 each;
	 * 0 for none). Choose Channel counts frequency caps and learns send times from them.
	 */
	historyLimit?: number;
	/** Extra spellings of channel names (on top of e-mail, mail, newsletter, text, mobile, notification, all, *). */
	channelAliases?: ChannelAlias[];
}

export interface ProfileSettings {
	periodUnit: PeriodUnit;
	dedupe: boolean;
	refunds: 'subtract' | 'ignore';
	afterEnd: 'error' | 'ignore';
	zeroValue: 'keep' | 'ignore';
	currency: CurrencyHandling;
	defaultCurrency: string;
	historyLimit: number;
	/** The explicit observation end (ms), or undefined: then the end is the latest usable event, known on reading. */
	explicitEnd: number | undefined;
	now: number | undefined;
	vocabulary: ChannelVocabulary;
	/** The options as text, for telling whether two states were built under the same settings. */
	fingerprint: string;
}

function parseObservationEnd(value: BuildProfilesOptions['observationEnd']): number {
	const parsed = parseTimestamp(value);
	if (parsed !== undefined) return parsed;
	throw new LifecycleInputError(`buildProfiles requires a valid observation end from 1900 to 2199; got "${String(value)}"`, {
		field: 'observationEnd',
		hint: 'Use a date like 2011-12-09 or an ISO timestamp',
	});
}

/** The options with their defaults, checked in the order buildProfiles always checked them. */
export function resolveProfileSettings(options: BuildProfilesOptions = {}): ProfileSettings {
	const periodUnit = resolvePeriodUnit(options.periodUnit, 'buildProfiles');
	const currency = options.currency ?? { mode: 'report' };
	const historyLimit = options.historyLimit ?? 100;
	if (!Number.isInteger(historyLimit) || historyLimit < 0) {
		throw new LifecycleInputError(`buildProfiles requires a history limit that is a whole number >= 0; got ${historyLimit}`, {
			field: 'historyLimit',
		});
	}
	if (currency.mode === 'convert' && !currency.baseCurrency) {
		throw new LifecycleInputError('buildProfiles requires a base currency to convert into', {
			field: 'baseCurrency',
		});
	}
	const explicitEnd = options.observationEnd === undefined ? undefined : parseObservationEnd(options.observationEnd);
	const settings = {
		periodUnit,
		dedupe: options.dedupeByEventId ?? true,
		refunds: options.refunds ?? 'subtract',
		afterEnd: options.afterObservationEnd ?? 'error',
		zeroValue: options.zeroValuePurchases ?? 'keep',
		currency,
		defaultCurrency: options.defaultCurrency ?? '',
		historyLimit,
		explicitEnd,
		now: options.now,
	} as const;
	const channelAliases = options.channelAliases ?? [];
	return {
		...settings,
		vocabulary: createChannelVocabulary(channelAliases),
		fingerprint: JSON.stringify({ ...settings, channelAliases }),
	};
}
