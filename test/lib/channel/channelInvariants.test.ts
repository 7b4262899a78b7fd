/**
 * One million random decisions, zero that break consent, a cap or quiet hours.
 *
 * Batches of random customers (randomChannelCases.ts): zones with DST changes (New York, Berlin, Sydney,
 * Lord Howe, St John's), Kolkata and UTC, `now` near a DST change in 60 % of batches; random consent in
 * every accepted shape (true, false, null, missing; record or flat field), addresses, unsubscribes,
 * complaints, bounces, message and engagement histories, 0-3 caps per batch (per channel or across
 * channels, 1 hour to 14 days, max 0-5), quiet hours (often around 00:00-04:00 where DST changes happen),
 * allowed days, per-channel quiet hours, all four policies, competing campaigns with channel lists and
 * 1-3 messages per customer per run. Every decision is checked by independent code (Intl for local time,
 * plain loops for rolling windows): consent, address, suppression, campaign channel, quiet hours, allowed
 * day, the offset written in sendAt, sendAt >= now, caps, messages per run, propensities.
 */
import { chooseChannels } from '../../../lib/channel';
import { seededRandom } from '../../../lib/stats/seededRandom';
import { checkBatch, emptyViolations, randomBatch } from './randomChannelCases';

const DECISIONS = 1_000_000;
const BATCH = 2000;

describe('Choose Channel invariants over 1M random decisions', () => {
	it('never breaks consent, suppression, a frequency cap, quiet hours or allowed days, DST changes included', () => {
		const random = seededRandom(20250310);
		const violations = emptyViolations();
		for (let decided = 0; decided < DECISIONS; decided += BATCH) {
			const batch = randomBatch(random, BATCH);
			const result = chooseChannels(batch.profiles, batch.options);
			checkBatch(batch, result.decisions, violations);
		}
		expect(violations.messages).toEqual([]);
		expect(violations).toMatchObject({
			consent: 0,
			address: 0,
			suppression: 0,
			campaignChannel: 0,
			quietHours: 0,
			allowedDay: 0,
			offset: 0,
			beforeNow: 0,
			cap: 0,
			perRun: 0,
			propensity: 0,
		});
		expect(violations.checked).toBe(DECISIONS);
		// The random settings must leave plenty of sends to check (about a third of the decisions).
		expect(violations.sends).toBeGreaterThan(DECISIONS / 5);
	}, 240_000);
});
