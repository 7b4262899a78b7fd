import type { CatalogItem, Interaction, RecommendStrategy } from '../../../lib';
import { buildRecommender, createRecommender, evaluateRecommender, parseRecommenderModel, profileInteractions, rankingScores, recommend, seededRandom } from '../../../lib';

/**
 * c1 bought A and B together (o1), c2 too (o2), c3 bought A and C together (o3), c4 bought B alone (o4).
 * Binary cosine: Q_A = 3, Q_B = 3, Q_C = 1; S(A, B) = 2 -> 2/3; S(A, C) = 1 -> 1/sqrt(3) = 0.57735; S(B, C) = 0.
 */
const lines: Interaction[] = [
	{ customerId: 'c1', productId: 'A', orderId: 'o1', timestamp: '2024-01-01' },
	{ customerId: 'c1', productId: 'B', orderId: 'o1', timestamp: '2024-01-01' },
	{ customerId: 'c2', productId: 'A', orderId: 'o2', timestamp: '2024-01-02' },
	{ customerId: 'c2', productId: 'B', orderId: 'o2', timestamp: '2024-01-02' },
	{ customerId: 'c3', productId: 'A', orderId: 'o3', timestamp: '2024-01-03' },
	{ customerId: 'c3', productId: 'C', orderId: 'o3', timestamp: '2024-01-03' },
	{ customerId: 'c4', productId: 'B', orderId: 'o4', timestamp: '2024-01-04' },
];
const catalog: CatalogItem[] = [
	{ productId: 'A', title: 'WHITE METAL LANTERN', category: 'Lighting', price: 3.75, inStock: true },
	{ productId: 'B', title: 'RED METAL LANTERN', category: 'Lighting', price: 4.15, inStock: true },
	{ productId: 'C', title: 'PAPER NAPKINS', category: 'Kitchen', price: 0.85, inStock: true },
];
const exact = { similarity: 'cosine' as const, minCoCustomers: 1, shrinkage: 0, customerWeighting: 'equal' as const, boughtTogether: { minSupport: 1, minLift: 0, minConfidence: 0 }, catalog };

describe('recommend: strategies on a hand-computed shop', () => {
	const model = buildRecommender(lines, exact);

	it('personalised: item-kNN cosine summed over the history, with the customers behind it', () => {
		const { recommendations } = recommend(model, { productsPurchased: ['A'] }, { fallback: false });
		expect(recommendations.map((item) => [item.productId, item.score, item.reason])).toEqual([
			['B', 0.666667, 'customers who bought WHITE METAL LANTERN also bought it (2 customers)'],
			['C', 0.57735, 'customers who bought WHITE METAL LANTERN also bought it (1 customer)'],
		]);
		expect(recommendations[0]).toMatchObject({ title: 'RED METAL LANTERN', strategy: 'personalised', rank: 1 });
	});

	it('weighs the history by event type: a view counts 0.2 of a purchase', () => {
		const { recommendations } = recommend(model, { productsViewed: ['A'] }, { fallback: false });
		expect(recommendations.map((item) => [item.productId, item.score])).toEqual([
			['B', 0.133333],
			['C', 0.11547],
		]);
		expect(recommendations[0].reason).toBe('customers who viewed WHITE METAL LANTERN also bought it (2 customers)');
	});

	it('bought together: confidence and lift of the rules A -> B (2/3, 0.889) and A -> C (1/3, 1.333)', () => {
		const { recommendations } = recommend(model, {}, { strategy: 'boughtTogether', products: ['A'], fallback: false });
		expect(recommendations.map((item) => [item.productId, item.score, item.reason])).toEqual([
			['B', 0.666667, 'bought together with WHITE METAL LANTERN by 2 customers (confidence 66.7%, lift 0.9)'],
			['C', 0.333333, 'bought together with WHITE METAL LANTERN by 1 customer (confidence 33.3%, lift 1.3)'],
		]);
		// The default thresholds (lift >= 1) keep only the rule that beats chance.
		const strict = recommend(buildRecommender(lines, { ...exact, boughtTogether: { minSupport: 1 } }), {}, { strategy: 'boughtTogether', products: ['A'], fallback: false });
		expect(strict.recommendations.map((item) => item.productId)).toEqual(['C']);
	});

	it('similar: catalog attributes, not behaviour; the napkins share nothing with a lantern', () => {
		const { recommendations } = recommend(model, {}, { strategy: 'similar', products: ['A'], fallback: false });
		expect(recommendations.map((item) => item.productId)).toEqual(['B']);
		expect(recommendations[0].reason).toMatch(/^similar to WHITE METAL LANTERN: .*metal.*lantern|^similar to WHITE METAL LANTERN: .*category lighting/);
	});

	it('popular and trending count customers, ties in product order; the fallback never pads with random items', () => {
		expect(recommend(model, {}, { strategy: 'popular', fallback: false }).recommendations.map((item) => [item.productId, item.score])).toEqual([
			['A', 3],
			['B', 3],
			['C', 1],
		]);
		const cold = recommend(model, { productsPurchased: ['UNKNOWN'] }, { count: 5 });
		expect(cold.unknownProducts).toBe(1);
		// Trending decays with a 7-day half-life: B, bought last (January 4th), leads A, bought last on January 3rd.
		expect(cold.recommendations.map((item) => item.productId)).toEqual(['B', 'A', 'C']);
		expect(cold.fallbackUsed).toEqual(['trending']);
	});

	it('round-trips through JSON and refuses a tampered or foreign model', () => {
		const stored = parseRecommenderModel(JSON.parse(JSON.stringify(model)));
		expect(recommend(stored, { productsPurchased: ['A'] })).toEqual(recommend(model, { productsPurchased: ['A'] }));
		const tampered = JSON.parse(JSON.stringify(model));
		tampered.personalised.items[0] = 99;
		expect(() => parseRecommenderModel(tampered)).toThrow('personalised.items');
		expect(() => parseRecommenderModel({ kind: 'lifecycleChurnModel' })).toThrow("requires kind 'recommender'");
	});

	it('counts bad interactions instead of crashing, and says so when none is usable', () => {
		const messy = buildRecommender([...lines, { customerId: '', productId: 'A' }, { customerId: 'c9', productId: 'Z', type: 'teleport' }] as Interaction[], exact);
		expect(messy.summary.interactions.skipped).toMatchObject({ missingCustomer: 1, unknownType: 1 });
		expect(() => buildRecommender([{ customerId: '', productId: '' }] as Interaction[])).toThrow('found no usable interaction');
	});
});

