/**
 * Whether a failed HTTP call is worth trying again: the server was busy or briefly unavailable, or the connection
 * broke or timed out, so the same request may succeed later. A client error (400, 401, 404, ...) will fail again,
 * and a cancelled request must not be repeated.
 *
 *   retry when status is 408, 425, 429 or 5xx except 501 and 505, or the network code is one of ECONNRESET,
 *   ECONNREFUSED, ECONNABORTED (axios timeout), ETIMEDOUT, EPIPE, EAI_AGAIN, ENETUNREACH, EHOSTUNREACH,
 *   UND_ERR_SOCKET, UND_ERR_CONNECT_TIMEOUT, UND_ERR_HEADERS_TIMEOUT, UND_ERR_BODY_TIMEOUT
 * Reference: RFC 9110, section 15.6 (5xx) and 15.5.9 (408); RFC 6585, section 4 (429).
 *
 * Cost: O(1).
 * @example isRetryableFailure({ status: 503 }) // true
 * @example isRetryableFailure({ status: 401 }) // false
 */
const RETRYABLE_CODES = new Set([
	'ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH',
	'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT',
]);

export interface HttpFailure {
	/** HTTP status of the answer, when there was one. */
	status?: number | null;
	/** Network error code (ECONNRESET, ...), when the call broke before an answer. */
	code?: string | null;
}

export function isRetryableFailure(failure: HttpFailure): boolean {
	const { status, code } = failure;
	if (typeof status === 'number') return status === 408 || status === 425 || status === 429 || (status >= 500 && status <= 599 && status !== 501 && status !== 505);
	return typeof code === 'string' && RETRYABLE_CODES.has(code);
}
