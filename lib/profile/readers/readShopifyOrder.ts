/**
 * A Shopify REST order (n8n's Shopify node, Order > Get / Get Many; the orders/* webhooks) as the
 * current state of one order. What the customer finally bought:
 *   cancelled (`cancelled_at` set) or `financial_status` voided or refunded -> no sale (`other`);
 *   otherwise a purchase of `current_total_price` (Shopify's own total after refunds and edits), else
 *   `total_price` minus the successful refund transactions in `refunds[]`.
 * Date `created_at` (else `processed_at`); the latest state wins by `updated_at`.
 * Reference: https://shopify.dev/docs/api/admin-rest/latest/resources/order
 *
 * Cost: O(line items + refund transactions).
 */
import { ownField } from '../../fieldValues';
import { readPath } from '../mapRecordToEvent';
import { parseTimestamp } from '../parseTimestamp';
import { readOrderLines } from './readOrderLines';
import type { FlatRecord, ReaderContext } from './sourceRecord';
import { amountOf, compact, firstValue, optionalTime, plainText, requireTime, snapshotId } from './sourceRecord';

const NO_SALE_STATUSES = new Set(['voided', 'refunded']);

function refundedTotal(record: Record<string, unknown>, itemIndex: number): number {
	const refunds = ownField(record, 'refunds');
	if (!Array.isArray(refunds)) return 0;
	let total = 0;
	for (const refund of refunds) {
		const transactions = refund !== null && typeof refund === 'object' ? ownField(refund, 'transactions') : undefined;
		if (!Array.isArray(transactions)) continue;
		for (const transaction of transactions) {
			if (transaction === null || typeof transaction !== 'object') continue;
			if (ownField(transaction, 'kind') !== 'refund' || ownField(transaction, 'status') !== 'success') continue;
			total += amountOf(ownField(transaction, 'amount'), itemIndex, 'refunds[].transactions[].amount') ?? 0;
		}
	}
	return total;
}

export function readShopifyOrder(record: Record<string, unknown>, context: ReaderContext): FlatRecord {
	const { itemIndex } = context;
	const orderId = plainText(ownField(record, 'id'));
	const timestamp = requireTime(record, ['created_at', 'processed_at'], itemIndex, 'Shopify order');
	const status = plainText(ownField(record, 'financial_status'))?.toLowerCase();
	const cancelled = plainText(ownField(record, 'cancelled_at')) !== undefined;
	const sold = !cancelled && !(status !== undefined && NO_SALE_STATUSES.has(status));
	const current = amountOf(ownField(record, 'current_total_price'), itemIndex, 'current_total_price');
	const total = amountOf(ownField(record, 'total_price'), itemIndex, 'total_price');
	const net = current ?? (total === undefined ? undefined : Math.max(0, total - refundedTotal(record, itemIndex)));
	const orderUpdatedAt = optionalTime(ownField(record, 'updated_at'), parseTimestamp) ?? parseTimestamp(timestamp);
	return compact({
		customerId: plainText(readPath(record, 'customer.id')),
		email: plainText(firstValue(record, ['email', 'contact_email', 'customer.email'])),
		phone: plainText(firstValue(record, ['phone', 'customer.phone'])),
		orderId,
		eventId: orderId === undefined ? undefined : snapshotId(orderId, [orderUpdatedAt, status, cancelled ? 'cancelled' : '', net]),
		timestamp,
		eventType: sold ? 'purchase' : 'other',
		value: sold ? net : undefined,
		currency: plainText(ownField(record, 'currency')),
		items: readOrderLines(record, 'title'),
		firstName: plainText(firstValue(record, ['customer.first_name', 'billing_address.first_name'])),
		lastName: plainText(firstValue(record, ['customer.last_name', 'billing_address.last_name'])),
		country: plainText(readPath(record, 'billing_address.country_code')),
		consentEmail: typeof ownField(record, 'buyer_accepts_marketing') === 'boolean' ? (ownField(record, 'buyer_accepts_marketing') as boolean) : undefined,
		orderUpdatedAt: orderId === undefined ? undefined : orderUpdatedAt,
	});
}
