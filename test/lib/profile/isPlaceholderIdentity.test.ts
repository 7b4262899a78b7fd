import { isPlaceholderIdentity } from '../../../lib/profile/isPlaceholderIdentity';

describe('isPlaceholderIdentity', () => {
	it.each(['n/a', 'N/A', '#N/A', 'unknown', 'Unknown', 'none', 'null', 'NULL', 'undefined', '-', '--', '0', '000', '', '  ', 'nil', 'NaN', '-1', 'not provided', '?', '00000000-0000-0000-0000-000000000000'])(
		'treats %j as no identity in every field',
		(value) => {
			for (const kind of ['customerId', 'email', 'anonymousId', 'phone'] as const) expect(isPlaceholderIdentity(kind, value)).toBe(true);
		},
	);

	it.each(['123', '12-34', 'abc', '0000000', '1111111111', '+1234567890123456', 'call me'])('treats the phone %j as no phone (too short, too long, no digits or one digit repeated)', (phone) => {
		expect(isPlaceholderIdentity('phone', phone)).toBe(true);
	});

	it.each(['noemail@shop.com', 'no-reply@shop.com', 'unknown@unknown.com', 'n/a@n/a', 'a@none.com', 'null@null'])('treats the email %j as no email', (email) => {
		expect(isPlaceholderIdentity('email', email)).toBe(true);
	});

	it.each([
		['customerId', '17850'], ['customerId', '1'], ['customerId', 'cus_NffrFeUfNV2Hib'], ['customerId', 'иван'], ['customerId', '__proto__'],
		['email', 'ana@example.com'], ['email', 'x@y.de'], ['email', 'not-an-email'], ['phone', '+49 151 2345678'], ['phone', '0151-2345678'],
		['anonymousId', 'cookie-1'],
	] as const)('keeps the real %s %j', (kind, value) => {
		expect(isPlaceholderIdentity(kind, value)).toBe(false);
	});
});
