/**
 * Folds new events into stored profiles: the profiles a one-shot build over every event so far would give,
 * computed from the stored rows that the new events touch and the new events alone.
 *
 * Why it is exact: buildProfiles gives the same profiles for the same usable events in any order, an event's
 * usability depends on that event alone (and the run's end), and each stored row holds every usable event of one
 * person. A person's profile can only change when a new event carries one of their identities, so rebuilding
 * the touched rows' events together with the new ones reproduces the one-shot result for those people, merges
 * included (an identity link arriving after both halves were stored) and splits included (an earlier link that
 * wins an email back). RFM ranks the rebuilt profiles among the untouched rows' stored figures.
 *
 * In the fold's terms (profileState.ts): the touched rows' events, read back from their state column, make one
 * profile state; the usable new events another, under the same settings (the run's end); reading their merge gives
 * the rebuilt profiles. The stored row format is unchanged: a row keeps its events, not the state's aggregates,
 * so rows written by any earlier version with the same PROFILE_STATE_VERSION are read as they are.
 *
 * What a batch cannot see, and so is not part of the guarantee: an event ID or order ID shared by two people who
 * never become one (their copies are compared within a person), and the outlier rule's bulk of the data, judged
 * per batch. The observation end is the latest of the batch and of the rows given, so give all rows (or the
 * latest-written ones) unless Observation End is set. With stored population figures (populationFigures.ts), RFM
 * comes from their quintile edges and the end is no earlier than theirs: a real-time update of one row then gives
 * the scheduled run's answer.
 *
 * Cost: O(b + t + r) for b new events, t events of the touched rows and r rows given.
 * @example updateStoredProfiles(storedRows, weekTwoEvents, { periodUnit: 'week' }).rows // rows to upsert
 */
import type { InputIssue } from '../errors';
import { LifecycleInputError } from '../errors';
import { addEvents } from './addEvents';
import type { BuildProfilesOptions, BuildProfilesSummary } from './buildProfiles';
import { buildProfiles } from './buildProfiles';
import { eventIdentityKeys } from './eventIdentityKeys';
import { mergeProfileStates } from './mergeProfileStates';
import type { ProfileState } from './profileState';
import { emptyProfileState } from './profileState';
import { readProfiles } from './readProfiles';
import { parseTimestamp } from './parseTimestamp';
import type { ProfilePopulationFigures } from './populationFigures';
import type { RfmFigures } from './scoreRfm';
import { assignRfmScores, assignRfmScoresFromEdges } from './scoreRfm';
import type { CustomerProfile, LifecycleEvent } from './schemas';
import type { StoredEvent } from './storedEvent';
import { toStoredEvent } from './storedEvent';
import type { StoredProfile, StoredProfileRow } from './storedProfileRow';
import { readStoredProfileRow, toStoredProfileRow } from './storedProfileRow';

export interface UpdateStoredProfilesOptions extends BuildProfilesOptions {
	/** Rebuild and return every stored customer, not only those the new events touch (default false). */
	everyCustomer?: boolean;
	/**
	 * Stored population figures of the scheduled run (readProfilePopulationFigures): RFM from their quintile edges and
	 * an observation end no earlier than theirs, so one customer updated in real time gets the scheduled run's answer.
	 */
	populationFigures?: ProfilePopulationFigures;
}

export interface UpdateStoredProfilesResult {
	/** The updated profiles (touched customers, or every customer), as buildProfiles shapes them. */
	profiles: CustomerProfile[];
	/** One row per profile, in the same order, to insert or update by profileId. */
	rows: StoredProfileRow[];
	/** profileIds of stored rows that no longer exist (merged into another customer): delete them. */
	retiredProfileIds: string[];
	summary: BuildProfilesSummary & { storedRowsRead: number; storedRowsRebuilt: number };
	/** New events refused as bad input (item indexes of the new events). */
	issues: InputIssue[];
}

/** Rows whose identities the usable new events carry: every person the batch can change. */
function touchedRows(stored: StoredProfile[], events: readonly LifecycleEvent[]): Set<number> {
	const rowsOfKey = new Map<string, number[]>();
	stored.forEach((row, index) => {
		for (const key of row.identityKeys) {
			const rows = rowsOfKey.get(key);
			if (rows) rows.push(index);
			else rowsOfKey.set(key, [index]);
		}
	});
	const touched = new Set<number>();
	for (const event of events) for (const key of eventIdentityKeys(event)) for (const index of rowsOfKey.get(key) ?? []) touched.add(index);
	return touched;
}

/**
 * The run's end: as set, else the latest of the batch's end (its latest usable event) and the ends the stored rows
 * were written with. A batch with no usable event has no end of its own (its summary says 1970, not a real time).
 */
