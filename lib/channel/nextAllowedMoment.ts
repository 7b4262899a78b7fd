/**
 * Next allowed moment: the earliest instant at or after `from` at which a message may be sent under a
 * schedule, optionally restricted to one local hour slot [hour:00, hour+1:00) (the customer's best hour).
 *
 * Walks local days from the day of `from`. On each allowed day, the allowed local minutes form intervals
 * [a, b); the instants whose local time lies in [a, b) are entered either (1) at an instant whose local
 * time is exactly a (one, or two in a repeated hour), or (2) at an offset transition (local time jumps
 * into the interval), or (3) `from` itself is inside. The answer is the smallest such candidate >= from,
 * checked by converting it forward to local time. So a skipped hour is never produced (its local times
 * have no instant) and in a repeated hour the first occurrence at or after `from` is taken. An hour slot
 * that a DST change skips entirely on some day is taken on the next allowed day, never shifted silently.
 *
 *   nextAllowedMoment = min { t >= from : allowedDay(localDay(t)) and localMinute(t) in intervals }
 *
 * Reference: same construction as java.time ZoneRules.getValidOffsets (gap and overlap handling),
 * https://docs.oracle.com/javase/8/docs/api/java/time/zone/ZoneRules.html
 *
 * Cost: O(days searched * intervals) ZoneClock lookups; days searched <= horizonDays (default 15).
 * @example nextAllowedMoment(new ZoneClock('America/New_York'), Date.parse('2025-03-09T06:00:00Z'),
 *   createSendSchedule({ start: '21:00', end: '02:30' }), null) // Date.parse('2025-03-09T07:00:00Z'), 03:00 EDT
 */
import type { SendSchedule } from './sendSchedule';
import type { ZoneClock } from './ZoneClock';
import { isoWeekdayOf, localDayOf, localMinuteOf, MS_PER_DAY, MS_PER_MINUTE } from './ZoneClock';

// Globals read once: in vm sandboxes (Jest, n8n task runners) each global lookup is slow, and these run per decision.
const { max, min } = Math;
const { POSITIVE_INFINITY } = Number;

/** Allowed [start, end) minute intervals of a local day, restricted to [slotStart, slotEnd). */
function allowedIntervals(schedule: SendSchedule, slotStart: number, slotEnd: number): number[] {
	const start = schedule.quietStartMinute;
	const end = schedule.quietEndMinute;
	// Allowed parts of the day as [a, b) pairs.
	let parts: number[];
	if (start === null || end === null) parts = [0, 1440];
	else if (start < end) parts = [0, start, end, 1440];
	else parts = [end, start];
	const intervals: number[] = [];
	for (let i = 0; i < parts.length; i += 2) {
		const a = max(parts[i], slotStart);
		const b = min(parts[i + 1], slotEnd);
		if (a < b) intervals.push(a, b);
	}
	return intervals;
}

/** The candidate if it is at or after `from`, earlier than `best` and locally inside [lowLocal, highLocal); else best. */
function earliestInside(clock: ZoneClock, from: number, lowLocal: number, highLocal: number, best: number, candidate: number): number {
	if (candidate < from || candidate >= best) return best;
	const local = clock.localMillis(candidate);
	return local >= lowLocal && local < highLocal ? candidate : best;
}

export function nextAllowedMoment(
	clock: ZoneClock,
	from: number,
	schedule: SendSchedule,
	hour: number | null,
	horizonDays = 15,
): number | null {
	const slotStart = hour === null ? 0 : hour * 60;
	const slotEnd = hour === null ? 1440 : hour * 60 + 60;
	const intervals = allowedIntervals(schedule, slotStart, slotEnd);
	if (intervals.length === 0) return null;
	const firstDay = localDayOf(clock.localMillis(from));
	// Local days are entered in calendar order (no zone jumps back across midnight), so the first day with a
	// candidate holds the answer.
	for (let day = firstDay; day <= firstDay + horizonDays; day++) {
		if (!schedule.allowedWeekdays[isoWeekdayOf(day)]) continue;
		const dayStart = day * MS_PER_DAY;
		const transitions = clock.transitionsOnLocalDay(day);
		let best = POSITIVE_INFINITY;
		for (let i = 0; i < intervals.length; i += 2) {
			const lowLocal = dayStart + intervals[i] * MS_PER_MINUTE;
			const highLocal = dayStart + intervals[i + 1] * MS_PER_MINUTE;
			best = earliestInside(clock, from, lowLocal, highLocal, best, from);
			for (const instant of clock.instantsAt(lowLocal)) best = earliestInside(clock, from, lowLocal, highLocal, best, instant);
			for (const instant of transitions) best = earliestInside(clock, from, lowLocal, highLocal, best, instant);
		}
		if (best !== POSITIVE_INFINITY) return best;
	}
	return null;
}

/**
 * Local time of an instant in a zone: day index, minute of the day and ISO weekday of t + offset(t).
 * Cost: O(1) once the week is cached. @example localTimeOf(new ZoneClock('Asia/Kolkata'), 0) // { day: 0, minute: 330, weekday: 4 }
 */
export function localTimeOf(clock: ZoneClock, instant: number): { day: number; minute: number; weekday: number } {
	const local = clock.localMillis(instant);
	const day = localDayOf(local);
	return { day, minute: localMinuteOf(local), weekday: isoWeekdayOf(day) };
}
