/**
 * Suppression fails closed: every spelling of a channel in unsubscribed or complained blocks it, 'all' and any
 * name nobody recognises block every channel (and the reason says so), prototype names never crash.
 */
import type { ChannelProfile } from '../../../lib/channel';
import { chooseChannel, chooseChannels } from '../../../lib/channel';
import { buildProfiles, mapRecordToEvent, PRESET_MAPPINGS } from '../../../lib/profile';
import { seededRandom } from '../../../lib/stats/seededRandom';
import { checkBatch, emptyViolations, randomBatch } from './randomChannelCases';

const NOW = '2025-03-10T05:00:00Z';

function consented(overrides: Record<string, unknown> = {}): ChannelProfile {
	return {
		customerId: 'c1',
		email: 'ada@example.com',
		phone: '+49 151 2345678',
		pushToken: 'token-1',
		timeZone: 'Europe/Berlin',
		consent: { email: true, sms: true, push: true },
		consentEmail: true,
		...overrides,
	} as ChannelProfile;
}

const EMAIL_SPELLINGS = ['Email', 'EMAIL', ' email ', 'e-mail', 'E-Mail', 'mail', 'newsletter', 'Newsletter'];
const EVERY_SPELLING = ['ALL', 'All', 'all', '*'];

describe('Choose Channel suppression vocabulary', () => {
	it.each(['unsubscribed', 'complained'])('never emails a customer whose %s list spells email in any known way', (list) => {
		for (const spelling of EMAIL_SPELLINGS) {
			const decision = chooseChannel(consented({ consent: { email: true }, [list]: [spelling] }), { now: NOW });
			expect({ spelling, channel: decision.channel }).toEqual({ spelling, channel: 'none' });
			expect(decision.blockedChannels.email).toMatch(list === 'unsubscribed' ? /unsubscribed from email/ : /complained about email/);
		}
	});

	it.each(['unsubscribed', 'complained'])('never sends on any channel when %s says all in any spelling', (list) => {
		for (const spelling of EVERY_SPELLING) {
			const decision = chooseChannel(consented({ [list]: [spelling] }), { now: NOW });
			expect({ spelling, channel: decision.channel }).toEqual({ spelling, channel: 'none' });
		}
	});

	it('suppresses every channel for a channel nobody recognises and says so in the decision reason', () => {
		const decision = chooseChannel(consented({ unsubscribed: ['Fax'] }), { now: NOW });
		expect(decision.channel).toBe('none');
		expect(decision.decisionReason).toMatch(/unrecognised channel "Fax"/);
		expect(decision.decisionReason).toMatch(/every channel is suppressed/);
		const complaint = chooseChannel(consented({ complained: ['carrier pigeon'] }), { now: NOW });
		expect(complaint.channel).toBe('none');
		expect(complaint.decisionReason).toMatch(/complained about unrecognised channel "carrier pigeon"/);
	});

	it('still sends on the other channels when one known channel is suppressed', () => {
		const decision = chooseChannel(consented({ unsubscribed: ['E-Mail'] }), { now: NOW, policy: 'priority' });
		expect(decision.channel).toBe('sms');
	});

	it('reads the user aliases of the channelAliases option', () => {
		const withoutAlias = chooseChannel(consented({ unsubscribed: ['Courriel'] }), { now: NOW });
		expect(withoutAlias.decisionReason).toMatch(/unrecognised/);
		const withAlias = chooseChannel(consented({ unsubscribed: ['Courriel'] }), { now: NOW, policy: 'priority', channelAliases: [{ alias: 'courriel', channel: 'email' }] });
		expect(withAlias.channel).toBe('sms');
		expect(withAlias.blockedChannels.email).toBe('unsubscribed from email');
		expect(() => chooseChannel(consented(), { now: NOW, channelAliases: [{ alias: '', channel: 'email' }] })).toThrow(/channelAliases\[0\]/);
	});

	it.each(['toString', '__proto__', 'constructor', 'hasOwnProperty', 'valueOf'])('never crashes on the channel name %j in lists, consent, history or options', (name) => {
		const profile = consented({ unsubscribed: [name], complained: [name], consent: { email: true, [name]: true }, messageHistory: [{ channel: name, sentAt: 0 }], segment: name });
		const result = chooseChannels([profile, consented({ customerId: 'c2', segment: name })], { now: NOW, onInvalid: 'collect' });
		expect(result.issues).toEqual([]);
		expect(result.decisions[0].channel).toBe('none');
		expect(result.decisions[0].decisionReason).toMatch(/unrecognised/);
		expect(result.decisions[1].channel).not.toBe('none');
		const configured = chooseChannels([profile], { now: NOW, channels: ['email', name], caps: [{ max: 1, windowDays: 1, channel: name }], onInvalid: 'collect' });
		expect(configured.issues).toEqual([]);
		expect(configured.decisions[0].channel).toBe('email');
		expect(Object.prototype).not.toHaveProperty('polluted');
	});
});

describe('Build Profile to Choose Channel, end to end', () => {
	it('a consent on "email" then an unsubscribe on "E-Mail" withdraws email and Choose Channel does not send', () => {
		const rows = [
			{ customer_id: 'C', email: 'c@example.com', timestamp: '2024-01-01', event_type: 'consent', channel: 'email', consent_granted: 'true' },
			{ customer_id: 'C', timestamp: '2024-01-02', event_type: 'unsubscribe', channel: 'E-Mail' },
		];
		const events = rows.map((row, i) => mapRecordToEvent(row, PRESET_MAPPINGS.csvRows, i)!);
		const { profiles } = buildProfiles(events);
		expect(profiles[0]).toMatchObject({ consentEmail: false, unsubscribed: ['email'] });
		const decision = chooseChannel({ ...profiles[0], timeZone: 'UTC' } as ChannelProfile, { now: '2024-01-03T12:00:00Z' });
		expect(decision.channel).toBe('none');
	});
});

describe('Choose Channel invariants with randomly spelled suppression entries (small; the bench runs 1M)', () => {
	it('20,000 random decisions: no send on a suppressed channel, whatever the spelling, aliases on or off', () => {
		const random = seededRandom(1313);
		const violations = emptyViolations();
		let listed = 0;
		for (let batchNumber = 0; batchNumber < 10; batchNumber++) {
			const batch = randomBatch(random, 2000, { spelledSuppressions: true });
			checkBatch(batch, chooseChannels(batch.profiles, batch.options).decisions, violations);
			listed += batch.profiles.filter((profile) => profile.unsubscribed || profile.complained).length;
		}
		expect(violations.messages).toEqual([]);
		expect(violations).toMatchObject({ checked: 20_000, suppression: 0, consent: 0, address: 0, cap: 0, quietHours: 0 });
		expect(listed).toBeGreaterThan(4000);
		expect(violations.sends).toBeGreaterThan(2000);
	}, 120_000);
});
