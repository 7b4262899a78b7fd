/**
 * Catalog reader: product attributes for similar items and business rules (title, description, category,
 * brand, tags, price, stock), keyed by an id field. Entries without an id or with an id met before are
 * skipped and counted; a catalog where no entry has the id field is an error that names the field.
 *
 *   inStock = readStockStatus(entry): true/false, counts and the shop nodes' stock texts; unknown (null) when no
 *             stock field; unrecognised stock text is a LifecycleInputError naming the entry and field
 *   price   = readPrice(entry.price): numbers and numeric text; anything else is counted in skipped.invalidPrice
 *
 * Reference: schema.org Product (name, description, category, brand, offers.price, availability),
 * https://schema.org/Product
 *
 * Cost: O(entries) time and memory.
 * @example readCatalog([{ productId: 'A1', category: 'Lighting', price: 3.5 }]).entries[0].category // 'Lighting'
 */
import { LifecycleInputError } from '../errors';
import { ownField } from '../fieldValues';
import { readPrice } from './readPrice';
import { readStockStatusOrError } from './readStockStatus';
export interface CatalogItem {
	productId?: string | number;
	title?: string | null;
	description?: string | null;
	category?: string | null;
	brand?: string | null;
	/** A list, or one string separated by commas. */
	tags?: ReadonlyArray<string> | string | null;
	/** A number or numeric text ("12.50"). */
	price?: number | string | null;
	/** true/false, a count, or stock text; see readStockStatus (stock_status, variants, ... are read too). */
	inStock?: boolean | number | string | null;
	stock?: number | string | null;
	[field: string]: unknown;
}

export interface CatalogEntry {
	id: string;
	title: string | null;
	description: string | null;
	category: string | null;
	brand: string | null;
	tags: string[];
	price: number | null;
	inStock: boolean | null;
}

export interface CatalogSkips {
	notAnObject: number;
	missingId: number;
	duplicateId: number;
	/** Prices that were present but not a finite number >= 0 (the entry is kept without a price). */
	invalidPrice: number;
}

export interface CatalogTable {
	entries: CatalogEntry[];
	read: number;
	skipped: CatalogSkips;
}


function readText(value: unknown): string | null {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value !== 'string') return null;
	const text = value.trim();
	return text === '' ? null : text;
}

function readTags(value: unknown): string[] {
	const raw = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : [];
	const tags: string[] = [];
	for (const tag of raw) {
		const text = readText(tag);
		if (text !== null && !tags.includes(text)) tags.push(text);
	}
	return tags;
}

/** The stock status of catalog entry `index`, its errors naming the entry. */
function entryStock(entry: object, index: number): boolean | null {
	const stock = readStockStatusOrError(entry);
	if (!(stock instanceof LifecycleInputError)) return stock;
	throw new LifecycleInputError(`Catalog item ${index} ${stock.message}`, { itemIndex: index, field: stock.field, hint: stock.hint });
}

export function readCatalog(catalog: ReadonlyArray<unknown>, idField = 'productId', caller = 'readCatalog'): CatalogTable {
	if (!Array.isArray(catalog)) throw new Error(`${caller} requires the catalog as an array of product objects`);
	const skipped: CatalogSkips = { notAnObject: 0, missingId: 0, duplicateId: 0, invalidPrice: 0 };
	const entries: CatalogEntry[] = [];
	const seen = new Set<string>();
	let objects = 0;
	for (const [index, entry] of catalog.entries()) {
		if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
			skipped.notAnObject++;
			continue;
		}
		objects++;
		const id = readText(ownField(entry, idField));
		if (id === null) {
			skipped.missingId++;
			continue;
		}
		if (seen.has(id)) {
			skipped.duplicateId++;
			continue;
		}
		seen.add(id);
		const price = readPrice(ownField(entry, 'price'));
		if (price === undefined) skipped.invalidPrice++;
		const inStock = entryStock(entry, index);
		entries.push({
			id,
			title: readText(ownField(entry, 'title')),
			description: readText(ownField(entry, 'description')),
			category: readText(ownField(entry, 'category')),
			brand: readText(ownField(entry, 'brand')),
			tags: readTags(ownField(entry, 'tags')),
			price: price ?? null,
			inStock,
		});
	}
	if (objects > 0 && entries.length === 0 && skipped.missingId === objects) {
		throw new Error(`${caller} requires each catalog entry to carry its product id in '${idField}'; none of the ${objects} entries has it (name the id field with catalogIdField)`);
	}
	return { entries, read: catalog.length, skipped };
}
