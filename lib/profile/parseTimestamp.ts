/**
 * Parse a timestamp as n8n items carry it into milliseconds since 1970-01-01T00:00:00Z.
 *
 * Accepted: a Date; a number (milliseconds, or seconds when below 1e11, as Stripe's `created`);
 * an ISO 8601 string `YYYY-MM-DD`, `YYYY-MM-DD[T ]HH:MM[:SS[.fff]]` with optional `Z` or `±HH:MM`
 * (no offset means UTC); a compact `YYYYMMDD`; a string of digits (epoch as above).
 * Day-first or month-first dates (`03/04/2011`) are ambiguous and rejected, never guessed.
 * Returns undefined when the value cannot be parsed, so the caller can name the field.
 *
 * Cost: O(length of the string).
 * @example parseTimestamp('2011-12-09 12:50:00') // 1323435000000
 */
const SECONDS_BELOW = 1e11;

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
	const time = Date.UTC(year, month - 1, day, hour, minute, second, ms);
	// Reject calendar overflow such as 2011-02-30.
	if (new Date(time).getUTCDate() !== day) return undefined;
	return time;
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
	const sign = offset[1] === '+' ? 1 : -1;
	return base - sign * (Number(offset[2]) * 60 + Number(offset[3])) * 60000;
}

export function parseTimestamp(value: unknown): number | undefined {
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
	if (/^\d{9,13}$/.test(text)) return parseTimestamp(Number(text));
	return parseIsoString(text);
}

export const MS_PER_DAY = 86_400_000;

/** Whole UTC days since 1970-01-01 of a timestamp in milliseconds. */
export function utcDayIndex(timestamp: number): number {
	return Math.floor(timestamp / MS_PER_DAY);
}
