import { parseTimestamp, timestampProblem } from '../../../lib/profile/parseTimestamp';

describe('parseTimestamp bounds', () => {
	it('reads four-digit years as written: 0099 is the year 99, never 1999, and is then refused as implausible', () => {
		expect(parseTimestamp('0099-06-01')).toBeUndefined();
		expect(parseTimestamp('0001-01-01T00:00:00Z')).toBeUndefined();
		expect(timestampProblem('0099-06-01')).toMatch(/before 1900/);
		expect(parseTimestamp('1999-06-01')).toBe(Date.UTC(1999, 5, 1));
	});

	it.each(['+99:99', '+15:00', '-14:30', '+05:60', '+0999'])('refuses the impossible offset %s', (offset) => {
		expect(parseTimestamp(`2024-01-01T10:00:00${offset}`)).toBeUndefined();
	});

	it('accepts the real offsets from -12:00 to +14:00', () => {
		expect(parseTimestamp('2024-01-01T10:00:00+14:00')).toBe(Date.UTC(2023, 11, 31, 20));
		expect(parseTimestamp('2024-01-01T10:00:00-12:00')).toBe(Date.UTC(2024, 0, 1, 22));
		expect(parseTimestamp('2024-01-01T10:00:00+0530')).toBe(Date.UTC(2024, 0, 1, 4, 30));
	});

	it.each([
		[1e16, /after 2199/],
		[1.7e18, /nanoseconds/],
		[1_700_000_000_000_000, /microseconds/],
		['1700000000000000', /microseconds/],
		['9999-12-31', /after 2199/],
		[8.64e15 + 1, /after 2199/],
	])('refuses the out-of-range time %j and says why', (value, why) => {
		expect(parseTimestamp(value)).toBeUndefined();
		expect(timestampProblem(value)).toMatch(why);
	});

	it('keeps every time of the plausible range 1900-2199', () => {
		expect(parseTimestamp('1900-01-01')).toBe(Date.UTC(1900, 0, 1));
		expect(parseTimestamp('2199-12-31T23:59:59.999Z')).toBe(Date.UTC(2199, 11, 31, 23, 59, 59, 999));
		expect(parseTimestamp(1_700_000_000)).toBe(1_700_000_000_000);
		expect(timestampProblem('2024-01-01')).toBeUndefined();
		expect(timestampProblem('yesterday')).toBe('is not a date');
	});
});
