/**
 * One SendGrid Event Webhook event (the JSON array SendGrid posts, split into items by n8n's Webhook
 * node, or read from `body`). Channel email, identity `email`, time `timestamp` (epoch seconds), id
 * `sg_event_id`:
 *   processed -> message_sent; delivered, deferred -> other (counted, not a second send);
 *   open -> message_opened (machine opens, `sg_machine_open: true`, are other);
 *   click -> message_clicked; bounce, dropped -> message_bounced;
 *   unsubscribe, group_unsubscribe, spamreport -> unsubscribe (a spam complaint suppresses email);
 *   group_resubscribe -> consent granted. Unknown events are other, never an error.
 * A group unsubscribe suppresses all email: fail closed, since the group is not known downstream.
 * Reference: https://www.twilio.com/docs/sendgrid/for-developers/tracking-events/event
 *
 * Cost: O(1).
 */
import { ownField } from '../../fieldValues';
import type { EventType } from '../schemas';
import type { FlatRecord, ReaderContext } from './sourceRecord';
import { compact, plainText, requireTime } from './sourceRecord';

const EVENT_TYPES: Record<string, EventType> = {
	processed: 'message_sent',
	open: 'message_opened',
	click: 'message_clicked',
	bounce: 'message_bounced',
	dropped: 'message_bounced',
	unsubscribe: 'unsubscribe',
	group_unsubscribe: 'unsubscribe',
	spamreport: 'unsubscribe',
	group_resubscribe: 'consent',
};

/** n8n's Webhook node puts a posted JSON body under `body`; a Split Out node gives the events themselves. */
function eventOf(record: Record<string, unknown>): Record<string, unknown> {
	const body = ownField(record, 'body');
	if (ownField(record, 'event') === undefined && body !== null && typeof body === 'object' && !Array.isArray(body)) {
		return body as Record<string, unknown>;
	}
	return record;
}

export function readSendGridEvent(record: Record<string, unknown>, context: ReaderContext): FlatRecord {
	const event = eventOf(record);
	const name = plainText(ownField(event, 'event'))?.toLowerCase() ?? '';
	let eventType: EventType = Object.prototype.hasOwnProperty.call(EVENT_TYPES, name) ? EVENT_TYPES[name] : 'other';
	if (name === 'open' && ownField(event, 'sg_machine_open') === true) eventType = 'other';
	return compact({
		email: plainText(ownField(event, 'email')),
		eventId: plainText(ownField(event, 'sg_event_id')),
		timestamp: requireTime(event, ['timestamp'], context.itemIndex, 'SendGrid event'),
		eventType,
		channel: 'email',
		consentGranted: eventType === 'consent' ? true : undefined,
	});
}
