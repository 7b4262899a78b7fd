/**
 * Stored profiles (lib) on UCI Online Retail: the weekly update of the last week's orders into the stored rows of
 * every earlier customer, against a full rebuild; state size per customer and how many customers fit in n8n's
 * default Data table limit (200 MB); the whole file folded day by day, checked against the one-shot build.
 */
import type { CustomerProfile, LifecycleEvent, StoredProfileRow } from '../../lib';
import { buildProfiles, updateStoredProfiles } from '../../lib';
import { onlineRetailEvents } from '../support/onlineRetailEvents';
import { readOnlineRetail } from '../support/sharedData';
import { report, time } from './report';

const DAY = 86_400_000;
const DATA_TABLE_LIMIT_BYTES = 200 * 1024 * 1024;

function profilesText(profiles: CustomerProfile[]): string {
	const sorted = [...profiles].sort((a, b) => (a.profileId < b.profileId ? -1 : 1));
	return JSON.stringify(sorted.map((profile) => ({ ...profile, sourceIndexes: [] })));
}

function quantile(sorted: number[], q: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

const { events } = onlineRetailEvents(readOnlineRetail());
const latest = events.reduce((largest, event) => Math.max(largest, event.timestamp), Number.NEGATIVE_INFINITY);
const lastWeekStart = latest - 7 * DAY;
const earlier = events.filter((event) => event.timestamp < lastWeekStart);
const lastWeek = events.filter((event) => event.timestamp >= lastWeekStart);

const stored = updateStoredProfiles([], earlier).rows;
const rowsAsRead = stored.map((row) => JSON.parse(JSON.stringify(row)) as StoredProfileRow);
const incremental = time(() => updateStoredProfiles(rowsAsRead, lastWeek), { repeats: 3 });
const full = time(() => buildProfiles(events), { repeats: 3 });
const oneShotById = new Map(full.result.profiles.map((profile) => [profile.profileId, profile]));
const touchedEqual = incremental.result.profiles.every((profile) => JSON.stringify({ ...profile, sourceIndexes: [] }) === JSON.stringify({ ...oneShotById.get(profile.profileId), sourceIndexes: [] }));
report('profile.storedProfiles.onlineRetail.lastWeekUpdate', lastWeek.length, incremental.ms, {
	storedRows: rowsAsRead.length,
	customersTouched: incremental.result.profiles.length,
	fullRebuildMs: full.ms,
	fullRebuildEvents: events.length,
	touchedEqualOneShot: touchedEqual,
});

const finalRows = updateStoredProfiles([], events).rows;
const rowBytes = finalRows.map((row) => Buffer.byteLength(JSON.stringify(row))).sort((a, b) => a - b);
const stateBytes = finalRows.map((row) => Buffer.byteLength(row.state)).sort((a, b) => a - b);
const meanRowBytes = rowBytes.reduce((total, bytes) => total + bytes, 0) / rowBytes.length;
report('profile.storedProfiles.onlineRetail.stateSize', finalRows.length, 0, {
	stateBytesMedian: quantile(stateBytes, 0.5),
	stateBytesP99: quantile(stateBytes, 0.99),
	stateBytesMax: stateBytes[stateBytes.length - 1],
	rowBytesMedian: quantile(rowBytes, 0.5),
	rowBytesMean: Math.round(meanRowBytes),
	customersIn200MbDataTables: Math.floor(DATA_TABLE_LIMIT_BYTES / meanRowBytes),
	note: 'Online Retail customers average 124 invoice lines each; every line is kept in the state',
});

const days = new Map<number, LifecycleEvent[]>();
for (const event of events) {
	const day = Math.floor(event.timestamp / DAY);
	const batch = days.get(day);
	if (batch) batch.push(event);
	else days.set(day, [event]);
}
const daily = time(
	() => {
		const table = new Map<string, StoredProfileRow>();
		for (const day of [...days.keys()].sort((a, b) => a - b)) {
			const result = updateStoredProfiles([...table.values()], days.get(day)!);
			for (const id of result.retiredProfileIds) table.delete(id);
			for (const row of result.rows) table.set(row.profileId, JSON.parse(JSON.stringify(row)) as StoredProfileRow);
		}
		return updateStoredProfiles([...table.values()], [], { everyCustomer: true });
	},
	{ repeats: 1, warmUp: false },
);
report('profile.storedProfiles.onlineRetail.foldDaily', events.length, daily.ms, {
	days: days.size,
	msPerDay: Math.round(daily.ms / days.size),
	equalOneShot: profilesText(daily.result.profiles) === profilesText(full.result.profiles),
});
