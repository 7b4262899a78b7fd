/**
 * A HubSpot contact as n8n's HubSpot node outputs it, in both shapes:
 *   v1 (Get, Get Many, Get Recently Created/Updated): id in `canonical-vid` (else `vid`), email in
 *   `identity-profiles[].identities[type=EMAIL]` (else `properties.email.value`), properties `{ value }`,
 *   date `properties.createdate.value`, else `addedAt`;
 *   v3 (Search): id in `id`, `properties.email`, date `properties.createdate`, else `createdAt`.
 * Consent is read only when the node was asked for `hs_email_optout` (not a default property).
 * The result is an `identify` event carrying attributes and consent.
 *
 * Cost: O(identities).
 */
import { ownField } from '../../fieldValues';
import { LifecycleInputError } from '../../errors';
import { hubspotProperty } from './hubspotProperty';
import type { FlatRecord, ReaderContext } from './sourceRecord';
import { compact, plainText } from './sourceRecord';

function profileEmail(record: Record<string, unknown>, canonicalId: string | undefined): string | undefined {
	const profiles = ownField(record, 'identity-profiles');
	if (!Array.isArray(profiles)) return undefined;
	let fallback: string | undefined;
	for (const profile of profiles) {
		if (profile === null || typeof profile !== 'object') continue;
		const identities = ownField(profile, 'identities');
		if (!Array.isArray(identities)) continue;
		const own = plainText(ownField(profile, 'vid')) === canonicalId;
		for (const identity of identities) {
			if (identity === null || typeof identity !== 'object' || ownField(identity, 'type') !== 'EMAIL') continue;
			const email = plainText(ownField(identity, 'value'));
			if (email === undefined) continue;
			if (own) return email;
			fallback ??= email;
		}
	}
	return fallback;
}

function optOut(value: unknown, itemIndex: number): boolean | undefined {
	if (value === undefined) return undefined;
	if (value === true || value === 'true') return true;
	if (value === false || value === 'false' || value === '') return false;
	throw new LifecycleInputError(`Field "properties.hs_email_optout" should be true or false but is ${JSON.stringify(value)}`, {
		itemIndex,
		field: 'properties.hs_email_optout',
	});
}

export function readHubspotContact(record: Record<string, unknown>, context: ReaderContext): FlatRecord {
	const customerId = plainText(ownField(record, 'canonical-vid')) ?? plainText(ownField(record, 'vid')) ?? plainText(ownField(record, 'id'));
	const email = profileEmail(record, customerId) ?? plainText(hubspotProperty(record, 'email'));
	const optedOut = optOut(hubspotProperty(record, 'hs_email_optout'), context.itemIndex);
	return compact({
		customerId,
		email,
		phone: plainText(hubspotProperty(record, 'phone')) ?? plainText(hubspotProperty(record, 'mobilephone')),
		timestamp: hubspotProperty(record, 'createdate') ?? ownField(record, 'addedAt') ?? ownField(record, 'createdAt'),
		eventType: 'identify',
		firstName: plainText(hubspotProperty(record, 'firstname')),
		lastName: plainText(hubspotProperty(record, 'lastname')),
		country: plainText(hubspotProperty(record, 'country')),
		consentEmail: optedOut === undefined ? undefined : !optedOut,
	});
}
