/**
 * A HubSpot deal as n8n's HubSpot node outputs it, as the current state of one order:
 *   v1 (Get, Get Many, Get Recently Created/Updated): id `dealId`, contacts `associations.associatedVids`,
 *   properties `{ value }`; v3 (Search, or with associations): id `id`, contacts
 *   `associations.contacts.results[].id`, plain properties, `createdAt`/`updatedAt`.
 * The deal belongs to its first associated contact. A deal in a won stage (`closedwon` by default, any
 * custom pipeline stage id by parameter) is a purchase of `amount` on `closedate`; any other stage, or no
 * stage, is an `other` event, counted, never an error. The latest state wins (hs_lastmodifieddate).
 *
 * Cost: O(associations).
 */
import { ownField } from '../../fieldValues';
import { LifecycleInputError } from '../../errors';
import { readPath } from '../mapRecordToEvent';
import { parseTimestamp } from '../parseTimestamp';
import { hubspotProperty } from './hubspotProperty';
import type { FlatRecord, ReaderContext } from './sourceRecord';
import { amountOf, compact, optionalTime, plainText, snapshotId } from './sourceRecord';

export const DEFAULT_WON_DEAL_STAGES: readonly string[] = ['closedwon'];

function firstContactId(record: Record<string, unknown>): string | undefined {
	const legacy = readPath(record, 'associations.associatedVids');
	if (Array.isArray(legacy)) for (const vid of legacy) if (plainText(vid) !== undefined) return plainText(vid);
	const results = readPath(record, 'associations.contacts.results');
	if (Array.isArray(results)) {
		for (const result of results) {
			const id = result !== null && typeof result === 'object' ? plainText(ownField(result, 'id')) : plainText(result);
			if (id !== undefined) return id;
		}
	}
	return undefined;
}

export function readHubspotDeal(
	record: Record<string, unknown>,
	context: ReaderContext,
	wonStages: ReadonlySet<string> = new Set(DEFAULT_WON_DEAL_STAGES),
): FlatRecord {
	const dealId = plainText(ownField(record, 'dealId')) ?? plainText(ownField(record, 'id'));
	const stage = plainText(hubspotProperty(record, 'dealstage'));
	const won = stage !== undefined && wonStages.has(stage);
	const created = hubspotProperty(record, 'createdate') ?? ownField(record, 'createdAt');
	const timestamp = (won ? hubspotProperty(record, 'closedate') : undefined) ?? created ?? hubspotProperty(record, 'closedate');
	if (timestamp === undefined) {
		throw new LifecycleInputError(`Item ${context.itemIndex} is a HubSpot deal without closedate, createdate or createdAt`, {
			itemIndex: context.itemIndex,
			field: 'properties.createdate',
			hint: 'In the HubSpot node, request the deal properties dealstage, amount, closedate, createdate and hs_lastmodifieddate',
		});
	}
	const updated = hubspotProperty(record, 'hs_lastmodifieddate') ?? ownField(record, 'updatedAt');
	const amount = won ? amountOf(hubspotProperty(record, 'amount'), context.itemIndex, 'properties.amount') : undefined;
	const orderUpdatedAt = optionalTime(updated, parseTimestamp) ?? parseTimestamp(timestamp);
	return compact({
		customerId: firstContactId(record),
		orderId: dealId,
		eventId: dealId === undefined ? undefined : snapshotId(dealId, [orderUpdatedAt, stage, amount]),
		timestamp,
		eventType: won ? 'purchase' : 'other',
		value: amount,
		currency: plainText(hubspotProperty(record, 'deal_currency_code')),
		orderUpdatedAt: dealId === undefined ? undefined : orderUpdatedAt,
	});
}
