/**
 * A profile state: everything needed to read exact profiles for a set of events, kept so that events can be added
 * in batches and states merged in any grouping (issue 14). The fold is
 *
 *   buildProfiles(events, options) = readProfiles(addEvents(emptyProfileState(options), events))
 *   readProfiles(mergeProfileStates(addEvents(empty, a), addEvents(empty, b))) = readProfiles(addEvents(empty, a ++ b))
 *
 * What is aggregated, and what is kept as events, and why:
 * - Aggregated per identity (`identities`: the first identity key an event carries, or its customer id): every event
 *   whose contribution is settled on its own, i.e. all events except the contested ones below. Counts, sums,
 *   first/last times, latest-wins records (PersonAggregate) merge exactly in any order, and since an identity
 *   belongs to exactly one person once the graph is read, a person's aggregate is the merge of its identities'.
 * - Kept as events (`contested`): events with an event id (when deduplicating) and order snapshots (order id plus
 *   orderUpdatedAt). Which copy of an event id counts (the earliest, then the smaller content) and which snapshot of
 *   an order wins (the latest update) depends on copies that may arrive in a later batch, and may belong to another
 *   identity; an aggregate cannot take an event back out, so these wait, screened, until reading.
 * - Kept as events too (`links`): the identities each event carries together, with its time. Who is one person is
 *   decided on reading by linking in time order (the earlier link wins a conflict), so a link arriving late can
 *   merge two stored halves or give an email back to its first owner.
 * - Kept per event, in typed columns: each used purchase's identity, day and value (the BTYD summary sums them per
 *   day in value order, bit for bit, so each value is kept) and each kept event's identity and item position.
 * - Summary figures: counts add (events in, placeholders, outliers), the latest kept time is a maximum (the
 *   default observation end), issues are listed in arrival order.
 *
 * Order: `identities` are numbered in order of first arrival (a merge numbers the first state's identities first),
 * and profiles are read in the order of their first event, as buildProfiles always gave them.
 * So merging is commutative in the profiles it reads back (merge(a, b) and merge(b, a) give the same profiles,
 * listed in another order, and their issues likewise) and associative exactly.
 *
 * What the state cannot see: the outlier rule's bulk of the data (without an observation end) is that of each
 * batch given to addEvents, the one screening rule that is not judged on the event alone.
 *
 * Cost: O(1) to create; the state's size is O(i + c + l) for i identities, c contested events and l links, plus
 * one row per purchase and per kept event in the columns, and the messages and engagements a history keeps.
 * @example readProfiles(addEvents(emptyProfileState({ periodUnit: 'week' }), events)).profiles.length
 */
import type { InputIssue } from '../errors';
import { NumberColumns } from './NumberColumns';
import type { PersonAggregate } from './personAggregate';
import type { BuildProfilesOptions, ProfileSettings } from './profileSettings';
import { resolveProfileSettings } from './profileSettings';
import type { LifecycleEvent } from './schemas';

/** An event whose use depends on its copies or on other snapshots of its order: screened, decided on reading. */
export interface ContestedEvent {
	event: LifecycleEvent;
	/** Number of the identity whose aggregate the event joins if it counts (ProfileState.identities). */
	anchor: number;
	/** Its value in the reporting currency (screenEvent). */
	value: number;
	/** Why it is counted but not used, as screened; reading may add duplicateEventId or supersededSnapshot. */
	skip: string | undefined;
}

/** The identity keys one event carries together (two or more), with the event's time. */
export interface IdentityLink {
	at: number;
	keys: string[];
}

export interface ProfileState {
	readonly settings: ProfileSettings;
	eventsIn: number;
	/** Events refused as bad input, in arrival order. */
	issues: InputIssue[];
	placeholderIdentities: number;
	outlierEvents: number;
	/** Latest time of an event kept (used or counted as skipped); -Infinity before the first. */
	latestKept: number;
	/** Identity key -> its number, numbered in order of first arrival. */
	identities: Map<string, number>;
	/** Aggregate of each identity's settled events, by number. */
	aggregates: PersonAggregate[];
	/** Settled purchases used: identity number, UTC day, value (for the BTYD summary, summed per day on reading). */
	purchases: NumberColumns;
	/** Every event kept (used or skipped): identity number, item position (sourceIndex). */
	sources: NumberColumns;
	links: IdentityLink[];
	/** Contested events in arrival order. */
	contested: ContestedEvent[];
}

/** A state with no events, fixed to the given options (checked now: a bad option throws here). */
export function emptyProfileState(options: BuildProfilesOptions = {}): ProfileState {
	return {
		settings: resolveProfileSettings(options),
		eventsIn: 0,
		issues: [],
		placeholderIdentities: 0,
		outlierEvents: 0,
		latestKept: Number.NEGATIVE_INFINITY,
		identities: new Map(),
		aggregates: [],
		purchases: new NumberColumns(3),
		sources: new NumberColumns(2),
		links: [],
		contested: [],
	};
}
