/**
 * Readers for the datasets in ../shared/data (never shipped in the package). Test and benchmark tooling only.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const sharedDataRoot = path.resolve(__dirname, '..', '..', '..', 'shared', 'data');

export function sharedDataPath(...parts: string[]): string {
	return path.join(sharedDataRoot, ...parts);
}

/** A CDNOW transaction: the master file (23,570 customers) or the 1/10 sample (2,357). Dates as yyyy-mm-dd. */
export interface CdnowTransaction {
	customerId: string;
	date: string;
	cds: number;
	dollars: number;
}

function isoFromYyyymmdd(value: string): string {
	return `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
}

/** CDNOW_sample.txt: master_id, sample_id, yyyymmdd, cds, dollars (no header). Keyed by sample_id as in the papers. */
export function readCdnowSample(): CdnowTransaction[] {
	const text = fs.readFileSync(sharedDataPath('cdnow', 'CDNOW_sample.txt'), 'utf8');
	const rows: CdnowTransaction[] = [];
	for (const line of text.split('\n')) {
		const fields = line.trim().split(/\s+/);
		if (fields.length < 5) continue;
		rows.push({ customerId: String(Number(fields[1])), date: isoFromYyyymmdd(fields[2]), cds: Number(fields[3]), dollars: Number(fields[4]) });
	}
	return rows;
}

/** CDNOW_master.txt: customer_id, date (yyyymmdd), number_of_cds, dollar_value; one header line. */
export function readCdnowMaster(): CdnowTransaction[] {
	const text = fs.readFileSync(sharedDataPath('cdnow', 'CDNOW_master.txt'), 'utf8');
	const rows: CdnowTransaction[] = [];
	const lines = text.split('\n');
	for (let i = 1; i < lines.length; i++) {
		const fields = lines[i].trim().split(/\s+/);
		if (fields.length < 4) continue;
		rows.push({ customerId: String(Number(fields[0])), date: isoFromYyyymmdd(fields[1]), cds: Number(fields[2]), dollars: Number(fields[3]) });
	}
	return rows;
}

export interface CdnowSummaryRow {
	id: string;
	frequency: number;
	recency: number;
	T: number;
}

/** cdnow_customers_summary.csv: ID, frequency, recency, T (weeks, calibration end 1997-09-30). */
export function readCdnowSummary(): CdnowSummaryRow[] {
	return readCsv(sharedDataPath('cdnow', 'cdnow_customers_summary.csv')).map((row) => ({
		id: row.ID ?? row.id ?? row[''],
		frequency: Number(row.frequency),
		recency: Number(row.recency),
		T: Number(row.T),
	}));
}

export interface CdnowSummaryWithSpendRow {
	id: string;
	x: number;
	t_x: number;
	T: number;
	zbar: number;
}

/** cdnow_customers_summary_with_transactions.csv: ID, x, t_x, T, zbar. */
export function readCdnowSummaryWithSpend(): CdnowSummaryWithSpendRow[] {
	return readCsv(sharedDataPath('cdnow', 'cdnow_customers_summary_with_transactions.csv')).map((row) => ({
		id: row.ID ?? row.id ?? row[''],
		x: Number(row.x),
		t_x: Number(row.t_x),
		T: Number(row.T),
		zbar: Number(row.zbar),
	}));
}

/** One invoice line of UCI Online Retail, as in the file (strings kept, numbers parsed). */
export interface OnlineRetailLine {
	invoiceNo: string;
	stockCode: string;
	description: string;
	quantity: number;
	invoiceDate: string;
	unitPrice: number;
	customerId: string;
	country: string;
}

let onlineRetailCache: OnlineRetailLine[] | undefined;

/** All 541,909 lines of online_retail.csv.gz (read once per process). */
export function readOnlineRetail(): OnlineRetailLine[] {
	if (onlineRetailCache) return onlineRetailCache;
	const text = zlib.gunzipSync(fs.readFileSync(sharedDataPath('online-retail', 'online_retail.csv.gz'))).toString('utf8');
	const records = parseCsv(text);
	const header = records[0];
	const at = (name: string) => header.indexOf(name);
	const [iInvoice, iStock, iDescription, iQuantity, iDate, iPrice, iCustomer, iCountry] = [
		'InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country',
	].map(at);
	const lines: OnlineRetailLine[] = [];
	for (let r = 1; r < records.length; r++) {
		const row = records[r];
		if (row.length < header.length) continue;
		lines.push({
			invoiceNo: row[iInvoice],
			stockCode: row[iStock],
			description: row[iDescription],
			quantity: Number(row[iQuantity]),
			invoiceDate: row[iDate],
			unitPrice: Number(row[iPrice]),
			// Some exports write ids as 17850.0.
			customerId: row[iCustomer].replace(/\.0$/, ''),
			country: row[iCountry],
		});
	}
	onlineRetailCache = lines;
	return lines;
}

/**
 * The cleaning of data/README.md: drop lines with no CustomerID, cancellations (invoice starting with C),
 * quantity <= 0 and price <= 0. Leaves 397,884 lines, 4,338 customers, revenue 8,911,407.90.
 */
export function cleanOnlineRetail(lines: OnlineRetailLine[]): OnlineRetailLine[] {
	return lines.filter(
		(line) => line.customerId !== '' && !line.invoiceNo.startsWith('C') && line.quantity > 0 && line.unitPrice > 0,
	);
}

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF). */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const char = text[i];
		if (quoted) {
			if (char === '"') {
				if (text[i + 1] === '"') {
					field += '"';
					i++;
				} else quoted = false;
			} else field += char;
		} else if (char === '"') quoted = true;
		else if (char === ',') {
			row.push(field);
			field = '';
		} else if (char === '\n' || char === '\r') {
			if (char === '\r' && text[i + 1] === '\n') i++;
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
		} else field += char;
	}
	if (field !== '' || row.length > 0) {
		row.push(field);
		rows.push(row);
	}
	return rows;
}

export function readCsv(file: string): Record<string, string>[] {
	const [header, ...rows] = parseCsv(fs.readFileSync(file, 'utf8'));
	return rows
		.filter((row) => row.length === header.length)
		.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]])));
}
