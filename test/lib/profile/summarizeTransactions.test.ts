import { summarizeTransactions } from '../../../lib';
import { readCdnowSample, readCdnowSummary } from '../../support/sharedData';

describe('summarizeTransactions', () => {
	it('reproduces the small vector of references.md', () => {
		// references.md: purchases {1: 02-01, 02-06; 2: 01-01; 3: 01-01, 01-02, 01-05}, end 2015-02-07, days.
		const transactions = [
			{ customerId: '1', timestamp: '2015-02-01' },
			{ customerId: '1', timestamp: '2015-02-06' },
			{ customerId: '2', timestamp: '2015-01-01' },
			{ customerId: '3', timestamp: '2015-01-01' },
			{ customerId: '3', timestamp: '2015-01-02' },
			{ customerId: '3', timestamp: '2015-01-05' },
		];
		const summary = summarizeTransactions(transactions, { observationEnd: '2015-02-07', periodUnit: 'day' });
		expect(summary.map(({ customerId, frequency, recency, T }) => [customerId, frequency, recency, T])).toEqual([
			['1', 1, 5, 6],
			['2', 0, 0, 37],
			['3', 2, 4, 37],
		]);
	});

	it('groups purchases of one day, sums their value and excludes the first purchase from the monetary value', () => {
		const summary = summarizeTransactions(
			[
				{ customerId: 'a', timestamp: '2020-01-01T09:00:00Z', value: 10 },
				{ customerId: 'a', timestamp: '2020-01-03T08:00:00Z', value: 20 },
				{ customerId: 'a', timestamp: '2020-01-03T18:00:00Z', value: 5 },
				{ customerId: 'a', timestamp: '2020-01-08T10:00:00Z', value: 15 },
			],
			{ observationEnd: '2020-01-15', periodUnit: 'week' },
		);
		expect(summary).toEqual([{ customerId: 'a', frequency: 2, recency: 1, T: 2, monetaryValue: 20 }]);
	});

	it('leaves out transactions after the observation end and defaults the end to the latest transaction', () => {
		const transactions = [
			{ customerId: 'a', timestamp: '2020-01-01', value: 1 },
			{ customerId: 'a', timestamp: '2020-01-11', value: 1 },
		];
		expect(summarizeTransactions(transactions)[0]).toMatchObject({ frequency: 1, recency: 10, T: 10 });
		expect(summarizeTransactions(transactions, { observationEnd: '2020-01-05' })[0]).toMatchObject({ frequency: 0, recency: 0, T: 4 });
	});

	it('reproduces cdnow_customers_summary.csv for all 2,357 customers (days grouped, weeks reported, end 1997-09-30)', () => {
		const transactions = readCdnowSample().map((row) => ({ customerId: row.customerId, timestamp: row.date, value: row.dollars }));
		const summary = summarizeTransactions(transactions, { observationEnd: '1997-09-30', periodUnit: 'week' });
		const expected = readCdnowSummary();
		expect(summary).toHaveLength(2357);
		const byId = new Map(summary.map((row) => [row.customerId, row]));
		let matches = 0;
		for (const row of expected) {
			const ours = byId.get(row.id)!;
			if (ours.frequency === row.frequency && Math.round(ours.recency * 100) / 100 === row.recency && Math.round(ours.T * 100) / 100 === row.T) {
				matches++;
			}
		}
		expect(matches).toBe(2357);
	});

	it('names the transaction and the field of bad input', () => {
		expect(() => summarizeTransactions([{ customerId: 'a', timestamp: '2020-13-01' }])).toThrow(
			'summarizeTransactions requires a valid timestamp; transaction 0 has "2020-13-01"',
		);
		expect(() => summarizeTransactions([{ customerId: '', timestamp: '2020-01-01' }])).toThrow('requires a customerId');
		expect(() => summarizeTransactions([{ customerId: 'a', timestamp: '2020-01-01', value: Number.NaN }])).toThrow('finite numeric value');
		expect(() => summarizeTransactions([], { periodUnit: 'month' as never })).toThrow("periodUnit 'day' or 'week'");
	});
});
