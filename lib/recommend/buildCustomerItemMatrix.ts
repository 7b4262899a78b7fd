/**
 * Customer x product matrix in compressed sparse rows, and the baskets (orders) of each customer, from
 * an interaction table. One entry per (customer, product) pair that interacted:
 *
 *   value(c, p)  = max over c's events on p of  strength * 0.5 ^ ((asOf - t) / halfLife)
 *   recent(c, p) = max over events in (asOf - window, asOf] of  strength * 0.5 ^ ((asOf - t) / trendingHalfLife)
 *
 * The maximum (not the sum) keeps repeat views from outweighing one purchase and keeps a wholesaler's
 * hundred orders of one product from counting as a hundred customers. Exact duplicates (same customer,
 * product, type, timestamp and order) are dropped and counted. A basket is an order id within a customer,
 * or, without one, a UTC calendar day. Rows longer than `maxItemsPerCustomer` are sorted most recent
 * first and only that many entries take part in co-occurrence (`cooccurrenceLength`), which bounds the
 * quadratic cost of very active customers.
 * Reference: Saad (2003), "Iterative Methods for Sparse Linear Systems", section 3.4 (CSR storage),
 * https://www-users.cse.umn.edu/~saad/IterMethBook_2ndEd.pdf
 *
 * Cost: O(n + customers + products) time and memory for n interactions (a counting sort by customer).
 * @example buildCustomerItemMatrix(table, { asOf, halfLifeDays: null, trendingWindowDays: 30, trendingHalfLifeDays: 7, maxItemsPerCustomer: 500 }).offsets
 */
import { decayFactor, MS_PER_DAY } from './decayFactor';
import type { InteractionTable } from './readInteractions';

export interface CustomerItemMatrixOptions {
	/** The model's present (ms): ages are measured from it. */
	asOf: number;
	halfLifeDays: number | null;
	trendingWindowDays: number;
	trendingHalfLifeDays: number | null;
	maxItemsPerCustomer: number;
}

export interface CustomerItemMatrix {
	customers: number;
	products: number;
	/** Row c holds entries offsets[c] .. offsets[c + 1] - 1. */
	offsets: Int32Array;
	product: Int32Array;
	value: Float64Array;
	recent: Float64Array;
	/** Latest event time of the entry, NaN when none of its events had a timestamp. */
	lastTime: Float64Array;
	/** Entries of row c taking part in co-occurrence: offsets[c] .. offsets[c] + cooccurrenceLength[c] - 1. */
	cooccurrenceLength: Int32Array;
	/** Basket b holds basketProducts[basketOffsets[b] .. basketOffsets[b + 1] - 1] (distinct), bought by basketCustomer[b]. */
	basketOffsets: Int32Array;
	basketProducts: Int32Array;
	basketCustomer: Int32Array;
	duplicates: number;
	/** Interactions with neither an order id nor a timestamp: in no basket. */
	withoutBasket: number;
}

function sameEvent(table: InteractionTable, a: number, b: number): boolean {
	const timeA = table.time[a];
	const timeB = table.time[b];
	return table.type[a] === table.type[b] && table.order[a] === table.order[b] && (timeA === timeB || (Number.isNaN(timeA) && Number.isNaN(timeB)));
}

