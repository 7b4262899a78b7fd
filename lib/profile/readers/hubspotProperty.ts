/**
 * A HubSpot property value in either API shape: legacy v1 (Get, Get Many, Get Recently Created/Updated
 * in n8n's HubSpot node) wraps each property as `{ value, timestamp, source, versions }`; v3 (Search)
 * gives the plain value. Own properties only.
 *
 * Cost: O(1).
 * @example hubspotProperty({ properties: { email: { value: 'a@b.c' } } }, 'email') // 'a@b.c'
 * @example hubspotProperty({ properties: { email: 'a@b.c' } }, 'email') // 'a@b.c'
 */
import { isBlank, ownField } from '../../fieldValues';

export function hubspotProperty(record: Record<string, unknown>, name: string): unknown {
	const properties = ownField(record, 'properties');
	if (properties === null || typeof properties !== 'object' || Array.isArray(properties)) return undefined;
	const property = ownField(properties, name);
	if (property !== null && typeof property === 'object' && !Array.isArray(property)) {
		const value = ownField(property, 'value');
		return isBlank(value) ? undefined : value;
	}
	return isBlank(property) ? undefined : property;
}
