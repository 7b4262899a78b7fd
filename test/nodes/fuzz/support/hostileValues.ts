/**
 * fast-check arbitraries of the messy values real CRM and shop exports carry: placeholder words, prototype
 * names, huge and tiny numbers, numbers as odd text, odd Unicode, wrong types, hostile dates and channel
 * names spelled every way. Shared by the fuzz suites of all six nodes.
 */
import fc from 'fast-check';

export const PLACEHOLDER_WORDS = ['n/a', 'N/A', 'NA', 'unknown', 'Unknown', 'none', 'None', '-', '--', 'null', 'NULL', 'undefined', '0', '000', '?', 'x', ' ', '', 'tbd', 'test'];
export const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__', '__lookupGetter__', 'toLocaleString'];
export const EXTREME_NUMBERS = [
	1e308, -1e308, Number.MAX_VALUE, -0, 5e-324, -5e-324, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, 1e16, 1e21, -1, -1e-300,
	Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0.1 + 0.2, 1.7e15, 1.7e18, -62198755200000,
];
export const NUMERIC_TEXTS = ['1e308', '-1e308', 'NaN', 'nan', 'Infinity', '-Infinity', '-0', '5e-324', '1e16', '0x1F', '1,5', '1.5.3', ' 12 ', '١٢', '12abc', '€12', '$1,000.00', '1_000', '+-1', '.', 'e5', '2'];
export const ODD_UNICODE = [
	'\u0000', '\u0007bell', '\u001b[31mred', 'a\u0008b', '\u202eevil', '\u200f\u200e', '\ufeffbom', 'zero\u200bwidth', '👩‍👩‍👧‍👦', '🏳️‍🌈',
	'\ud800', 'x\udfffy', 'e\u0301', 'Ω≈ç√', '<script>alert(1)</script>', ']]><x/>', '&amp;&lt;', '"quoted"', "it's", '\\', '\r\n', '\t',
	'İstanbul', 'ß', 'ﬀ', 'Ａ', 'a'.repeat(5000),
];
export const HOSTILE_DATES = [
	'9999-12-31', '9999-12-31T23:59:59Z', '0001-01-01', '0099-06-01', '2024-02-30', '2024-13-01', '2024-01-01T00:00:00+99:99',
	'2024-01-01T25:61:00Z', '24/12/2024', '12/24/2024', 'yesterday', '1e16', '275760-09-13', '+275761-01-01', '-000001-01-01',
	1e16, 1.7e15, 1.7e18, 8.64e15 + 1, -8.64e15 - 1, 253402300800000, 0, -1,
];
/** Channel names as CRMs spell them: the canonical names and the aliases the issue lists, in any case and padding. */
export const CHANNEL_WORDS = ['email', 'e-mail', 'mail', 'newsletter', 'sms', 'text', 'mobile', 'push', 'notification', 'all', '*'];

export const placeholderWord = fc.constantFrom(...PLACEHOLDER_WORDS);
export const prototypeName = fc.constantFrom(...PROTOTYPE_NAMES);
export const extremeNumber = fc.constantFrom(...EXTREME_NUMBERS);
export const numericText = fc.constantFrom(...NUMERIC_TEXTS);
export const oddUnicode = fc.oneof(fc.constantFrom(...ODD_UNICODE), fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 8 }));
export const hostileDate = fc.constantFrom<unknown>(...HOSTILE_DATES);

/** Arrays, objects, booleans and Dates where text or a number is expected. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
	fc.constantFrom<unknown>([], {}, true, false, null, [null], [''], ['email'], { value: 1 }, { toString: 'x' }, new Date(Number.NaN), new Date(8.64e15)),
	fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.integer()), { maxLength: 3 }),
	fc.dictionary(fc.string({ maxLength: 4 }), fc.oneof(fc.string({ maxLength: 4 }), fc.integer()), { maxKeys: 3 }),
);

/** Random upper and lower case, and spaces around: " eMAIL ". */
export function spelled(word: string): fc.Arbitrary<string> {
	return fc
		.tuple(fc.array(fc.boolean(), { minLength: word.length, maxLength: word.length }), fc.constantFrom('', ' ', '  ', '\t'), fc.constantFrom('', ' ', '\n'))
		.map(([upper, before, after]) => before + [...word].map((char, i) => (upper[i] ? char.toUpperCase() : char.toLowerCase())).join('') + after);
}

/** A channel name in some spelling: a known alias (any case and padding), or a name nobody recognises. */
export const channelSpelling: fc.Arbitrary<string> = fc.oneof(
	{ weight: 4, arbitrary: fc.constantFrom(...CHANNEL_WORDS).chain(spelled) },
	{ weight: 1, arbitrary: fc.constantFrom('fax', 'pigeon', 'toString', '__proto__', 'constructor', 'hasOwnProperty', 'emai1', 'e@mail', '') },
	{ weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 6 }).map((text) => `#${text}`) },
);

/** Any hostile value at all. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
	placeholderWord,
	prototypeName,
	extremeNumber,
	numericText,
	oddUnicode,
	hostileDate,
	wrongType,
	channelSpelling,
	fc.double(),
	fc.integer(),
	fc.anything({ maxDepth: 2, maxKeys: 3, withNullPrototype: true, withObjectString: true }),
);

/**
 * An item made hostile: 1 to 3 of the given fields (or a prototype name as a key) replaced by hostile values.
 * Returns the mutated copy; `base` is not changed. Keys are set as own properties (as JSON.parse would).
 */
export function mutated(base: Record<string, unknown>, fields: readonly string[], values: fc.Arbitrary<unknown> = hostileValue): fc.Arbitrary<Record<string, unknown>> {
	const field = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...fields) }, { weight: 1, arbitrary: prototypeName });
	return fc.array(fc.tuple(field, values), { minLength: 1, maxLength: 3 }).map((changes) => {
		const copy: Record<string, unknown> = { ...base };
		for (const [key, value] of changes) Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
		return copy;
	});
}
