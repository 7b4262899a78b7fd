/**
 * A Stripe charge (n8n's Stripe node, Charge > Get / Get Many; charge.* webhook `data.object`) as the
 * current state of one payment. A succeeded, paid charge is a sale of `amount - amount_refunded`, read
 * in the currency's minor unit (JPY and other zero-decimal currencies are not divided, BHD and other
 * three-decimal ones by 1000); a fully refunded (`refunded: true`), pending or failed charge is no sale.
 * Identity: `customer` (an id, or an expanded customer's `id`), email `receipt_email`, else
 * `billing_details.email`. Stripe charges carry no update time: at an equal time the more refunded state wins.
 * Reference: https://docs.stripe.com/api/charges/object
 *
 * Cost: O(1).
 */
import { ownField } from '../../fieldValues';
import { fromMinorUnits } from '../currencyMinorUnits';
import { readPath } from '../mapRecordToEvent';
import { parseTimestamp } from '../parseTimestamp';
import type { FlatRecord, ReaderContext } from './sourceRecord';
import { amountOf, compact, firstValue, plainText, requireTime, snapshotId } from './sourceRecord';

export function readStripeCharge(record: Record<string, unknown>, context: ReaderContext): FlatRecord {
	const { itemIndex } = context;
	const chargeId = plainText(ownField(record, 'id'));
	const timestamp = requireTime(record, ['created'], itemIndex, 'Stripe charge');
	const currency = plainText(ownField(record, 'currency'));
	const status = plainText(ownField(record, 'status'))?.toLowerCase();
	const fullyRefunded = ownField(record, 'refunded') === true;
	const paid = ownField(record, 'paid') !== false;
	const sold = status === 'succeeded' && paid && !fullyRefunded;
	const amount = amountOf(ownField(record, 'amount'), itemIndex, 'amount');
	const refunded = amountOf(ownField(record, 'amount_refunded'), itemIndex, 'amount_refunded') ?? 0;
	const net = amount === undefined || currency === undefined ? undefined : fromMinorUnits(Math.max(0, amount - refunded), currency);
	const customer = ownField(record, 'customer');
	const customerId = plainText(customer) ?? plainText(readPath(record, 'customer.id'));
	return compact({
		customerId,
		email: plainText(firstValue(record, ['receipt_email', 'billing_details.email'])),
		phone: plainText(readPath(record, 'billing_details.phone')),
		orderId: chargeId,
		eventId: chargeId === undefined ? undefined : snapshotId(chargeId, [status, fullyRefunded ? 'refunded' : '', refunded]),
		timestamp,
		eventType: sold ? 'purchase' : 'other',
		value: sold ? net : undefined,
		currency,
		orderUpdatedAt: chargeId === undefined ? undefined : parseTimestamp(timestamp),
	});
}
