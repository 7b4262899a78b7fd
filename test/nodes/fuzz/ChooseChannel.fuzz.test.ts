/**
 * Fuzz suite of Choose Channel: hostile profiles beside good ones, and suppression lists spelled every way.
 * Population-dependent fields (excluded from (b) only, and only while Fit Priors is on, the default): the
 * response-rate and send-hour priors are fitted on the whole batch, so the fields they feed may change
 * when other customers are added: channel, sendAt, propensity, choiceProbabilities, responseRates,
 * expectedValues, bestHour, bestHourEngagements, decisionReason. With Fit Priors off nothing is excluded.
 *
 * (d) reads suppression per channel with the vocabulary the issue asks for: case and outer spaces do not
 * matter; e-mail, mail, newsletter mean email; text, mobile mean sms; notification means push; all and *
 * mean every channel; a name nobody recognises, or a list that is not a list of names, suppresses every
 * channel. A suppressed customer may still get an error item: only a send counts.
 */
import fc from 'fast-check';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { BuildProfile } from '../../../nodes/BuildProfile/BuildProfile.node';
import { ChooseChannel } from '../../../nodes/ChooseChannel/ChooseChannel.node';
import { chooseChannelProperties } from '../../../nodes/ChooseChannel/properties';
import type { NodeFuzzCase, Row } from './support/fuzzHarness';
import { assertNoProblems, isRunLevelNodeError, checkGoodBesideBad, fuzzParameters, outcomeViolations, prototypeChanges, runNode, slotsArbitrary, snapshotPrototypes, TEST_TIMEOUT_MS } from './support/fuzzHarness';
import { channelSpelling, hostileValue, mutated, spelled } from './support/hostileValues';

const node = new ChooseChannel();
const NOW = '2025-03-10T05:00:00Z';
const NOW_MS = Date.parse(NOW);
const DAY = 86_400_000;
const DEFAULTS: Record<string, unknown> = Object.fromEntries(chooseChannelProperties.map((property) => [property.name, property.default]));
const OFFERED = ['email', 'sms', 'push'] as const;
const ZONES = ['Europe/Berlin', 'America/New_York', 'UTC', 'Asia/Kolkata', 'Australia/Adelaide'];
const PRIOR_FIELDS = ['channel', 'sendAt', 'propensity', 'choiceProbabilities', 'responseRates', 'expectedValues', 'bestHour', 'bestHourEngagements', 'decisionReason'] as const;
const PROFILE_FIELDS = [
	'customerId', 'profileId', 'email', 'phone', 'pushToken', 'addresses', 'timeZone', 'consent', 'consentEmail', 'consentSms', 'consentPush',
	'unsubscribed', 'complained', 'engagement', 'messageHistory', 'engagementHistory', 'segment', 'rfmSegment', 'campaign', 'campaignPriority',
	'emailSent', 'emailOpened', 'emailClicked', 'smsSent', 'smsClicked', 'pushSent', 'pushOpened',
];

const withTimezone = (context: IExecuteFunctions) => Object.assign(context, { getTimezone: () => 'UTC' });

function fuzzCase(options: Record<string, unknown>, populationFields: readonly string[]): NodeFuzzCase {
	return {
		setup: { node, parameters: { ...DEFAULTS, defaultTimeZone: 'UTC', now: NOW, options }, extend: withTimezone },
		populationFields,
		keyOf: (item) => (item.json.runSummary ? undefined : String(item.json.customerId)),
	};
}

// ---------- the oracle of (d) ----------

const ALIASES: Record<string, readonly string[]> = {
	email: ['email'], 'e-mail': ['email'], mail: ['email'], newsletter: ['email'],
	sms: ['sms'], text: ['sms'], mobile: ['sms'],
	push: ['push'], notification: ['push'],
	all: OFFERED, '*': OFFERED,
};

