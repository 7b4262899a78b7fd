/**
 * Interaction reader: checks each interaction (customer, product, type, timestamp, order, weight) and
 * stores the good ones column by column in typed arrays, with products and customers numbered in order of
 * first appearance. Bad rows are skipped and counted by cause, never thrown for one by one and never
 * dropped silently; what was read, kept and skipped comes back in `skipped`.
 *
 *   strength = eventWeight[type] * weight;  skipped when the customer or product id is missing, the type
 *   has no weight (or weight 0: switched off), the weight is not a finite number > 0, the timestamp is present but unreadable, or the
 *   interaction happened after `asOf`
 *
 * Reference: Aggarwal (2016), "Recommender Systems: The Textbook", section 2.3 (implicit feedback data),
 * https://doi.org/10.1007/978-3-319-29659-3
 *
 * Cost: O(n) time and memory for n interactions (one Map lookup per id).
 * @example readInteractions([{ customerId: 'c1', productId: 'p1' }], { eventWeights: resolveEventWeights() }).count // 1
 */
import { parseTimestamp } from '../profile/parseTimestamp';
import { DEFAULT_EVENT_TYPE, normaliseEventType } from './eventWeights';

/** One interaction of a customer with a product, as the caller supplies it. */
export interface Interaction {
	customerId: string | number;
	productId: string | number;
	/** purchase (default), cart, view or any type given a weight in `eventWeights`. */
	type?: string;
	/** ISO 8601 string, Date, or epoch milliseconds (seconds below 1e11). */
	timestamp?: string | number | Date | null;
	/** Interactions of one customer with the same order id form a basket (else: one basket per UTC day). */
	orderId?: string | number | null;
	/** Multiplies the event weight (e.g. a quantity-based weight); default 1. */
	weight?: number | null;
	/** Product title as the source knows it (the latest one wins), used in reasons and text similarity. */
	title?: string | null;
	/** Unit price (the latest one wins), used for price bands and price rules when no catalog price exists. */
	price?: number | null;
	/** The customer's country and segment at that time (the latest ones win), for trending per group. */
	country?: string | null;
	segment?: string | null;
}

export interface InteractionSkips {
	notAnObject: number;
	missingCustomer: number;
	missingProduct: number;
	unknownType: number;
	/** Types given weight 0 (switched off). */
	ignoredType: number;
	invalidTimestamp: number;
	invalidWeight: number;
	afterAsOf: number;
	notInCatalog: number;
}

export interface ReadInteractionsOptions {
	eventWeights: ReadonlyMap<string, number>;
	/** Interactions after this instant (ms) are skipped as `afterAsOf`. */
	asOf?: number;
	/** Product ids registered first (the catalog), so their indexes come before products seen only in interactions. */
	knownProducts?: ReadonlyArray<string>;
	/** Skip interactions with products outside `knownProducts` (counted as `notInCatalog`). */
	onlyKnownProducts?: boolean;
}

export interface InteractionTable {
	/** Interactions kept. */
	count: number;
	/** Interactions offered. */
	read: number;
	skipped: InteractionSkips;
	/** Kept interactions without a timestamp (used, but never decayed, never trending). */
	withoutTimestamp: number;
	/** Kept interactions whose product is not among `knownProducts` (when those were given). */
	outsideKnownProducts: number;
	productIds: string[];
	productIndex: Map<string, number>;
	customerIds: string[];
	types: string[];
	customer: Int32Array;
	product: Int32Array;
	type: Uint8Array;
	/** eventWeight[type] * weight. */
	strength: Float64Array;
	/** Epoch ms, NaN when absent. */
	time: Float64Array;
	/** Order number (an index into the order ids met), -1 when absent. */
	order: Int32Array;
	/** Latest time among kept interactions, NaN when none has a timestamp. */
	latestTime: number;
	/** Per product: the latest title and price met in interactions (null when none). */
	titles: Array<string | null>;
	prices: Array<number | null>;
	/** Per customer: the latest country and segment met (null when none). */
	countries: Array<string | null>;
	segments: Array<string | null>;
}

