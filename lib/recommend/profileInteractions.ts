/**
 * Build Profile's product lists as interactions, so a recommender can be built from profiles alone:
 * productsPurchased -> purchase, productsInCart -> cart, productsViewed -> view, keyed by customerId (else
 * profileId, email, or the item's position) and carrying country and segment (else rfmSegment) for trending
 * per group. Profiles carry no dates or orders, so such a model has no baskets (bought-together needs order lines).
 *
 * Cost: O(total list length).
 * @example profileInteractions([{ customerId: 'c1', productsPurchased: ['A'] }]) // [{ customerId: 'c1', productId: 'A', type: 'purchase', ... }]
 */
import { ownField } from '../fieldValues';
import type { Interaction } from './readInteractions';

const LISTS = [
	['productsPurchased', 'purchase'],
	['productsInCart', 'cart'],
	['productsViewed', 'view'],
] as const;

export function profileInteractions(profiles: ReadonlyArray<Record<string, unknown>>): Interaction[] {
	const interactions: Interaction[] = [];
	profiles.forEach((profile, index) => {
		const customerId = (ownField(profile, 'customerId') ?? ownField(profile, 'profileId') ?? ownField(profile, 'email') ?? `item-${index}`) as string;
		const country = ownField(profile, 'country') as string | undefined;
		const segment = (ownField(profile, 'segment') ?? ownField(profile, 'rfmSegment')) as string | undefined;
		for (const [field, type] of LISTS) {
			const products = ownField(profile, field);
			// Only text and numbers can be product ids; anything else is refused per item when the customer is read.
			if (Array.isArray(products)) for (const productId of products) if (isProductId(productId)) interactions.push({ customerId, productId: String(productId), type, country, segment });
		}
	});
	return interactions;
}

function isProductId(value: unknown): value is string | number {
	return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}
