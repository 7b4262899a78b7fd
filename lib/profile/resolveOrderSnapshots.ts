/**
 * Order state, not order events: shops, payment platforms and CRMs export an order again whenever it
 * changes (paid, refunded, cancelled, a deal moving stage). Of all snapshots of one order (events with
 * the same orderId that carry `orderUpdatedAt`), the latest wins; the others are superseded, so a refund
 * or cancellation that arrives later replaces the sale instead of being dropped or added to it.
 *
 *   winner = argmax over snapshots of (orderUpdatedAt, -value sold, -content text)
 *
 * At an equal update time (Stripe charges have none) the state that sells less wins, since refunds only
 * follow a sale; then the smaller content text (eventContentText), so the winner never depends on the order
 * the snapshots arrived in. Of identical copies the first wins; Build Profile counts an identical copy that
 * carries an event id as a duplicate before it gets here.
 *
 * Cost: O(n) for n events.
 * @example resolveOrderSnapshots([sale, laterRefund]) // Set { 0 }: the sale is superseded
 */
import { eventContentText } from './storedEvent';
import type { LifecycleEvent } from './schemas';

function soldValue(event: LifecycleEvent): number {
	return event.type === 'purchase' ? (event.value ?? 0) : -1;
}

function beats(challenger: LifecycleEvent, holder: LifecycleEvent): boolean {
	const challengerTime = challenger.orderUpdatedAt ?? 0;
	const holderTime = holder.orderUpdatedAt ?? 0;
	if (challengerTime !== holderTime) return challengerTime > holderTime;
	if (soldValue(challenger) !== soldValue(holder)) return soldValue(challenger) < soldValue(holder);
	return eventContentText(challenger) < eventContentText(holder);
}

/** Positions (in `events`) of the snapshots that a later state of the same order supersedes. */
export function resolveOrderSnapshots(events: readonly LifecycleEvent[]): Set<number> {
	const winnerOf = new Map<string, number>();
	const superseded = new Set<number>();
	for (let i = 0; i < events.length; i++) {
		const event = events[i];
		if (event.orderUpdatedAt === undefined || event.orderId === undefined) continue;
		const holder = winnerOf.get(event.orderId);
		if (holder === undefined) {
			winnerOf.set(event.orderId, i);
		} else if (beats(event, events[holder])) {
			superseded.add(holder);
			winnerOf.set(event.orderId, i);
		} else superseded.add(i);
	}
	return superseded;
}
