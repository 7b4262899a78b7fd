import type { Interaction } from '../../../lib';
import { buildRecommender, parseRecommenderModel } from '../../../lib';
import { recommenderModelFingerprint } from '../../../lib/recommend/recommenderModelFingerprint';

const lines: Interaction[] = [
	{ customerId: 'c1', productId: 'A', orderId: 'o1', timestamp: '2024-01-01' },
	{ customerId: 'c1', productId: 'B', orderId: 'o1', timestamp: '2024-01-01' },
	{ customerId: 'c2', productId: 'A', orderId: 'o2', timestamp: '2024-01-02' },
	{ customerId: 'c2', productId: 'B', orderId: 'o2', timestamp: '2024-01-02' },
	{ customerId: 'c3', productId: 'A', orderId: 'o3', timestamp: '2024-01-03' },
];
const catalog = [{ productId: 'A', title: 'LANTERN', price: 3.75, inStock: true }, { productId: 'B', title: 'NAPKINS', price: 0.85, inStock: false }];
const model = buildRecommender(lines, { minCoCustomers: 1, catalog });
/** A stored copy, typed loosely so a test can edit any part of it. */
type StoredModel = { products: { popularity: number[]; inStock: Array<boolean | null>; titles: string[] }; personalised: { scores: number[] }; settings: { personalised: { neighbours: number } }; fingerprint?: string };
const stored = () => JSON.parse(JSON.stringify(model)) as StoredModel;

describe('recommender model fingerprint', () => {
	it('is written by buildRecommender and survives JSON and key order', () => {
		expect(model.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
		expect(model.fingerprint).toBe(recommenderModelFingerprint(model as unknown as Record<string, unknown>));
		const reordered = Object.fromEntries(Object.entries(stored() as object).reverse());
		expect(parseRecommenderModel(reordered).fingerprint).toBe(model.fingerprint);
	});

	it.each([
		['a popularity nudged by one ulp', (copy: StoredModel) => (copy.products.popularity[0] = copy.products.popularity[0] + Number.EPSILON * Math.max(1, copy.products.popularity[0]))],
		['an out-of-stock product marked in stock', (copy: StoredModel) => (copy.products.inStock[1] = true)],
		['a title edited', (copy: StoredModel) => (copy.products.titles[0] = 'FREE LANTERN')],
		['a neighbour score edited', (copy: StoredModel) => (copy.personalised.scores[0] = 0.99)],
		['a setting edited', (copy: StoredModel) => (copy.settings.personalised.neighbours = 3)],
	])('refuses an edited stored model: %s', (_, edit) => {
		const copy = stored();
		edit(copy);
		expect(() => parseRecommenderModel(copy)).toThrow('parseRecommenderModel refused the model: it was changed after it was built, its content does not match its fingerprint');
	});

	it('refuses a stored model without a fingerprint, or with a malformed one', () => {
		const copy = stored();
		delete copy.fingerprint;
		expect(() => parseRecommenderModel(copy)).toThrow('it has no fingerprint, so it cannot be told apart from an edited copy');
		expect(() => parseRecommenderModel({ ...stored(), fingerprint: 'sha256:abc' })).toThrow('fingerprint: Expected sha256: and 64 hex digits');
	});
});
