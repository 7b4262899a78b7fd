/**
 * Simulated shops with known truth: customers, catalogue, orders (BG/NBD and Gamma-Gamma), browsing, email and
 * SMS engagement with true response rates and best hours, and a randomised campaign with known per-customer
 * uplift, as the flat rows the nodes read. For tests, benchmarks and the demo; pure and seeded.
 */

// The shop
export { simulateShop } from './simulateShop';
export type { ShopCustomerTruth, ShopProductTruth, ShopTruth, SimulatedShop } from './simulateShop';
export { resolveShopOptions, ShopOptionsSchema } from './resolveShopOptions';
export type { ResolvedShopOptions, ShopOptions } from './resolveShopOptions';

// Rows and files
export {
	CAMPAIGN_OUTCOME_COLUMNS,
	SHOP_CUSTOMER_COLUMNS,
	SHOP_EVENT_COLUMNS,
	SHOP_PRODUCT_COLUMNS,
} from './shopRows';
export type {
	CampaignOutcomeRow,
	ShopCustomerRow,
	ShopEventColumn,
	ShopEventRow,
	ShopEventType,
	ShopProductRow,
} from './shopRows';
export { SHOP_EVENT_MAPPING } from './shopEventMapping';
export { formatCsv, formatCsvRow } from './formatCsv';
export type { CsvValue } from './formatCsv';

// Building blocks
export { SHOP_CATEGORIES, SHOP_COUNTRIES, SHOP_SEGMENTS } from './shopVocabulary';
export type { ShopCategory, ShopCountry, ShopSegment } from './shopVocabulary';
export { weightedSampler } from './weightedSampler';
export type { WeightedSampler } from './weightedSampler';
export { sampleDirichlet } from './sampleDirichlet';
export { nextLocalTime } from './nextLocalTime';