/** The channels a suppression field forbids: by name through the aliases; anything unreadable forbids them all. */
function forbiddenBy(value: unknown): Set<string> {
	if (value === undefined || value === null) return new Set();
	if (!Array.isArray(value)) return new Set(OFFERED);
	const forbidden = new Set<string>();
	for (const entry of value) {
		const name = typeof entry === 'string' ? entry.trim().toLowerCase() : undefined;
		const channels = name !== undefined && Object.prototype.hasOwnProperty.call(ALIASES, name) ? ALIASES[name] : OFFERED;
		for (const channel of channels) forbidden.add(channel);
	}
	return forbidden;
}

function sendsToSuppressed(output: INodeExecutionData[], rows: Row[]): string[] {
	const problems: string[] = [];
	for (const item of output) {
		if (item.error !== undefined || item.json.runSummary) continue;
		const source = (item.pairedItem as { item: number }).item;
		const row = rows[source];
		const forbidden = new Set([...forbiddenBy(row.unsubscribed), ...forbiddenBy(row.complained)]);
		const channel = item.json.channel;
		if (typeof channel === 'string' && channel !== 'none' && forbidden.has(channel)) {
			problems.push(`item ${source} is sent ${channel} although unsubscribed ${JSON.stringify(row.unsubscribed)} / complained ${JSON.stringify(row.complained)}`);
		}
	}
	return problems;
}

// ---------- generators ----------

const consentValue = fc.constantFrom<boolean | null>(true, true, false, null);

function goodProfile(index: number): fc.Arbitrary<Row> {
	return fc
		.record({
			zone: fc.constantFrom(...ZONES, null),
			consent: fc.tuple(consentValue, consentValue, consentValue),
			unsubscribed: fc.subarray([...OFFERED]),
			complained: fc.subarray([...OFFERED]),
			sent: fc.nat(20),
			opened: fc.nat(20),
			history: fc.array(fc.record({ channel: fc.constantFrom(...OFFERED), daysAgo: fc.integer({ min: 0, max: 60 }) }), { maxLength: 4 }),
			engaged: fc.array(fc.integer({ min: 1, max: 60 * 24 }), { maxLength: 5 }),
			segment: fc.constantFrom('Champions', 'At Risk', null),
		})
		.map(({ zone, consent, unsubscribed, complained, sent, opened, history, engaged, segment }) => ({
			customerId: `good-${index}`,
			email: `good-${index}@example.com`,
			phone: `+4915100000${index}`,
			pushToken: `token-${index}`,
			timeZone: zone,
			consent: Object.fromEntries(OFFERED.map((channel, k) => [channel, consent[k]])),
			consentEmail: consent[0],
			consentSms: consent[1],
			consentPush: consent[2],
			unsubscribed,
			complained,
			engagement: { email: { sent, opened: Math.min(opened, sent + 5), clicked: 0, bounced: 0 } },
			messageHistory: history.map((entry) => ({ channel: entry.channel, sentAt: new Date(NOW_MS - entry.daysAgo * DAY).toISOString() })),
			engagementHistory: engaged.map((hoursAgo) => new Date(NOW_MS - hoursAgo * 3_600_000).toISOString()),
			rfmSegment: segment,
		}));
}

const goodProfiles = fc.integer({ min: 1, max: 5 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => goodProfile(index))));

function badProfile(index: number): fc.Arbitrary<Row> {
	const base: Row = { customerId: `bad-${index}`, email: `bad-${index}@example.com`, consent: { email: true, sms: true, push: true }, consentEmail: true, phone: '+491510000099', pushToken: 't' };
	const channelValue = fc.oneof(hostileValue, fc.array(channelSpelling, { maxLength: 3 }), fc.dictionary(channelSpelling, hostileValue, { maxKeys: 3 }));
	return mutated(base, PROFILE_FIELDS, channelValue);
}
const badProfiles = fc.integer({ min: 1, max: 4 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => badProfile(index))));

/** A suppression field as CRMs give it: a list of names spelled any way, one name as text, or empty. */
const suppressionField = fc.oneof(
	{ weight: 6, arbitrary: fc.array(channelSpelling, { minLength: 1, maxLength: 3 }) },
	{ weight: 1, arbitrary: channelSpelling.filter((name) => name.trim() !== '') },
	{ weight: 1, arbitrary: fc.constantFrom<unknown>(null, undefined, [], { email: true }, 'email,sms', ['email', 7], [null]) },
);

