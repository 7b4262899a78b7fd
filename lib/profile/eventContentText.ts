/**
 * An event's content as text, with object keys sorted and its item position (`sourceIndex`) left out: equal for
 * equal copies of an event, whatever order their fields were written in. Used to break ties between events by
 * what they say rather than by the order they arrived in, so any order of the same events gives the same profiles.
 *
 * Cost: O(size of the event).
 * @example eventContentText({ type: 'view', timestamp: 0, sourceIndex: 4 }) // '{"timestamp":0,"type":"view"}'
 */
import type { LifecycleEvent } from './schemas';

export function eventContentText(event: LifecycleEvent): string {
	return JSON.stringify(event, (_key, value: unknown) => {
		if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
		return Object.fromEntries(
			Object.entries(value as Record<string, unknown>)
				.filter(([name]) => name !== 'sourceIndex')
				.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
		);
	});
}
