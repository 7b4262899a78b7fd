/**
 * Word tokens of a product text for TF-IDF: lower-cased runs of letters and digits (any script), without
 * one-character tokens, pure numbers and a short list of English function words.
 *
 *   tokens("WHITE METAL LANTERN, 2 pack") = ["white", "metal", "lantern", "pack"]
 *
 * Reference: Manning, Raghavan & Schuetze (2008), "Introduction to Information Retrieval", chapter 2
 * (tokenization, stop words), https://nlp.stanford.edu/IR-book/
 *
 * Cost: O(length of the text).
 * @example tokenizeText('Set of 3 Cake Tins') // ['set', 'cake', 'tins']
 */
const STOP_WORDS = new Set(['a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'in', 'is', 'it', 'of', 'on', 'or', 'the', 'to', 'with']);

export function tokenizeText(text: string): string[] {
	const tokens: string[] = [];
	for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
		const token = match[0];
		if (token.length < 2 || /^\p{N}+$/u.test(token) || STOP_WORDS.has(token)) continue;
		tokens.push(token);
	}
	return tokens;
}
