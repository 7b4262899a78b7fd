/**
 * Reads an HTTP Retry-After header: how long a server asks the client to wait before trying again.
 *
 *   "120"                             -> 120 000 ms (delay-seconds)
 *   "Wed, 21 Oct 2026 07:28:00 GMT"   -> that instant - now, at least 0 (HTTP-date)
 *   missing, empty or unreadable      -> null (the caller falls back to its own backoff)
 * Reference: RFC 9110, section 10.2.3 Retry-After, https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3
 *
 * Cost: O(length of the header).
 * @example parseRetryAfter('2', 0) // 2000
 */
export function parseRetryAfter(header: unknown, now: number): number | null {
	const text = Array.isArray(header) ? header[0] : header;
	if (typeof text !== 'string' || text.trim() === '') return null;
	const value = text.trim();
	if (/^\d+$/.test(value)) return Number(value) * 1000;
	const at = Date.parse(value);
	if (!/[a-z]/i.test(value) || Number.isNaN(at)) return null;
	return Math.max(0, at - now);
}
