/**
 * Decides, on reading, which contested events count: of the copies of an event id the earliest wins (then the
 * smaller content text), the others are duplicates; of the states of an order (snapshots) the latest update wins
 * (resolveOrderSnapshots), the others are superseded. Both are total orders on content, so the copies may arrive
 * in any batch and any order and the same one counts.
 *
 * Two different states of one order are not copies, even under one event id: for snapshots only an identical export
 * is a duplicate, and resolveOrderSnapshots decides between states.
 *
 * Cost: O(c) for c contested events (content texts only on ties).
 * @example resolveEventCopies(state.contested, true) // ['duplicateEventId', undefined, ...]: final skip reason of each
 */
import { isSnapshot } from './addEvents';
import type { ContestedEvent } from './profileState';
import { resolveOrderSnapshots } from './resolveOrderSnapshots';
import type { LifecycleEvent } from './schemas';
import { eventContentText } from './storedEvent';

/** Of two copies of one event id, the earlier wins, then the smaller content text: a total order, so any arrival order keeps the same copy. */
function precedesCopy(challenger: LifecycleEvent, holder: LifecycleEvent): boolean {
	if (challenger.timestamp !== holder.timestamp) return challenger.timestamp < holder.timestamp;
	return eventContentText(challenger) < eventContentText(holder);
}

function markDuplicates(contested: readonly ContestedEvent[], skips: Array<string | undefined>): void {
	const copyOfEventId = new Map<string, number>();
	for (let i = 0; i < contested.length; i++) {
		const { event } = contested[i];
		let eventId = event.eventId;
		if (eventId === undefined) continue;
		if (isSnapshot(event)) eventId += `\n${eventContentText(event)}`;
		const holder = copyOfEventId.get(eventId);
		if (holder === undefined) copyOfEventId.set(eventId, i);
		else if (precedesCopy(event, contested[holder].event)) {
			skips[holder] = 'duplicateEventId';
			copyOfEventId.set(eventId, i);
		} else skips[i] = 'duplicateEventId';
	}
}

function markSuperseded(contested: readonly ContestedEvent[], skips: Array<string | undefined>): void {
	const candidates: number[] = [];
	for (let i = 0; i < contested.length; i++) if (isSnapshot(contested[i].event) && skips[i] !== 'duplicateEventId') candidates.push(i);
	if (candidates.length === 0) return;
	for (const position of resolveOrderSnapshots(candidates.map((i) => contested[i].event))) skips[candidates[position]] = 'supersededSnapshot';
}

/** The final skip reason of each contested event (undefined: it counts), by position. */
export function resolveEventCopies(contested: readonly ContestedEvent[], dedupe: boolean): Array<string | undefined> {
	const skips = contested.map((entry) => entry.skip);
	if (dedupe) markDuplicates(contested, skips);
	markSuperseded(contested, skips);
	return skips;
}
