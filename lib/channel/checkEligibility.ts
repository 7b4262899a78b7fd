/**
 * Channel eligibility: whether one channel may be used for one customer at all, before caps, timing and
 * value. A hard rule: consent must be recorded as granted; a usable address must exist; the channel must
 * not be suppressed (unsubscribed, complained, bounced).
 *
 *   eligible(k) = consent[k] === true and addressUsable[k] and suppression[k] === null
 *
 * The first failing condition is the reason, in that order, so a customer without consent is reported as
 * such even when the address is missing too.
 * Reference: GDPR Art. 6(1)(a) and 7; CAN-SPAM 15 U.S.C. 7704(a)(4) (honour opt-outs); TCPA 47 U.S.C. 227.
 *
 * Cost: O(1).
 * @example checkEligibility(customer, 0, 'email') // null when eligible, else e.g. "no consent recorded"
 */
import type { ChannelCustomer } from './readChannelProfile';

const ADDRESS_WORD: Record<string, string> = { email: 'email address', phone: 'phone number', token: 'address' };

export function checkEligibility(customer: ChannelCustomer, channelIndex: number, channelName: string, addressKind = 'token'): string | null {
	const consent = customer.consent[channelIndex];
	if (consent === false) return 'consent withdrawn';
	if (consent !== true) return 'no consent recorded';
	if (!customer.addressUsable[channelIndex]) return `no usable ${channelName === 'push' ? 'push token' : ADDRESS_WORD[addressKind] ?? 'address'}`;
	return customer.suppression[channelIndex];
}
