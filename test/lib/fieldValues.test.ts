import { describeValue } from '../../lib/fieldValues';

describe('describeValue: messages say what the value is', () => {
	it('prints NaN and infinities as such, never as null', () => {
		expect(describeValue(Number.NaN)).toBe('NaN');
		expect(describeValue(Number.POSITIVE_INFINITY)).toBe('Infinity');
		expect(describeValue(-0.5)).toBe('-0.5');
	});

	it('names text as text, so "2" never reads as the number 2', () => {
		expect(describeValue('2')).toBe('the text "2"');
		expect(describeValue('')).toBe('the text ""');
		expect(describeValue(2)).toBe('2');
	});

	it('names missing, null, lists, objects, dates and what JSON cannot write', () => {
		expect(describeValue(undefined)).toBe('nothing');
		expect(describeValue(null)).toBe('null');
		expect(describeValue([1, 'a'])).toBe('the list [1,"a"]');
		expect(describeValue({ a: 1 })).toBe('the object {"a":1}');
		expect(describeValue(new Date('2024-01-31T00:00:00Z'))).toBe('the date 2024-01-31T00:00:00.000Z');
		expect(describeValue(new Date(Number.NaN))).toBe('an invalid date');
		const circular: Record<string, unknown> = {};
		circular.self = circular;
		expect(describeValue(circular)).toBe('an object');
		expect(describeValue(10n)).toBe('the number 10');
		expect(describeValue(() => 1)).toBe('a function');
	});

	it('cuts long values to 80 characters', () => {
		expect(describeValue('x'.repeat(500))).toHaveLength('the text '.length + 80);
	});
});
