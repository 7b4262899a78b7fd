/**
 * Orders of the buyers: when (BG/NBD purchase times from lib/churn's simulateBgNbd), for how much (Gamma-Gamma
 * spend), which products (simulateBasket), and the browsing around them, as events.
 *
 *   per buyer i: nu_i ~ Gamma(q, gamma) (rate); each order's value z ~ Gamma(p, nu_i), E[z | nu_i] = p / nu_i
 *   orders at the simulated purchase times inside the window (later ones are the holdout: truth only)
 *   before each order: a view of every line's product (1-30 min before) and add_to_cart (1-5 min before), plus
 *   extra views of products of the lines' categories, floor(v) + Bernoulli(frac(v)) of them (v = viewsPerOrder)
 *   abandoned cart: with probability abandonedCartShare a buyer views and carts one product, at a time ~ Uniform
 *   between the first purchase and the window's end, without buying it then (no browsing with browsing.enabled false)
 * Reference: Fader, Hardie & Lee (2005), "Counting your customers the easy way", Marketing Science 24(2);
 * Fader & Hardie (2013), "The Gamma-Gamma model of monetary value", http://brucehardie.com/notes/025/gamma_gamma.pdf
 * Orders draw from `random`, browsing from `browsingRandom`, so browsing on or off leaves the orders unchanged.
 *
 * Cost: O(orders x lines x log P).
 * @example simulateOrders(options, people, purchases, catalog, deriveRandom(1, 'orders'), deriveRandom(1, 'browsing')).spend[0].meanOrderValue // p / nu_0
 */
import type { SimulatedCustomer } from '../churn/simulateBgNbd';
import { sampleGamma } from '../stats/sampleGamma';
import type { RandomSource } from '../stats/seededRandom';
import type { ResolvedShopOptions } from './resolveShopOptions';
import { instantAtWeek } from './resolveShopOptions';
import { simulateBasket } from './simulateBasket';
import type { SimulatedCatalog } from './simulateCatalog';
import type { SimulatedPerson } from './simulateCustomers';
import type { ShopEvent } from './shopEvent';
import { weightedSampler } from './weightedSampler';

// Globals read once: in vm sandboxes (Jest, n8n task runners) each global lookup is slow.
const { floor, max, round } = Math;

const MINUTE = 60_000;

export interface BuyerSpend {
	/** The buyer's Gamma-Gamma rate nu. */
	spendRate: number;
	/** Expected value of one order, p / nu. */
	meanOrderValue: number;
	/** Orders and their total value inside the window. */
	orders: number;
	revenue: number;
	/** Value of the orders in the last 13 weeks of the window. */
	recentRevenue: number;
}

export interface SimulatedOrders {
	events: ShopEvent[];
	/** One entry per buyer, in people order. */
	spend: BuyerSpend[];
	orderCount: number;
	lineCount: number;
}

export function simulateOrders(
	options: ResolvedShopOptions,
	people: ReadonlyArray<SimulatedPerson>,
	purchases: ReadonlyArray<SimulatedCustomer>,
	catalog: SimulatedCatalog,
	random: RandomSource,
	browsingRandom: RandomSource,
): SimulatedOrders {
	const { p, q, gamma } = options.spend;
	const events: ShopEvent[] = [];
	const spend: BuyerSpend[] = [];
	const width = 7;
	const recentFrom = options.endMillis - 13 * 7 * 86_400_000;
	let orderCount = 0;
	let lineCount = 0;
	const { enabled: browsing, viewsPerOrder, abandonedCartShare } = options.browsing;
	const wholeViews = floor(viewsPerOrder);
	const partViews = viewsPerOrder - wholeViews;
	const view = (
		person: number,
		product: number,
		time: number,
		type: 'view' | 'add_to_cart',
	): void => {
		const row = catalog.products[product];
		events.push({ time, person, type, productId: row.productId, productTitle: row.title });
	};
	for (let i = 0; i < purchases.length; i++) {
		const person = people[i];
		const times = purchases[i].purchaseTimes ?? [];
		const spendRate = sampleGamma(q, gamma, random);
		const categoryOf = weightedSampler(person.categoryAffinity);
		const entry: BuyerSpend = {
			spendRate,
			meanOrderValue: p / spendRate,
			orders: 0,
			revenue: 0,
			recentRevenue: 0,
		};
		for (const weeks of times) {
			if (!(weeks < options.weeks)) break;
			const time = instantAtWeek(options, weeks);
			const value = max(0.01, round(sampleGamma(p, spendRate, random) * 100) / 100);
			const lines = simulateBasket(catalog, categoryOf, value, options.catalog, random);
			orderCount++;
			const orderId = `O${`${orderCount}`.padStart(width, '0')}`;
			for (const line of browsing ? lines : []) {
				view(i, line.product, time - (1 + floor(browsingRandom() * 30)) * MINUTE, 'view');
				view(i, line.product, time - (1 + floor(browsingRandom() * 5)) * MINUTE, 'add_to_cart');
			}
			const extraViews = browsing ? wholeViews + (browsingRandom() < partViews ? 1 : 0) : 0;
			for (let v = 0; v < extraViews; v++) {
				const category = catalog.categoryOf[lines[floor(browsingRandom() * lines.length)].product];
				const product =
					catalog.productsByCategory[category][catalog.samplerByCategory[category](browsingRandom)];
				view(i, product, time - (1 + floor(browsingRandom() * 60)) * MINUTE, 'view');
			}
			for (const line of lines) {
				const row = catalog.products[line.product];
				events.push({
					time,
					person: i,
					type: 'order',
					amount: line.amount,
					quantity: line.quantity,
					orderId,
					productId: row.productId,
					productTitle: row.title,
				});
				lineCount++;
			}
			entry.orders++;
			entry.revenue += value;
			if (time >= recentFrom) entry.recentRevenue += value;
		}
		if (browsing && browsingRandom() < abandonedCartShare && times.length > 0) {
			const first = person.signedUpAt;
			const time = round((first + browsingRandom() * (options.endMillis - first)) / 1000) * 1000;
			const category = floor(browsingRandom() * catalog.categories.length * 0.999999);
			const product =
				catalog.productsByCategory[category][catalog.samplerByCategory[category](browsingRandom)];
			if (time > first && time < options.endMillis - MINUTE) {
				view(i, product, time - MINUTE, 'view');
				view(i, product, time, 'add_to_cart');
			}
		}
		entry.revenue = round(entry.revenue * 100) / 100;
		entry.recentRevenue = round(entry.recentRevenue * 100) / 100;
		spend.push(entry);
	}
	return { events, spend, orderCount, lineCount };
}
