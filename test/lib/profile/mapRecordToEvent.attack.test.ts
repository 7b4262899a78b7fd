/**
 * Adversarial input for the record mapping: type confusion, prototype pollution, NaN and Infinity,
 * absurd dates. Every case is either a clean event or a LifecycleInputError naming the field.
 */
import { LifecycleInputError, mapRecordToEvent, PRESET_MAPPINGS, readPath } from '../../../lib';

const csv = PRESET_MAPPINGS.csvRows;

function errorOf(record: unknown): LifecycleInputError {
	let caught: unknown;
	try {
		mapRecordToEvent(record, csv, 7);
	} catch (error) {
		caught = error;
	}
	expect(caught).toBeInstanceOf(LifecycleInputError);
	return caught as LifecycleInputError;
}

describe('mapRecordToEvent under attack', () => {
	it('never reads through the prototype chain', () => {
		const hostile = JSON.parse('{"__proto__": {"customer_id": "ghost"}, "timestamp": "2024-01-01"}');
		expect(errorOf(hostile).field).toBe('customer_id');
		expect(readPath({ a: 1 }, 'constructor.prototype')).toBeUndefined();
		expect(readPath({ a: 1 }, 'toString')).toBeUndefined();
		expect(({} as Record<string, unknown>).customer_id).toBeUndefined();
	});

	it('treats a "__proto__" product or customer id as plain data', () => {
		const event = mapRecordToEvent({ customer_id: '__proto__', product_id: 'constructor', timestamp: '2024-01-01', amount: 1 }, csv, 0)!;
		expect(event).toMatchObject({ customerId: '__proto__', productId: 'constructor' });
		expect(Object.prototype).not.toHaveProperty('polluted');
	});

	it.each([
		['amount', { customer_id: 'A', timestamp: '2024-01-01', amount: Number.NaN }, 'should be a number'],
		['amount', { customer_id: 'A', timestamp: '2024-01-01', amount: Number.POSITIVE_INFINITY }, 'should be a number'],
		['amount', { customer_id: 'A', timestamp: '2024-01-01', amount: '1,299.00' }, 'should be a number'],
		['amount', { customer_id: 'A', timestamp: '2024-01-01', amount: '$12' }, 'should be a number'],
		['amount', { customer_id: 'A', timestamp: '2024-01-01', amount: [12] }, 'should be a number'],
		['timestamp', { customer_id: 'A', timestamp: '01/02/2024' }, 'is not a valid date'],
		['timestamp', { customer_id: 'A', timestamp: '2024-02-30' }, 'is not a valid date'],
		['timestamp', { customer_id: 'A', timestamp: { $date: 1 } }, 'is not a valid date'],
		['timestamp', { customer_id: 'A', timestamp: -5 }, 'is not a valid date'],
		['customer_id', { customer_id: { id: 1 }, timestamp: '2024-01-01' }, 'should be text or a number'],
		['currency', { customer_id: 'A', timestamp: '2024-01-01', amount: 1, currency: 'EURO' }, '3-letter currency code'],
		['email', { email: 'not-an-email', timestamp: '2024-01-01' }, 'is not an email address'],
	])('rejects a bad %s with a message naming it', (field, record, message) => {
		const error = errorOf(record);
		expect(error.message).toContain(message);
		expect(error.itemIndex).toBe(7);
		expect(error.field === field || error.message.includes(`"${field}"`)).toBe(true);
		expect(error.hint).toBeTruthy();
	});

	it('rejects non-object items', () => {
		for (const record of [null, 42, 'text', [1, 2]]) expect(errorOf(record).field).toBe('json');
	});

	it('accepts numbers as ids and epoch seconds or milliseconds as time', () => {
		expect(mapRecordToEvent({ customer_id: 17850, timestamp: 1700000000, amount: 2 }, csv, 0)).toMatchObject({ customerId: '17850', timestamp: 1700000000000 });
		expect(mapRecordToEvent({ customer_id: 1, timestamp: 1700000000000 }, csv, 0)!.timestamp).toBe(1700000000000);
		expect(mapRecordToEvent({ customer_id: 1, timestamp: '2024-01-01T10:00:00+02:00' }, csv, 0)!.timestamp).toBe(Date.parse('2024-01-01T08:00:00Z'));
	});
});
