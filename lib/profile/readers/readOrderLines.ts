/**
 * Line items of an order (Shopify `line_items[].product_id/title/quantity`, WooCommerce
 * `line_items[].product_id/name/quantity`) as flat lines; lines without a product id are left out.
 *
 * Cost: O(lines).
 */
import { ownField } from '../../fieldValues';
import { parseNumber, readPath } from '../mapRecordToEvent';
import type { FlatLine } from './sourceRecord';
import { plainText } from './sourceRecord';

export function readOrderLines(record: unknown, titleField: string): FlatLine[] | undefined {
	const lines = readPath(record, 'line_items');
	if (!Array.isArray(lines)) return undefined;
	const result: FlatLine[] = [];
	for (const line of lines) {
		if (line === null || typeof line !== 'object') continue;
		const productId = plainText(ownField(line, 'product_id'));
		if (productId === undefined || productId === '0') continue;
		const flat: FlatLine = { productId };
		const title = plainText(ownField(line, titleField));
		if (title !== undefined) flat.title = title;
		const quantity = parseNumber(ownField(line, 'quantity'));
		if (quantity !== undefined) flat.quantity = quantity;
		result.push(flat);
	}
	return result.length ? result : undefined;
}
