/**
 * How Build Profile reads the shop's event rows: exactly the "CSV Rows" source preset (customer_id, email,
 * phone, timestamp, event_type, amount, quantity, currency, order_id, event_id, product_id, product_title,
 * channel, consent_granted, first_name, last_name, country, time_zone), kept under this name for the simulator.
 * Reference: lib/profile/sourcePresets.ts (PRESET_MAPPINGS.csvRows).
 *
 * Cost: O(1).
 * @example mapRecordToEvent(shop.events[0], SHOP_EVENT_MAPPING, 0).attributes // { firstName: 'Isla', ..., timeZone: 'Europe/London' } on identify rows
 */
import type { SourceMapping } from '../profile/sourcePresets';
import { PRESET_MAPPINGS } from '../profile/sourcePresets';

export const SHOP_EVENT_MAPPING: SourceMapping = PRESET_MAPPINGS.csvRows;