describe('recommend: business rules hold over randomised shops (property test)', () => {
	const strategies: RecommendStrategy[] = ['personalised', 'boughtTogether', 'similar', 'trending', 'popular'];

	it('never shows a purchased, out-of-stock, off-price, excluded-category or over-limit product', () => {
		const random = seededRandom(42);
		let checked = 0;
		for (let shop = 0; shop < 12; shop++) {
			const products = 30 + Math.floor(random() * 40);
			const shopCatalog: CatalogItem[] = Array.from({ length: products }, (_, p) => ({
				productId: `P${p}`,
				title: `item ${p % 7} word${p % 5}`,
				category: `cat${p % 6}`,
				price: Math.round(random() * 10000) / 100,
				inStock: random() > 0.2,
			}));
			const interactions: Interaction[] = [];
			for (let c = 0; c < 80; c++) {
				const size = 1 + Math.floor(random() * 8);
				for (let i = 0; i < size; i++) {
					interactions.push({ customerId: `c${c}`, productId: `P${Math.floor(products * random() ** 2)}`, orderId: `o${c}-${i >> 1}`, timestamp: 1.7e12 + Math.floor(random() * 1e9), type: random() < 0.8 ? 'purchase' : 'view' });
				}
			}
			const model = buildRecommender(interactions, { catalog: shopCatalog, minCoCustomers: 1, boughtTogether: { minSupport: 1 } });
			const recommender = createRecommender(model);
			const meta = new Map(shopCatalog.map((item) => [item.productId as string, item]));
			for (let trial = 0; trial < 25; trial++) {
				const purchased = Array.from({ length: Math.floor(random() * 6) }, () => `P${Math.floor(random() * products)}`);
				const minPrice = random() < 0.5 ? Math.round(random() * 3000) / 100 : null;
				const maxPrice = random() < 0.5 ? (minPrice ?? 0) + Math.round(random() * 7000) / 100 : null;
				const excludeCategories = random() < 0.5 ? [`cat${Math.floor(random() * 6)}`] : [];
				const includeCategories = random() < 0.3 ? [`cat${Math.floor(random() * 6)}`, `cat${Math.floor(random() * 6)}`] : [];
				const maxPerCategory = random() < 0.5 ? 1 + Math.floor(random() * 3) : null;
				const strategy = strategies[Math.floor(random() * strategies.length)];
				const { recommendations } = recommender(
					{ productsPurchased: purchased },
					{ strategy, count: 10, products: purchased.length ? purchased.slice(0, 1) : ['P0'], rules: { minPrice, maxPrice, excludeCategories, includeCategories, maxPerCategory } },
				);
				const perCategory = new Map<string, number>();
				for (const item of recommendations) {
					const entry = meta.get(item.productId)!;
					const price = entry.price as number;
					expect(purchased).not.toContain(item.productId);
					expect(entry.inStock).toBe(true);
					if (minPrice !== null) expect(price).toBeGreaterThanOrEqual(minPrice);
					if (maxPrice !== null) expect(price).toBeLessThanOrEqual(maxPrice);
					expect(excludeCategories).not.toContain(entry.category);
					if (includeCategories.length) expect(includeCategories).toContain(entry.category);
					perCategory.set(entry.category as string, (perCategory.get(entry.category as string) ?? 0) + 1);
					expect(item.reason.length).toBeGreaterThan(5);
					checked++;
				}
				if (maxPerCategory !== null) for (const count of perCategory.values()) expect(count).toBeLessThanOrEqual(maxPerCategory);
				expect(new Set(recommendations.map((item) => item.productId)).size).toBe(recommendations.length);
			}
		}
		expect(checked).toBeGreaterThan(1000);
	});

	it('allows a consumable again after the repurchase window, pins and boosts', () => {
		const model = buildRecommender(lines, exact);
		const history = [{ productId: 'B', type: 'purchase', at: '2023-01-01' }];
		const withinWindow = recommend(model, { history }, { strategy: 'popular', fallback: false, now: '2023-01-20', rules: { repurchaseDays: 30 } });
		expect(withinWindow.recommendations.map((item) => item.productId)).toEqual(['A', 'C']);
		const after = recommend(model, { history }, { strategy: 'popular', fallback: false, now: '2023-03-01', rules: { repurchaseDays: 30 } });
		expect(after.recommendations.map((item) => item.productId)).toEqual(['A', 'B', 'C']);
		const pinned = recommend(model, {}, { strategy: 'popular', fallback: false, rules: { pinned: ['C'], boosted: { B: 2 } } });
		expect(pinned.recommendations.map((item) => [item.productId, item.strategy])).toEqual([
			['C', 'pinned'],
			['B', 'popular'],
			['A', 'popular'],
		]);
		expect(() => recommend(model, {}, { rules: { minPrice: 5, maxPrice: 1 } })).toThrow('minPrice <= maxPrice');
	});
});

