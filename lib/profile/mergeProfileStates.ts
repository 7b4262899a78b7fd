/**
 * Merges profile states built under the same settings into a new one (the inputs are left unchanged): aggregates
 * of the same identity merge (mergeAggregateInto), contested events, links and issues are listed one state after
 * the other, counts add and the latest kept time is the maximum. Reading the merge gives what reading one state fed
 * every batch gives, profiles in the order of the states given (see profileState.ts).
 *
 * Cost: O(size of the states).
 * @example readProfiles(mergeProfileStates(addEvents(emptyProfileState(), weekOne), addEvents(emptyProfileState(), weekTwo)))
 */
import { LifecycleInputError } from '../errors';
import { mergeAggregateInto, newPersonAggregate } from './personAggregate';
import type { ProfileState } from './profileState';

function absorb(target: ProfileState, source: ProfileState): void {
	if (source.settings.fingerprint !== target.settings.fingerprint) {
		throw new LifecycleInputError('mergeProfileStates requires states built with the same options', {
			field: 'options',
			hint: 'Create every state to merge with emptyProfileState and the same options',
		});
	}
	target.eventsIn += source.eventsIn;
	for (const issue of source.issues) target.issues.push(issue);
	target.placeholderIdentities += source.placeholderIdentities;
	target.outlierEvents += source.outlierEvents;
	target.latestKept = Math.max(target.latestKept, source.latestKept);
	for (const [anchor, aggregate] of source.anchors) {
		let into = target.anchors.get(anchor);
		if (!into) target.anchors.set(anchor, (into = newPersonAggregate()));
		mergeAggregateInto(into, aggregate);
	}
	for (const link of source.links) target.links.push(link);
	for (const contested of source.contested) target.contested.push(contested);
}

export function mergeProfileStates(first: ProfileState, ...others: ProfileState[]): ProfileState {
	const merged: ProfileState = { ...first, issues: [], anchors: new Map(), links: [], contested: [], eventsIn: 0, placeholderIdentities: 0, outlierEvents: 0, latestKept: Number.NEGATIVE_INFINITY };
	for (const state of [first, ...others]) absorb(merged, state);
	return merged;
}
