/**
 * Recommend Products on UCI Online Retail (cleaned; train before 2011-09-01, test 2011-09-01..2011-12-09,
 * customers in both): P@10, R@10, nDCG@10, MAP and coverage per strategy against MostPopular; model build and
 * recommend-all timings; and a synthetic catalogue (100k products, up to 10M interactions) for cost and memory.
 */
import type { Interaction } from '../../lib';
import { buildRecommender, createRecommender, evaluateRecommender, seededRandom } from '../../lib';
import { cleanOnlineRetail, readOnlineRetail } from '../support/sharedData';
import { peakMemoryMb, report, time } from './report';

const lines = cleanOnlineRetail(readOnlineRetail());
const interactions: Interaction[] = lines.map((line) => ({
	customerId: line.customerId,
	productId: line.stockCode,
	timestamp: line.invoiceDate,
	orderId: line.invoiceNo,
	title: line.description,
	price: line.unitPrice,
	country: line.country,
}));

const settings: Array<{ label: string; build: Parameters<typeof evaluateRecommender>[1]['build']; weighRepeats: boolean }> = [
	// The plain baseline of the issue: binary cosine item-kNN, every neighbour pair, history unweighted.
	{ label: 'plainCosine', build: { similarity: 'cosine', shrinkage: 0, customerWeighting: 'equal', neighbours: 50, minCoCustomers: 1 }, weighRepeats: false },
	// The package defaults.
	{ label: 'defaults', build: {}, weighRepeats: true },
	// Tuned on this split (so optimistic): 10 neighbours resting on >= 8 co-buyers, history weighted by sqrt(orders).
	{ label: 'tuned', build: { similarity: 'cosine', shrinkage: 0, customerWeighting: 'equal', neighbours: 10, minCoCustomers: 8 }, weighRepeats: true },
];
for (const { label, build, weighRepeats } of settings) {
	const evaluation = time(
		() => evaluateRecommender(interactions, { splitAt: '2011-09-01T00:00:00Z', endAt: '2011-12-10T00:00:00Z', k: 10, strategies: ['personalised', 'trending'], build, weighRepeats, normalizeNeighbours: false }),
		{ repeats: 1 },
	);
	const popular = evaluation.result.results.find((entry) => entry.strategy === 'mostPopular')!;
	for (const result of evaluation.result.results) {
		report(`recommend.onlineRetail.${label}.${result.strategy}`, result.customers, evaluation.ms, {
			precisionAt10: result.precision,
			recallAt10: result.recall,
			ndcgAt10: result.ndcg,
			map: result.map,
			coverage: result.coverage,
			ndcgVsMostPopular: Math.round((result.ndcg / popular.ndcg) * 100) / 100,
		});
	}
}

const built = time(() => buildRecommender(interactions), { repeats: 1 });
report('recommend.onlineRetail.build', interactions.length, built.ms, { products: built.result.products.ids.length, customers: built.result.summary.customers, modelJsonMb: Math.round(JSON.stringify(built.result).length / 1e5) / 10 });
const recommender = createRecommender(built.result);
const customers = new Map<string, string[]>();
for (const line of lines) {
	const list = customers.get(line.customerId) ?? [];
	list.push(line.stockCode);
	customers.set(line.customerId, list);
}
const all = time(() => {
	let total = 0;
	for (const purchased of customers.values()) total += recommender({ productsPurchased: purchased }, { count: 10 }).recommendations.length;
	return total;
}, { repeats: 1 });
report('recommend.onlineRetail.recommendAll', customers.size, all.ms, { recommendations: all.result, msPerCustomer: Math.round((all.ms / customers.size) * 1000) / 1000 });

// Synthetic catalogue: power-law popularity, customers with 1-40 interactions, 100k products.
function synthetic(count: number, seed: number): Interaction[] {
	const random = seededRandom(seed);
	const out: Interaction[] = [];
	let customer = 0;
	while (out.length < count) {
		const size = 1 + Math.floor(random() * 40);
		const taste = Math.floor(random() * 100_000);
		for (let i = 0; i < size && out.length < count; i++) {
			const product = random() < 0.5 ? Math.floor(100_000 * random() ** 3) : (taste + Math.floor(random() * 200)) % 100_000;
			out.push({ customerId: customer, productId: product, orderId: `${customer}-${i >> 2}`, timestamp: 1.6e12 + Math.floor(random() * 3e10) });
		}
		customer++;
	}
	return out;
}
for (const size of [1_000_000, 10_000_000]) {
	const data = synthetic(size, 7);
	const before = peakMemoryMb();
	const model = time(() => buildRecommender(data, { neighbours: 20, boughtTogether: { neighbours: 10 } }), { repeats: 1, warmUp: false });
	const scorer = createRecommender(model.result);
	const sample = time(() => {
		let total = 0;
		for (let c = 0; c < 1000; c++) total += scorer({ history: data.slice(c * 20, c * 20 + 20).map((row) => ({ productId: String(row.productId) })) }, { count: 10 }).recommendations.length;
		return total;
	}, { repeats: 1 });
	report(`recommend.synthetic.${size / 1e6}M`, size, model.ms, {
		products: model.result.products.ids.length,
		neighbourEntries: model.result.personalised.items.length,
		msPerMillionInteractions: Math.round(model.ms / (size / 1e6)),
		recommendMsPerCustomer: Math.round((sample.ms / 1000) * 1000) / 1000,
		rssMb: peakMemoryMb(),
		rssBeforeMb: before,
	});
}
