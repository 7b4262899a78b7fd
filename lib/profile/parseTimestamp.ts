/**
 * Parse a timestamp as n8n items carry it into milliseconds since 1970-01-01T00:00:00Z.
 *
 * Accepted: a Date; a number (milliseconds, or seconds when below 1e11, as Stripe's `created`);
 * an ISO 8601 string `YYYY-MM-DD`, `YYYY-MM-DD[T ]HH:MM[:SS[.fff]]` with optional `Z` or `±HH:MM`
 * (no offset means UTC); a compact `YYYYMMDD`; a string of digits (epoch as above).
 * Day-first or month-first dates (`03/04/2011`) are ambiguous and rejected, never guessed.
 * Years are read as written (0099 is the year 99, never 1999); offsets go from -14:00 to +14:00.
 * Plausible range: 1900-01-01T00:00:00Z to 2199-12-31T23:59:59.999Z. Anything outside (the year 0099,
 * 9999-12-31, epoch microseconds or nanoseconds read as milliseconds) is refused, never clamped.
 * Returns undefined when the value cannot be parsed or is outside the range, so the caller can name the
 * field; timestampProblem says which.
 *
 * Cost: O(length of the string).
 * @example parseTimestamp('2011-12-09 12:50:00') // 1323435000000
 */
const SECONDS_BELOW = 1e11;
/** The plausible range of an event time: 1900-01-01 to the end of 2199 (UTC). */
export const EARLIEST_TIMESTAMP = -2_208_988_800_000;
export const LATEST_TIMESTAMP = 7_258_118_399_999;
const LARGEST_OFFSET_MINUTES = 14 * 60;

export function isPlausibleTimestamp(time: number): boolean {
	return time >= EARLIEST_TIMESTAMP && time <= LATEST_TIMESTAMP;
}

function digits(text: string, start: number, count: number): number {
	let value = 0;
	for (let i = start; i < start + count; i++) {
		const code = text.charCodeAt(i) - 48;
		if (code < 0 || code > 9) return -1;
		value = value * 10 + code;
	}
	return value;
}

function fromParts(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number | undefined {
	if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
	// setUTCFullYear, unlike Date.UTC, reads the years 0-99 as written.
	const date = new Date(0);
	date.setUTCFullYear(year, month - 1, day);
	date.setUTCHours(hour, minute, second, ms);
	// Reject calendar overflow such as 2011-02-30.
	if (date.getUTCDate() !== day) return undefined;
	return date.getTime();
}

function parseIsoString(text: string): number | undefined {
	const length = text.length;
	if (length === 8) return fromParts(digits(text, 0, 4), digits(text, 4, 2), digits(text, 6, 2));
	if (length < 10 || text[4] !== '-' || text[7] !== '-') return undefined;
	const year = digits(text, 0, 4);
	const month = digits(text, 5, 2);
	const day = digits(text, 8, 2);
	if (length === 10) return fromParts(year, month, day);
	const separator = text[10];
	if ((separator !== 'T' && separator !== ' ') || length < 16 || text[13] !== ':') return undefined;
	const hour = digits(text, 11, 2);
	const minute = digits(text, 14, 2);
	let position = 16;
	let second = 0;
	let ms = 0;
	if (text[position] === ':') {
		second = digits(text, position + 1, 2);
		if (second < 0) return undefined;
		position += 3;
		if (text[position] === '.' || text[position] === ',') {
			let fractionDigits = 0;
			let fraction = 0;
			position++;
			while (position < length) {
				const code = text.charCodeAt(position) - 48;
				if (code < 0 || code > 9) break;
				if (fractionDigits < 3) fraction = fraction * 10 + code;
				fractionDigits++;
				position++;
			}
			if (fractionDigits === 0) return undefined;
			ms = fraction * 10 ** (3 - Math.min(3, fractionDigits));
		}
	}
	if (hour < 0 || minute < 0) return undefined;
	const base = fromParts(year, month, day, hour, minute, second, ms);
	if (base === undefined) return undefined;
	if (position === length) return base;
	const zone = text.slice(position).trim();
	if (zone === 'Z' || zone === 'z' || zone === '+00:00' || zone === 'UTC') return base;
	const offset = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
	if (!offset) return undefined;
	const minutes = Number(offset[2]) * 60 + Number(offset[3]);
	if (Number(offset[3]) > 59 || minutes > LARGEST_OFFSET_MINUTES) return undefined;
	return base - (offset[1] === '+' ? 1 : -1) * minutes * 60000;
}

function parseAnyTimestamp(value: unknown): number | undefined {
	if (value instanceof Date) {
		const time = value.getTime();
		return Number.isFinite(time) ? time : undefined;
	}
	if (typeof value === 'number') {
		if (!Number.isFinite(value) || value < 0) return undefined;
		return Math.abs(value) < SECONDS_BELOW ? value * 1000 : value;
	}
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (text === '') return undefined;
	if (/^\d{9,19}$/.test(text)) return parseAnyTimestamp(Number(text));
	return parseIsoString(text);
}

export function parseTimestamp(value: unknown): number | undefined {
	const time = parseAnyTimestamp(value);
	return time !== undefined && isPlausibleTimestamp(time) ? time : undefined;
}

/** timestampProblem's answer for a value that is no date at all. */
export const NOT_A_DATE = 'is not a date';

/**
 * Why a value is not a timestamp parseTimestamp accepts, in words for an error message; undefined when it is one.
 * @example timestampProblem(1.7e15) // 'is after 2199 (1.7e15 looks like epoch microseconds; give milliseconds)'
 */
export function timestampProblem(value: unknown): string | undefined {
	const time = parseAnyTimestamp(value);
	if (time === undefined) return NOT_A_DATE;
	if (time < EARLIEST_TIMESTAMP) return 'is before 1900, outside the plausible range 1900-2199';
	if (time <= LATEST_TIMESTAMP) return undefined;
	const number = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : undefined;
	const unit = number === undefined ? '' : number >= 1e17 ? ' (looks like epoch nanoseconds; give milliseconds)' : number >= 1e14 ? ' (looks like epoch microseconds; give milliseconds)' : '';
	return `is after 2199, outside the plausible range 1900-2199${unit}`;
}

export const MS_PER_DAY = 86_400_000;

/** Whole UTC days since 1970-01-01 of a timestamp in milliseconds. */
export function utcDayIndex(timestamp: number): number {
	return Math.floor(timestamp / MS_PER_DAY);
}
