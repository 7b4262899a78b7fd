/** Online Retail invoice lines as canonical events, mapped the way Build Profile's node maps CSV rows. */
import type { LifecycleEvent, SourceMapping } from '../../lib';
import { mapRecordToEvent } from '../../lib';
import type { OnlineRetailLine } from './sharedData';

/** Online Retail columns -> canonical fields; the value is UnitPrice x Quantity. */
export const ONLINE_RETAIL_MAPPING: SourceMapping = {
	customerId: 'customerId',
	orderId: 'invoiceNo',
	timestamp: 'invoiceDate',
	fixedType: 'purchase',
	value: 'unitPrice',
	valueIs: 'unitPrice',
	quantity: 'quantity',
	productId: 'stockCode',
	productTitle: 'description',
	attributes: { country: 'country' },
};

export function onlineRetailEvents(lines: OnlineRetailLine[]): { events: LifecycleEvent[]; withoutIdentity: number } {
	const events: LifecycleEvent[] = [];
	let withoutIdentity = 0;
	lines.forEach((line, index) => {
		const event = mapRecordToEvent(line, ONLINE_RETAIL_MAPPING, index, { missingIdentity: 'skip' });
		if (event) events.push(event);
		else withoutIdentity++;
	});
	return { events, withoutIdentity };
}
