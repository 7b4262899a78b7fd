/**
 * Exchange rates as a user writes them (JSON text or an object) into a clean table of
 * ISO 4217 code -> units of the target currency per unit. User keys land in a prototype-free object.
 *
 * Cost: O(number of currencies).
 * @example parseExchangeRates('{"eur": 1.08}') // { EUR: 1.08 }
 */
import { LifecycleInputError } from '../errors';

const EXAMPLE = 'Write e.g. {"EUR": 1.08, "GBP": 1.27}';

const INVALID_JSON = Symbol('invalid JSON');

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return INVALID_JSON;
	}
}

export function parseExchangeRates(value: unknown): Record<string, number> {
	if (value === undefined || value === null || value === '') return Object.create(null);
	const parsed = typeof value === 'string' ? parseJson(value) : value;
	if (parsed === INVALID_JSON) {
		throw new LifecycleInputError('Exchange Rates is not valid JSON', { field: 'exchangeRates', hint: EXAMPLE });
	}
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new LifecycleInputError('Exchange Rates must be an object of currency codes to rates', { field: 'exchangeRates', hint: EXAMPLE });
	}
	const rates: Record<string, number> = Object.create(null);
	for (const [code, rate] of Object.entries(parsed)) {
		if (!/^[A-Za-z]{3}$/.test(code)) {
			throw new LifecycleInputError(`Exchange Rates has "${code}", which is not a 3-letter currency code`, { field: 'exchangeRates', hint: EXAMPLE });
		}
		if (typeof rate !== 'number' || !Number.isFinite(rate) || rate <= 0) {
			throw new LifecycleInputError(`Exchange rate for ${code} must be a positive number`, { field: 'exchangeRates', hint: EXAMPLE });
		}
		rates[code.toUpperCase()] = rate;
	}
	return rates;
}
