/**
 * Reading values from user-supplied records (n8n items, CSV rows, CRM exports), the same way everywhere.
 *
 *   ownField: an own property only, so keys such as __proto__, constructor or toString never reach a prototype,
 *   whatever the data or the field name the user mapped.
 *   isBlank: undefined, null or text of only spaces (an empty CSV cell) counts as no value.
 *   describeValue: a value as an error message shows it (below).
 *
 * Cost: O(1).
 * @example ownField({ email: 'a@b.c' }, 'toString') // undefined
 * @example isBlank('  ') // true
 */
export function ownField(record: object | null | undefined, field: string | undefined): unknown {
	if (record === null || record === undefined || field === undefined || field === '') return undefined;
	return Object.prototype.hasOwnProperty.call(record, field) ? (record as Record<string, unknown>)[field] : undefined;
}

export function isBlank(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

const SHOWN_LENGTH = 80;

function shorten(text: string): string {
	return text.length > SHOWN_LENGTH ? `${text.slice(0, SHOWN_LENGTH - 3)}...` : text;
}

function describeObject(value: object): string {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid date' : `the date ${value.toISOString()}`;
	let text: string | undefined;
	try {
		text = JSON.stringify(value);
	} catch {
		text = undefined;
	}
	if (text === undefined) return Array.isArray(value) ? 'a list' : 'an object';
	return `${Array.isArray(value) ? 'the list' : 'the object'} ${shorten(text)}`;
}

/**
 * The value as a message shows it, so the user sees what is wrong: NaN as NaN (JSON would print null), text as
 * text ("the text \"2\"", never a bare 2 that reads as a number), a missing field as nothing, long values cut to
 * 80 characters. Use it in every "got ..." and "has ..." of an error message.
 *
 * Cost: O(size of the value), the JSON text of objects and lists.
 * @example describeValue(Number.NaN) // 'NaN'
 * @example describeValue('2') // 'the text "2"'
 * @example describeValue(undefined) // 'nothing'
 */
export function describeValue(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (value === null) return 'null';
	if (typeof value === 'string') return `the text ${shorten(JSON.stringify(value))}`;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (typeof value === 'bigint') return `the number ${String(value)}`;
	if (typeof value === 'object') return describeObject(value);
	return `a ${typeof value}`;
}
