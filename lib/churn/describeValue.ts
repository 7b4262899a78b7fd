/**
 * A value as an error message shows it, whatever it is: text in quotes (so "2" is not read as the number 2),
 * numbers as written (NaN and Infinity as such, never "null"), objects as short JSON, and values that cannot
 * be printed (null-prototype objects, cycles) without throwing.
 *
 * Cost: O(size of the value), cut at 80 characters.
 * @example describeValue('2') // '"2"'
 * @example describeValue(Number.NaN) // 'NaN'
 * @example describeValue(Object.create(null)) // '{}'
 */
const LONGEST = 80;

function shortened(text: string): string {
	return text.length > LONGEST ? `${text.slice(0, LONGEST - 3)}...` : text;
}

export function describeValue(value: unknown): string {
	if (value === undefined) return 'undefined';
	if (typeof value === 'string') return shortened(JSON.stringify(value));
	if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
	if (typeof value === 'bigint' || typeof value === 'boolean' || value === null) return String(value);
	if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.toISOString() : 'an invalid Date';
	if (typeof value !== 'object') return `a ${typeof value}`;
	try {
		const text = JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'number' && !Number.isFinite(inner) ? String(inner) : typeof inner === 'bigint' ? String(inner) : inner));
		return shortened(text ?? (Array.isArray(value) ? 'a list' : 'an object'));
	} catch {
		return Array.isArray(value) ? 'a list' : 'an object';
	}
}
