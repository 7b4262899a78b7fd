/**
 * Fingerprint of a stored churn model: SHA-256 of its canonical JSON. Score Churn writes it into every model it
 * outputs and checks it when the model comes back, so a model changed after its fit (a parameter edited by hand,
 * a copy cut short, fields of two models mixed) is refused instead of silently scoring with other numbers.
 *
 *   canonical(v)  = JSON with the keys of every object sorted (UTF-16 code units), no whitespace, keys whose value
 *                   is undefined left out, numbers as JSON.stringify writes them (the shortest round-trip form)
 *   fingerprint   = 'sha256:' + hex(SHA-256(UTF-8(canonical(value))))
 * A number read back from JSON is the same double, so a model stored as JSON text, in a database JSON column or in
 * n8n's static data keeps its fingerprint. Not a signature: anyone can recompute it; it catches edits and
 * corruption, not an attacker.
 * Reference: FIPS 180-4, Secure Hash Standard, https://csrc.nist.gov/pubs/fips/180-4/upd1/final ; RFC 8785, JSON
 * Canonicalization Scheme (sorted keys, ECMAScript number form), https://www.rfc-editor.org/rfc/rfc8785
 *
 * Cost: O(size of the model).
 * @example churnModelFingerprint({ b: 1, a: [2, { d: 3, c: 4 }] }) === churnModelFingerprint({ a: [2, { c: 4, d: 3 }], b: 1 }) // true
 */
import * as crypto from 'crypto';

/** The canonical JSON text of a value (see the file comment); NaN and infinities are not JSON and throw. */
export function canonicalJson(value: unknown): string {
	if (value === null) return 'null';
	if (typeof value === 'number') {
		if (!Number.isFinite(value))
			throw new Error(`canonicalJson requires finite numbers; got ${value}`);
		return JSON.stringify(value);
	}
	if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
	if (Array.isArray(value))
		return `[${value.map((entry: unknown) => (entry === undefined ? 'null' : canonicalJson(entry))).join(',')}]`;
	if (typeof value === 'object') {
		const record = value as Record<string, unknown>;
		const keys = Object.keys(record)
			.filter((key) => record[key] !== undefined)
			.sort();
		return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
	}
	throw new Error(`canonicalJson cannot write a ${typeof value}`);
}

export function churnModelFingerprint(value: unknown): string {
	return `sha256:${crypto.createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex')}`;
}
