/**
 * Reading values from user-supplied records (n8n items, CSV rows, CRM exports), the same way everywhere.
 *
 *   ownField: an own property only, so keys such as __proto__, constructor or toString never reach a prototype,
 *   whatever the data or the field name the user mapped.
 *   isBlank: undefined, null or text of only spaces (an empty CSV cell) counts as no value.
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