function readId(value: unknown): string | undefined {
	if (typeof value === 'string') {
		const text = value.trim();
		return text === '' ? undefined : text;
	}
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return undefined;
}

function readLabel(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	return text === '' ? undefined : text;
}

function grow<T extends Int32Array | Uint8Array | Float64Array>(array: T, size: number): T {
	if (size <= array.length) return array;
	const next = new (array.constructor as new (length: number) => T)(Math.max(size, array.length * 2));
	next.set(array);
	return next;
}

export function readInteractions(interactions: Iterable<Interaction>, options: ReadInteractionsOptions): InteractionTable {
	if (interactions === null || interactions === undefined || typeof (interactions as Iterable<Interaction>)[Symbol.iterator] !== 'function') {
		throw new Error('readInteractions requires an array (or iterable) of interactions');
	}
	const skipped: InteractionSkips = {
		notAnObject: 0,
		missingCustomer: 0,
		missingProduct: 0,
		unknownType: 0,
		ignoredType: 0,
		invalidTimestamp: 0,
		invalidWeight: 0,
		afterAsOf: 0,
		notInCatalog: 0,
	};
	const productIndex = new Map<string, number>();
	const productIds: string[] = [];
	const titles: Array<string | null> = [];
	const prices: Array<number | null> = [];
	const titleTime: number[] = [];
	const priceTime: number[] = [];
	for (const id of options.knownProducts ?? []) {
		if (productIndex.has(id)) continue;
		productIndex.set(id, productIds.length);
		productIds.push(id);
		titles.push(null);
		prices.push(null);
		titleTime.push(-Infinity);
		priceTime.push(-Infinity);
	}
	const known = productIds.length;
	const restrict = options.onlyKnownProducts === true && options.knownProducts !== undefined;
	const customerIndex = new Map<string, number>();
	const customerIds: string[] = [];
	const countries: Array<string | null> = [];
	const segments: Array<string | null> = [];
	const countryTime: number[] = [];
	const segmentTime: number[] = [];
	const typeIndex = new Map<string, number>();
	const types: string[] = [];
	const typeWeights: number[] = [];
	const orderIndex = new Map<string, number>();
	const asOf = options.asOf;

	let capacity = 1024;
	let customer = new Int32Array(capacity);
	let product = new Int32Array(capacity);
	let type = new Uint8Array(capacity);
	let strength = new Float64Array(capacity);
	let time = new Float64Array(capacity);
	let order = new Int32Array(capacity);
	let count = 0;
	let read = 0;
	let withoutTimestamp = 0;
	let outsideKnownProducts = 0;
	let latestTime = Number.NaN;

	for (const interaction of interactions) {
		read++;
		if (interaction === null || typeof interaction !== 'object' || Array.isArray(interaction)) {
			skipped.notAnObject++;
			continue;
		}
		const customerId = readId(interaction.customerId);
		if (customerId === undefined) {
			skipped.missingCustomer++;
			continue;
		}
		const productId = readId(interaction.productId);
		if (productId === undefined) {
			skipped.missingProduct++;
			continue;
		}
		const rawType = interaction.type;
		let typeName = DEFAULT_EVENT_TYPE;
		if (rawType !== undefined && rawType !== null) {
			if (typeof rawType !== 'string') {
				skipped.unknownType++;
				continue;
			}
			typeName = normaliseEventType(rawType);
		}
		let typeNumber = typeIndex.get(typeName);
		if (typeNumber === undefined) {
			const eventWeight = options.eventWeights.get(typeName);
			if (eventWeight === undefined || types.length >= 255) {
				skipped.unknownType++;
				continue;
			}
			typeNumber = types.length;
			typeIndex.set(typeName, typeNumber);
			types.push(typeName);
			typeWeights.push(eventWeight);
		}
		if (typeWeights[typeNumber] === 0) {
			skipped.ignoredType++;
			continue;
		}
		const rawWeight = interaction.weight;
		const weight = rawWeight === undefined || rawWeight === null ? 1 : rawWeight;
		if (typeof weight !== 'number' || !Number.isFinite(weight) || weight <= 0) {
			skipped.invalidWeight++;
			continue;
		}
		let when = Number.NaN;
		const rawTime = interaction.timestamp;
		if (rawTime !== undefined && rawTime !== null && rawTime !== '') {
			const parsed = parseTimestamp(rawTime);
			if (parsed === undefined) {
				skipped.invalidTimestamp++;
				continue;
			}
			when = parsed;
			if (asOf !== undefined && when > asOf) {
				skipped.afterAsOf++;
				continue;
			}
		}
		let productNumber = productIndex.get(productId);
		if (productNumber === undefined) {
			if (restrict) {
				skipped.notInCatalog++;
				continue;
			}
			productNumber = productIds.length;
			productIndex.set(productId, productNumber);
			productIds.push(productId);
			titles.push(null);
			prices.push(null);
			titleTime.push(-Infinity);
			priceTime.push(-Infinity);
		}
		if (productNumber >= known && known > 0) outsideKnownProducts++;
		let customerNumber = customerIndex.get(customerId);
		if (customerNumber === undefined) {
			customerNumber = customerIds.length;
			customerIndex.set(customerId, customerNumber);
			customerIds.push(customerId);
			countries.push(null);
			segments.push(null);
			countryTime.push(-Infinity);
			segmentTime.push(-Infinity);
		}
		const sortTime = Number.isNaN(when) ? -Infinity : when;
		const title = readLabel(interaction.title);
		if (title !== undefined && sortTime >= titleTime[productNumber]) {
			titles[productNumber] = title;
			titleTime[productNumber] = sortTime;
		}
		const price = interaction.price;
		if (typeof price === 'number' && Number.isFinite(price) && price >= 0 && sortTime >= priceTime[productNumber]) {
			prices[productNumber] = price;
			priceTime[productNumber] = sortTime;
		}
		const country = readLabel(interaction.country);
		if (country !== undefined && sortTime >= countryTime[customerNumber]) {
			countries[customerNumber] = country;
			countryTime[customerNumber] = sortTime;
		}
		const segment = readLabel(interaction.segment);
		if (segment !== undefined && sortTime >= segmentTime[customerNumber]) {
			segments[customerNumber] = segment;
			segmentTime[customerNumber] = sortTime;
		}
		let orderNumber = -1;
		const orderId = readId(interaction.orderId);
		if (orderId !== undefined) {
			const existing = orderIndex.get(orderId);
			if (existing === undefined) {
				orderNumber = orderIndex.size;
				orderIndex.set(orderId, orderNumber);
			} else orderNumber = existing;
		}
		if (count === capacity) {
			capacity *= 2;
			customer = grow(customer, capacity);
			product = grow(product, capacity);
			type = grow(type, capacity);
			strength = grow(strength, capacity);
			time = grow(time, capacity);
			order = grow(order, capacity);
		}
		customer[count] = customerNumber;
		product[count] = productNumber;
		type[count] = typeNumber;
		strength[count] = typeWeights[typeNumber] * weight;
		time[count] = when;
		order[count] = orderNumber;
		count++;
		if (Number.isNaN(when)) withoutTimestamp++;
		else if (!(when <= latestTime)) latestTime = when;
	}
	return {
		count,
		read,
		skipped,
		withoutTimestamp,
		outsideKnownProducts,
		productIds,
		productIndex,
		customerIds,
		types,
		customer: customer.subarray(0, count),
		product: product.subarray(0, count),
		type: type.subarray(0, count),
		strength: strength.subarray(0, count),
		time: time.subarray(0, count),
		order: order.subarray(0, count),
		latestTime,
		titles,
		prices,
		countries,
		segments,
	};
}
