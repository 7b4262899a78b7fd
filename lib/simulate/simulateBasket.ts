/**
 * One order's basket: which products, how many of each, and how the order's value is split over the lines.
 *
 *   lines = 1 + G, G ~ Geometric with mean (meanLines - 1)            (G = floor(ln u / ln(1 - 1/meanLines)))
 *   line 1: category ~ categoryOf (the person's affinity), product ~ popularity within the category
 *   each further line: with probability complementProbability the complement of the previous line's product,
 *                      else drawn as line 1; a product already in the basket is drawn again (up to 8 times)
 *   quantity: 1 (80 %), 2 (15 %), 3-6 (5 %)
 *   amount of line j = order value x price_j q_j / sum(price q), in cents, the last line taking the rounding rest
 * The order value comes from the Gamma-Gamma process and is kept exactly (to the cent), so a spend model fitted on
 * the orders sees the process it assumes; the lines' share of it follows their list prices.
 * Reference: Fader & Hardie (2013), "The Gamma-Gamma model of monetary value", http://brucehardie.com/notes/025/gamma_gamma.pdf
 *
 * Cost: O(lines x log P).
 * @example simulateBasket(catalog, weightedSampler(person.categoryAffinity), 42.5, options.catalog, random) // [{ product: 17, quantity: 1, amount: 42.5 }]
 */
import type { RandomSource } from '../stats/seededRandom';
import type { ResolvedShopOptions } from './resolveShopOptions';
import type { SimulatedCatalog } from './simulateCatalog';
import type { WeightedSampler } from './weightedSampler';

// Globals read once: in vm sandboxes (Jest, n8n task runners) each global lookup is slow.
const { floor, log, min, round } = Math;

export interface BasketLine {
	/** Product index in the catalogue. */
	product: number;
	quantity: number;
	/** Line total in the shop's currency (two decimals). */
	amount: number;
}

function drawQuantity(random: RandomSource): number {
	const u = random();
	if (u < 0.8) return 1;
	if (u < 0.95) return 2;
	return 3 + floor(random() * 4);
}

export function simulateBasket(
	catalog: SimulatedCatalog,
	categoryOf: WeightedSampler,
	orderValue: number,
	settings: ResolvedShopOptions['catalog'],
	random: RandomSource,
): BasketLine[] {
	const byAffinity = (): number => {
		const category = categoryOf(random);
		return catalog.productsByCategory[category][catalog.samplerByCategory[category](random)];
	};
	const stop = settings.meanLines > 1 ? 1 / settings.meanLines : 1;
	const extra = stop >= 1 ? 0 : floor(log(1 - random()) / log(1 - stop));
	const lineCount = min(1 + extra, catalog.products.length);
	const chosen: number[] = [];
	for (let line = 0; line < lineCount; line++) {
		let product = -1;
		for (let attempt = 0; attempt < 8 && product < 0; attempt++) {
			const previous = chosen[chosen.length - 1];
			const candidate =
				previous !== undefined && random() < settings.complementProbability
					? catalog.complementOf[previous]
					: byAffinity();
			if (!chosen.includes(candidate)) product = candidate;
		}
		if (product < 0) break;
		chosen.push(product);
	}
	const quantities = chosen.map(() => drawQuantity(random));
	const weights = chosen.map((product, j) => catalog.products[product].price * quantities[j]);
	const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
	const totalCents = round(orderValue * 100);
	let given = 0;
	return chosen.map((product, j) => {
		const cents =
			j === chosen.length - 1 ? totalCents - given : floor((totalCents * weights[j]) / totalWeight);
		given += cents;
		return { product, quantity: quantities[j], amount: cents / 100 };
	});
}
