/**
 * A stored recommender model with today's stock from a catalog, so a product sold out since the model was built is
 * not recommended. Only the stock flags change (in memory, after the stored model passed its fingerprint check);
 * products the catalog does not list, or lists without a stock field, keep the flag they were built with.
 *
 *   inStock[p] = catalog stock of product p when known (readStockStatus), else the model's inStock[p]
 *
 * Cost: O(catalog + products).
 * @example withCatalogStock(model, [{ productId: 'B', stock_status: 'outofstock' }]).products.inStock // [true, false, ...]
 */
import type { CatalogItem } from './readCatalog';
import { readCatalog } from './readCatalog';
import type { RecommenderModel } from './recommenderModelSchema';

export function withCatalogStock(model: RecommenderModel, catalog: ReadonlyArray<CatalogItem>, idField = 'productId'): RecommenderModel {
	const table = readCatalog(catalog, idField, 'withCatalogStock');
	const stockOf = new Map(table.entries.map((entry) => [entry.id, entry.inStock]));
	const inStock = model.products.ids.map((id, p) => stockOf.get(id) ?? model.products.inStock[p]);
	return { ...model, products: { ...model.products, inStock } };
}
