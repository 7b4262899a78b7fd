/**
 * The preset readers on hostile or malformed records: every outcome is an event, a skip, or a
 * LifecycleInputError naming the item; never a TypeError, never a polluted prototype.
 */
import type { SourcePreset } from '../../../lib';
import { LifecycleInputError, mapSourceRecord, presetMapping, SOURCE_PRESETS } from '../../../lib';

const READER_PRESETS = SOURCE_PRESETS.filter((source) => source !== 'csvRows' && source !== 'custom') as SourcePreset[];

const hostile: unknown[] = [
	{},
	JSON.parse('{"__proto__": {"polluted": true}, "id": 1, "created_at": "2024-01-01", "email": "a@b.co"}'),
	{ id: 1, properties: [], associations: 'x', refunds: {}, line_items: 'none', created_at: '2024-01-01', email: 'a@b.co' },
	{ id: { nested: true }, 'identity-profiles': [null, 1, { identities: [null, { type: 'EMAIL', value: 3 }] }], addedAt: 1700000000000 },
	{ dealId: 5, properties: { dealstage: { value: ['closedwon'] }, createdate: { value: 'not a date' } }, associations: { associatedVids: [null, {}] } },
	{ id: 'ch_1', created: 1700000000, currency: 'jpy', amount: 'lots', status: 'succeeded', receipt_email: 'a@b.co' },
	{ event: 'open', email: 'a@b.co', timestamp: 'soon' },
	{ body: [1, 2, 3], From: undefined },
	{ status: 'constructor', email_address: 'a@b.co', last_changed: '2024-01-01' },
	{ From: '+15550000000', Body: { toString: 'STOP' }, timestamp: '2024-01-01' },
];

describe('source preset readers on hostile records', () => {
	it.each(READER_PRESETS)('%s: an event, a skip or a LifecycleInputError for every record', (source) => {
		const mapping = presetMapping(source)!;
		hostile.forEach((record, index) => {
			for (const missingIdentity of ['error', 'skip'] as const) {
				try {
					mapSourceRecord(record, mapping, index, { missingIdentity });
				} catch (error) {
					expect(error).toBeInstanceOf(LifecycleInputError);
					expect((error as LifecycleInputError).itemIndex).toBe(index);
				}
			}
		});
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('an unknown preset name gives no mapping instead of reading the prototype', () => {
		expect(presetMapping('constructor' as SourcePreset)).toBeUndefined();
		expect(presetMapping('__proto__' as SourcePreset)).toBeUndefined();
	});
});
