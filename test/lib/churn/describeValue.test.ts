import { LifecycleInputError } from '../../../lib';
import { describeValue } from '../../../lib/churn/describeValue';
import { fitBgNbd } from '../../../lib/churn/fitBgNbd';
import { readChurnLabel } from '../../../lib/churn/supervisedChurn';

describe('describeValue: what an error message shows of a value', () => {
	it('shows NaN and Infinity as such, never as null, and text in quotes', () => {
		expect(describeValue(Number.NaN)).toBe('NaN');
		expect(describeValue(Number.NEGATIVE_INFINITY)).toBe('-Infinity');
		expect(describeValue('2')).toBe('"2"');
		expect(describeValue({ p: Number.NaN })).toBe('{"p":"NaN"}');
		expect(describeValue(undefined)).toBe('undefined');
	});

	it('never throws, whatever the value (null-prototype objects, cycles, long text)', () => {
		const cycle: Record<string, unknown> = {};
		cycle.self = cycle;
		expect(describeValue(Object.create(null))).toBe('{}');
		expect(describeValue(cycle)).toBe('an object');
		expect(describeValue('x'.repeat(500)).length).toBeLessThanOrEqual(86);
	});
});

describe('churn input errors name the customer and the field, whatever the value', () => {
	it('a periodUnit that is a null-prototype object is an input error on periodUnit, not a TypeError (fuzz: Score With Model)', () => {
		const failure = (() => {
			try {
				fitBgNbd([{ frequency: 1, recency: 2, T: 5, periodUnit: Object.create(null) as string }], { periodUnit: 'week' });
			} catch (error) {
				return error;
			}
			return undefined;
		})();
		expect(failure).toBeInstanceOf(LifecycleInputError);
		expect(failure).toMatchObject({ itemIndex: 0, field: 'periodUnit' });
	});

	it('a frequency given as text is reported in quotes, not as the number it looks like', () => {
		expect(() => fitBgNbd([{ frequency: '2' as unknown as number, recency: 2, T: 5 }], { periodUnit: 'week' })).toThrow('customer 0 has "2"');
	});

	it('a NaN churn label is printed as NaN, not as null', () => {
		expect(() => readChurnLabel(Number.NaN, 'churned', 5)).toThrow('Item 5 has NaN in churned');
	});
});
