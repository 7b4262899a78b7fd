/**
 * How Build Profile reads the shop's event rows: the "CSV Rows" source preset (customer_id, email, timestamp,
 * event_type, amount, quantity, currency, order_id, event_id, product_id, product_title, channel) plus the columns
 * that preset leaves out: consent_granted, phone, and the contact attributes first_name, last_name, country and
 * time_zone. In the Build Profile node this is the Custom Mapping source with those fields; in lib it is the
 * mapping to pass to mapRecordToEvent.
 * Reference: lib/profile/sourcePresets.ts (PRESET_MAPPINGS.csvRows).
 *
 * Cost: O(1).
 * @example mapRecordToEvent(shop.events[0], SHOP_EVENT_MAPPING, 0).attributes // { firstName: 'Isla', ..., timeZone: 'Europe/London' } on identify rows
 */
import type { SourceMapping } from '../profile/sourcePresets';
import { PRESET_MAPPINGS } from '../profile/sourcePresets';

export const SHOP_EVENT_MAPPING: SourceMapping = {
	...PRESET_MAPPINGS.csvRows,
	phone: 'phone',
	consentGranted: 'consent_granted',
	attributes: {
		firstName: 'first_name',
		lastName: 'last_name',
		country: 'country',
		timeZone: 'time_zone',
	},
};
