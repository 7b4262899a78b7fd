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
	/** Person of each identity number. */
	personOf: Int32Array;
	/** Identity numbers of each person, people in order of their first event. */
	anchorsOf: number[][];
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
	const personOf = new Int32Array(state.aggregates.length);
	const anchorsOf: number[][] = [];
	for (const [key, number] of state.identities) {
		const root = graph.findNode(graph.add(key));
		let person = personOfRoot.get(root);
		if (person === undefined) {
			person = anchorsOf.length;
			personOfRoot.set(root, person);
			anchorsOf.push([]);
		}
		personOf[number] = person;
		anchorsOf[person].push(number);
	}
	return { graph, personOf, anchorsOf, personOfRoot };
}

/** Purchases for the BTYD summary: person, UTC day and value of each purchase used. */
interface Purchases {
	person: number[];
	day: number[];
	value: number[];
}

/**
 * Each person's aggregate: their one identity's aggregate as it is (read, never changed), or a fresh merge of
 * their identities' aggregates with their counted contested events (whose purchases join `contestedPurchases`).
 */
function aggregatePeople(state: ProfileState, people: People, contestedPurchases: Purchases): PersonAggregate[] {
	const skips = resolveEventCopies(state.contested, state.settings.dedupe);
	const contestedOf: number[][] = people.anchorsOf.map(() => []);
	state.contested.forEach((entry, position) => contestedOf[people.personOf[entry.anchor]].push(position));
	return people.anchorsOf.map((anchors, person) => {
		if (anchors.length === 1 && contestedOf[person].length === 0) return state.aggregates[anchors[0]];
		const aggregate = newPersonAggregate();
		for (const anchor of anchors) mergeAggregateInto(aggregate, state.aggregates[anchor]);
		for (const position of contestedOf[person]) {
			const { event, value } = state.contested[position];
			const skip = skips[position];
			if (skip) countSkipped(aggregate, skip);
			else {
				addUsedEvent(aggregate, event, value, state.settings);
				if (event.type === 'purchase') {
					contestedPurchases.person.push(person);
					contestedPurchases.day.push(utcDayIndex(event.timestamp));
					contestedPurchases.value.push(value);
				}
			}
		}
		return aggregate;
	});
}

/** BTYD figures of every person (frequency, recency, T, monetary value) from their purchases by UTC day. */
function purchaseFiguresOf(state: ProfileState, people: People, contested: Purchases, observationEnd: number) {
	const settled = state.purchases.length;
	const total = settled + contested.person.length;
	const personOf = new Int32Array(total);
	const dayOf = new Float64Array(total);
	const valueOf = new Float64Array(total);
	const [owner, day, value] = state.purchases.columns;
	for (let k = 0; k < settled; k++) personOf[k] = people.personOf[owner[k]];
	dayOf.set(day.subarray(0, settled));
	valueOf.set(value.subarray(0, settled));
	for (let k = 0; k < contested.person.length; k++) {
		personOf[settled + k] = contested.person[k];
		dayOf[settled + k] = contested.day[k];
		valueOf[settled + k] = contested.value[k];
	}
	return summarizePurchaseDays(people.anchorsOf.length, personOf, dayOf, valueOf, total, utcDayIndex(observationEnd), state.settings.periodUnit);
}

/** Item positions of each person's events, in arrival order (a counting sort of the state's column by person). */
function sourcesOfPeople(state: ProfileState, people: People): Float64Array[] {
	const [owner, index] = state.sources.columns;
	const length = state.sources.length;
	const starts = new Int32Array(people.anchorsOf.length + 1);
	for (let k = 0; k < length; k++) starts[people.personOf[owner[k]] + 1]++;
	for (let p = 0; p < people.anchorsOf.length; p++) starts[p + 1] += starts[p];
	const cursor = starts.slice(0, people.anchorsOf.length);
	const sorted = new Float64Array(length);
	for (let k = 0; k < length; k++) sorted[cursor[people.personOf[owner[k]]]++] = index[k];
	return people.anchorsOf.map((_, person) => sorted.subarray(starts[person], starts[person + 1]));
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
	const contestedPurchases: Purchases = { person: [], day: [], value: [] };
	const aggregates = aggregatePeople(state, people, contestedPurchases);
	const btyd = purchaseFiguresOf(state, people, contestedPurchases, observationEnd);
	const identitiesOf = identitiesOfPeople(people);
	const sourcesOf = sourcesOfPeople(state, people);
	const profiles = aggregates.map((aggregate, person) => {
		const figures = { frequency: btyd.frequency[person], recency: btyd.recency[person], T: btyd.T[person], monetaryValue: btyd.monetaryValue[person] };
		return toCustomerProfile(aggregate, identitiesOf[person], sourcesOf[person], figures, settings, observationEnd);
	});
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
