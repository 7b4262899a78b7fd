/**
 * Stored profiles updated batch by batch give exactly the profiles of a one-shot build over every event (issue 14):
 * for random streams cut into random batches in any order, and for CDNOW master folded week by week.
 */
import fc from 'fast-check';
import type { BuildProfilesOptions, LifecycleEvent, StoredProfileRow } from '../../../lib';
import { buildProfiles, PROFILE_STATE_VERSION, STORED_PROFILE_COLUMNS, updateStoredProfiles } from '../../../lib';
import { DAY, eventStreams, profilesText, shuffled, START } from '../../support/profileStreams';
import { readProjectFile } from '../../support/projectFiles';
import { readCdnowMaster } from '../../support/sharedData';

/** A table as n8n's Data table node keeps it: rows by profileId, written and read back as JSON. */
function foldBatches(batches: LifecycleEvent[][], options: BuildProfilesOptions = {}) {
	const table = new Map<string, StoredProfileRow>();
	for (const batch of batches) {
		const result = updateStoredProfiles([...table.values()], batch, options);
		for (const id of result.retiredProfileIds) table.delete(id);
		for (const row of result.rows) table.set(row.profileId, JSON.parse(JSON.stringify(row)) as StoredProfileRow);
	}
	return { table, read: updateStoredProfiles([...table.values()], [], { ...options, everyCustomer: true }) };
}

const streamArbitrary = eventStreams({ maxLength: 50, scopeIdsToOwner: true });

/** The stream shuffled (keys give each event a place) and cut before the positions in `cuts`. */
function batchesOf(events: LifecycleEvent[], keys: number[], cuts: number[]): LifecycleEvent[][] {
	const reordered = shuffled(events, keys);
	const positions = [...new Set(cuts.map((cut) => cut % (reordered.length + 1)))].sort((a, b) => a - b);
	const batches: LifecycleEvent[][] = [];
	let from = 0;
	for (const position of [...positions, reordered.length]) {
		batches.push(reordered.slice(from, position));
		from = position;
	}
	return batches;
}

