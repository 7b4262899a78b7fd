/**
 * An inbound SMS as Twilio posts it to a messaging webhook (n8n's Webhook node gives the form fields
 * under `body`; Twilio Trigger gives them at the top). Identity `From`, id `MessageSid` (else `SmsSid`).
 * Twilio's opt-out keywords (or its `OptOutType` with Advanced Opt-Out):
 *   STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT (and OPTOUT, REVOKE) -> unsubscribe (sms);
 *   START, YES, UNSTOP -> consent granted (sms); anything else -> other.
 * Twilio's webhook carries no date: the time is read from `timestamp`, `receivedAt`, `DateSent`,
 * `DateCreated` (or `date_sent`, `date_created` of the Messages resource). Set one with
 * `{{ $now.toISO() }}` in the Webhook flow; without one the item is refused, naming the fields.
 * Reference: https://www.twilio.com/docs/messaging/tutorials/advanced-opt-out
 *
 * Cost: O(length of the body).
 */
import { ownField } from '../../fieldValues';
import type { EventType } from '../schemas';
import type { FlatRecord, ReaderContext } from './sourceRecord';
import { compact, firstValue, plainText, requireTime } from './sourceRecord';

const OPT_OUT = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPTOUT', 'REVOKE']);
const OPT_IN = new Set(['START', 'YES', 'UNSTOP']);
const TIME_FIELDS = ['timestamp', 'receivedAt', 'DateSent', 'DateCreated', 'date_sent', 'date_created', 'dateSent', 'dateCreated'];

function paramsOf(record: Record<string, unknown>): Record<string, unknown> {
	const body = ownField(record, 'body');
	if (ownField(record, 'From') === undefined && body !== null && typeof body === 'object' && !Array.isArray(body)) {
		return { ...(body as Record<string, unknown>), ...pickTime(record) };
	}
	return record;
}

function pickTime(record: Record<string, unknown>): Record<string, unknown> {
	const time: Record<string, unknown> = {};
	for (const field of TIME_FIELDS) if (ownField(record, field) !== undefined) time[field] = ownField(record, field);
	return time;
}

/** The keyword of a reply: Twilio matches the whole trimmed body, case-insensitively. */
function keywordType(params: Record<string, unknown>): EventType {
	const optOutType = plainText(ownField(params, 'OptOutType'))?.toUpperCase();
	const keyword = (plainText(ownField(params, 'Body')) ?? '').toUpperCase().replace(/[.!]+$/, '');
	if (optOutType === 'STOP' || OPT_OUT.has(keyword)) return 'unsubscribe';
	if (optOutType === 'START' || OPT_IN.has(keyword)) return 'consent';
	return 'other';
}

export function readTwilioInboundSms(record: Record<string, unknown>, context: ReaderContext): FlatRecord {
	const params = paramsOf(record);
	const eventType = keywordType(params);
	return compact({
		phone: plainText(firstValue(params, ['From', 'from'])),
		eventId: plainText(firstValue(params, ['MessageSid', 'SmsSid', 'sid'])),
		timestamp: requireTime(params, TIME_FIELDS, context.itemIndex, 'Twilio message'),
		eventType,
		channel: 'sms',
		consentGranted: eventType === 'consent' ? true : undefined,
		country: plainText(ownField(params, 'FromCountry')),
	});
}
