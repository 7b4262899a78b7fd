/**
 * Adds a batch of events to a profile state (the fold's step). Each event is screened (screenEvent: identity,
 * time, amount, currency, observation end); a refused event becomes an issue; a kept one joins the aggregate of
 * its first identity, or, when its use depends on other copies (an event id, an order snapshot), is kept as a
 * contested event for reading. The identities an event carries together are kept as a link.
 *
 * The state is changed in place and returned, so a fold reads `addEvents(addEvents(state, week1), week2)`.
 * Without an explicit observation end the outlier rule judges the batch given here as one run.
 *
 * Cost: O(n log n) for n events (the outlier rule's sort), O(n) otherwise.
 * @example addEvents(emptyProfileState(), [{ type: 'purchase', customerId: 'C1', value: 5, timestamp: 0, sourceIndex: 0 }]).identities.size // 1
 */
import { eventIdentityKeys } from './eventIdentityKeys';
import { identityKey } from './IdentityGraph';
import { addUsedEvent, countSkipped, newPersonAggregate } from './personAggregate';
import { utcDayIndex } from './parseTimestamp';
import type { ProfileSettings } from './profileSettings';
import type { ProfileState } from './profileState';
import type { LifecycleEvent } from './schemas';
import { eventProblem, isRealCustomerId, outlierLimitOf, screenEvent } from './screenEvent';

const NO_KEYS: string[] = [];

/** The number of an identity in the state, numbering it (with an empty aggregate) on first sight. */
export function identityNumber(state: ProfileState, key: string): number {
	let number = state.identities.get(key);
	if (number === undefined) {
		number = state.aggregates.length;
		state.identities.set(key, number);
		state.aggregates.push(newPersonAggregate());
	}
	return number;
}

/** An order snapshot: one state of an order, replaced by a later state (resolveOrderSnapshots). */
export function isSnapshot(event: LifecycleEvent): boolean {
	return event.orderUpdatedAt !== undefined && event.orderId !== undefined;
}

/** Whether the event's use depends on other events (copies of its event id, other snapshots of its order). */
function isContested(event: LifecycleEvent, settings: ProfileSettings): boolean {
	return (settings.dedupe && event.eventId !== undefined) || isSnapshot(event);
}

/** A kept event: its identity's aggregate (created on first sight), its link, and its contribution or its place in the queue. */
function keepEvent(state: ProfileState, event: LifecycleEvent, anchor: number, keys: string[] | undefined, value: number, skip: string | undefined): void {
	if (event.timestamp > state.latestKept) state.latestKept = event.timestamp;
	state.sources.push2(anchor, event.sourceIndex);
	if (keys && keys.length > 1) state.links.push({ at: event.timestamp, keys });
	if (isContested(event, state.settings)) state.contested.push({ event, anchor, value, skip });
	else if (skip) countSkipped(state.aggregates[anchor], skip);
	else {
		addUsedEvent(state.aggregates[anchor], event, value, state.settings);
		if (event.type === 'purchase') state.purchases.push3(anchor, utcDayIndex(event.timestamp), value);
	}
}

export function addEvents(state: ProfileState, events: readonly LifecycleEvent[]): ProfileState {
	const { settings } = state;
	const outlierLimit = settings.explicitEnd === undefined ? outlierLimitOf(events, settings.now) : Number.POSITIVE_INFINITY;
	const realCustomerIds = new Set<string>();
	// Identity number of each customer id seen alone in this batch: one look-up by the id itself, no key text built.
	const numberOfCustomerId = new Map<string, number>();
	const countPlaceholder = () => state.placeholderIdentities++;
	const countOutlier = () => state.outlierEvents++;
	state.eventsIn += events.length;
	for (const event of events) {
		// Most events carry only a customer id: checked once per id, and no link to keep.
		const onlyCustomerId =
			event.customerId !== undefined && !event.email && !event.phone && !event.anonymousId &&
			isRealCustomerId(event.customerId, realCustomerIds);
		const keys = onlyCustomerId ? NO_KEYS : eventIdentityKeys(event, countPlaceholder);
		if (keys.length === 0 && !onlyCustomerId) {
			state.issues.push({
				itemIndex: event.sourceIndex,
				field: 'customerId',
				message: 'The event has no customer id, email, anonymous id or phone',
				hint: 'Map at least one identity field, or set "Items Without Identity" to skip them',
			});
			continue;
		}
		const problem = eventProblem(event, outlierLimit, countOutlier);
		const screened = problem ? { issue: problem } : screenEvent(event, settings);
		if ('issue' in screened) state.issues.push(screened.issue);
		else if (!onlyCustomerId) keepEvent(state, event, identityNumber(state, keys[0]), keys, screened.value, screened.skip);
		else {
			const customerId = event.customerId!;
			let anchor = numberOfCustomerId.get(customerId);
			if (anchor === undefined) numberOfCustomerId.set(customerId, (anchor = identityNumber(state, identityKey('customerId', customerId))));
			keepEvent(state, event, anchor, undefined, screened.value, screened.skip);
		}
	}
	return state;
}
