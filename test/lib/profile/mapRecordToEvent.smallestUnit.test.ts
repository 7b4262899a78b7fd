import { mapRecordToEvent, PRESET_MAPPINGS } from '../../../lib';

const csv = PRESET_MAPPINGS.csvRows;
const row = (amount: number, currency?: string) => ({ customer_id: 'C1', timestamp: '2024-01-01', amount, ...(currency ? { currency } : {}) });

describe('mapRecordToEvent: Amount Is "smallest currency unit"', () => {
	it('divides by the currency minor unit: 1099 USD cents is 10.99, 1000 JPY is 1000 yen, 1500 KWD fils is 1.5', () => {
		const read = (amount: number, currency: string) => mapRecordToEvent(row(amount, currency), csv, 0, { valueIs: 'cents' })!.value;
		expect(read(1099, 'USD')).toBe(10.99);
		expect(read(1000, 'JPY')).toBe(1000);
		expect(read(1000, 'krw')).toBe(1000);
		expect(read(1500, 'KWD')).toBe(1.5);
	});

	it('uses the default currency when the record has none, and two decimals when neither is known', () => {
		expect(mapRecordToEvent(row(1000), csv, 0, { valueIs: 'cents', defaultCurrency: 'JPY' })!.value).toBe(1000);
		expect(mapRecordToEvent(row(1000), csv, 0, { valueIs: 'cents' })!.value).toBe(10);
		expect(mapRecordToEvent(row(1000, 'EUR'), csv, 0, { valueIs: 'cents', defaultCurrency: 'JPY' })!.value).toBe(10);
	});

	it('names the item and field when the currency is not a code', () => {
		expect(() => mapRecordToEvent(row(1000, 'yen!'), csv, 3, { valueIs: 'cents' })).toThrow(/currency/);
	});
});