/** A customer who may be sent anything: consent and a usable address on every channel. */
function reachable(index: number, unsubscribed: unknown, complained: unknown): Row {
	const row: Row = { customerId: `c${index}`, email: `c${index}@example.com`, phone: `+4915100${String(index).padStart(5, '0')}`, pushToken: `token-${index}`, timeZone: 'UTC', consent: { email: true, sms: true, push: true } };
	if (unsubscribed !== undefined) row.unsubscribed = unsubscribed;
	if (complained !== undefined) row.complained = complained;
	return row;
}

describe('Choose Channel fuzz (Continue on fail off and on)', () => {
	it('(a)(b)(c) hostile profiles beside good ones, Fit Priors off: node errors naming item and field, good decisions unchanged, prototypes clean (150 runs)', async () => {
		const pinned = fuzzCase({ fitPriors: false }, []);
		await fc.assert(
			fc.asyncProperty(goodProfiles, badProfiles, slotsArbitrary, async (good, bad, slots) => checkGoodBesideBad(pinned, good, bad, slots)),
			fuzzParameters(1311, 150),
		);
	}, TEST_TIMEOUT_MS);

	it('(a)(b)(c) the same with Fit Priors on: good decisions unchanged apart from the prior-fed fields (100 runs)', async () => {
		const fitted = fuzzCase({}, PRIOR_FIELDS);
		await fc.assert(
			fc.asyncProperty(goodProfiles, badProfiles, slotsArbitrary, async (good, bad, slots) => checkGoodBesideBad(fitted, good, bad, slots)),
			fuzzParameters(1312, 100),
		);
	}, TEST_TIMEOUT_MS);

	it('(d) no customer is ever sent on a channel an unsubscribe or complaint names, in any spelling; unknown names suppress every channel (400 runs)', async () => {
		const policy = fc.constantFrom('expectedValue', 'thompson', 'epsilonGreedy', 'priority');
		const customers = fc.array(fc.tuple(fc.option(suppressionField, { nil: undefined }), fc.option(suppressionField, { nil: undefined })), { minLength: 1, maxLength: 6 });
		await fc.assert(
			fc.asyncProperty(customers, policy, fc.boolean(), async (entries, chosenPolicy, continueOnFail) => {
				const before = snapshotPrototypes();
				const rows = entries.map(([unsubscribed, complained], index) => reachable(index, unsubscribed, complained));
				const setup = { node, parameters: { ...DEFAULTS, defaultTimeZone: 'UTC', now: NOW, policy: chosenPolicy, seed: 7, options: {} }, extend: withTimezone };
				const result = await runNode(setup, rows, continueOnFail);
				const problems = outcomeViolations(result, rows, continueOnFail);
				if (result.output) problems.push(...sendsToSuppressed(result.output, rows));
				problems.push(...prototypeChanges(before));
				assertNoProblems(problems);
			}),
			fuzzParameters(1313, 400),
		);
	}, TEST_TIMEOUT_MS);

	it('(a)(c) hostile Channels Offered and Frequency Caps (prototype names, aliases, odd text) stop the run with a node error naming the parameter, or decide; never crash (200 runs)', async () => {
		const name = fc.oneof(channelSpelling, fc.constantFrom('toString', 'constructor', '__proto__', 'valueOf', 'hasOwnProperty', 'whatsapp', 'EMAIL', ' sms '));
		// Mostly valid numbers, so that the names (not a bad number met first) decide most runs.
		const number = fc.oneof({ weight: 5, arbitrary: fc.double({ min: 0, max: 100, noNaN: true }) }, { weight: 1, arbitrary: fc.constantFrom(-1, 1e308, Number.NaN, Number.POSITIVE_INFINITY, 5e-324) });
		const channelRows = fc.array(fc.record({ name, valuePerResponse: number, costPerMessage: number }), { minLength: 1, maxLength: 4 });
		const capRows = fc.array(fc.record({ channel: fc.oneof(name, fc.constant('all')), maxMessages: fc.oneof({ weight: 5, arbitrary: fc.nat(5) }, { weight: 1, arbitrary: number }), windowDays: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 1, max: 30 }) }, { weight: 1, arbitrary: number }) }), { maxLength: 2 });
		await fc.assert(
			fc.asyncProperty(channelRows, capRows, fc.array(suppressionField, { minLength: 1, maxLength: 3 }), fc.boolean(), async (channels, caps, suppressions, continueOnFail) => {
				const before = snapshotPrototypes();
				const rows = suppressions.map((unsubscribed, index) => reachable(index, unsubscribed, undefined));
				const parameters = { ...DEFAULTS, defaultTimeZone: 'UTC', now: NOW, channels: { channel: channels }, frequencyCaps: { cap: caps }, options: {} };
				const result = await runNode({ node, parameters, extend: withTimezone }, rows, continueOnFail);
				// Parameters are not items: a bad one stops the run with a NodeOperationError, which need not name an item.
				const parameterError = isRunLevelNodeError(result.failure);
				const problems = parameterError ? [] : outcomeViolations(result, rows, continueOnFail);
				if (result.output) problems.push(...sendsToSuppressed(result.output, rows));
				assertNoProblems([...problems, ...prototypeChanges(before)]);
			}),
			fuzzParameters(1315, 200),
		);
	}, TEST_TIMEOUT_MS);

	it('(d) end to end: consent then a later unsubscribe, both with channels spelled any way, through Build Profile; never sent on the unsubscribed channel (200 runs)', async () => {
		const buildProfile = new BuildProfile();
		const word = (channel: string) => fc.constantFrom(...Object.keys(ALIASES).filter((name) => ALIASES[name].length === 1 && ALIASES[name][0] === channel)).chain(spelled);
		const customer = fc.record({
			consented: fc.subarray([...OFFERED], { minLength: 1 }).chain((channels) => fc.tuple(...channels.map((channel) => word(channel)))),
			unsubscribedFrom: channelSpelling.filter((name) => name.trim() !== ''),
			unsubscribeType: fc.constantFrom('unsubscribe', 'unsubscribed').chain(spelled),
		});
		await fc.assert(
			fc.asyncProperty(fc.array(customer, { minLength: 1, maxLength: 4 }), async (customers) => {
				const before = snapshotPrototypes();
				const events: Row[] = [];
				customers.forEach(({ consented, unsubscribedFrom, unsubscribeType }, k) => {
					const id = { customer_id: `c${k}`, email: `c${k}@example.com`, phone: `+4915100000${k}` };
					for (const channel of consented) events.push({ ...id, timestamp: '2025-01-01T00:00:00Z', event_type: 'consent', channel, consent_granted: 'true' });
					events.push({ ...id, timestamp: '2025-02-01T00:00:00Z', event_type: unsubscribeType, channel: unsubscribedFrom });
				});
				const problems: string[] = [];
				const built = await runNode({ node: buildProfile, parameters: { source: 'csvRows', periodUnit: 'day', options: { observationEnd: '2025-03-01T00:00:00Z' } } }, events, true);
				problems.push(...outcomeViolations(built, events, true).map((problem) => `Build Profile: ${problem}`));
				const profiles = (built.output ?? []).filter((item) => item.error === undefined).map((item) => ({ ...item.json, pushToken: `token-${String(item.json.customerId)}` }));
				const chosen = await runNode(fuzzCase({}, []).setup, profiles, true);
				problems.push(...outcomeViolations(chosen, profiles, true).map((problem) => `Choose Channel: ${problem}`));
				for (const item of chosen.output ?? []) {
					if (item.error !== undefined) continue;
					const k = Number(String(item.json.customerId).slice(1));
					const forbidden = forbiddenBy([customers[k].unsubscribedFrom]);
					if (forbidden.has(String(item.json.channel))) {
						problems.push(`customer c${k} unsubscribed with channel ${JSON.stringify(customers[k].unsubscribedFrom)} and is sent ${String(item.json.channel)} (profile unsubscribed ${JSON.stringify(item.json.unsubscribed)})`);
					}
				}
				problems.push(...prototypeChanges(before));
				assertNoProblems(problems);
			}),
			fuzzParameters(1314, 200),
		);
	}, TEST_TIMEOUT_MS);
});