describe('evaluateRecommender', () => {
	it('computes P@k, R@k, nDCG@k and AP as references.md defines them (hand case)', () => {
		// Hits at ranks 1 and 3 of 3; 3 relevant. DCG = 1 + 1/log2(4) = 1.5; IDCG = 1 + 1/log2(3) + 1/log2(4) = 2.130930.
		const scores = rankingScores(['a', 'x', 'b'], new Set(['a', 'b', 'c']), 3);
		expect(scores.precision).toBeCloseTo(2 / 3, 12);
		expect(scores.recall).toBeCloseTo(2 / 3, 12);
		expect(scores.ndcg).toBeCloseTo(1.5 / 2.13093, 5);
		expect(scores.averagePrecision).toBeCloseTo((1 + 2 / 3) / 3, 12);
	});

	it('splits by time, scores only customers present in both periods, and always reports MostPopular', () => {
		const later: Interaction[] = [
			{ customerId: 'c4', productId: 'A', orderId: 'o5', timestamp: '2024-02-01' },
			{ customerId: 'c9', productId: 'C', orderId: 'o6', timestamp: '2024-02-01' },
		];
		const evaluation = evaluateRecommender([...lines, ...later], { splitAt: '2024-01-15', k: 2, build: { minCoCustomers: 1 } });
		expect(evaluation).toMatchObject({ k: 2, trainInteractions: 7, testCustomers: 1 });
		expect(evaluation.results.map((result) => result.strategy)).toEqual(['personalised', 'mostPopular']);
		// c4 bought B; B's only neighbour is A (cosine 2/3): A at rank 1 is the hit.
		expect(evaluation.results[0]).toMatchObject({ precision: 0.5, recall: 1, ndcg: 1, map: 1 });
	});
});

describe('profileInteractions', () => {
	it('turns Build Profile\'s product lists into weighted interactions, keyed and grouped as the profile says', () => {
		expect(
			profileInteractions([
				{ customerId: 'c1', productsPurchased: ['A'], productsInCart: ['B'], productsViewed: ['C'], country: 'France', rfmSegment: 'Champions' },
				{ email: 'x@example.com', productsPurchased: ['A'], ['__proto__']: ['Z'] },
				{ productsPurchased: 'A,B' },
			]),
		).toEqual([
			{ customerId: 'c1', productId: 'A', type: 'purchase', country: 'France', segment: 'Champions' },
			{ customerId: 'c1', productId: 'B', type: 'cart', country: 'France', segment: 'Champions' },
			{ customerId: 'c1', productId: 'C', type: 'view', country: 'France', segment: 'Champions' },
			{ customerId: 'x@example.com', productId: 'A', type: 'purchase', country: undefined, segment: undefined },
		]);
	});
});
