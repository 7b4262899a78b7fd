/**
 * The identity keys an event carries ('c:' customer id, 'e:' email, 'p:' phone, 'a:' anonymous id), normalised
 * as the identity graph joins them, customer id first so that a refused link leaves the event with its own
 * customer. Placeholder values ("n/a", "unknown", "-", short phones) are left out and reported.
 *
 * Cost: O(length of the values).
 * @example eventIdentityKeys({ customerId: 'C1', email: ' Ana@Example.com', type: 'view', timestamp: 0, sourceIndex: 0 }) // ['c:C1', 'e:ana@example.com']
 */
import type { IdentityKind } from './IdentityGraph';
import { identityKey, normalizeEmail, normalizePhone } from './IdentityGraph';
import { isPlaceholderIdentity } from './isPlaceholderIdentity';
import type { LifecycleEvent } from './schemas';

export function eventIdentityKeys(event: LifecycleEvent, onPlaceholder: () => void = () => undefined): string[] {
	const keys: string[] = [];
	const add = (kind: IdentityKind, value: string | undefined, normalized: (text: string) => string) => {
		if (!value) return;
		if (isPlaceholderIdentity(kind, value)) onPlaceholder();
		else keys.push(identityKey(kind, normalized(value)));
	};
	add('customerId', event.customerId, (text) => text);
	add('email', event.email, normalizeEmail);
	add('phone', event.phone, normalizePhone);
	add('anonymousId', event.anonymousId, (text) => text);
	return keys;
}
