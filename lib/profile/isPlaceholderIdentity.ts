/**
 * Placeholder identity: a value that fills an identity field without naming anybody ("n/a", "unknown", "-",
 * "0", "null", "noemail@...", a phone without enough digits). Such values must never become identity keys,
 * or every record carrying the same placeholder is merged into one person.
 *
 *   word(value)   = value lowercased with everything but letters and digits removed ("N/A" -> "na")
 *   placeholder   = word is empty, all zeros, or a placeholder word; the raw value is "-1"
 *   phone         = placeholder, or fewer than 7 or more than 15 digits (E.164), or one digit repeated
 *   email         = placeholder, or its local part is a placeholder word (noemail@shop.com), or its domain's
 *                   first label is one (a@none.com, n/a@n/a)
 *
 * Reference: ITU-T E.164 (at most 15 digits); 7 digits is the shortest subscriber number in use.
 * Cost: O(length of the value).
 * @example isPlaceholderIdentity('phone', 'N/A') // true
 * @example isPlaceholderIdentity('customerId', '17850') // false
 */
import type { IdentityKind } from './IdentityGraph';

const PLACEHOLDER_WORDS = new Set([
	'na', 'nan', 'none', 'null', 'nil', 'undefined', 'unknown', 'unkown', 'notavailable', 'notapplicable', 'notprovided', 'notset',
	'missing', 'empty', 'blank', 'anonymous', 'guest', 'noemail', 'nomail', 'noaddress', 'nophone', 'nonumber', 'noreply',
	'donotreply', 'donotemail', 'invalid', 'tbd', 'tba', 'xxx', 'xxxx', 'redacted', 'false', 'true', 'default',
]);

/** Domains (first label) that only placeholders use. */
const PLACEHOLDER_DOMAINS = new Set(['na', 'nan', 'none', 'null', 'nil', 'undefined', 'unknown', 'invalid', 'noemail', 'nomail', 'noreply', 'missing', 'empty']);

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
const ONLY_ZEROS = /^0+$/;
const ONE_DIGIT_REPEATED = /^(\d)\1*$/;

const PLAIN_WORD = /^[a-z0-9]*$/;

function wordOf(value: string): string {
	const lower = value.toLowerCase();
	// Most ids are plain letters and digits: skip the (slower) Unicode replacement for them.
	return PLAIN_WORD.test(lower) ? lower : lower.replace(NOT_LETTER_OR_DIGIT, '');
}

function isPlaceholderWord(value: string): boolean {
	const word = wordOf(value);
	return word === '' || ONLY_ZEROS.test(word) || PLACEHOLDER_WORDS.has(word) || value.trim() === '-1';
}

function isPlaceholderPhone(value: string): boolean {
	const digits = value.replace(/\D/g, '');
	return digits.length < 7 || digits.length > 15 || ONE_DIGIT_REPEATED.test(digits);
}

function isPlaceholderEmail(value: string): boolean {
	const at = value.lastIndexOf('@');
	if (at < 0) return false; // not an address at all: the caller's format check names it
	const domain = wordOf(value.slice(at + 1).split('.')[0]);
	return isPlaceholderWord(value.slice(0, at)) || domain === '' || PLACEHOLDER_DOMAINS.has(domain);
}

export function isPlaceholderIdentity(kind: IdentityKind, value: string): boolean {
	if (isPlaceholderWord(value)) return true;
	if (kind === 'phone') return isPlaceholderPhone(value);
	if (kind === 'email') return isPlaceholderEmail(value);
	return false;
}
