import { DateTime } from 'luxon';

import { nextAllowedMoment } from '../../../lib/channel/nextAllowedMoment';
import { createSendSchedule, isAllowedLocalTime } from '../../../lib/channel/sendSchedule';
import { isoWeekdayOf, localDayOf, ZoneClock } from '../../../lib/channel/ZoneClock';
import { seededRandom } from '../../../lib/stats/seededRandom';
import { DST_DAYS, intlLocal, ZONES } from './randomChannelCases';

const HOUR = 3_600_000;
const DAY = 86_400_000;

describe('ZoneClock', () => {
	it('gives the same UTC offset as luxon DateTime for random instants, DST days included', () => {
		const random = seededRandom(5);
		let compared = 0;
		for (const zone of ZONES) {
			const clock = new ZoneClock(zone);
			for (let i = 0; i < 3000; i++) {
				const days = DST_DAYS[zone];
				const instant =
					days.length > 0 && i % 2 === 0
						? Date.parse(`${days[i % days.length]}T00:00:00Z`) + Math.floor((random() * 72 - 24) * HOUR)
						: Date.UTC(1975, 0, 1) + Math.floor(random() * 60 * 365 * DAY);
				expect(clock.offsetMinutes(instant)).toBe(DateTime.fromMillis(instant, { zone }).offset);
				compared++;
			}
		}
		expect(compared).toBe(ZONES.length * 3000);
	});

	it('finds the transition to the second (New York spring forward at 2025-03-09 07:00 UTC)', () => {
		const clock = new ZoneClock('America/New_York');
		const transition = Date.parse('2025-03-09T07:00:00Z');
		expect(clock.offsetMinutes(transition - 1000)).toBe(-300);
		expect(clock.offsetMinutes(transition)).toBe(-240);
		expect(clock.transitionsOnLocalDay(localDayOf(Date.UTC(2025, 2, 9)))).toEqual([transition]);
		expect(clock.transitionsOnLocalDay(localDayOf(Date.UTC(2025, 2, 12)))).toEqual([]);
	});

	it('lists the DST change days of the test generator correctly (each has exactly one transition)', () => {
		for (const zone of ZONES) {
			const clock = new ZoneClock(zone);
			for (const day of DST_DAYS[zone]) {
				const local = Date.parse(`${day}T00:00:00Z`);
				const transitions = clock.transitionsOnLocalDay(localDayOf(local));
				expect(transitions.length).toBe(1);
				// The transition's local date (by Intl, after the change) is the listed day.
				const after = intlLocal(zone, transitions[0]);
				expect(`${after.year}-${String(after.month).padStart(2, '0')}-${String(after.day).padStart(2, '0')}`).toBe(day);
			}
		}
	});

	it('inverts local time: none in a skipped hour, two in a repeated hour, one otherwise', () => {
		const clock = new ZoneClock('America/New_York');
		expect(clock.instantsAt(Date.UTC(2025, 2, 9, 2, 30))).toEqual([]);
		expect(clock.instantsAt(Date.UTC(2025, 10, 2, 1, 30))).toEqual([Date.parse('2025-11-02T05:30:00Z'), Date.parse('2025-11-02T06:30:00Z')]);
		expect(clock.instantsAt(Date.UTC(2025, 6, 1, 9, 0))).toEqual([Date.parse('2025-07-01T13:00:00Z')]);
		const lordHowe = new ZoneClock('Australia/Lord_Howe'); // half-hour DST: 02:00 -> 02:30 on 2025-10-05
		expect(lordHowe.instantsAt(Date.UTC(2025, 9, 5, 2, 15))).toEqual([]);
		expect(lordHowe.instantsAt(Date.UTC(2025, 3, 6, 1, 45)).length).toBe(2);
	});

	it('formats ISO 8601 with the zone offset as luxon toISO does (+00:00 where luxon writes Z)', () => {
		const random = seededRandom(9);
		for (const zone of ZONES) {
			const clock = new ZoneClock(zone);
			for (let i = 0; i < 200; i++) {
				const instant = Date.UTC(2024, 0, 1) + Math.floor(random() * 3 * 365 * DAY);
				expect(clock.formatIso(instant)).toBe(DateTime.fromMillis(instant, { zone }).toISO()?.replace(/Z$/, '+00:00'));
			}
		}
		expect(new ZoneClock('Asia/Kolkata').formatIso(Date.parse('2025-01-01T00:00:00Z'))).toBe('2025-01-01T05:30:00.000+05:30');
	});

	it('knows weekdays (1970-01-01 was a Thursday) and rejects unknown zones', () => {
		expect(isoWeekdayOf(0)).toBe(4);
		expect(isoWeekdayOf(-1)).toBe(3);
		expect(isoWeekdayOf(localDayOf(Date.UTC(2025, 2, 10)))).toBe(1);
		expect(() => new ZoneClock('Mars/Base')).toThrow('ZoneClock requires a known IANA time zone such as "Europe/Berlin"; got "Mars/Base"');
		expect(ZoneClock.of('Mars/Base')).toBeUndefined();
		expect(ZoneClock.of('Europe/Berlin')).toBe(ZoneClock.of('Europe/Berlin'));
	});
});

