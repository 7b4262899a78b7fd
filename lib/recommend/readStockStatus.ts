/**
 * Stock status of a catalog record in the vocabularies n8n's shop nodes return, so a sold-out product is never
 * recommended because its stock was written as text.
 *
 *   field: the mapped field when the record has it, else the first of stock_status (WooCommerce), in_stock
 *          (WooCommerce v1-v2), inventory_quantity / inventory_policy (a Shopify variant), variants (a Shopify
 *          product: in stock when any variant is), stock_quantity, stock
 *   true:  true, a number > 0, text "instock", "in stock", "available", "yes", "y", "true", "onbackorder",
 *          "backorder", "preorder" (can be ordered now), a Shopify policy "continue" (sells when out of stock) or
 *          an untracked Shopify variant (inventory_management null), schema.org https://schema.org/InStock
 *   false: false, a number <= 0, text "outofstock", "out of stock", "sold out", "none", "no", "n", "false",
 *          "unavailable", "discontinued", "" (an empty cell), schema.org OutOfStock / SoldOut / Discontinued
 *   null:  no stock field at all (unknown: the rules count it as in stock)
 * Text is read without case, spaces, "-" and "_"; numeric text as its number. Anything else (NaN, "maybe", an
 * object) is a LifecycleInputError naming the field: a guess could recommend a sold-out product.
 * Reference: WooCommerce REST API, product properties stock_status / stock_quantity,
 * https://woocommerce.github.io/woocommerce-rest-api-docs/#product-properties ; Shopify Admin REST API, ProductVariant
 * inventory_quantity / inventory_policy, https://shopify.dev/docs/api/admin-rest/latest/resources/product-variant
 *
 * Cost: O(variants).
 * @example readStockStatus({ stock_status: 'outofstock' }, 'inStock') // false
 * @example readStockStatus({ inventory_quantity: 0, inventory_policy: 'continue' }, 'inStock') // true
 */
import { LifecycleInputError } from '../errors';
import { ownField } from '../fieldValues';

const IN_STOCK = new Set(['instock', 'available', 'yes', 'y', 'true', 't', 'onbackorder', 'backorder', 'backordered', 'preorder', 'limitedavailability', 'onlineonly']);
const OUT_OF_STOCK = new Set(['outofstock', 'soldout', 'none', 'no', 'n', 'false', 'f', 'unavailable', 'notavailable', 'discontinued', '']);
const SHOP_FIELDS = ['stock_status', 'in_stock', 'inventory_quantity', 'inventory_policy', 'variants', 'stock_quantity', 'stock'] as const;
const HINT = 'Use true/false, a stock count, or a shop\'s stock text (instock, outofstock, onbackorder); map In Stock Field to the right field';

/** Text as compared: lower case, without spaces, "-", "_" and a schema.org prefix. */
function normaliseStockText(text: string): string {
	return text
		.trim()
		.toLowerCase()
		.replace(/^https?:\/\/schema\.org\//, '')
		.replace(/[\s_-]+/g, '');
}

function unrecognised(value: unknown, field: string): LifecycleInputError {
	const shown = typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
	return new LifecycleInputError(`has ${shown} in ${field}, which is not a stock status`, { field, hint: HINT });
}

/** One stock value (boolean, count or text) as in stock or not; null for no value. */
export function parseStockValue(value: unknown, field: string): boolean | null {
	if (value === undefined || value === null) return null;
	if (typeof value === 'boolean') return value;
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw unrecognised(value, field);
		return value > 0;
	}
	if (typeof value !== 'string') throw unrecognised(value, field);
	if (/^[+-]?\d+(\.\d+)?$/.test(value.trim())) return Number(value) > 0;
	const text = normaliseStockText(value);
	if (IN_STOCK.has(text)) return true;
	if (OUT_OF_STOCK.has(text)) return false;
	throw unrecognised(value, field);
}

/**
 * A Shopify variant: in stock when its quantity is > 0, its policy is "continue" (it sells anyway) or Shopify does
 * not track it (inventory_management null).
 */
function shopifyVariantStock(record: object, prefix: string): boolean | null {
	if (ownField(record, 'inventory_management') === null) return true;
	const policy = ownField(record, 'inventory_policy');
	if (policy !== undefined && policy !== null) {
		const text = typeof policy === 'string' ? normaliseStockText(policy) : '';
		if (text === 'continue') return true;
		if (text !== 'deny') throw unrecognised(policy, `${prefix}inventory_policy`);
	}
	return parseStockValue(ownField(record, 'inventory_quantity'), `${prefix}inventory_quantity`);
}

/** A Shopify product: in stock when any of its variants is; unknown when no variant says. */
function shopifyProductStock(variants: unknown): boolean | null {
	if (!Array.isArray(variants)) throw unrecognised(variants, 'variants');
	let known: boolean | null = null;
	variants.forEach((variant: unknown, position) => {
		if (variant === null || typeof variant !== 'object') throw unrecognised(variant, `variants[${position}]`);
		const stock = shopifyVariantStock(variant, `variants[${position}].`);
		if (stock !== null) known = known === true || stock;
	});
	return known;
}

/** The stock status of a catalog record (see the file comment); throws LifecycleInputError naming the field. */
export function readStockStatus(record: object, field = 'inStock'): boolean | null {
	if (ownField(record, field) !== undefined) return parseStockValue(ownField(record, field), field);
	const shopField = SHOP_FIELDS.find((name) => ownField(record, name) !== undefined);
	if (shopField === undefined) return null;
	if (shopField === 'inventory_quantity' || shopField === 'inventory_policy') return shopifyVariantStock(record, '');
	if (shopField === 'variants') return shopifyProductStock(ownField(record, 'variants'));
	return parseStockValue(ownField(record, shopField), shopField);
}

/** readStockStatus that returns its error instead of throwing it, for callers that collect item errors. */
export function readStockStatusOrError(record: object, field = 'inStock'): boolean | null | LifecycleInputError {
	try {
		return readStockStatus(record, field);
	} catch (error) {
		return error instanceof LifecycleInputError ? error : new LifecycleInputError(String(error), { field });
	}
}
