/**
 * Frequency caps over rolling windows: may one more message go out on `channel` at instant `at` without any
 * window of any applicable cap holding more than its maximum?
 *
 * A cap (channel or null for all channels, max, window W) is kept when every window (e - W, e] that contains
 * the new message holds at most `max` messages, the new one included. Counts only rise at message times, so
 * it suffices to check the window ends e in {at} and the known messages in (at, at + W) (messages planned
 * earlier in the same run can lie after `at`):
 *   for each such e:  #{m applicable : e - W < m.at <= e} + 1 <= max
 * When the window ending at `at` is full, `freesAt` is the earliest instant at which it is not:
 *   freesAt = (max-th most recent applicable message at or before `at`) + W.
 * Reference: rolling-window frequency capping as in Braze "Frequency capping" and Iterable "Frequency
 * Management", https://www.braze.com/docs/user_guide/engagement_tools/campaigns/ideas_and_strategies/rate_limiting/
 *
 * Cost: O(caps * m * (1 + k)) for m messages of which k lie after `at`.
 * @example checkFrequencyCaps([{ channel: 'email', at: t0 }, { channel: 'email', at: t1 }], [twoEmailsPerWeek], 'email', t2) // { cap, count: 3, freesAt: t0 + 7 days }
 */
export interface FrequencyCap {
	/** Channel the cap counts, or null for messages on every channel. */
	channel: string | null;
	/** Most messages allowed in any window; 0 forbids the channel. */
	max: number;
	windowMs: number;
	/** Readable form, e.g. "2 email messages per 7 days". */
	label: string;
}

export interface SentMessage {
	channel: string;
	/** Instant in ms since epoch. */
	at: number;
}

export interface CapViolation {
	cap: FrequencyCap;
	/** Messages in the fullest window, the new one included. */
	count: number;
	/** When the window ending at the send instant frees a place; null when later messages or max 0 decide. */
	freesAt: number | null;
}

function countInWindow(messages: readonly SentMessage[], channel: string | null, start: number, end: number): number {
	let count = 0;
	for (const message of messages) {
		if (message.at > start && message.at <= end && (channel === null || message.channel === channel)) count++;
	}
	return count;
}

export function checkFrequencyCaps(
	messages: readonly SentMessage[],
	caps: readonly FrequencyCap[],
	channel: string,
	at: number,
): CapViolation | null {
	for (const cap of caps) {
		if (cap.channel !== null && cap.channel !== channel) continue;
		if (cap.max <= 0) return { cap, count: 1, freesAt: null };
		const here = countInWindow(messages, cap.channel, at - cap.windowMs, at) + 1;
		if (here > cap.max) {
			const times: number[] = [];
			for (const message of messages) {
				if (message.at <= at && (cap.channel === null || message.channel === cap.channel)) times.push(message.at);
			}
			times.sort((a, b) => b - a);
			return { cap, count: here, freesAt: times[cap.max - 1] + cap.windowMs };
		}
		for (const message of messages) {
			if (message.at <= at || message.at >= at + cap.windowMs) continue;
			if (cap.channel !== null && message.channel !== cap.channel) continue;
			const count = countInWindow(messages, cap.channel, message.at - cap.windowMs, message.at) + 1;
			if (count > cap.max) return { cap, count, freesAt: null };
		}
	}
	return null;
}
