/**
 * Catalog reader: product attributes for similar items and business rules (title, description, category,
 * brand, tags, price, stock), keyed by an id field. Entries without an id or with an id met before are
 * skipped and counted; a catalog where no entry has the id field is an error that names the field.
 *
 *   inStock = entry.inStock when boolean, else entry.stock > 0 when stock is a number, else unknown (null)
 *
 * Reference: schema.org Product (name, description, category, brand, offers.price, availability),
 * https://schema.org/Product
 *
 * Cost: O(entries) time and memory.
 * @example readCatalog([{ productId: 'A1', category: 'Lighting', price: 3.5 }]).entries[0].category // 'Lighting'
 */
import { ownField } from '../fieldValues';
export interface CatalogItem {
	productId?: string | number;
	title?: string | null;
	description?: string | null;
	category?: string | null;
	brand?: string | null;
	/** A list, or one string separated by commas. */
	tags?: ReadonlyArray<string> | string | null;
	price?: number | null;
	inStock?: boolean | null;
	stock?: number | null;
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

export function readCatalog(catalog: ReadonlyArray<unknown>, idField = 'productId', caller = 'readCatalog'): CatalogTable {
	if (!Array.isArray(catalog)) throw new Error(`${caller} requires the catalog as an array of product objects`);
	const skipped: CatalogSkips = { notAnObject: 0, missingId: 0, duplicateId: 0, invalidPrice: 0 };
	const entries: CatalogEntry[] = [];
	const seen = new Set<string>();
	let objects = 0;
	for (const entry of catalog) {
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
		const rawPrice = ownField(entry, 'price');
		let price: number | null = null;
		if (rawPrice !== undefined && rawPrice !== null && rawPrice !== '') {
			if (typeof rawPrice === 'number' && Number.isFinite(rawPrice) && rawPrice >= 0) price = rawPrice;
			else skipped.invalidPrice++;
		}
		const rawInStock = ownField(entry, 'inStock');
		const rawStock = ownField(entry, 'stock');
		const inStock = typeof rawInStock === 'boolean' ? rawInStock : typeof rawStock === 'number' && !Number.isNaN(rawStock) ? rawStock > 0 : null;
		entries.push({
			id,
			title: readText(ownField(entry, 'title')),
			description: readText(ownField(entry, 'description')),
			category: readText(ownField(entry, 'category')),
			brand: readText(ownField(entry, 'brand')),
			tags: readTags(ownField(entry, 'tags')),
			price,
			inStock,
		});
	}
	if (objects > 0 && entries.length === 0 && skipped.missingId === objects) {
		throw new Error(`${caller} requires each catalog entry to carry its product id in '${idField}'; none of the ${objects} entries has it (name the id field with catalogIdField)`);
	}
	return { entries, read: catalog.length, skipped };
}
