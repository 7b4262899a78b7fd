/**
 * Fingerprint of a stored recommender model, as for churn models: SHA-256 of the canonical JSON of everything but
 * the fingerprint itself. Build Model writes it; a stored model whose content no longer matches it (a list edited
 * by hand, a product added, a copy cut short) is refused instead of recommending from other numbers.
 *
 *   fingerprint = 'sha256:' + hex(SHA-256(UTF-8(canonicalJson(model without fingerprint))))
 * Not a signature: it catches edits and corruption, not an attacker.
 * Reference: see churnModelFingerprint (FIPS 180-4; RFC 8785 canonical JSON).
 *
 * Cost: O(size of the model).
 * @example recommenderModelFingerprint({ ...model, fingerprint: 'x' }) === recommenderModelFingerprint(model) // true
 */
import { churnModelFingerprint } from '../churn/churnModelFingerprint';

export function recommenderModelFingerprint(model: Readonly<Record<string, unknown>>): string {
	const content: Record<string, unknown> = { ...model };
	delete content.fingerprint;
	return churnModelFingerprint(content);
}
