/**
 * Reads the profiles of a profile state (the fold's read-out; the state is left unchanged, so more events may be
 * added afterwards). Steps: (1) decide which contested events count (resolveEventCopies); (2) stitch identities
 * from the links in time order, the earlier link winning a conflict (IdentityGraph: never merges two known
 * customer ids); (3) one aggregate per person: the merge of their identities' aggregates and their counted
 * contested events; (4) the BTYD summary at the observation end (explicit, else the latest event kept);
 * (5) one profile per person (toCustomerProfile), in order of their first event; (6) RFM scores across them.
 *
 * Cost: O(i α(i) + l log l + c + p log p) for i identities, l links, c contested events and p purchasers, plus
 * the merge of the aggregates of people with several identities.
 * @example readProfiles(addEvents(emptyProfileState({ periodUnit: 'week' }), events)).summary.profiles
 */
import { IdentityGraph } from './IdentityGraph';
import type { InputIssue } from '../errors';
import type { PersonAggregate } from './personAggregate';
import { addUsedEvent, countSkipped, mergeAggregateInto, newPersonAggregate } from './personAggregate';
import { utcDayIndex } from './parseTimestamp';
import type { IdentityLink, ProfileState } from './profileState';
import { resolveEventCopies } from './resolveEventCopies';
import { assignRfmScores } from './scoreRfm';
import { summarizePurchaseDays } from './summarizeTransactions';
import type { CustomerProfile } from './schemas';
import { toCustomerProfile, withSortedKeys } from './toCustomerProfile';

export interface BuildProfilesSummary {
	eventsIn: number;
	eventsUsed: number;
	eventsSkipped: number;
	skippedReasons: Record<string, number>;
	identityConflicts: number;
	profiles: number;
	observationEnd: string;
	mixedCurrencyProfiles: number;
	/** Identity values ignored as placeholders ("n/a", "unknown", "0", short phones...). */
	placeholderIdentities: number;
	/** Unsubscribes, complaints and consent withdrawals naming a channel nobody recognises: every channel withdrawn. */
	unrecognisedChannelSuppressions: number;
	/** Events refused because they lie far after the bulk of the data (see OUTLIER_DAYS). */
	outlierEvents: number;
}

export interface BuildProfilesResult {
	profiles: CustomerProfile[];
	summary: BuildProfilesSummary;
	/** Events rejected as bad input (never aggregated); the node turns them into errors or error items. */
	issues: InputIssue[];
}

/** Who is one person: the links in time order (then by their keys), then every identity that anchors events. */
interface People {
	graph: IdentityGraph;
	/** Person of each anchor, in the state's anchor order. */
	personOfAnchor: Map<string, number>;
	/** Anchors of each person, people in order of their first event. */
	anchorsOf: string[][];
	/** Root node of each person. */
	personOfRoot: Map<number, number>;
}

function linkText(link: IdentityLink): string {
	return link.keys.join('\n');
}

function stitchPeople(state: ProfileState): People {
	const graph = new IdentityGraph();
	const links = [...state.links].sort((a, b) => a.at - b.at || (linkText(a) < linkText(b) ? -1 : linkText(a) > linkText(b) ? 1 : 0));
	for (const link of links) graph.link(link.keys);
	const personOfRoot = new Map<number, number>();
	const personOfAnchor = new Map<string, number>();
	const anchorsOf: string[][] = [];
	for (const anchor of state.anchors.keys()) {
		const root = graph.findNode(graph.add(anchor));
		let person = personOfRoot.get(root);
		if (person === undefined) {
			person = anchorsOf.length;
			personOfRoot.set(root, person);
			anchorsOf.push([]);
		}
		personOfAnchor.set(anchor, person);
		anchorsOf[person].push(anchor);
	}
	return { graph, personOfAnchor, anchorsOf, personOfRoot };
}

/**
 * Each person's aggregate: their one identity's aggregate as it is (read, never changed), or a fresh merge of
 * their identities' aggregates with their counted contested events.
 */
