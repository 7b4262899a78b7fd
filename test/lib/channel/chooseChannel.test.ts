import type { ChannelProfile, ChooseChannelOptions } from '../../../lib/channel';
import { chooseChannel, chooseChannels, fitChannelPriors, resolveChannelOptions } from '../../../lib/channel';
import { LifecycleInputError } from '../../../lib/errors';
import type { LifecycleEvent } from '../../../lib/profile';
import { buildProfiles } from '../../../lib/profile';

const NOW = '2025-03-10T05:00:00Z'; // Monday 06:00 in Berlin, 01:00 in New York
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function profile(overrides: Record<string, unknown> = {}): ChannelProfile {
	return {
		customerId: 'c1',
		email: 'ada@example.com',
		phone: '+49 151 2345678',
		pushToken: 'token-1',
		timeZone: 'Europe/Berlin',
		consent: { email: true, sms: true, push: true },
		...overrides,
	} as ChannelProfile;
}

describe('chooseChannel: output', () => {
	it('sends at 10:00 local (the default hour) with an ISO offset in the customer zone', () => {
		const decision = chooseChannel(profile({ consent: { email: true } }), { now: NOW });
		expect(decision).toMatchObject({
			customerId: 'c1',
			channel: 'email',
			sendAt: '2025-03-10T10:00:00.000+01:00',
			timeZone: 'Europe/Berlin',
			timeZoneSource: 'profile',
			eligibleChannels: ['email'],
			blockedChannels: { sms: 'no consent recorded', push: 'no consent recorded' },
			suppressed: false,
			suppressionCode: null,
			suppressionReason: null,
			policy: 'expectedValue',
			propensity: 1,
			bestHour: 10,
		});
		expect(decision.decisionReason).toContain('response rate 5% = Beta(1, 19) from 0 of 0 sends');
		expect(decision.decisionReason).toContain('send 2025-03-10 10:00 Europe/Berlin');
	});

	it('aims at the hour of the customer own opens and clicks, in local time', () => {
		const engagementHistory = [1, 2, 3, 4, 5, 6].map((day) => ({ engagedAt: Date.UTC(2025, 2, day, 18, 20) })); // 19:20 Berlin (CET)
		const decision = chooseChannel(profile({ consent: { email: true }, engagementHistory }), { now: NOW });
		expect(decision.sendAt).toBe('2025-03-10T19:00:00.000+01:00');
		expect(decision.bestHour).toBe(19);
		expect(decision.decisionReason).toContain('best hour 19 from 6 engagements');
	});

	it('sends now when now is inside the best hour, and right after quiet hours without optimisation', () => {
		const engagementHistory = [1, 2, 3, 4, 5].map((day) => Date.UTC(2025, 2, day, 14, 5));
		const inSlot = chooseChannel(profile({ consent: { email: true }, engagementHistory }), { now: '2025-03-10T14:25:00Z' });
		expect(inSlot.sendAt).toBe('2025-03-10T15:25:00.000+01:00');
		const plain = chooseChannel(profile({ consent: { email: true } }), { now: NOW, sendTime: { optimize: false } });
		expect(plain.sendAt).toBe('2025-03-10T08:00:00.000+01:00');
		expect(plain.bestHour).toBeNull();
	});

	it('uses the default zone when the profile has none, and says so', () => {
		const decision = chooseChannel(profile({ timeZone: null, consent: { email: true } }), { now: NOW, defaultTimeZone: 'America/New_York' });
		expect(decision.timeZone).toBe('America/New_York');
		expect(decision.timeZoneSource).toBe('default');
		expect(decision.sendAt).toBe('2025-03-10T10:00:00.000-04:00');
		expect(decision.decisionReason).toContain('(default zone)');
	});

	it('gives the same decision for raw and resolved options', () => {
		const options: ChooseChannelOptions = { now: NOW, policy: 'thompson', seed: 3 };
		expect(chooseChannel(profile(), resolveChannelOptions(options))).toEqual(chooseChannel(profile(), options));
	});
});

