/**
 * Zone clock: local wall-clock time in one IANA time zone, fast enough for a million decisions.
 *
 * luxon answers "what is the UTC offset of zone Z at instant t" (IANAZone.offset, through Intl, a few
 * microseconds a call). This class caches that answer at the start of each UTC week (epoch-aligned) and
 * finds the exact instant of a transition inside a week by bisection to the second, so a lookup is two
 * Map reads. Clocks are shared per zone name (ZoneClock.of), so the cache serves every run of the process;
 * it holds two numbers per week touched, a few kilobytes per zone and decade. Local time is then plain
 * arithmetic on "local milliseconds", L = t + offset(t) * 60000, read as if it were UTC.
 *
 * Inverse (local -> instants): with o1 = offset before and o2 = offset after any transition near L,
 *   t = L - o * 60000 is a real instant for o in {o1, o2} iff offset(t) = o.
 * Two answers: L is in a repeated (fall-back) hour; none: L is in a skipped (spring-forward) hour.
 * Assumes at most one transition per 7 days (30 hours around an instant for the inverse), true of every
 * zone since 1970 (the closest pairs, Ramadan suspensions of DST in Morocco and Egypt, are weeks apart).
 * Reference: IANA tz database, https://www.iana.org/time-zones; luxon IANAZone,
 * https://moment.github.io/luxon/api-docs/index.html#ianazone
 *
 * Cost: O(1) amortised per call once the week is cached; O(log 604800) luxon calls once per transition.
 * @example new ZoneClock('America/New_York').offsetMinutes(Date.UTC(2025, 6, 1)) // -240
 */
import { IANAZone } from 'luxon';

// Globals read once: in vm sandboxes (Jest, n8n task runners) each global lookup is slow, and these run per decision.
const { abs, floor } = Math;

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;
export const MS_PER_WEEK = 7 * MS_PER_DAY;
const SEARCH_MARGIN_MS = 30 * MS_PER_HOUR;

/**
 * Local day index: whole local days since 1970-01-01 of local milliseconds, floor(L / 86400000).
 * Cost: O(1). @example localDayOf(Date.UTC(1970, 0, 2, 5)) // 1
 */
export function localDayOf(localMillis: number): number {
	return floor(localMillis / MS_PER_DAY);
}

/**
 * Local minute of the day, 0-1439: floor((L - 86400000 * localDay) / 60000).
 * Cost: O(1). @example localMinuteOf(Date.UTC(2025, 0, 1, 9, 30)) // 570
 */
export function localMinuteOf(localMillis: number): number {
	return floor((localMillis - localDayOf(localMillis) * MS_PER_DAY) / MS_PER_MINUTE);
}

/**
 * ISO weekday of a local day index, 1 = Monday ... 7 = Sunday: ((day + 3) mod 7) + 1, as 1970-01-01 was a Thursday.
 * Reference: ISO 8601-1:2019, 4.3.2.2 (calendar week, Monday first). Cost: O(1). @example isoWeekdayOf(0) // 4
 */
export function isoWeekdayOf(localDay: number): number {
	return ((((localDay + 3) % 7) + 7) % 7) + 1;
}

function pad2(value: number): string {
	return value < 10 ? `0${value}` : String(value);
}

/** Clocks shared per zone name: the tz database does not change while the process runs, so sharing only saves work. */
const sharedClocks = new Map<string, ZoneClock | null>();
const MAX_UNKNOWN_NAMES = 1000;
let unknownNames = 0;

export class ZoneClock {
	readonly name: string;
	private readonly zone: IANAZone;
	/** Offset in minutes at the start of each UTC week, keyed by week index. */
	private readonly weekStartOffsets = new Map<number, number>();
	/** Exact instant of the transition inside a week, keyed by week index (only weeks that have one). */
	private readonly transitionInWeek = new Map<number, number>();

	constructor(name: string) {
		if (typeof name !== 'string' || !IANAZone.isValidZone(name)) {
			throw new Error(`ZoneClock requires a known IANA time zone such as "Europe/Berlin"; got ${JSON.stringify(name)}`);
		}
		this.name = name;
		this.zone = IANAZone.create(name);
	}

