/**
 * Whether and when to try a failed HTTP call again: exponential backoff, bounded, and the server's Retry-After
 * honoured when it gives one.
 *
 *   give up when the failure is not retryable (isRetryableFailure), retries >= maxRetries, or the server asks to
 *   wait longer than maxDelayMs (waiting that long inside a workflow run would look like a hang)
 *   delay = Retry-After when given, else min(maxDelayMs, baseDelayMs * 2^retries)   (retries made so far)
 * No random jitter: one workflow calls one endpoint in sequence, so there is no herd to spread, and the schedule
 * stays reproducible.
 * Reference: RFC 9110, section 10.2.3 Retry-After; AWS Architecture Blog, "Exponential Backoff And Jitter" (2015),
 * https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 *
 * Cost: O(1).
 * @example planRetry({ status: 503 }, { retries: 1, maxRetries: 3, retryAfterMs: null }) // { retry: true, delayMs: 2000 }
 */
import type { HttpFailure } from './isRetryableFailure';
import { isRetryableFailure } from './isRetryableFailure';

export interface RetrySettings {
	/** Retries already made for this request (0 after the first attempt). */
	retries: number;
	maxRetries: number;
	/** The server's Retry-After in ms (parseRetryAfter), or null. */
	retryAfterMs: number | null;
	/** First backoff delay; default 1,000 ms. */
	baseDelayMs?: number;
	/** Longest wait between attempts; default 60,000 ms. */
	maxDelayMs?: number;
}

export type RetryPlan = { retry: true; delayMs: number } | { retry: false; reason: string };

export function planRetry(failure: HttpFailure, settings: RetrySettings): RetryPlan {
	const baseDelayMs = settings.baseDelayMs ?? 1000;
	const maxDelayMs = settings.maxDelayMs ?? 60000;
	if (!isRetryableFailure(failure)) return { retry: false, reason: 'not retryable' };
	if (settings.retries >= settings.maxRetries) {
		return { retry: false, reason: `gave up after ${settings.retries} ${settings.retries === 1 ? 'retry' : 'retries'}` };
	}
	if (settings.retryAfterMs !== null && settings.retryAfterMs > maxDelayMs) {
		return { retry: false, reason: `the endpoint asked to retry after ${Math.ceil(settings.retryAfterMs / 1000)} s, longer than the ${maxDelayMs / 1000} s this node waits` };
	}
	const delayMs = settings.retryAfterMs ?? Math.min(maxDelayMs, baseDelayMs * 2 ** settings.retries);
	return { retry: true, delayMs };
}
