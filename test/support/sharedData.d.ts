export declare const sharedDataRoot: string;
export declare function sharedDataPath(...parts: string[]): string;
/** A CDNOW transaction: the master file (23,570 customers) or the 1/10 sample (2,357). Dates as yyyy-mm-dd. */
export interface CdnowTransaction {
    customerId: string;
    date: string;
    cds: number;
    dollars: number;
}
/** CDNOW_sample.txt: master_id, sample_id, yyyymmdd, cds, dollars (no header). Keyed by sample_id as in the papers. */
export declare function readCdnowSample(): CdnowTransaction[];
/** CDNOW_master.txt: customer_id, date (yyyymmdd), number_of_cds, dollar_value; one header line. */
export declare function readCdnowMaster(): CdnowTransaction[];
export interface CdnowSummaryRow {
    id: string;
    frequency: number;
    recency: number;
    T: number;
}
/** cdnow_customers_summary.csv: ID, frequency, recency, T (weeks, calibration end 1997-09-30). */
export declare function readCdnowSummary(): CdnowSummaryRow[];
export interface CdnowSummaryWithSpendRow {
    id: string;
    x: number;
    t_x: number;
    T: number;
    zbar: number;
}
/** cdnow_customers_summary_with_transactions.csv: ID, x, t_x, T, zbar. */
export declare function readCdnowSummaryWithSpend(): CdnowSummaryWithSpendRow[];
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
/** All 541,909 lines of online_retail.csv.gz (read once per process). */
export declare function readOnlineRetail(): OnlineRetailLine[];
/**
 * The cleaning of data/README.md: drop lines with no CustomerID, cancellations (invoice starting with C),
 * quantity <= 0 and price <= 0. Leaves 397,884 lines, 4,338 customers, revenue 8,911,407.90.
 */
export declare function cleanOnlineRetail(lines: OnlineRetailLine[]): OnlineRetailLine[];
/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF). */
export declare function parseCsv(text: string): string[][];
export declare function readCsv(file: string): Record<string, string>[];
