/**
 * Messages on one channel (the weekly email newsletter, the monthly SMS) and each customer's responses, from
 * per-customer true response rates and a true best hour in local time.
 *
 *   sends: every `everyDays` days (email at 08:00, SMS at 10:00 UTC from the window's start, SMS 3 days later),
 *          to customers who consented at sign-up, signed up before the send and have not unsubscribed
 *   email: opened ~ Bernoulli(open rate_i); clicked | opened ~ Bernoulli(click given open_i)
 *   sms:   clicked ~ Bernoulli(click rate_i)
 *   response time: the next moment after the send at which the customer's local clock shows minute m, with
 *          m = bestHour_i:30 + 60 s z (z ~ N(0, 1), wrapped) with probability peakShare, else m ~ Uniform(07:00, 23:00);
 *          a click follows its open by 1-5 minutes
 *   unsubscribe ~ Bernoulli(unsubscribeRate) after each message, at its response time; no sends after it
 * Responses after the window's end are not observed (not emitted). The true channel response rate of a customer
 * (what Choose Channel estimates, responses = clicks) is open rate x click given open for email and the click
 * rate for SMS.
 * Reference: Choose Channel's model of send time (lib/channel/estimateBestHour: opens and clicks by local hour).
 *
 * Cost: O(customers x sends).
 * @example simulateMessages(options, people, 'email', deriveRandom(1, 'email')).counts[0] // { sent: 30, opened: 8, clicked: 2, unsubscribedAt: null }
 */
import { ZoneClock } from '../channel/ZoneClock';
import { sampleStandardNormal } from '../stats/sampleStandardNormal';
import type { RandomSource } from '../stats/seededRandom';
import { nextLocalTime } from './nextLocalTime';
import type { ResolvedShopOptions } from './resolveShopOptions';
import type { SimulatedPerson } from './simulateCustomers';
import type { ShopEvent } from './shopEvent';

// Globals read once: in vm sandboxes (Jest, n8n task runners) each global lookup is slow.
const { floor } = Math;

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

export type MessageChannel = 'email' | 'sms';

export interface MessageCounts {
	sent: number;
	opened: number;
	clicked: number;
	/** ms since epoch of the unsubscribe, or null. */
	unsubscribedAt: number | null;
}

export interface SimulatedMessages {
	channel: MessageChannel;
	events: ShopEvent[];
	/** Send instants of the channel's campaigns inside the window. */
	sendTimes: number[];
	/** One entry per person. */
	counts: MessageCounts[];
}

/** Local minute of the day at which a customer responds; see the file comment. */
export function drawResponseMinute(
	bestHour: number,
	settings: ResolvedShopOptions['sendTime'],
	random: RandomSource,
): number {
	if (random() < settings.peakShare) {
		const minute = floor(
			bestHour * 60 + 30 + settings.spreadHours * 60 * sampleStandardNormal(random),
		);
		return ((minute % 1440) + 1440) % 1440;
	}
	return 420 + floor(random() * 960);
}

export function simulateMessages(
	options: ResolvedShopOptions,
	people: ReadonlyArray<SimulatedPerson>,
	channel: MessageChannel,
	random: RandomSource,
): SimulatedMessages {
	const settings = channel === 'email' ? options.email : options.sms;
	const sendTimes: number[] = [];
	if (settings.everyDays > 0) {
		const first = options.startMillis + (channel === 'email' ? 8 * HOUR : 3 * DAY + 10 * HOUR);
		for (let time = first; time < options.endMillis; time += settings.everyDays * DAY)
			sendTimes.push(time);
	}
	const events: ShopEvent[] = [];
	const counts: MessageCounts[] = [];
	const sentType = channel === 'email' ? 'email_sent' : 'message_sent';
	const clickType = channel === 'email' ? 'email_clicked' : 'message_clicked';
	for (const person of people) {
		const count: MessageCounts = { sent: 0, opened: 0, clicked: 0, unsubscribedAt: null };
		counts.push(count);
		const consented = channel === 'email' ? person.consentEmail : person.consentSms;
		if (!consented || sendTimes.length === 0) continue;
		const clock = ZoneClock.of(person.timeZone) as ZoneClock;
		for (const sendTime of sendTimes) {
			if (sendTime <= person.signedUpAt) continue;
			events.push({ time: sendTime, person: person.index, type: sentType, channel });
			count.sent++;
			const responseAt = nextLocalTime(
				clock,
				sendTime,
				drawResponseMinute(person.bestHour, options.sendTime, random),
			);
			const seen = responseAt < options.endMillis;
			let clicked: boolean;
			if (channel === 'email') {
				const opened = random() < person.emailOpenRate;
				clicked = opened && random() < person.emailClickGivenOpen;
				if (opened && seen) {
					events.push({ time: responseAt, person: person.index, type: 'email_opened', channel });
					count.opened++;
				}
			} else {
				clicked = random() < person.smsClickRate;
			}
			const clickAt = responseAt + (channel === 'email' ? (1 + floor(random() * 5)) * MINUTE : 0);
			if (clicked && clickAt < options.endMillis) {
				events.push({ time: clickAt, person: person.index, type: clickType, channel });
				count.clicked++;
			}
			if (random() < settings.unsubscribeRate) {
				const at = clickAt + MINUTE;
				if (at < options.endMillis) {
					events.push({ time: at, person: person.index, type: 'unsubscribe', channel });
					count.unsubscribedAt = at;
				}
				break;
			}
		}
	}
	return { channel, events, sendTimes, counts };
}
