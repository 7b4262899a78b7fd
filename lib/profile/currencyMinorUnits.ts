/**
 * Currency minor units: how many decimals an ISO 4217 currency has, so that amounts that payment
 * platforms send in the smallest unit (Stripe's `amount`) are read as money.
 *
 *   major amount = minor amount / 10^digits(currency)
 *
 * Zero-decimal currencies (JPY, KRW, ...) are Stripe's list; three-decimal ones (BHD, KWD, ...) are
 * ISO 4217's. Every other code has two decimals. References: https://docs.stripe.com/currencies#zero-decimal,
 * https://www.six-group.com/en/products-services/financial-information/data-standards.html (ISO 4217 list).
 *
 * Cost: O(1).
 * @example fromMinorUnits(1000, 'jpy') // 1000
 * @example fromMinorUnits(1099, 'USD') // 10.99
 * @example fromMinorUnits(1500, 'KWD') // 1.5
 */
const ZERO_DECIMAL = new Set([
	'BIF', 'CLP', 'DJF', 'GNF', 'JPY', 'KMF', 'KRW', 'MGA', 'PYG', 'RWF', 'UGX', 'VND', 'VUV', 'XAF', 'XOF', 'XPF',
]);
const THREE_DECIMAL = new Set(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND']);

export function currencyMinorUnits(currency: string): number {
	const code = currency.trim().toUpperCase();
	if (ZERO_DECIMAL.has(code)) return 0;
	if (THREE_DECIMAL.has(code)) return 3;
	return 2;
}

export function fromMinorUnits(amount: number, currency: string): number {
	const digits = currencyMinorUnits(currency);
	const scale = 10 ** digits;
	return Math.round(amount) / scale;
}