describe('chooseChannel: consent is a hard rule', () => {
	it.each([
		['missing', {}],
		['null', { email: null }],
		['false', { email: false }],
	])('does not send on %s consent', (_, consent) => {
		const decision = chooseChannel(profile({ consent, phone: null, pushToken: null }), { now: NOW });
		expect(decision.channel).toBe('none');
		expect(decision.suppressed).toBe(true);
		expect(decision.suppressionCode).toBe('no_eligible_channel');
		expect(decision.sendAt).toBeNull();
		expect(decision.propensity).toBe(1);
		expect(decision.suppressionReason).toMatch(/^no eligible channel \(email: (no consent recorded|consent withdrawn)/);
	});

	it('never picks a channel without consent, whatever the policy, seed or evidence for it', () => {
		const tempting = profile({
			consent: { email: true, sms: null },
			consentPush: false,
			engagement: {
				email: { sent: 100, opened: 1, clicked: 0, bounced: 0, lastSentAt: null, lastEngagedAt: null },
				sms: { sent: 100, opened: 90, clicked: 90, bounced: 0, lastSentAt: null, lastEngagedAt: null },
				push: { sent: 100, opened: 95, clicked: 95, bounced: 0, lastSentAt: null, lastEngagedAt: null },
			},
		});
		for (const policy of ['expectedValue', 'thompson', 'epsilonGreedy', 'priority'] as const) {
			for (let seed = 0; seed < 50; seed++) {
				const decision = chooseChannel(tempting, { now: NOW, policy, seed, epsilon: 1, priority: ['sms', 'push', 'email'], propensityDraws: 10 });
				expect(decision.channel).toBe('email');
				expect(decision.eligibleChannels).toEqual(['email']);
			}
		}
	});

	it.each([
		['consent.email', { consent: { email: 'yes' } }, '"yes"'],
		['consent.email', { consent: { email: 1 } }, '1'],
		['consent.sms', { consent: { sms: 'true' } }, '"true"'],
		['consentPush', { consentPush: 'granted' }, '"granted"'],
	])('throws on a malformed consent value in %s', (field, overrides, got) => {
		expect(() => chooseChannel(profile(overrides), { now: NOW })).toThrow(
			`chooseChannel requires ${field} to be true, false or empty (unknown); got ${got}: map consent to a boolean before this step; unknown consent is never treated as consent`,
		);
	});

	it('throws when the consent record and the flat field disagree, and when consent is not an object', () => {
		expect(() => chooseChannel(profile({ consent: { email: true }, consentEmail: false }), { now: NOW })).toThrow(
			'chooseChannel requires consent.email and consentEmail to agree',
		);
		expect(() => chooseChannel(profile({ consent: 'all' }), { now: NOW })).toThrow('chooseChannel requires consent to be an object of channel -> true/false; got "all"');
	});
});

describe('chooseChannel: addresses and suppression', () => {
	it('needs a usable address per channel', () => {
		const decision = chooseChannel(profile({ email: 'not-an-email', phone: '123', pushToken: ' ' }), { now: NOW });
		expect(decision.blockedChannels).toEqual({ email: 'no usable email address', sms: 'no usable phone number', push: 'no usable push token' });
		expect(() => chooseChannel(profile({ phone: 4915112345678 }), { now: NOW })).toThrow('chooseChannel requires phone to be a string or empty; got 4915112345678');
	});

	it('suppresses unsubscribed, complained and bounced channels even with consent', () => {
		const decision = chooseChannel(
			profile({
				unsubscribed: ['email'],
				complained: ['sms'],
				engagement: { push: { sent: 3, opened: 0, clicked: 0, bounced: 1, lastSentAt: null, lastEngagedAt: null } },
			}),
			{ now: NOW },
		);
		expect(decision.channel).toBe('none');
		expect(decision.blockedChannels).toEqual({ email: 'unsubscribed from email', sms: 'complained about sms (spam report)', push: '1 push bounce' });
		expect(chooseChannel(profile({ unsubscribed: ['all'] }), { now: NOW }).channel).toBe('none');
		const tolerant = chooseChannel(profile({ consent: { push: true }, engagement: { push: { sent: 3, bounced: 1 } } }), { now: NOW, suppressAfterBounces: 2 });
		expect(tolerant.channel).toBe('push');
	});
});

describe('chooseChannel: frequency caps', () => {
	const caps = [{ channel: 'email', max: 2, windowDays: 7 }];

	it('blocks a capped channel, says when it frees, and takes the next one', () => {
		const messageHistory = [
			{ channel: 'email', sentAt: '2025-03-05T09:00:00Z' },
			{ channel: 'email', sentAt: Date.parse('2025-03-08T09:00:00Z') },
		];
		const decision = chooseChannel(profile({ messageHistory, consent: { email: true, push: true } }), { now: NOW, caps });
		expect(decision.channel).toBe('push');
		expect(decision.blockedChannels.email).toBe('cap 2 email messages per 7 days reached (2 in the window, frees 2025-03-12T10:00:00.000+01:00)');
		const none = chooseChannel(profile({ messageHistory, consent: { email: true } }), { now: NOW, caps });
		expect(none.suppressionCode).toBe('frequency_cap');
		expect(none.suppressionReason).toContain('every eligible channel is capped or blocked (email: cap 2 email messages per 7 days reached');
	});

	it('counts the window at sendAt, not at now: a message aging out overnight does not block the morning send', () => {
		// now 22:30 Berlin (quiet); last email 21 h before now; 1 email per 24 h; send at 10:00 next morning.
		const options = { now: '2025-03-10T21:30:00Z', caps: [{ channel: 'email', max: 1, windowHours: 24 }] };
		const decision = chooseChannel(profile({ consent: { email: true }, messageHistory: [{ channel: 'email', sentAt: '2025-03-10T00:30:00Z' }] }), options);
		expect(decision.sendAt).toBe('2025-03-11T10:00:00.000+01:00');
		expect(decision.channel).toBe('email');
	});

	it('without messageHistory counts sends at lastSentAt as an upper bound (never exceeds a cap for lack of dates)', () => {
		const engagement = { email: { sent: 5, opened: 1, clicked: 1, bounced: 0, lastSentAt: '2025-03-09T08:00:00Z', lastEngagedAt: null } };
		const decision = chooseChannel(profile({ consent: { email: true }, engagement }), { now: NOW, caps });
		expect(decision.channel).toBe('none');
		expect(decision.suppressionCode).toBe('frequency_cap');
		const old = { email: { ...engagement.email, lastSentAt: '2025-02-01T08:00:00Z' } };
		expect(chooseChannel(profile({ consent: { email: true }, engagement: old }), { now: NOW, caps }).channel).toBe('email');
	});

	it('counts caps exactly and learns the send hour from a Build Profile profile (messageHistory, engagementHistory)', () => {
		const event = (type: LifecycleEvent['type'], iso: string, sourceIndex: number, consentGranted?: boolean): LifecycleEvent => ({
			customerId: 'c1',
			email: 'ada@example.com',
			channel: 'email',
			type,
			timestamp: Date.parse(iso),
			sourceIndex,
			...(consentGranted === undefined ? {} : { consentGranted }),
		});
		const events = [
			event('consent', '2025-01-01T09:00:00Z', 0, true),
			// Two sends long ago (outside the window) and one this week: exactly 1 in the window, so not capped.
			event('message_sent', '2025-02-01T09:00:00Z', 1),
			event('message_sent', '2025-02-02T09:00:00Z', 2),
			event('message_sent', '2025-03-08T09:00:00Z', 3),
			...[1, 2, 3, 4, 5, 6].map((day) => event('message_opened', `2025-02-0${day}T18:10:00Z`, 3 + day)),
		];
		const [built] = buildProfiles(events).profiles;
		const decision = chooseChannel({ ...built, timeZone: 'Europe/Berlin' }, { now: NOW, caps });
		expect(decision.channel).toBe('email');
		expect(decision.decisionReason).not.toContain('upper bound');
		// 18:10 UTC is 19:10 in Berlin in February: six opens in the 19:00 hour.
		expect(decision.bestHour).toBe(19);
		// Without the histories the three sends would all count at the last one and hit the cap.
		const { messageHistory, engagementHistory, ...countsOnly } = built;
		expect([messageHistory.length, engagementHistory.length]).toEqual([3, 6]);
		expect(chooseChannel({ ...countsOnly, timeZone: 'Europe/Berlin' }, { now: NOW, caps }).suppressionCode).toBe('frequency_cap');
	});

	it('reads numeric history timestamps as parseTimestamp does: below 1e11 they are seconds', () => {
		// 1741510800 s = 2025-03-09T09:00:00Z, inside the 7-day window; read as ms it would be January 1970.
		const messageHistory = [
			{ channel: 'email', sentAt: 1741510800 },
			{ channel: 'email', sentAt: 1741510800 * 1000 },
		];
		expect(chooseChannel(profile({ consent: { email: true }, messageHistory }), { now: NOW, caps }).suppressionCode).toBe('frequency_cap');
	});

	it('refuses negative, fractional or windowless caps with a clear error', () => {
		expect(() => chooseChannel(profile(), { now: NOW, caps: [{ max: -1, windowDays: 7 }] })).toThrow(
			'chooseChannel requires caps[0].max to be a whole number of messages, 0 or more (0 blocks the channel); got -1',
		);
		expect(() => chooseChannel(profile(), { now: NOW, caps: [{ max: 1.5, windowDays: 7 }] })).toThrow('caps[0].max to be a whole number');
		expect(() => chooseChannel(profile(), { now: NOW, caps: [{ max: 1 }] })).toThrow('chooseChannel requires caps[0] to have exactly one of windowHours or windowDays');
		expect(() => chooseChannel(profile(), { now: NOW, caps: [{ max: 1, windowHours: -2 }] })).toThrow('chooseChannel requires caps[0].windowHours to be a positive number of hours; got -2');
		expect(() => chooseChannel(profile(), { now: NOW, caps: [{ channel: 'fax', max: 1, windowDays: 1 }] })).toThrow(
			'chooseChannel requires caps[0].channel to be a configured channel (email, sms, push) or empty for all; got "fax"',
		);
	});
});

describe('chooseChannel: bad input is an error, never a guess', () => {
	it('rejects unknown time zones in the profile and in the options', () => {
		expect(() => chooseChannel(profile({ timeZone: 'Mars/Base' }), { now: NOW })).toThrow(
			'chooseChannel requires timeZone to be a known IANA time zone such as "Europe/Berlin"; got "Mars/Base": correct it, or leave it empty to use defaultTimeZone',
		);
		expect(() => chooseChannel(profile(), { now: NOW, defaultTimeZone: 'CEST' })).toThrow(
			'chooseChannel requires defaultTimeZone to be a known IANA time zone such as "Europe/Berlin"; got "CEST"',
		);
	});

	it('rejects history after now and unreadable timestamps, naming the entry', () => {
		expect(() => chooseChannel(profile({ messageHistory: [{ channel: 'sms', sentAt: '2025-03-10T05:00:01Z' }] }), { now: NOW })).toThrow(
			'chooseChannel requires messageHistory[0].sentAt to be at or before now (2025-03-10T05:00:00.000Z); got "2025-03-10T05:00:01Z": history cannot be in the future',
		);
		expect(() => chooseChannel(profile({ engagementHistory: [Date.parse(NOW), Date.parse(NOW) + DAY] }), { now: NOW })).toThrow(
			'chooseChannel requires engagementHistory[1] to be at or before now',
		);
		expect(() => chooseChannel(profile({ messageHistory: [{ channel: 'sms', sentAt: '03/04/2025' }] }), { now: NOW })).toThrow(
			'chooseChannel requires messageHistory[0].sentAt to be a timestamp (ms since epoch or ISO 8601); got "03/04/2025"',
		);
		expect(() => chooseChannel(profile({ engagement: { email: { sent: -1 } } }), { now: NOW })).toThrow(
			'chooseChannel requires engagement.email.sent to be a whole number, 0 or more; got -1',
		);
	});

	it('rejects a missing or unreadable now and malformed settings', () => {
		expect(() => chooseChannel(profile(), {} as ChooseChannelOptions)).toThrow('chooseChannel requires now to be given as ms since epoch or ISO 8601; got nothing');
		expect(() => chooseChannel(profile(), { now: 'yesterday' })).toThrow('chooseChannel requires now as ms since epoch or an ISO 8601 instant');
		expect(() => chooseChannel(profile(), { now: NOW, quietHours: { start: '25:00', end: '08:00' } })).toThrow("chooseChannel requires quietHours.start to be a local time 'HH:MM'");
		expect(() => chooseChannel(profile(), { now: NOW, epsilon: 2 })).toThrow('chooseChannel requires epsilon to be a probability from 0 to 1; got 2');
		expect(() => chooseChannel(profile(), { now: NOW, policy: 'random' as never })).toThrow('chooseChannel requires policy to be one of expectedValue, thompson, epsilonGreedy, priority');
		expect(() => chooseChannel(profile(), { now: NOW, priority: ['fax'] })).toThrow('chooseChannel requires priority to name configured channels (email, sms, push); got "fax"');
		expect(() => chooseChannel(profile(), { now: NOW, allowedDays: [] })).toThrow('chooseChannel requires allowedDays to list at least one weekday');
		expect(() => chooseChannel(profile(), { now: NOW, channels: ['email', 'email'] })).toThrow('chooseChannel requires each channel once in channels; "email" appears twice');
	});

	it('throws LifecycleInputError with field and hint for profile problems', () => {
		let caught: unknown;
		try {
			chooseChannel(profile({ timeZone: 'Mars/Base' }), { now: NOW });
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(LifecycleInputError);
		expect((caught as LifecycleInputError).field).toBe('timeZone');
		expect((caught as LifecycleInputError).hint).toBe('correct it, or leave it empty to use defaultTimeZone');
	});
});

describe('chooseChannel: policies and propensities', () => {
	const engagement = {
		email: { sent: 40, opened: 10, clicked: 2, bounced: 0, lastSentAt: null, lastEngagedAt: null },
		sms: { sent: 20, opened: 0, clicked: 4, bounced: 0, lastSentAt: null, lastEngagedAt: null },
	};
	const base = profile({ consent: { email: true, sms: true }, engagement });

	it('expected value weighs response rate against cost per message', () => {
		expect(chooseChannel(base, { now: NOW }).channel).toBe('sms');
		const costly = chooseChannel(base, { now: NOW, channels: ['email', { name: 'sms', costPerMessage: 0.1 }, 'push'] });
		expect(costly.channel).toBe('email');
		// Beta(1 + 4, 19 + 20 - 4): mean 5 / 40.
		expect(costly.expectedValues.sms).toBeCloseTo(5 / 40 - 0.1, 12);
		const unprofitable = chooseChannel(base, { now: NOW, channels: ['email', { name: 'sms', costPerMessage: 0.2 }], minimumExpectedValue: 0.06 });
		expect(unprofitable.suppressionCode).toBe('below_minimum_value');
	});

	it('fixed priority follows the given order', () => {
		expect(chooseChannel(base, { now: NOW, policy: 'priority', priority: ['email', 'sms', 'push'] }).channel).toBe('email');
	});

	it('thompson is reproducible from the seed and logs probabilities that sum to 1', () => {
		const first = chooseChannel(base, { now: NOW, policy: 'thompson', seed: 5 });
		expect(chooseChannel(base, { now: NOW, policy: 'thompson', seed: 5 })).toEqual(first);
		const total = Object.values(first.choiceProbabilities).reduce((sum, p) => sum + p, 0);
		expect(total).toBeCloseTo(1, 12);
		expect(first.propensity).toBe(first.choiceProbabilities[first.channel]);
		expect(first.decisionReason).toContain('Thompson sampling, sampled value');
		const picks = new Set<string>();
		for (let seed = 0; seed < 40; seed++) picks.add(chooseChannel(base, { now: NOW, policy: 'thompson', seed, propensityDraws: 1 }).channel);
		expect([...picks].sort()).toEqual(['email', 'sms']);
	});

	it('uses priors fitted on a population when given', () => {
		const population = Array.from({ length: 40 }, (_, i) =>
			profile({ customerId: `p${i}`, engagement: { email: { sent: 20, clicked: i % 4, opened: 0, bounced: 0 } } }),
		);
		const priors = fitChannelPriors(population, { now: NOW });
		expect(priors.responseFit.email).toEqual({ customers: 40, fitted: true });
		const decision = chooseChannel(profile({ consent: { email: true } }), { now: NOW, priors });
		expect(decision.responseRates.email).toBeCloseTo(priors.response.email.alpha / (priors.response.email.alpha + priors.response.email.beta), 12);
	});
});

describe('chooseChannels: batches and competing campaigns', () => {
	const options: ChooseChannelOptions = {
		now: NOW,
		policy: 'thompson',
		seed: 11,
		propensityDraws: 50,
		campaigns: [
			{ name: 'welcome', priority: 1 },
			{ name: 'promo', priority: 5, channels: ['sms'] },
		],
	};

	it('gives the customer to the higher-priority campaign and tells the loser why', () => {
		const result = chooseChannels([profile({ campaign: 'welcome' }), profile({ campaign: 'promo' })], options);
		expect(result.decisions.map((decision) => [decision.campaign, decision.channel])).toEqual([
			['welcome', 'none'],
			['promo', 'sms'],
		]);
		expect(result.decisions[0].suppressionCode).toBe('lost_to_campaign');
		expect(result.decisions[0].suppressionReason).toBe(`this customer's 1 message for this run went to higher-priority campaign "promo" (priority 5, item 1)`);
		expect(result.summary).toMatchObject({ items: 2, decided: 2, customers: 1, sent: 1, byChannel: { sms: 1 }, bySuppression: { lost_to_campaign: 1 } });
	});

	it('with several messages per run, counts the planned ones against the caps', () => {
		const result = chooseChannels([profile({ campaign: 'welcome' }), profile({ campaign: 'promo' })], {
			...options,
			maxMessagesPerRun: 2,
			caps: [{ max: 1, windowDays: 1 }],
		});
		expect(result.decisions[1].channel).toBe('sms');
		expect(result.decisions[0].channel).toBe('none');
		expect(result.decisions[0].suppressionCode).toBe('frequency_cap');
		expect(result.decisions[0].suppressionReason).toContain('counting 1 planned in this run');
	});

	it('does not depend on the order of the items (per-customer random streams)', () => {
		const profiles = Array.from({ length: 60 }, (_, i) =>
			profile({
				customerId: `c${i % 30}`,
				campaign: i < 30 ? 'welcome' : 'promo',
				engagement: { email: { sent: 10, clicked: i % 3, opened: 0, bounced: 0 }, sms: { sent: 10, clicked: i % 2, opened: 0, bounced: 0 } },
			}),
		);
		const forward = chooseChannels(profiles, { ...options, maxMessagesPerRun: 2 });
		const order = profiles.map((_, i) => (i * 37) % profiles.length);
		const shuffled = chooseChannels(
			order.map((i) => profiles[i]),
			{ ...options, maxMessagesPerRun: 2 },
		);
		const byItem = new Map(shuffled.decisions.map((decision) => [order[decision.itemIndex], decision]));
		for (const decision of forward.decisions) {
			const other = byItem.get(decision.itemIndex) as (typeof shuffled.decisions)[number];
			expect([other.channel, other.sendAt, other.propensity]).toEqual([decision.channel, decision.sendAt, decision.propensity]);
		}
	});

	it('throws on the first bad item by default, or collects it and decides the rest', () => {
		const profiles = [profile(), profile({ customerId: 'c2', timeZone: 'Mars/Base' }), profile({ customerId: 'c3' })];
		expect(() => chooseChannels(profiles, { now: NOW })).toThrow('chooseChannels requires timeZone to be a known IANA time zone such as "Europe/Berlin"; got "Mars/Base" (item 1)');
		const collected = chooseChannels(profiles, { now: NOW, onInvalid: 'collect' });
		expect(collected.decisions.map((decision) => decision.itemIndex)).toEqual([0, 2]);
		expect(collected.issues).toHaveLength(1);
		expect(collected.issues[0]).toMatchObject({ itemIndex: 1, field: 'timeZone' });
		expect(collected.summary.invalid).toBe(1);
	});
});