export function buildCustomerItemMatrix(table: InteractionTable, options: CustomerItemMatrixOptions): CustomerItemMatrix {
	const customers = table.customerIds.length;
	const products = table.productIds.length;
	const n = table.count;
	const { asOf, halfLifeDays, trendingHalfLifeDays } = options;
	const windowStart = asOf - options.trendingWindowDays * MS_PER_DAY;
	const cap = Math.max(1, Math.floor(options.maxItemsPerCustomer));

	// Counting sort of the events by customer, keeping input order within a customer.
	const eventOffsets = new Int32Array(customers + 1);
	for (let e = 0; e < n; e++) eventOffsets[table.customer[e] + 1]++;
	for (let c = 0; c < customers; c++) eventOffsets[c + 1] += eventOffsets[c];
	const cursor = eventOffsets.slice(0, customers);
	const events = new Int32Array(n);
	for (let e = 0; e < n; e++) events[cursor[table.customer[e]]++] = e;

	const offsets = new Int32Array(customers + 1);
	const product = new Int32Array(n);
	const value = new Float64Array(n);
	const recent = new Float64Array(n);
	const lastTime = new Float64Array(n);
	const firstEvent = new Int32Array(n);
	const cooccurrenceLength = new Int32Array(customers);
	const basketOffsetsList: number[] = [0];
	const basketCustomerList: number[] = [];
	const basketProducts = new Int32Array(n);
	const slot = new Int32Array(products).fill(-1);
	const basketStamp = new Int32Array(products).fill(-1);
	let entries = 0;
	let basketEntries = 0;
	let duplicates = 0;
	let withoutBasket = 0;
	const eventBasket: number[] = [];
	const eventProduct: number[] = [];
	const orderBaskets = new Map<number, number>();
	const dayBaskets = new Map<number, number>();

	for (let c = 0; c < customers; c++) {
		const rowStart = entries;
		let repeats: Map<number, number[]> | undefined;
		orderBaskets.clear();
		dayBaskets.clear();
		eventBasket.length = 0;
		eventProduct.length = 0;
		for (let k = eventOffsets[c]; k < eventOffsets[c + 1]; k++) {
			const e = events[k];
			const p = table.product[e];
			let position = slot[p];
			if (position >= 0) {
				// A repeat of product p: drop it when it is an exact duplicate of an earlier event.
				repeats ??= new Map<number, number[]>();
				let earlier = repeats.get(p);
				if (earlier === undefined) repeats.set(p, (earlier = [firstEvent[position]]));
				let duplicate = false;
				for (const other of earlier) {
					if (sameEvent(table, other, e)) {
						duplicate = true;
						break;
					}
				}
				if (duplicate) {
					duplicates++;
					continue;
				}
				earlier.push(e);
			} else {
				position = entries++;
				slot[p] = position;
				product[position] = p;
				value[position] = 0;
				recent[position] = 0;
				lastTime[position] = Number.NaN;
				firstEvent[position] = e;
			}
			const when = table.time[e];
			const strength = table.strength[e];
			const hasTime = !Number.isNaN(when);
			const decayed = hasTime ? strength * decayFactor(asOf - when, halfLifeDays) : strength;
			if (decayed > value[position]) value[position] = decayed;
			if (hasTime) {
				if (!(when <= lastTime[position])) lastTime[position] = when;
				if (when > windowStart && when <= asOf) {
					const trending = strength * decayFactor(asOf - when, trendingHalfLifeDays);
					if (trending > recent[position]) recent[position] = trending;
				}
			}
			// Basket: the order within this customer, else the UTC day.
			const orderNumber = table.order[e];
			let basket: number | undefined;
			if (orderNumber >= 0) {
				basket = orderBaskets.get(orderNumber);
				if (basket === undefined) orderBaskets.set(orderNumber, (basket = orderBaskets.size + dayBaskets.size));
			} else if (hasTime) {
				const day = Math.floor(when / MS_PER_DAY);
				basket = dayBaskets.get(day);
				if (basket === undefined) dayBaskets.set(day, (basket = orderBaskets.size + dayBaskets.size));
			}
			if (basket === undefined) withoutBasket++;
			else {
				eventBasket.push(basket);
				eventProduct.push(p);
			}
		}
		for (let position = rowStart; position < entries; position++) slot[product[position]] = -1;
		const length = entries - rowStart;
		if (length > cap) {
			// Most recent first (undated last, then by product number), so co-occurrence uses the latest `cap` entries.
			const order = Array.from({ length }, (_, i) => rowStart + i);
			order.sort((a, b) => {
				const ta = Number.isNaN(lastTime[a]) ? -Infinity : lastTime[a];
				const tb = Number.isNaN(lastTime[b]) ? -Infinity : lastTime[b];
				return tb - ta || product[a] - product[b];
			});
			const copy = (array: Int32Array | Float64Array) => {
				const values = order.map((i) => array[i]);
				for (let i = 0; i < length; i++) array[rowStart + i] = values[i];
			};
			copy(product);
			copy(value);
			copy(recent);
			copy(lastTime);
		}
		cooccurrenceLength[c] = Math.min(length, cap);
		offsets[c + 1] = entries;
		// Baskets of this customer, products distinct within each basket.
		const basketCount = orderBaskets.size + dayBaskets.size;
		if (basketCount > 0) {
			const counts = new Int32Array(basketCount + 1);
			for (const basket of eventBasket) counts[basket + 1]++;
			for (let b = 0; b < basketCount; b++) counts[b + 1] += counts[b];
			const sorted = new Int32Array(eventBasket.length);
			const fill = counts.slice(0, basketCount);
			for (let i = 0; i < eventBasket.length; i++) sorted[fill[eventBasket[i]]++] = eventProduct[i];
			for (let b = 0; b < basketCount; b++) {
				const globalBasket = basketCustomerList.length;
				for (let i = counts[b]; i < counts[b + 1]; i++) {
					const p = sorted[i];
					if (basketStamp[p] === globalBasket) continue;
					basketStamp[p] = globalBasket;
					basketProducts[basketEntries++] = p;
				}
				basketCustomerList.push(c);
				basketOffsetsList.push(basketEntries);
			}
		}
	}
	return {
		customers,
		products,
		offsets,
		product: product.subarray(0, entries),
		value: value.subarray(0, entries),
		recent: recent.subarray(0, entries),
		lastTime: lastTime.subarray(0, entries),
		cooccurrenceLength,
		basketOffsets: Int32Array.from(basketOffsetsList),
		basketProducts: basketProducts.subarray(0, basketEntries),
		basketCustomer: Int32Array.from(basketCustomerList),
		duplicates,
		withoutBasket,
	};
}
