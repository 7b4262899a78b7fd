/**
 * The shop's product catalogue, with the structure recommendations should find: popularity that follows a Zipf
 * law, categories, and for every product a complement that is often bought in the same basket.
 *
 *   product k belongs to category k mod C (C categories of SHOP_CATEGORIES, balanced)
 *   title = adjective + noun of its category (all combinations before any repeats, then "No. 2", "No. 3", ...)
 *   price = max(1, round(median_category * exp(0.45 z))) - 0.01, z ~ N(0, 1)   (log-normal, .99 endings)
 *   popularity: ranks in a random order, weight(rank) = 1 / rank^s, normalised to sum 1   (Zipf, exponent s)
 *   complement of k: a product of the category's complement category (its own when that one is not in the
 *   catalogue), drawn by popularity
 *   stock = 0 with probability outOfStockShare, else 5 + Uniform{0..195}
 * Reference: Zipf's law in product popularity, e.g. Brynjolfsson, Hu & Smith (2003), "Consumer surplus in the
 * digital economy", Management Science 49(11); Agrawal & Srikant (1994) for co-purchase (association) structure.
 *
 * Cost: O(P log P) for P products.
 * @example simulateCatalog(resolveShopOptions({ seed: 1 }), deriveRandom(1, 'catalog')).products[0].productId // 'P0001'
 */
import { sampleStandardNormal } from '../stats/sampleStandardNormal';
import type { RandomSource } from '../stats/seededRandom';
import type { ResolvedShopOptions } from './resolveShopOptions';
import type { ShopProductRow } from './shopRows';
import { SHOP_BRANDS, SHOP_CATEGORIES } from './shopVocabulary';
import type { WeightedSampler } from './weightedSampler';
import { weightedSampler } from './weightedSampler';

export interface SimulatedCatalog {
	products: ShopProductRow[];
	/** Category index of each product (into `categories`). */
	categoryOf: number[];
	categories: string[];
	/** True popularity of each product: the share of lines it gets when chosen by popularity (sums to 1). */
	popularity: number[];
	/** Index of each product's complement. */
	complementOf: number[];
	/** Products of each category, and a sampler by popularity within the category. */
	productsByCategory: number[][];
	samplerByCategory: WeightedSampler[];
}

function shuffled<T>(values: readonly T[], random: RandomSource): T[] {
	const copy = values.slice();
	for (let i = copy.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[copy[i], copy[j]] = [copy[j], copy[i]];
	}
	return copy;
}

export function simulateCatalog(
	options: ResolvedShopOptions,
	random: RandomSource,
): SimulatedCatalog {
	const {
		products: count,
		categories: categoryCount,
		popularityExponent,
		outOfStockShare,
	} = options.catalog;
	const categories = SHOP_CATEGORIES.slice(0, categoryCount);
	const width = Math.max(4, String(count).length);
	const titles = categories.map((category) =>
		shuffled(
			category.adjectives.flatMap((adjective) =>
				category.nouns.map((noun) => `${adjective} ${noun}`),
			),
			random,
		),
	);
	const used = new Array<number>(categoryCount).fill(0);
	const products: ShopProductRow[] = [];
	const categoryOf: number[] = [];
	for (let k = 0; k < count; k++) {
		const c = k % categoryCount;
		const category = categories[c];
		const n = used[c]++;
		const base = titles[c][n % titles[c].length];
		const round = Math.floor(n / titles[c].length);
		const price =
			Math.max(
				1,
				Math.round(category.medianPrice * Math.exp(0.45 * sampleStandardNormal(random))),
			) - 0.01;
		const stock = random() < outOfStockShare ? 0 : 5 + Math.floor(random() * 196);
		products.push({
			productId: `P${String(k + 1).padStart(width, '0')}`,
			title: round === 0 ? base : `${base} No. ${round + 1}`,
			category: category.name,
			brand: SHOP_BRANDS[Math.floor(random() * SHOP_BRANDS.length)],
			price: Math.round(price * 100) / 100,
			stock,
		});
		categoryOf.push(c);
	}
	const ranks = shuffled(
		products.map((_, k) => k),
		random,
	);
	const weights = new Array<number>(count);
	ranks.forEach((product, rank) => (weights[product] = 1 / Math.pow(rank + 1, popularityExponent)));
	const total = weights.reduce((sum, weight) => sum + weight, 0);
	const popularity = weights.map((weight) => weight / total);
	const productsByCategory = categories.map((_, c) =>
		products.map((__, k) => k).filter((k) => categoryOf[k] === c),
	);
	const samplerByCategory = productsByCategory.map((members) =>
		weightedSampler(members.map((k) => popularity[k])),
	);
	const categoryIndex = new Map(categories.map((category, c) => [category.name, c]));
	const complementOf = products.map((_, k) => {
		const own = categoryOf[k];
		const target = categoryIndex.get(categories[own].complementCategory) ?? own;
		const members = productsByCategory[target];
		for (let attempt = 0; attempt < 8; attempt++) {
			const candidate = members[samplerByCategory[target](random)];
			if (candidate !== k) return candidate;
		}
		return members.find((candidate) => candidate !== k) ?? k;
	});
	return {
		products,
		categoryOf,
		categories: categories.map((category) => category.name),
		popularity,
		complementOf,
		productsByCategory,
		samplerByCategory,
	};
}