	/** The shared clock of a zone, or undefined when luxon (Intl) does not know the name. */
	static of(name: unknown): ZoneClock | undefined {
		if (typeof name !== 'string' || name.trim() === '') return undefined;
		const known = sharedClocks.get(name);
		if (known !== undefined) return known ?? undefined;
		const clock = IANAZone.isValidZone(name) ? new ZoneClock(name) : null;
		if (clock !== null || unknownNames < MAX_UNKNOWN_NAMES) {
			sharedClocks.set(name, clock);
			if (clock === null) unknownNames++;
		}
		return clock ?? undefined;
	}

	/** True when luxon (Intl) knows the zone name. */
	static isKnownZone(name: unknown): boolean {
		return ZoneClock.of(name) !== undefined;
	}

	private exactOffset(instant: number): number {
		return this.zone.offset(instant);
	}

	private offsetAtWeekStart(week: number): number {
		let offset = this.weekStartOffsets.get(week);
		if (offset === undefined) {
			offset = this.exactOffset(week * MS_PER_WEEK);
			this.weekStartOffsets.set(week, offset);
		}
		return offset;
	}

	/** The transition instant inside a week whose start and end offsets differ: bisection to the second. */
	private transitionOf(week: number, startOffset: number): number {
		let transition = this.transitionInWeek.get(week);
		if (transition === undefined) {
			let low = week * MS_PER_WEEK;
			let high = (week + 1) * MS_PER_WEEK;
			while (high - low > 1000) {
				const middle = low + floor((high - low) / 2000) * 1000;
				if (this.exactOffset(middle) === startOffset) low = middle;
				else high = middle;
			}
			transition = high;
			this.transitionInWeek.set(week, transition);
		}
		return transition;
	}

	/** UTC offset in minutes at an instant (ms since epoch): local = UTC + offset. */
	offsetMinutes(instant: number): number {
		const week = floor(instant / MS_PER_WEEK);
		const start = this.offsetAtWeekStart(week);
		const end = this.offsetAtWeekStart(week + 1);
		if (start === end) return start;
		return instant < this.transitionOf(week, start) ? start : end;
	}

	/** Local wall-clock milliseconds of an instant, read as if UTC. */
	localMillis(instant: number): number {
		return instant + this.offsetMinutes(instant) * MS_PER_MINUTE;
	}

	/**
	 * The instants whose local time is exactly `localMillis`, ascending: one normally, two in a repeated
	 * (fall-back) hour, none in a skipped (spring-forward) hour.
	 */
	instantsAt(localMillis: number): number[] {
		const before = this.offsetMinutes(localMillis - SEARCH_MARGIN_MS);
		const after = this.offsetMinutes(localMillis + SEARCH_MARGIN_MS);
		const first = localMillis - before * MS_PER_MINUTE;
		const firstValid = this.offsetMinutes(first) === before;
		if (before === after) return firstValid ? [first] : [];
		const second = localMillis - after * MS_PER_MINUTE;
		const secondValid = this.offsetMinutes(second) === after;
		if (firstValid && secondValid) return first < second ? [first, second] : [second, first];
		if (firstValid) return [first];
		return secondValid ? [second] : [];
	}

	/**
	 * Instants of the offset transitions that can fall on a local day (at most one in practice), at which
	 * local time jumps forward (skipped hour) or back (repeated hour).
	 */
	transitionsOnLocalDay(localDay: number): number[] {
		const low = localDay * MS_PER_DAY - 15 * MS_PER_HOUR;
		const high = (localDay + 1) * MS_PER_DAY + 15 * MS_PER_HOUR;
		const transitions: number[] = [];
		for (let week = floor(low / MS_PER_WEEK); week <= floor(high / MS_PER_WEEK); week++) {
			const start = this.offsetAtWeekStart(week);
			if (start === this.offsetAtWeekStart(week + 1)) continue;
			const transition = this.transitionOf(week, start);
			if (transition >= low && transition <= high) transitions.push(transition);
		}
		return transitions;
	}

	/** ISO 8601 with milliseconds and the zone's offset at that instant, e.g. 2025-03-09T03:00:00.000-04:00. */
	formatIso(instant: number): string {
		const offset = this.offsetMinutes(instant);
		const local = new Date(instant + offset * MS_PER_MINUTE).toISOString().slice(0, -1);
		const sign = offset < 0 ? '-' : '+';
		const magnitude = abs(offset);
		return `${local}${sign}${pad2(floor(magnitude / 60))}:${pad2(magnitude % 60)}`;
	}
}
