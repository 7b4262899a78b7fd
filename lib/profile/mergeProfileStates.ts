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
import { identityNumber } from './addEvents';
import { mergeAggregateInto } from './personAggregate';
import type { ProfileState } from './profileState';
import { emptyProfileState } from './profileState';

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
	const numberInTarget = new Float64Array(source.aggregates.length);
	for (const [key, number] of source.identities) {
		numberInTarget[number] = identityNumber(target, key);
		mergeAggregateInto(target.aggregates[numberInTarget[number]], source.aggregates[number]);
	}
	const [purchaseOwner, purchaseDay, purchaseValue] = source.purchases.columns;
	for (let k = 0; k < source.purchases.length; k++) target.purchases.push3(numberInTarget[purchaseOwner[k]], purchaseDay[k], purchaseValue[k]);
	const [sourceOwner, sourceIndex] = source.sources.columns;
	for (let k = 0; k < source.sources.length; k++) target.sources.push2(numberInTarget[sourceOwner[k]], sourceIndex[k]);
	for (const link of source.links) target.links.push(link);
	for (const contested of source.contested) target.contested.push({ ...contested, anchor: numberInTarget[contested.anchor] });
}

export function mergeProfileStates(first: ProfileState, ...others: ProfileState[]): ProfileState {
	const merged: ProfileState = { ...emptyProfileState(), settings: first.settings };
	for (const state of [first, ...others]) absorb(merged, state);
	return merged;
}
