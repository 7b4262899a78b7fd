import { LifecycleInputError } from '../../../lib/errors';
import { parseStockValue, readStockStatus } from '../../../lib/recommend/readStockStatus';
import { readCatalog } from '../../../lib/recommend/readCatalog';

describe('readStockStatus: the stock vocabularies of n8n\'s shop nodes', () => {
	it.each([
		['instock', true],
		['outofstock', false],
		['onbackorder', true],
		['out of stock', false],
		['Out-Of-Stock', false],
		[' OUT_OF_STOCK ', false],
		['sold out', false],
		['none', false],
		['N', false],
		['no', false],
		['Y', true],
		['In Stock', true],
		['available', true],
		['https://schema.org/OutOfStock', false],
		['http://schema.org/InStock', true],
		['0', false],
		['12', true],
		['-3', false],
		['', false],
		[true, true],
		[false, false],
		[0, false],
		[5, true],
		[-1, false],
		[null, null],
	])('reads %j as in stock %j', (value, expected) => {
		expect(parseStockValue(value, 'stock_status')).toBe(expected);
	});

	it.each([['maybe'], ['instok'], [Number.NaN], [Number.POSITIVE_INFINITY], [{ status: 'instock' }], [['instock']]])('refuses %j with an error naming the field', (value) => {
		expect(() => parseStockValue(value, 'stock_status')).toThrow(LifecycleInputError);
		expect(() => parseStockValue(value, 'stock_status')).toThrow(/in stock_status, which is not a stock status/);
	});

	it('reads WooCommerce products by their stock_status, and the older in_stock flag', () => {
		expect(readStockStatus({ id: 1, stock_status: 'outofstock', stock_quantity: null })).toBe(false);
		expect(readStockStatus({ id: 1, stock_status: 'onbackorder', stock_quantity: 0 })).toBe(true);
		expect(readStockStatus({ id: 1, in_stock: false })).toBe(false);
	});

	it('reads Shopify variants by inventory quantity and policy, and products by their variants', () => {
		expect(readStockStatus({ inventory_quantity: 0, inventory_policy: 'deny' })).toBe(false);
		expect(readStockStatus({ inventory_quantity: 0, inventory_policy: 'continue' })).toBe(true);
		expect(readStockStatus({ inventory_quantity: 3, inventory_policy: 'deny' })).toBe(true);
		expect(readStockStatus({ inventory_quantity: 0, inventory_policy: 'deny', inventory_management: null })).toBe(true);
		const variant = (quantity: number) => ({ inventory_quantity: quantity, inventory_policy: 'deny', inventory_management: 'shopify' });
		expect(readStockStatus({ id: 7, variants: [variant(0), variant(0)] })).toBe(false);
		expect(readStockStatus({ id: 7, variants: [variant(0), variant(2)] })).toBe(true);
		expect(readStockStatus({ id: 7, variants: [] })).toBeNull();
		expect(() => readStockStatus({ inventory_quantity: 0, inventory_policy: 'sometimes' })).toThrow(/in inventory_policy/);
		expect(() => readStockStatus({ variants: [{ inventory_quantity: 'lots' }] })).toThrow(/in variants\[0\]\.inventory_quantity/);
	});

	it('prefers the mapped field and says unknown (null) when the record has no stock field', () => {
		expect(readStockStatus({ available: 'no', stock_status: 'instock' }, 'available')).toBe(false);
		expect(readStockStatus({ title: 'Lantern' })).toBeNull();
	});

	it('never reads a prototype name as a stock field', () => {
		expect(readStockStatus({}, 'constructor')).toBeNull();
		expect(readStockStatus({}, '__proto__')).toBeNull();
	});
});

describe('readCatalog: stock and prices', () => {
	it('marks WooCommerce\'s outofstock, counts and numeric text as the lib caller wrote them', () => {
		const table = readCatalog([
			{ productId: 'A', inStock: 'outofstock' },
			{ productId: 'B', inStock: 0 },
			{ productId: 'C', stock_status: 'instock' },
			{ productId: 'D', inStock: 'true' },
		]);
		expect(table.entries.map((entry) => entry.inStock)).toEqual([false, false, true, true]);
	});

	it('refuses unrecognised stock text naming the catalog item and field', () => {
		const failure = (() => {
			try {
				readCatalog([{ productId: 'A', inStock: true }, { productId: 'B', stock_status: 'maybe' }]);
			} catch (error) {
				return error as LifecycleInputError;
			}
			return undefined;
		})();
		expect(failure).toBeInstanceOf(LifecycleInputError);
		expect(failure?.message).toBe('Catalog item 1 has "maybe" in stock_status, which is not a stock status');
		expect(failure).toMatchObject({ itemIndex: 1, field: 'stock_status' });
	});

	it('reads prices written as text and counts the unreadable ones', () => {
		const table = readCatalog([
			{ productId: 'A', price: '12.50' },
			{ productId: 'B', price: '12,50' },
			{ productId: 'C', price: 'EUR 3' },
			{ productId: 'D', price: '' },
			{ productId: 'E', price: 4 },
		]);
		expect(table.entries.map((entry) => entry.price)).toEqual([12.5, null, null, null, 4]);
		expect(table.skipped.invalidPrice).toBe(2);
	});
});