describe('updateStoredProfiles folds batches into exactly the one-shot profiles', () => {
	it.each<[string, BuildProfilesOptions]>([
		['defaults', {}],
		['weeks, converted currencies, a history of 2', { periodUnit: 'week', currency: { mode: 'convert', baseCurrency: 'USD', rates: { EUR: 1.1 } }, defaultCurrency: 'USD', historyLimit: 2 }],
		['an observation end that refuses later events', { observationEnd: START + 15 * DAY }],
		['refunds and zero-value purchases ignored, no deduplication', { refunds: 'ignore', zeroValuePurchases: 'ignore', dedupeByEventId: false }],
	])('with %s: any stream, cut anywhere, in any order (fast-check, 300 runs)', (_name, options) => {
		fc.assert(
			fc.property(
				streamArbitrary,
				fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 1, maxLength: 50 }),
				fc.array(fc.nat(), { maxLength: 8 }),
				(events, keys, cuts) => {
					const oneShot = buildProfiles(events, options);
					const { read } = foldBatches(batchesOf(events, keys, cuts), options);
					expect(profilesText(read.profiles)).toBe(profilesText(oneShot.profiles));
				},
			),
			{ numRuns: 300 },
		);
	});

	const event = (fields: Partial<LifecycleEvent> & Pick<LifecycleEvent, 'type'>, day: number, sourceIndex = 0) =>
		({ timestamp: START + day * DAY, sourceIndex, ...fields }) as LifecycleEvent;

	it('merges two stored halves when the link arrives later, and names the retired row', () => {
		const week1 = [event({ anonymousId: 'cookie-1', type: 'view', productId: 'P1' }, 0), event({ customerId: 'C1', type: 'purchase', value: 10, orderId: 'O1' }, 1, 1)];
		const first = updateStoredProfiles([], week1);
		expect(first.rows.map((row) => row.profileId).sort()).toEqual(['C1', 'anonymous:cookie-1']);
		const second = updateStoredProfiles(first.rows, [event({ customerId: 'C1', anonymousId: 'cookie-1', type: 'identify' }, 2)]);
		expect(second.retiredProfileIds).toEqual(['anonymous:cookie-1']);
		expect(second.profiles).toHaveLength(1);
		expect(second.profiles[0]).toMatchObject({ profileId: 'C1', anonymousIds: ['cookie-1'], productsViewed: ['P1'], orders: 1 });
	});

	it('gives an email back to the customer whose earlier link arrives late (and counts the conflict)', () => {
		const first = updateStoredProfiles([], [event({ customerId: 'C2', email: 'x@example.com', type: 'identify' }, 5), event({ email: 'x@example.com', type: 'message_opened' }, 6, 1)]);
		const second = updateStoredProfiles(first.rows, [event({ customerId: 'C1', email: 'x@example.com', type: 'identify' }, 1)]);
		const byId = Object.fromEntries(second.profiles.map((profile) => [profile.profileId, profile]));
		expect([byId.C1.email, byId.C1.emailOpened, byId.C2.email, second.summary.identityConflicts]).toEqual(['x@example.com', 1, null, 1]);
	});

	it('counts a re-delivered event once and a refund after its purchase, across batches', () => {
		const sale = event({ customerId: 'C1', type: 'purchase', value: 50, orderId: 'O1', eventId: 'E1' }, 1);
		const first = updateStoredProfiles([], [sale]);
		const second = updateStoredProfiles(first.rows, [sale, event({ customerId: 'C1', type: 'refund', value: 20, orderId: 'O1' }, 3, 1)]);
		expect(second.profiles[0]).toMatchObject({ orders: 1, revenue: 30, refundedAmount: 20, skippedReasons: { duplicateEventId: 1 } });
		expect(second.rows[0].state).toContain('"copies":2');
	});

	it('keeps the latest consent when it changes back and forth across batches, withdrawal winning a tie', () => {
		const consent = (granted: boolean, day: number) => event({ customerId: 'C1', type: 'consent', channel: 'email', consentGranted: granted }, day);
		const batches = [[consent(true, 1)], [consent(false, 4)], [consent(true, 2), consent(true, 4)]];
		const { read } = foldBatches(batches);
		expect(read.profiles[0].consentEmail).toBe(false);
	});

	it('rebuilds only the rows the new events touch and ranks RFM among all stored customers', () => {
		const week1 = ['C1', 'C2', 'C3', 'C4', 'C5'].map((customerId, i) => event({ customerId, type: 'purchase', value: 10 * (i + 1), orderId: `O${i}` }, i, i));
		const first = updateStoredProfiles([], week1);
		const second = updateStoredProfiles(first.rows, [event({ customerId: 'C1', type: 'purchase', value: 500, orderId: 'O9' }, 9)]);
		expect(second.summary.storedRowsRebuilt).toBe(1);
		expect(second.profiles.map((profile) => profile.profileId)).toEqual(['C1']);
		const oneShot = buildProfiles([...week1, event({ customerId: 'C1', type: 'purchase', value: 500, orderId: 'O9' }, 9, 5)]).profiles.find((p) => p.profileId === 'C1');
		expect(second.profiles[0]).toMatchObject({ rfmScore: oneShot?.rfmScore, rfmSegment: oneShot?.rfmSegment, T: oneShot?.T });
	});

	it('writes rows whose fields are exactly the documented columns, with a versioned state', () => {
		const { rows } = updateStoredProfiles([], [event({ customerId: 'C1', email: 'a@example.com', type: 'purchase', value: 5 }, 0)]);
		expect(Object.keys(rows[0]).sort()).toEqual(STORED_PROFILE_COLUMNS.map((column) => column.name).sort());
		expect(JSON.parse(rows[0].state).version).toBe(PROFILE_STATE_VERSION);
		expect(JSON.parse(rows[0].identityKeys)).toEqual(['c:C1', 'e:a@example.com']);
	});

	it('documents every column with its type in docs/stored-profiles.md', () => {
		const page = readProjectFile('docs/stored-profiles.md');
		for (const { name, type } of STORED_PROFILE_COLUMNS) expect(page).toContain(`| \`${name}\` | ${type} |`);
	});

	it.each<[string, (row: StoredProfileRow) => Record<string, unknown>, string]>([
		['a state of another version', (row) => ({ ...row, state: row.state.replace('"version":1', '"version":2') }), 'state has version 2'],
		['a state that is not JSON', (row) => ({ ...row, state: '{oops' }), 'state is not the JSON text'],
		['a state with an invalid event', (row) => ({ ...row, state: '{"version":1,"events":[{"type":"purchase"}]}' }), 'state holds an event that is not valid'],
		['identity keys that are not a list', (row) => ({ ...row, identityKeys: 'C1' }), 'identityKeys is not a JSON list'],
		['no profileId', (row) => ({ ...row, profileId: '' }), 'profileId is missing'],
	])('refuses a stored row with %s, naming the row, and changes nothing', (_name, corrupt, message) => {
		const { rows } = updateStoredProfiles([], [event({ customerId: 'C1', type: 'purchase', value: 5 }, 0)]);
		expect(() => updateStoredProfiles([corrupt(rows[0])], [event({ customerId: 'C1', type: 'view' }, 1)])).toThrow(`Stored profile row 0: ${message}`);
	});

	it('refuses to drop stored events that a changed setting would refuse', () => {
		const { rows } = updateStoredProfiles([], [event({ customerId: 'C1', type: 'purchase', value: 5, currency: 'EUR' }, 0)], { currency: { mode: 'convert', baseCurrency: 'USD', rates: { EUR: 1.1 } } });
		expect(() =>
			updateStoredProfiles(rows, [event({ customerId: 'C1', type: 'view' }, 1)], { currency: { mode: 'convert', baseCurrency: 'USD', rates: {} } }),
		).toThrow('A stored event would be refused');
	});
});

describe('updateStoredProfiles on CDNOW master', () => {
	it('folds 78 weekly batches into the one-shot profiles of all 23,570 customers, byte for byte', () => {
		const rows = readCdnowMaster();
		const events = rows.map((row, i) => ({ customerId: row.customerId, type: 'purchase' as const, value: row.dollars, timestamp: Date.parse(row.date), sourceIndex: i }));
		const options: BuildProfilesOptions = { periodUnit: 'week' };
		const first = Math.min(...events.map((e) => e.timestamp));
		const weekOf = (time: number) => Math.floor((time - first) / (7 * DAY));
		const batches: LifecycleEvent[][] = [];
		for (const e of events) (batches[weekOf(e.timestamp)] ??= []).push(e);
		expect(batches.length).toBe(78);
		const { read, table } = foldBatches(batches.map((batch) => batch ?? []), options);
		const oneShot = buildProfiles(events, options);
		expect(oneShot.profiles).toHaveLength(23_570);
		expect(table.size).toBe(23_570);
		expect(profilesText(read.profiles)).toBe(profilesText(oneShot.profiles));
	});
});
