import { NodeOperationError } from 'n8n-workflow';
import { BuildProfile } from '../../../nodes/BuildProfile/BuildProfile.node';
import { itemsOf, mockExecuteFunctions } from '../support/mockExecuteFunctions';

const node = new BuildProfile();
const csvParameters = { source: 'csvRows', periodUnit: 'day', options: {} };

describe('Build Profile node (mocked context)', () => {
	it('builds one profile per customer with pairedItem to every input item it used', async () => {
		const { context } = mockExecuteFunctions(csvParameters, itemsOf([
			{ customer_id: 'A', timestamp: '2024-01-01', amount: '10', order_id: 'o1' },
			{ customer_id: 'B', timestamp: '2024-01-02', amount: '5', order_id: 'o2' },
			{ customer_id: 'A', timestamp: '2024-01-05', amount: '20', order_id: 'o3' },
		]));
		const [output] = await node.execute.call(context);
		expect(output.map((item) => [item.json.customerId, item.json.orders, item.json.revenue, item.pairedItem])).toEqual([
			['A', 2, 30, [{ item: 0 }, { item: 2 }]],
			['B', 1, 5, [{ item: 1 }]],
		]);
		expect(output[0].json).not.toHaveProperty('sourceIndexes');
	});

	it('reads consent, names, country, time zone and phone from CSV Rows columns', async () => {
		const { context } = mockExecuteFunctions(csvParameters, itemsOf([
			{ customer_id: 'A', email: 'ana@example.com', first_name: 'Ana', last_name: 'Silva', country: 'PT', time_zone: 'Europe/Lisbon', phone: '+351912345678', timestamp: '2024-01-01', event_type: 'consent', channel: 'email', consent_granted: 'true' },
			{ customer_id: 'A', timestamp: '2024-01-02', event_type: 'order', amount: '10', order_id: 'o1' },
			{ customer_id: 'B', timestamp: '2024-01-03', event_type: 'consent', channel: 'email', consent_granted: 'no' },
		]));
		const [output] = await node.execute.call(context);
		expect(output.map((item) => [item.json.customerId, item.json.consentEmail])).toEqual([['A', true], ['B', false]]);
		expect(output[0].json).toMatchObject({ firstName: 'Ana', lastName: 'Silva', country: 'PT', timeZone: 'Europe/Lisbon', phone: '+351912345678', email: 'ana@example.com' });
	});

	it('maps fields from user expressions in custom mode', async () => {
		const rows = [
			{ CustomerID: '17850', InvoiceDate: '2010-12-01 08:26:00', UnitPrice: 2.55, Quantity: 6, StockCode: '85123A', InvoiceNo: '536365' },
			{ CustomerID: '17850', InvoiceDate: '2010-12-01 08:26:00', UnitPrice: 3.39, Quantity: 6, StockCode: '71053', InvoiceNo: '536365' },
		];
		const { context } = mockExecuteFunctions(
			{
				source: 'custom',
				customerId: (i: number) => rows[i].CustomerID,
				timestamp: (i: number) => rows[i].InvoiceDate,
				otherFields: (i: number) => ({ value: rows[i].UnitPrice, quantity: rows[i].Quantity, productId: rows[i].StockCode, orderId: rows[i].InvoiceNo }),
				periodUnit: 'day',
				options: { valueIs: 'unitPrice' },
			},
			itemsOf(rows),
		);
		const [output] = await node.execute.call(context);
		expect(output).toHaveLength(1);
		expect(output[0].json).toMatchObject({ customerId: '17850', orders: 1, revenue: 35.64, productsPurchased: ['71053', '85123A'] });
	});

	it('throws a NodeOperationError with the item index and what to do', async () => {
		const { context } = mockExecuteFunctions(csvParameters, itemsOf([
			{ customer_id: 'A', timestamp: '2024-01-01', amount: '10' },
			{ customer_id: 'A', timestamp: 'yesterday', amount: '10' },
		]));
		const failure = await node.execute.call(context).catch((error: unknown) => error);
		expect(failure).toBeInstanceOf(NodeOperationError);
		expect(failure).toMatchObject({ message: 'Field "timestamp" is not a valid date: "yesterday"', context: { itemIndex: 1 } });
		expect((failure as NodeOperationError).description).toContain('ISO 8601');
	});

	it('with Continue on fail, returns an error item per bad item and profiles for the good ones', async () => {
		const { context, hints } = mockExecuteFunctions(
			csvParameters,
			itemsOf([
				{ customer_id: 'A', timestamp: '2024-01-01', amount: '10' },
				{ customer_id: 'A', timestamp: '2024-01-02', amount: '-3x' },
				{ timestamp: '2024-01-02', amount: '3' },
				{ customer_id: 'A', timestamp: '2024-01-02', amount: '3', event_type: 'teleport' },
				{ customer_id: 'A', timestamp: '2024-01-03', quantity: '-1', amount: '4' },
			]),
			{ continueOnFail: true },
		);
		const [output] = await node.execute.call(context);
		const errors = output.filter((item) => item.error);
		expect(errors.map((item) => item.pairedItem)).toEqual([{ item: 1 }, { item: 2 }, { item: 3 }]);
		expect(errors[2].json.error).toBe('Unknown event type "teleport" in field "event_type"');
		const profiles = output.filter((item) => !item.error);
		expect(profiles.map((item) => [item.json.customerId, item.json.revenue, item.json.refunds])).toEqual([['A', 6, 1]]);
		expect(hints).toEqual([]);
	});

	it('does not let user keys such as __proto__ reach any prototype', async () => {
		const hostile = JSON.parse('{"customer_id":"A","timestamp":"2024-01-01","amount":"1","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}');
		const { context } = mockExecuteFunctions({ ...csvParameters, options: { baseCurrency: 'USD', exchangeRates: '{"__proto__": 1, "EUR": 1.1}' } }, itemsOf([hostile]), { continueOnFail: true });
		const [output] = await node.execute.call(context).catch(() => [[]]);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(Object.prototype).not.toHaveProperty('polluted');
		expect(output).toBeDefined();
	});

	it('counts skipped items in an execution hint and in the optional run summary', async () => {
		const { context, hints } = mockExecuteFunctions(
			{ ...csvParameters, options: { missingIdentity: 'skip', includeRunSummary: true, refunds: 'ignore' } },
			itemsOf([
				{ customer_id: 'A', timestamp: '2024-01-01', amount: '10', event_id: 'e1' },
				{ customer_id: 'A', timestamp: '2024-01-01', amount: '10', event_id: 'e1' },
				{ timestamp: '2024-01-02', amount: '3' },
				{ customer_id: 'A', timestamp: '2024-01-03', event_type: 'refund', amount: '4' },
			]),
		);
		const [output] = await node.execute.call(context);
		const summary = output[output.length - 1].json;
		expect(summary).toMatchObject({ runSummary: true, itemsIn: 4, eventsSkipped: 3, skippedReasons: { duplicateEventId: 1, missingIdentity: 1, refundIgnored: 1 } });
		expect(hints[0].message).toContain('3 items were counted but not used');
	});
});
