/**
 * The first instant strictly after `after` at which the local wall clock of a zone shows a given minute of the
 * day (e.g. 19:42): how a simulated customer who reads messages at 19:42 local time reacts to a message.
 *
 *   L = local(after); candidate = start of L's local day + minuteOfDay; if candidate <= L, add one day;
 *   instant = the (first) instant whose local time is the candidate; a skipped (spring-forward) local time
 *   moves one hour later.
 *
 * Reference: IANA tz database, https://www.iana.org/time-zones (offsets through lib/channel's ZoneClock).
 *
 * Cost: O(1) amortised (ZoneClock caches offsets per week).
 * @example nextLocalTime(ZoneClock.of('Europe/Berlin')!, Date.parse('2025-03-10T07:00:00Z'), 19 * 60) // 2025-03-10T18:00:00Z
 */
import type { ZoneClock } from '../channel/ZoneClock';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '../channel/ZoneClock';

export function nextLocalTime(clock: ZoneClock, after: number, minuteOfDay: number): number {
	if (!(minuteOfDay >= 0 && minuteOfDay < 1440))
		throw new Error(`nextLocalTime requires a minute of the day in [0, 1440); got ${minuteOfDay}`);
	const local = clock.localMillis(after);
	let candidate = Math.floor(local / MS_PER_DAY) * MS_PER_DAY + minuteOfDay * MS_PER_MINUTE;
	if (candidate <= local) candidate += MS_PER_DAY;
	for (let attempt = 0; attempt < 3; attempt++) {
		const instants = clock.instantsAt(candidate);
		const first = instants.find((instant) => instant > after);
		if (first !== undefined) return first;
		candidate += MS_PER_HOUR;
	}
	throw new Error(`nextLocalTime found no instant for minute ${minuteOfDay} in ${clock.name}`);
}