function aggregatePeople(state: ProfileState, people: People): PersonAggregate[] {
	const skips = resolveEventCopies(state.contested, state.settings.dedupe);
	const contestedOf: number[][] = people.anchorsOf.map(() => []);
	state.contested.forEach((entry, position) => contestedOf[people.personOfAnchor.get(entry.anchor)!].push(position));
	return people.anchorsOf.map((anchors, person) => {
		if (anchors.length === 1 && contestedOf[person].length === 0) return state.anchors.get(anchors[0])!;
		const aggregate = newPersonAggregate();
		for (const anchor of anchors) mergeAggregateInto(aggregate, state.anchors.get(anchor)!);
		for (const position of contestedOf[person]) {
			const { event, value } = state.contested[position];
			const skip = skips[position];
			if (skip) countSkipped(aggregate, skip);
			else addUsedEvent(aggregate, event, value, state.settings);
		}
		return aggregate;
	});
}

/** BTYD figures of every person (frequency, recency, T, monetary value) from their purchases by UTC day. */
function purchaseFiguresOf(aggregates: PersonAggregate[], observationEnd: number, periodUnit: ProfileState['settings']['periodUnit']) {
	let purchases = 0;
	for (const aggregate of aggregates) purchases += aggregate.purchaseDays.length;
	const personOf = new Int32Array(purchases);
	const dayOf = new Float64Array(purchases);
	const valueOf = new Float64Array(purchases);
	let next = 0;
	for (let person = 0; person < aggregates.length; person++) {
		const { purchaseDays, purchaseValues } = aggregates[person];
		for (let k = 0; k < purchaseDays.length; k++) {
			personOf[next] = person;
			dayOf[next] = purchaseDays[k];
			valueOf[next++] = purchaseValues[k];
		}
	}
	return summarizePurchaseDays(aggregates.length, personOf, dayOf, valueOf, purchases, utcDayIndex(observationEnd), periodUnit);
}

/** Identity keys of each person, sorted. */
function identitiesOfPeople(people: People): string[][] {
	const identitiesOf: string[][] = people.anchorsOf.map(() => []);
	const { graph } = people;
	for (let node = 0; node < graph.keyCount; node++) {
		const person = people.personOfRoot.get(graph.findNode(node));
		if (person !== undefined) identitiesOf[person].push(graph.keyAt(node));
	}
	return identitiesOf.map((keys) => keys.sort());
}

function sumOf(values: number[]): number {
	return values.reduce((total, value) => total + value, 0);
}

export function readProfiles(state: ProfileState): BuildProfilesResult {
	const { settings } = state;
	const observationEnd = settings.explicitEnd ?? (Number.isFinite(state.latestKept) ? state.latestKept : 0);
	const people = stitchPeople(state);
	const aggregates = aggregatePeople(state, people);
	const btyd = purchaseFiguresOf(aggregates, observationEnd, settings.periodUnit);
	const identitiesOf = identitiesOfPeople(people);
	const profiles = aggregates.map((aggregate, person) =>
		toCustomerProfile(aggregate, identitiesOf[person], { frequency: btyd.frequency[person], recency: btyd.recency[person], T: btyd.T[person], monetaryValue: btyd.monetaryValue[person] }, settings, observationEnd),
	);
	assignRfmScores(profiles);

	const skippedReasons = Object.create(null) as Record<string, number>;
	for (const aggregate of aggregates) for (const reason of Object.keys(aggregate.skipped)) skippedReasons[reason] = (skippedReasons[reason] ?? 0) + aggregate.skipped[reason];
	return {
		profiles,
		summary: {
			eventsIn: state.eventsIn,
			eventsUsed: sumOf(aggregates.map((aggregate) => aggregate.eventsUsed)),
			eventsSkipped: sumOf(Object.values(skippedReasons)),
			skippedReasons: withSortedKeys(skippedReasons),
			identityConflicts: people.graph.conflicts,
			profiles: profiles.length,
			observationEnd: new Date(observationEnd).toISOString(),
			mixedCurrencyProfiles: profiles.filter((profile) => profile.currency === 'MIXED' && profile.revenue === null).length,
			placeholderIdentities: state.placeholderIdentities,
			unrecognisedChannelSuppressions: sumOf(aggregates.map((aggregate) => aggregate.unrecognisedChannelSuppressions)),
			outlierEvents: state.outlierEvents,
		},
		issues: state.issues.slice(),
	};
}
