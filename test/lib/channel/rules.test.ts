import type { FrequencyCap } from '../../../lib/channel/checkFrequencyCaps';
import { checkFrequencyCaps } from '../../../lib/channel/checkFrequencyCaps';
import { createSendSchedule, isAllowedLocalTime, isQuietMinute, parseClockTime } from '../../../lib/channel/sendSchedule';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('sendSchedule', () => {
	it('parses local clock times and rejects malformed ones', () => {
		expect(parseClockTime('21:00')).toBe(1260);
		expect(parseClockTime('8:05')).toBe(485);
		expect(parseClockTime('24:00')).toBe(0);
		expect(parseClockTime(9)).toBe(540);
		for (const bad of ['25:00', '12:60', '9', 'noon', 9.5, null]) expect(parseClockTime(bad)).toBeUndefined();
	});

	it('treats quiet hours as [start, end) and wraps midnight when start > end', () => {
		const overnight = createSendSchedule({ start: '21:00', end: '08:00' });
		expect([isQuietMinute(overnight, 1259), isQuietMinute(overnight, 1260), isQuietMinute(overnight, 479), isQuietMinute(overnight, 480)]).toEqual([false, true, true, false]);
		const lunch = createSendSchedule({ start: '12:00', end: '13:30' });
		expect([isQuietMinute(lunch, 719), isQuietMinute(lunch, 720), isQuietMinute(lunch, 809), isQuietMinute(lunch, 810)]).toEqual([false, true, true, false]);
		expect(overnight.allowedHours.filter(Boolean).length).toBe(13);
		expect(lunch.allowedHours[12]).toBe(false);
		expect(lunch.allowedHours[13]).toBe(true);
		expect(overnight.label).toBe('quiet 21:00-08:00, every day');
	});

	it('checks allowed ISO weekdays and refuses empty or malformed settings', () => {
		const weekdays = createSendSchedule(null, [1, 2, 3, 4, 5]);
		expect(isAllowedLocalTime(weekdays, 5, 600)).toBe(true);
		expect(isAllowedLocalTime(weekdays, 6, 600)).toBe(false);
		expect(weekdays.label).toBe('no quiet hours, Mon,Tue,Wed,Thu,Fri');
		expect(() => createSendSchedule({ start: '09:00', end: '09:00' })).toThrow(
			'createSendSchedule requires quiet hours with a different start and end; leave quiet hours empty for none',
		);
		expect(() => createSendSchedule({ start: '9pm', end: '08:00' })).toThrow("createSendSchedule requires quiet hours as 'HH:MM' (24 h)");
		expect(() => createSendSchedule(null, [0])).toThrow('createSendSchedule requires allowed days as ISO weekdays 1 (Monday) to 7 (Sunday); got 0');
	});
});

describe('checkFrequencyCaps', () => {
	const twoEmailsPerWeek: FrequencyCap = { channel: 'email', max: 2, windowMs: 7 * DAY, label: '2 email messages per 7 days' };
	const fourPerWeek: FrequencyCap = { channel: null, max: 4, windowMs: 7 * DAY, label: '4 messages per 7 days' };
	const t0 = Date.UTC(2025, 2, 1);

	it('blocks a third email in 7 days and says when the window frees a place', () => {
		const history = [
			{ channel: 'email', at: t0 },
			{ channel: 'email', at: t0 + 2 * DAY },
		];
		expect(checkFrequencyCaps(history, [twoEmailsPerWeek], 'email', t0 + 3 * DAY)).toEqual({ cap: twoEmailsPerWeek, count: 3, freesAt: t0 + 7 * DAY });
		// The window is (t - 7 days, t]: a message exactly 7 days old no longer counts.
		expect(checkFrequencyCaps(history, [twoEmailsPerWeek], 'email', t0 + 7 * DAY)).toBeNull();
		expect(checkFrequencyCaps(history, [twoEmailsPerWeek], 'sms', t0 + 3 * DAY)).toBeNull();
	});

	it('counts every channel for a cap without channel, and max 0 blocks outright', () => {
		const history = ['email', 'sms', 'push', 'sms'].map((channel, i) => ({ channel, at: t0 + i * HOUR }));
		expect(checkFrequencyCaps(history, [fourPerWeek], 'push', t0 + DAY)?.count).toBe(5);
		expect(checkFrequencyCaps([], [{ channel: 'sms', max: 0, windowMs: DAY, label: '0 sms messages per 1 day' }], 'sms', t0)).toMatchObject({ count: 1, freesAt: null });
	});

	it('checks windows that end at messages planned later in the run', () => {
		// One planned message at t0 + 10 h; a new one at t0 + 2 h would make (t0 + 10 h - 24 h, t0 + 10 h] hold 3 > 2.
		const cap: FrequencyCap = { channel: null, max: 2, windowMs: DAY, label: '2 messages per 1 day' };
		const messages = [
			{ channel: 'email', at: t0 - 10 * HOUR },
			{ channel: 'sms', at: t0 + 10 * HOUR },
		];
		expect(checkFrequencyCaps(messages, [cap], 'push', t0 + 2 * HOUR)).toMatchObject({ count: 3, freesAt: null });
		expect(checkFrequencyCaps(messages.slice(1), [cap], 'push', t0 + 2 * HOUR)).toBeNull();
	});
});
