import type { DemoDataOptions, DemoFile } from './demo';

/** A customer (with email consent) and a product of the simulated shop, for example webhook calls. */
export interface DemoSample {
	customer: { customer_id: string; email: string; first_name: string; time_zone: string };
	product: { product_id: string; title: string };
	observationEnd: string;
}
/** Writes every demo data file into `folder` (the simulator comes from dist/: build first). */
export declare function writeDemoData(folder: string, options?: DemoDataOptions): { files: DemoFile[]; sample: DemoSample };
/** Online Retail in the weekly run's columns (placeholder email and consent per customer), and its catalogue. */
export declare function writeOnlineRetailCsv(file: string, catalogFile?: string): { rows: number; customers: number; products: number };
export declare function writeCdnowMasterCsv(file: string): number;
export declare function loadSimulator(): typeof import('../../../lib/simulate');
