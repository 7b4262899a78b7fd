/**
 * A WooCommerce REST v3 order (n8n's WooCommerce node, Order > Get / Get Many; order webhooks) as the
 * current state of one order. Statuses completed, processing and on-hold are a sale of `total` minus the
 * refunds in `refunds[].total` (negative numbers in WooCommerce); refunded, cancelled, failed, pending,
 * trash, checkout-draft and any custom status are no sale (`other`), never an error.
 * Customer `customer_id` (0 is a guest), email `billing.email`, date `date_created_gmt`; the latest
 * state wins by `date_modified_gmt`.
 * Reference: https://woocommerce.github.io/woocommerce-rest-api-docs/#orders
 *
 * Cost: O(line items + refunds).
 */
import { ownField } from '../../fieldValues';
import { readPath } from '../mapRecordToEvent';
import { parseTimestamp } from '../parseTimestamp';
import { readOrderLines } from './readOrderLines';
import type { FlatRecord, ReaderContext } from './sourceRecord';
import { amountOf, compact, optionalTime, plainText, requireTime, snapshotId } from './sourceRecord';

const SALE_STATUSES = new Set(['completed', 'processing', 'on-hold']);

function refundedTotal(record: Record<string, unknown>, itemIndex: number): number {
	const refunds = ownField(record, 'refunds');
	if (!Array.isArray(refunds)) return 0;
	let total = 0;
	for (const refund of refunds) {
		if (refund === null || typeof refund !== 'object') continue;
		total += Math.abs(amountOf(ownField(refund, 'total'), itemIndex, 'refunds[].total') ?? 0);
	}
	return total;
}

export function readWooCommerceOrder(record: Record<string, unknown>, context: ReaderContext): FlatRecord {
	const { itemIndex } = context;
	const orderId = plainText(ownField(record, 'id'));
	const timestamp = requireTime(record, ['date_created_gmt', 'date_created'], itemIndex, 'WooCommerce order');
	const status = plainText(ownField(record, 'status'))?.toLowerCase();
	const sold = status !== undefined && SALE_STATUSES.has(status);
	const total = amountOf(ownField(record, 'total'), itemIndex, 'total');
	const net = total === undefined ? undefined : Math.max(0, total - refundedTotal(record, itemIndex));
	const customerId = plainText(ownField(record, 'customer_id'));
	const orderUpdatedAt = optionalTime(ownField(record, 'date_modified_gmt'), parseTimestamp) ?? parseTimestamp(timestamp);
	return compact({
		customerId: customerId === '0' ? undefined : customerId,
		email: plainText(readPath(record, 'billing.email')),
		phone: plainText(readPath(record, 'billing.phone')),
		orderId,
		eventId: orderId === undefined ? undefined : snapshotId(orderId, [orderUpdatedAt, status, net]),
		timestamp,
		eventType: sold ? 'purchase' : 'other',
		value: sold ? net : undefined,
		currency: plainText(ownField(record, 'currency')),
		items: readOrderLines(record, 'name'),
		firstName: plainText(readPath(record, 'billing.first_name')),
		lastName: plainText(readPath(record, 'billing.last_name')),
		country: plainText(readPath(record, 'billing.country')),
		orderUpdatedAt: orderId === undefined ? undefined : orderUpdatedAt,
	});
}
