/**
 * Send schedule: when, in the customer's local time, a message may go out. Quiet hours are a half-open
 * local interval [start, end) that wraps midnight when start > end (21:00-08:00); allowed days are ISO
 * weekdays of the local date (1 = Monday ... 7 = Sunday).
 *
 *   allowed(local day d, local minute m) = allowedDay[weekday(d)] and not quiet(m)
 *   quiet(m) = start <= m < end            when start < end
 *            = m >= start or m < end       when start > end
 *
 * Reference: TCPA 47 CFR 64.1200(c)(1) (no telemarketing before 8 a.m. or after 9 p.m. recipient local
 * time), the usual default for SMS quiet hours.
 *
 * Cost: O(1) per check; O(24 * 60) once to list the allowed hours.
 * @example createSendSchedule({ start: '21:00', end: '08:00' }, [1, 2, 3, 4, 5]).quietStartMinute // 1260
 */
export interface QuietHours {
	/** Local start of the quiet period, 'HH:MM' (24 h). */
	start: string;
	/** Local end of the quiet period (first allowed minute), 'HH:MM' (24 h). */
	end: string;
}

export interface SendSchedule {
	/** Index 1..7 (ISO weekday); index 0 unused. */
	allowedWeekdays: readonly boolean[];
	/** Quiet interval in minutes of the local day, or null for none. */
	quietStartMinute: number | null;
	quietEndMinute: number | null;
	/** allowedHours[h]: some minute of local hour h is outside quiet hours. */
	allowedHours: readonly boolean[];
	/** Readable form for decision reasons, e.g. "quiet 21:00-08:00, Mon-Fri". */
	label: string;
}

const WEEKDAY_NAMES = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/**
 * Parse a local clock time 'HH:MM' (or 'H:MM', or a whole hour 0-24 as a number) into minutes of the day,
 * 60 * hours + minutes, with 24:00 read as 00:00; undefined when malformed.
 * Cost: O(length). @example parseClockTime('21:30') // 1290
 */
export function parseClockTime(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isInteger(value) && value >= 0 && value <= 24 ? (value % 24) * 60 : undefined;
	if (typeof value !== 'string') return undefined;
	const match = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
	if (!match) return undefined;
	const hours = Number(match[1]);
	const minutes = Number(match[2]);
	if (hours > 24 || minutes > 59 || (hours === 24 && minutes !== 0)) return undefined;
	return (hours % 24) * 60 + minutes;
}

/**
 * Format minutes of the day as a local clock time 'HH:MM' (inverse of parseClockTime).
 * Cost: O(1). @example formatClockTime(485) // '08:05'
 */
export function formatClockTime(minuteOfDay: number): string {
	const hours = Math.floor(minuteOfDay / 60);
	const minutes = minuteOfDay % 60;
	return `${hours < 10 ? '0' : ''}${hours}:${minutes < 10 ? '0' : ''}${minutes}`;
}

/**
 * Quiet-minute test: start <= m < end, or m >= start or m < end when the period wraps midnight.
 * Cost: O(1). @example isQuietMinute(createSendSchedule({ start: '21:00', end: '08:00' }), 7 * 60) // true
 */
export function isQuietMinute(schedule: SendSchedule, minuteOfDay: number): boolean {
	const start = schedule.quietStartMinute;
	const end = schedule.quietEndMinute;
	if (start === null || end === null) return false;
	return start < end ? minuteOfDay >= start && minuteOfDay < end : minuteOfDay >= start || minuteOfDay < end;
}

/**
 * Allowed local time test: allowedWeekdays[isoWeekday] and not isQuietMinute(minute).
 * Cost: O(1). @example isAllowedLocalTime(createSendSchedule(null, [1, 2, 3, 4, 5]), 6, 600) // false (Saturday)
 */
export function isAllowedLocalTime(schedule: SendSchedule, isoWeekday: number, minuteOfDay: number): boolean {
	return schedule.allowedWeekdays[isoWeekday] === true && !isQuietMinute(schedule, minuteOfDay);
}

/**
 * Build a send schedule from quiet hours (null for none) and allowed ISO weekdays (empty or undefined: every
 * day); see the file comment for the rule. Throws when quiet hours are malformed or start equals end.
 * Cost: O(24 * 60). @example createSendSchedule({ start: '21:00', end: '08:00' }).allowedHours[8] // true
 */
export function createSendSchedule(quietHours: QuietHours | null | undefined, allowedDays?: readonly number[]): SendSchedule {
	let quietStartMinute: number | null = null;
	let quietEndMinute: number | null = null;
	if (quietHours) {
		const start = parseClockTime(quietHours.start);
		const end = parseClockTime(quietHours.end);
		if (start === undefined || end === undefined) {
			throw new Error(
				`createSendSchedule requires quiet hours as 'HH:MM' (24 h); got start ${JSON.stringify(quietHours.start)} and end ${JSON.stringify(quietHours.end)}`,
			);
		}
		if (start === end) {
			throw new Error('createSendSchedule requires quiet hours with a different start and end; leave quiet hours empty for none');
		}
		quietStartMinute = start;
		quietEndMinute = end;
	}
	const allowedWeekdays = new Array<boolean>(8).fill(false);
	const days = allowedDays && allowedDays.length > 0 ? allowedDays : [1, 2, 3, 4, 5, 6, 7];
	for (const day of days) {
		if (!Number.isInteger(day) || day < 1 || day > 7) {
			throw new Error(`createSendSchedule requires allowed days as ISO weekdays 1 (Monday) to 7 (Sunday); got ${JSON.stringify(day)}`);
		}
		allowedWeekdays[day] = true;
	}
	const schedule: SendSchedule = { allowedWeekdays, quietStartMinute, quietEndMinute, allowedHours: [], label: '' };
	const allowedHours = new Array<boolean>(24).fill(false);
	for (let minute = 0; minute < 1440; minute++) if (!isQuietMinute(schedule, minute)) allowedHours[Math.floor(minute / 60)] = true;
	const dayList = days.length === 7 ? 'every day' : [...new Set(days)].sort((a, b) => a - b).map((day) => WEEKDAY_NAMES[day]).join(',');
	const quietLabel =
		quietStartMinute === null || quietEndMinute === null
			? 'no quiet hours'
			: `quiet ${formatClockTime(quietStartMinute)}-${formatClockTime(quietEndMinute)}`;
	return { allowedWeekdays, quietStartMinute, quietEndMinute, allowedHours, label: `${quietLabel}, ${dayList}` };
}