describe('nextAllowedMoment', () => {
	const ny = new ZoneClock('America/New_York');

	it('never lands in a skipped hour: quiet hours ending 02:30 on spring-forward day give 03:00 EDT', () => {
		const schedule = createSendSchedule({ start: '21:00', end: '02:30' });
		const at = nextAllowedMoment(ny, Date.parse('2025-03-09T06:00:00Z'), schedule, null) as number;
		expect(ny.formatIso(at)).toBe('2025-03-09T03:00:00.000-04:00');
	});

	it('takes the first occurrence of a repeated hour, and the second only when the first is past', () => {
		const anyTime = createSendSchedule(null);
		expect(ny.formatIso(nextAllowedMoment(ny, Date.parse('2025-11-02T04:00:00Z'), anyTime, 1) as number)).toBe('2025-11-02T01:00:00.000-04:00');
		expect(ny.formatIso(nextAllowedMoment(ny, Date.parse('2025-11-02T06:15:00Z'), anyTime, 1) as number)).toBe('2025-11-02T01:15:00.000-05:00');
	});

	it('keeps the wall-clock hour across DST: 09:00 local after a change, not 08:00 or 10:00', () => {
		const schedule = createSendSchedule({ start: '21:00', end: '08:00' });
		for (const [zone, day] of [
			['America/New_York', '2025-03-09'],
			['Europe/Berlin', '2025-10-26'],
			['Australia/Sydney', '2025-10-05'],
		]) {
			const clock = new ZoneClock(zone);
			// Noon UTC of the change day: after the change in all three zones.
			const from = Date.parse(`${day}T00:00:00Z`) + 12 * HOUR;
			const at = nextAllowedMoment(clock, from, schedule, 9) as number;
			const local = intlLocal(zone, at);
			expect([local.hour, local.minute]).toEqual([9, 0]);
		}
	});

	it('honours allowed days in local time (a Friday evening in Sydney is still Friday there)', () => {
		const sydney = new ZoneClock('Australia/Sydney');
		const weekdays = createSendSchedule(null, [1, 2, 3, 4, 5]);
		// 2025-03-08T03:00Z is Saturday 14:00 in Sydney: next allowed is Monday 00:00 local.
		const at = nextAllowedMoment(sydney, Date.parse('2025-03-08T03:00:00Z'), weekdays, null) as number;
		expect(sydney.formatIso(at)).toBe('2025-03-10T00:00:00.000+11:00');
	});

	it('matches a minute-by-minute brute force (Intl) around DST changes in every zone', () => {
		const random = seededRandom(21);
		let cases = 0;
		for (const zone of ZONES) {
			const clock = new ZoneClock(zone);
			const days = DST_DAYS[zone].length > 0 ? DST_DAYS[zone] : ['2025-03-09', '2025-10-26'];
			for (let i = 0; i < 40; i++) {
				const from = Date.parse(`${days[i % days.length]}T00:00:00Z`) + Math.floor((random() * 60 - 30) * HOUR) + Math.floor(random() * 60_000);
				const startMinute = Math.floor(random() * 5) * 60 + (random() < 0.5 ? 0 : 30);
				const endMinute = (startMinute + 60 + Math.floor(random() * 20) * 30) % 1440;
				const format = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
				const schedule = createSendSchedule(startMinute === endMinute ? null : { start: format(startMinute), end: format(endMinute) }, random() < 0.5 ? undefined : [1, 3, 5, 7]);
				const hour = random() < 0.5 ? null : [0, 1, 2, 3, 9, 23][Math.floor(random() * 6)];
				if (hour !== null && !schedule.allowedHours[hour]) continue;
				const got = nextAllowedMoment(clock, from, schedule, hour);
				// Brute force: `from` itself, then every whole UTC minute (all these zones have whole-minute offsets).
				const allowed = (instant: number) => {
					const local = intlLocal(zone, instant);
					return isAllowedLocalTime(schedule, local.weekday, local.hour * 60 + local.minute) && (hour === null || local.hour === hour);
				};
				let expected: number | null = allowed(from) ? from : null;
				for (let t = Math.ceil(from / 60_000) * 60_000; expected === null && t < from + 16 * DAY; t += 60_000) if (allowed(t)) expected = t;
				expect([zone, from, hour, got]).toEqual([zone, from, hour, expected]);
				cases++;
			}
		}
		expect(cases).toBeGreaterThan(150);
	});
});
