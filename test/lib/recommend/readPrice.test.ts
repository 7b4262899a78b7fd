import { readPrice } from '../../../lib/recommend/readPrice';

describe('readPrice', () => {
	it.each([
		[12.5, 12.5],
		['12.50', 12.5],
		[' 7 ', 7],
		[0, 0],
		[null, null],
		[undefined, null],
		['', null],
		['  ', null],
	])('reads %j as %j', (value, expected) => expect(readPrice(value)).toBe(expected));

	it.each([['12,50'], ['1,250'], ['EUR 3'], ['$4'], [-1], ['-1'], [Number.NaN], [Number.POSITIVE_INFINITY], [{ amount: 3 }], [true], ['1e3']])('calls %j unparsable (undefined)', (value) => {
		expect(readPrice(value)).toBeUndefined();
	});
});
