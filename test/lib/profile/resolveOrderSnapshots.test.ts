import type { LifecycleEvent } from '../../../lib';
import { buildProfiles, resolveOrderSnapshots } from '../../../lib';

const at = (iso: string) => Date.parse(iso);
function snapshot(index: number, fields: Partial<LifecycleEvent>): LifecycleEvent {
	return { customerId: 'C1', orderId: 'O1', type: 'purchase', timestamp: at('2024-01-01T10:00:00Z'), sourceIndex: index, ...fields };
}

describe('resolveOrderSnapshots', () => {
	it('supersedes every snapshot of an order but the one updated last', () => {
		const events = [
			snapshot(0, { value: 100, orderUpdatedAt: at('2024-01-01T10:00:00Z') }),
			snapshot(1, { type: 'other', orderUpdatedAt: at('2024-01-05T10:00:00Z') }),
			snapshot(2, { value: 60, orderUpdatedAt: at('2024-01-03T10:00:00Z') }),
		];
		expect([...resolveOrderSnapshots(events)].sort()).toEqual([0, 2]);
	});

	it('at an equal update time the state that sells less wins (refunds follow sales), among identical ones the first', () => {
		const time = at('2024-01-01T10:00:00Z');
		expect([...resolveOrderSnapshots([snapshot(0, { value: 100, orderUpdatedAt: time }), snapshot(1, { value: 40, orderUpdatedAt: time })])]).toEqual([0]);
		expect([...resolveOrderSnapshots([snapshot(0, { value: 100, orderUpdatedAt: time }), snapshot(1, { value: 100, orderUpdatedAt: time })])]).toEqual([1]);
	});

	it('leaves events without an update time or an order id alone', () => {
		expect(resolveOrderSnapshots([snapshot(0, { value: 1 }), snapshot(1, { value: 2 }), snapshot(2, { orderId: undefined, orderUpdatedAt: 5 })]).size).toBe(0);
	});

	it('buildProfiles counts what the customer finally bought: a sale later cancelled leaves no order and no BTYD purchase', () => {
		const events = [
			snapshot(0, { value: 100, orderUpdatedAt: at('2024-01-01T10:00:00Z') }),
			snapshot(1, { orderId: 'O2', value: 50, timestamp: at('2024-02-01T10:00:00Z'), orderUpdatedAt: at('2024-02-01T10:00:00Z') }),
			snapshot(2, { type: 'other', orderUpdatedAt: at('2024-03-01T10:00:00Z') }),
		];
		const { profiles, summary } = buildProfiles(events, { observationEnd: '2024-03-01' });
		expect(profiles[0]).toMatchObject({ orders: 1, revenue: 50, frequency: 0, firstPurchaseAt: '2024-02-01T10:00:00.000Z' });
		expect(summary.skippedReasons).toEqual({ supersededSnapshot: 1 });
	});
});
