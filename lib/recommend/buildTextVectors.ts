/**
 * TF-IDF attribute vectors of products for content-based similar items: words of the title and description,
 * plus category, brand, tags and price band as whole tokens, each field with its weight, L2-normalised so
 * that the dot product of two vectors is their cosine. Terms held by one product only cannot make two
 * products similar: they count in the norm but are not stored.
 *
 *   w(p, t) = fieldWeight(t) * (1 + ln tf(p, t)) * (ln((1 + N) / (1 + df(t))) + 1),   v_p = w(p, .) / ||w(p, .)||
 *   similar(p, q) = sum over t of v_p(t) * v_q(t)
 *
 * Reference: Salton & Buckley (1988), "Term-weighting approaches in automatic text retrieval",
 * https://doi.org/10.1016/0306-4573(88)90021-0; smooth idf as in scikit-learn's TfidfVectorizer.
 *
 * Cost: O(total tokens) time and memory.
 * @example buildTextVectors([{ words: ['metal', 'lantern'], category: 'Lighting', brand: null, tags: [], priceBand: 2 }], weights).terms
 */
import { roundSignificant } from './roundSignificant';

export interface AttributeWeights {
	words: number;
	category: number;
	brand: number;
	tags: number;
	priceBand: number;
}

export const DEFAULT_ATTRIBUTE_WEIGHTS: AttributeWeights = { words: 1, category: 1, brand: 1, tags: 1, priceBand: 0.5 };

export interface ProductAttributes {
	words: ReadonlyArray<string>;
	category: string | null;
	brand: string | null;
	tags: ReadonlyArray<string>;
	priceBand: number | null;
}

export interface TextVectors {
	/** Term names: "word:lantern", "category:lighting", "brand:...", "tag:...", "price:3". */
	terms: string[];
	/** Product p's terms are termIds[offsets[p] .. offsets[p + 1] - 1] with `weights` at the same positions. */
	offsets: number[];
	termIds: number[];
	weights: number[];
}

export function buildTextVectors(products: ReadonlyArray<ProductAttributes>, weights: AttributeWeights): TextVectors {
	const termIndex = new Map<string, number>();
	const documentFrequency: number[] = [];
	const counted: Array<Map<number, { tf: number; field: number }>> = [];
	const fieldWeight = [weights.words, weights.category, weights.brand, weights.tags, weights.priceBand];
	const termFor = (name: string): number => {
		let t = termIndex.get(name);
		if (t === undefined) {
			t = documentFrequency.length;
			termIndex.set(name, t);
			documentFrequency.push(0);
		}
		return t;
	};
	let documents = 0;
	for (const product of products) {
		const terms = new Map<number, { tf: number; field: number }>();
		const add = (name: string, field: number) => {
			if (fieldWeight[field] <= 0) return;
			const t = termFor(name);
			const existing = terms.get(t);
			if (existing) existing.tf++;
			else terms.set(t, { tf: 1, field });
		};
		for (const word of product.words) add(`word:${word}`, 0);
		if (product.category !== null) add(`category:${product.category.toLowerCase()}`, 1);
		if (product.brand !== null) add(`brand:${product.brand.toLowerCase()}`, 2);
		for (const tag of product.tags) add(`tag:${tag.toLowerCase()}`, 3);
		if (product.priceBand !== null) add(`price:${product.priceBand}`, 4);
		for (const t of terms.keys()) documentFrequency[t]++;
		if (terms.size > 0) documents++;
		counted.push(terms);
	}
	const idf = documentFrequency.map((df) => Math.log((1 + documents) / (1 + df)) + 1);
	// Keep only terms shared by two or more products, renumbered densely.
	const keptTerm = new Int32Array(documentFrequency.length).fill(-1);
	const allTerms = [...termIndex.keys()];
	const terms: string[] = [];
	for (let t = 0; t < documentFrequency.length; t++) {
		if (documentFrequency[t] >= 2) {
			keptTerm[t] = terms.length;
			terms.push(allTerms[t]);
		}
	}
	const offsets: number[] = [0];
	const termIds: number[] = [];
	const vectorWeights: number[] = [];
	for (const product of counted) {
		let norm = 0;
		const entries: Array<[number, number]> = [];
		for (const [t, { tf, field }] of product) {
			const w = fieldWeight[field] * (1 + Math.log(tf)) * idf[t];
			norm += w * w;
			if (keptTerm[t] >= 0) entries.push([keptTerm[t], w]);
		}
		norm = Math.sqrt(norm);
		entries.sort((a, b) => a[0] - b[0]);
		for (const [t, w] of entries) {
			termIds.push(t);
			vectorWeights.push(roundSignificant(w / norm));
		}
		offsets.push(termIds.length);
	}
	return { terms, offsets, termIds, weights: vectorWeights };
}
