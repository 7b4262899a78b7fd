/**
 * A Mailchimp list member (n8n's Mailchimp node, Member > Get / Get Many; API 3.0 list members):
 * identity `email_address`, time `last_changed` (else `timestamp_opt`, `timestamp_signup`), name from
 * `merge_fields.FNAME/LNAME`, country and time zone from `location`. Status:
 *   subscribed -> consent granted (email); unsubscribed -> unsubscribe (email);
 *   cleaned (address bounced for good) -> message_bounced and email consent withdrawn, so nothing is sent;
 *   pending, transactional, archived -> identify (no consent decided).
 * Reference: https://mailchimp.com/developer/marketing/api/list-members/
 *
 * Cost: O(1).
 */
import { ownField } from '../../fieldValues';
import { readPath } from '../mapRecordToEvent';
import type { EventType } from '../schemas';
import type { FlatRecord, ReaderContext } from './sourceRecord';
import { compact, plainText, requireTime } from './sourceRecord';

const STATUS_TYPES: Record<string, EventType> = {
	subscribed: 'consent',
	unsubscribed: 'unsubscribe',
	cleaned: 'message_bounced',
};

export function readMailchimpMember(record: Record<string, unknown>, context: ReaderContext): FlatRecord {
	const status = plainText(ownField(record, 'status'))?.toLowerCase() ?? '';
	const eventType: EventType = Object.prototype.hasOwnProperty.call(STATUS_TYPES, status) ? STATUS_TYPES[status] : 'identify';
	return compact({
		email: plainText(ownField(record, 'email_address')),
		timestamp: requireTime(record, ['last_changed', 'timestamp_opt', 'timestamp_signup'], context.itemIndex, 'Mailchimp member'),
		eventType,
		channel: 'email',
		consentGranted: eventType === 'consent' ? true : undefined,
		consentEmail: status === 'cleaned' ? false : undefined,
		firstName: plainText(readPath(record, 'merge_fields.FNAME')),
		lastName: plainText(readPath(record, 'merge_fields.LNAME')),
		country: plainText(readPath(record, 'location.country_code')),
		timeZone: plainText(readPath(record, 'location.timezone')),
	});
}