function foldedObservationEnd(options: UpdateStoredProfilesOptions, batch: BuildProfilesSummary, stored: StoredProfile[]): number | string | Date {
	if (options.observationEnd !== undefined) return options.observationEnd;
	const batchHasUsableEvents = batch.eventsUsed + batch.eventsSkipped > 0;
	let end = batchHasUsableEvents ? (parseTimestamp(batch.observationEnd) ?? Number.NEGATIVE_INFINITY) : Number.NEGATIVE_INFINITY;
	for (const row of stored) if (row.observationEnd !== undefined && row.observationEnd > end) end = row.observationEnd;
	if (options.populationFigures && options.populationFigures.observationEnd > end) end = options.populationFigures.observationEnd;
	return Number.isFinite(end) ? end : 0;
}

/**
 * The state of the stored rows to rebuild: their events, read back from the state column, numbered from `first` on
 * (each one's stored form is appended to `storedForms` at its number).
 */
function storedRowsState(stored: StoredProfile[], rebuilt: Set<number>, options: BuildProfilesOptions, first: number, storedForms: StoredEvent[]): ProfileState {
	const events: LifecycleEvent[] = [];
	for (const index of rebuilt) {
		for (const event of stored[index].events()) {
			events.push({ ...event, sourceIndex: first + events.length } as LifecycleEvent);
			storedForms.push(event);
		}
	}
	return addEvents(emptyProfileState(options), events);
}

export function updateStoredProfiles(
	storedRows: readonly unknown[],
	newEvents: readonly LifecycleEvent[],
	options: UpdateStoredProfilesOptions = {},
): UpdateStoredProfilesResult {
	const stored = storedRows.map((row, index) => readStoredProfileRow(row, index));
	// The batch alone decides which new events are usable (identity, dates, amounts, currencies, the outlier rule).
	const batch = buildProfiles(newEvents, options);
	const refused = new Set(batch.issues.map((issue) => issue.itemIndex));
	const usable = newEvents.filter((event) => !refused.has(event.sourceIndex));
	const observationEnd = foldedObservationEnd(options, batch.summary, stored);

	const rebuilt = options.everyCustomer ? new Set(stored.keys()) : touchedRows(stored, usable);
	// Both states are folded at the run's end. New events after an explicit end were refused above; stored ones are
	// kept (counted), never dropped from the store. Every event is numbered by its position (the new ones first), so
	// two events never share a number; storedForms: each event's stored form, by position.
	const foldOptions: BuildProfilesOptions = { ...options, observationEnd, afterObservationEnd: 'ignore' };
	const newState = addEvents(emptyProfileState(foldOptions), usable.map((event, position) => ({ ...event, sourceIndex: position })));
	const storedForms: StoredEvent[] = usable.map(toStoredEvent);
	const storedState = storedRowsState(stored, rebuilt, foldOptions, usable.length, storedForms);
	const result = readProfiles(mergeProfileStates(newState, storedState));
	const lost = result.issues[0];
	if (lost) {
		throw new LifecycleInputError(`A stored event would be refused by this run's settings: ${lost.message}. Nothing was changed`, {
			field: lost.field,
			hint: 'Stored events keep the settings they were stored with: restore the exchange rate or setting that accepted them',
		});
	}
	const others: RfmFigures[] = stored.filter((_, index) => !rebuilt.has(index)).map((row) => row.figures);
	if (options.populationFigures) assignRfmScoresFromEdges(result.profiles, options.populationFigures.rfm);
	else if (!options.everyCustomer) assignRfmScores(result.profiles, others);

	const rows = result.profiles.map((profile) => toStoredProfileRow(profile, profile.sourceIndexes.map((position) => storedForms[position])));
	const live = new Set(result.profiles.map((profile) => profile.profileId));
	const retiredProfileIds = [...new Set([...rebuilt].map((index) => stored[index].profileId))].filter((id) => !live.has(id)).sort();
	const itemsOf = (positions: number[]) => [...new Set(positions.filter((position) => position < usable.length).map((position) => usable[position].sourceIndex))].sort((a, b) => a - b);
	const profiles = result.profiles.map((profile) => ({ ...profile, sourceIndexes: itemsOf(profile.sourceIndexes) }));

	return {
		profiles,
		rows,
		retiredProfileIds,
		summary: {
			...batch.summary,
			profiles: profiles.length,
			observationEnd: result.summary.observationEnd,
			identityConflicts: result.summary.identityConflicts,
			mixedCurrencyProfiles: result.summary.mixedCurrencyProfiles,
			storedRowsRead: stored.length,
			storedRowsRebuilt: rebuilt.size,
		},
		issues: batch.issues,
	};
}
