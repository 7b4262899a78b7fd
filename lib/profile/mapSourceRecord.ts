/**
 * Map one n8n item of a source to a canonical event: a preset with a reader (HubSpot, Shopify,
 * WooCommerce, Stripe, SendGrid, Mailchimp, Twilio) first turns the provider's shape into a flat
 * record, which mapRecordToEvent then checks like any other; an order snapshot keeps its update time
 * for resolveOrderSnapshots. mapRecordToEvent applies the reader itself (so no caller can skip it); this
 * name says what the node does with each item.
 * Readers give amounts in major units already, so the "Amount Is" option does not apply to them.
 *
 * Cost: O(fields + line items).
 * @example mapSourceRecord(shopifyOrder, PRESET_MAPPINGS.shopifyOrders, 0)?.value // current_total_price
 */
import type { MapOptions } from './mapRecordToEvent';
import { mapRecordToEvent } from './mapRecordToEvent';
import type { LifecycleEvent } from './schemas';
import type { SourceMapping } from './sourcePresets';

export function mapSourceRecord(record: unknown, mapping: SourceMapping, itemIndex: number, options: MapOptions = {}): LifecycleEvent | undefined {
	return mapRecordToEvent(record, mapping, itemIndex, options);
}
