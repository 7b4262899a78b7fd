import { currencyMinorUnits, fromMinorUnits } from '../../../lib';

describe('currencyMinorUnits', () => {
	it('knows zero-decimal (Stripe list), three-decimal (ISO 4217) and two-decimal currencies, in any case', () => {
		expect(['JPY', 'krw', 'VND', 'clp'].map(currencyMinorUnits)).toEqual([0, 0, 0, 0]);
		expect(['BHD', 'kwd', 'OMR', 'JOD', 'TND'].map(currencyMinorUnits)).toEqual([3, 3, 3, 3, 3]);
		expect(['USD', 'eur', 'GBP', 'XYZ'].map(currencyMinorUnits)).toEqual([2, 2, 2, 2]);
	});

	it('reads minor units as money: 1000 JPY is 1000 yen, 1099 USD cents is 10.99, 1500 KWD fils is 1.5', () => {
		expect(fromMinorUnits(1000, 'jpy')).toBe(1000);
		expect(fromMinorUnits(1099, 'USD')).toBe(10.99);
		expect(fromMinorUnits(1500, 'KWD')).toBe(1.5);
	});
});
