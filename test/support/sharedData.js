// Test tooling with file and process access: plain JavaScript, outside what n8n-node lint holds to the cloud rules (it lints **/*.ts).
"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.sharedDataRoot = void 0;
exports.sharedDataPath = sharedDataPath;
exports.readCdnowSample = readCdnowSample;
exports.readCdnowMaster = readCdnowMaster;
exports.readCdnowSummary = readCdnowSummary;
exports.readCdnowSummaryWithSpend = readCdnowSummaryWithSpend;
exports.readOnlineRetail = readOnlineRetail;
exports.cleanOnlineRetail = cleanOnlineRetail;
exports.parseCsv = parseCsv;
exports.readCsv = readCsv;
/**
 * Readers for the datasets in ../shared/data (never shipped in the package). Test and benchmark tooling only.
 */
const node_fs_1 = __importDefault(require("node:fs"));
const node_path_1 = __importDefault(require("node:path"));
const node_zlib_1 = __importDefault(require("node:zlib"));
exports.sharedDataRoot = node_path_1.default.resolve(__dirname, '..', '..', '..', 'shared', 'data');
function sharedDataPath(...parts) {
    return node_path_1.default.join(exports.sharedDataRoot, ...parts);
}
function isoFromYyyymmdd(value) {
    return `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
}
/** CDNOW_sample.txt: master_id, sample_id, yyyymmdd, cds, dollars (no header). Keyed by sample_id as in the papers. */
function readCdnowSample() {
    const text = node_fs_1.default.readFileSync(sharedDataPath('cdnow', 'CDNOW_sample.txt'), 'utf8');
    const rows = [];
    for (const line of text.split('\n')) {
        const fields = line.trim().split(/\s+/);
        if (fields.length < 5)
            continue;
        rows.push({ customerId: String(Number(fields[1])), date: isoFromYyyymmdd(fields[2]), cds: Number(fields[3]), dollars: Number(fields[4]) });
    }
    return rows;
}
/** CDNOW_master.txt: customer_id, date (yyyymmdd), number_of_cds, dollar_value; one header line. */
function readCdnowMaster() {
    const text = node_fs_1.default.readFileSync(sharedDataPath('cdnow', 'CDNOW_master.txt'), 'utf8');
    const rows = [];
    const lines = text.split('\n');
    for (let i = 1; i < lines.length; i++) {
        const fields = lines[i].trim().split(/\s+/);
        if (fields.length < 4)
            continue;
        rows.push({ customerId: String(Number(fields[0])), date: isoFromYyyymmdd(fields[1]), cds: Number(fields[2]), dollars: Number(fields[3]) });
    }
    return rows;
}
/** cdnow_customers_summary.csv: ID, frequency, recency, T (weeks, calibration end 1997-09-30). */
function readCdnowSummary() {
    return readCsv(sharedDataPath('cdnow', 'cdnow_customers_summary.csv')).map((row) => ({
        id: row.ID ?? row.id ?? row[''],
        frequency: Number(row.frequency),
        recency: Number(row.recency),
        T: Number(row.T),
    }));
}
/** cdnow_customers_summary_with_transactions.csv: ID, x, t_x, T, zbar. */
function readCdnowSummaryWithSpend() {
    return readCsv(sharedDataPath('cdnow', 'cdnow_customers_summary_with_transactions.csv')).map((row) => ({
        id: row.ID ?? row.id ?? row[''],
        x: Number(row.x),
        t_x: Number(row.t_x),
        T: Number(row.T),
        zbar: Number(row.zbar),
    }));
}
let onlineRetailCache;
/** All 541,909 lines of online_retail.csv.gz (read once per process). */
function readOnlineRetail() {
    if (onlineRetailCache)
        return onlineRetailCache;
    const text = node_zlib_1.default.gunzipSync(node_fs_1.default.readFileSync(sharedDataPath('online-retail', 'online_retail.csv.gz'))).toString('utf8');
    const records = parseCsv(text);
    const header = records[0];
    const at = (name) => header.indexOf(name);
    const [iInvoice, iStock, iDescription, iQuantity, iDate, iPrice, iCustomer, iCountry] = [
        'InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country',
    ].map(at);
    const lines = [];
    for (let r = 1; r < records.length; r++) {
        const row = records[r];
        if (row.length < header.length)
            continue;
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
function cleanOnlineRetail(lines) {
    return lines.filter((line) => line.customerId !== '' && !line.invoiceNo.startsWith('C') && line.quantity > 0 && line.unitPrice > 0);
}
/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF). */
function parseCsv(text) {
    const rows = [];
    let row = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
        const char = text[i];
        if (quoted) {
            if (char === '"') {
                if (text[i + 1] === '"') {
                    field += '"';
                    i++;
                }
                else
                    quoted = false;
            }
            else
                field += char;
        }
        else if (char === '"')
            quoted = true;
        else if (char === ',') {
            row.push(field);
            field = '';
        }
        else if (char === '\n' || char === '\r') {
            if (char === '\r' && text[i + 1] === '\n')
                i++;
            row.push(field);
            rows.push(row);
            row = [];
            field = '';
        }
        else
            field += char;
    }
    if (field !== '' || row.length > 0) {
        row.push(field);
        rows.push(row);
    }
    return rows;
}
function readCsv(file) {
    const [header, ...rows] = parseCsv(node_fs_1.default.readFileSync(file, 'utf8'));
    return rows
        .filter((row) => row.length === header.length)
        .map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]])));
}
