/**
 * Online Retail folded day by day into stored profiles gives the one-shot profiles byte for byte (issue 14):
 * 541,909 invoice lines with cancellations, returns and zero prices, as the raw file has them.
 */
import type { LifecycleEvent, StoredProfileRow } from '../../../lib';
import { buildProfiles, updateStoredProfiles } from '../../../lib';
import { onlineRetailEvents } from '../../support/onlineRetailEvents';
import { profilesText } from '../../support/profileStreams';
import { readOnlineRetail } from '../../support/sharedData';

describe('updateStoredProfiles on Online Retail', () => {
	it('folds every day of the raw file into the one-shot profiles of all customers, byte for byte', () => {
		const { events } = onlineRetailEvents(readOnlineRetail());
		const days = new Map<number, LifecycleEvent[]>();
		for (const event of events) {
			const day = Math.floor(event.timestamp / 86_400_000);
			const batch = days.get(day);
			if (batch) batch.push(event);
			else days.set(day, [event]);
		}
		const table = new Map<string, StoredProfileRow>();
		let largestState = 0;
		for (const day of [...days.keys()].sort((a, b) => a - b)) {
			const result = updateStoredProfiles([...table.values()], days.get(day)!);
			for (const id of result.retiredProfileIds) table.delete(id);
			for (const row of result.rows) {
				table.set(row.profileId, JSON.parse(JSON.stringify(row)) as StoredProfileRow);
				largestState = Math.max(largestState, row.state.length);
			}
		}
		const read = updateStoredProfiles([...table.values()], [], { everyCustomer: true });
		const oneShot = buildProfiles(events);
		expect(days.size).toBe(305);
		expect(oneShot.profiles).toHaveLength(4372);
		expect(read.profiles).toHaveLength(4372);
		expect(profilesText(read.profiles)).toBe(profilesText(oneShot.profiles));
		expect(largestState).toBeLessThan(10_000_000);
	});
});
