'use strict';
// The demo's data files: a simulated shop (lib/simulate, loaded from the build in dist/, so `npm run build` comes
// first) written as the CSV files the example workflows read, and the public datasets of ../shared/data (CDNOW,
// Online Retail) converted to the same event columns. Plain .js: it writes files, which n8n-node lint forbids in
// linted .ts files.
const fs = require('node:fs');
const path = require('node:path');
const { projectRoot, sharedRoot } = require('./paths.js');
const { writeCdnowSampleCsv } = require('./workflows.js');
const { readOnlineRetail } = require('../../support/sharedData.js');

/** The simulator as built by `npm run build` (dist/lib/simulate). */
function loadSimulator() {
	const built = path.join(projectRoot, 'dist', 'lib', 'simulate', 'index.js');
	if (!fs.existsSync(built)) throw new Error(`The simulator is not built (${built} is missing): run npm run build first`);
	return require(built);
}

/** Events with a `title` column next to `product_title` (some workflows read one name, some the other). */
function withTitle(events) {
	return events.map((row) => ({ ...row, title: row.product_title }));
}

const EVENT_FILE_COLUMNS = (columns) => [...columns.slice(0, 11), 'title', ...columns.slice(11)];

const DAY = 86_400_000;
const KEPT_TYPES = new Set(['identify', 'consent', 'order', 'unsubscribe']);

/**
 * The events the example workflows read: sign-ups, consent, orders and unsubscribes over the whole year, message
 * events of the last 14 days and browsing of the last 7. Build Profile with a Custom Mapping evaluates one n8n
 * expression per mapped field and item (about a millisecond each in n8n 2.41), so the full year of engagement
 * (shop-events.csv) would make an editor run take minutes.
 */
function workflowEvents(events, observationEnd) {
	const end = Date.parse(observationEnd);
	return events.filter((row) => {
		if (KEPT_TYPES.has(row.event_type)) return true;
		const age = end - Date.parse(row.timestamp);
		return row.event_type === 'view' || row.event_type === 'add_to_cart' ? age <= 7 * DAY : age <= 14 * DAY;
	});
}

/** Online Retail's countries -> an IANA time zone of their capital (Choose Channel's quiet hours need one). */
const RETAIL_TIME_ZONES = {
	Australia: 'Australia/Sydney', Austria: 'Europe/Vienna', Bahrain: 'Asia/Bahrain', Belgium: 'Europe/Brussels', Brazil: 'America/Sao_Paulo',
	Canada: 'America/Toronto', 'Channel Islands': 'Europe/Jersey', Cyprus: 'Asia/Nicosia', 'Czech Republic': 'Europe/Prague', Denmark: 'Europe/Copenhagen',
	EIRE: 'Europe/Dublin', Finland: 'Europe/Helsinki', France: 'Europe/Paris', Germany: 'Europe/Berlin', Greece: 'Europe/Athens', Iceland: 'Atlantic/Reykjavik',
	Israel: 'Asia/Jerusalem', Italy: 'Europe/Rome', Japan: 'Asia/Tokyo', Lebanon: 'Asia/Beirut', Lithuania: 'Europe/Vilnius', Malta: 'Europe/Malta',
	Netherlands: 'Europe/Amsterdam', Norway: 'Europe/Oslo', Poland: 'Europe/Warsaw', Portugal: 'Europe/Lisbon', RSA: 'Africa/Johannesburg',
	'Saudi Arabia': 'Asia/Riyadh', Singapore: 'Asia/Singapore', Spain: 'Europe/Madrid', Sweden: 'Europe/Stockholm', Switzerland: 'Europe/Zurich',
	USA: 'America/New_York', 'United Arab Emirates': 'Asia/Dubai', 'United Kingdom': 'Europe/London',
};

const RETAIL_COLUMNS = ['customer_id', 'email', 'first_name', 'country', 'time_zone', 'timestamp', 'event_type', 'amount', 'quantity', 'currency', 'order_id', 'product_id', 'product_title', 'title', 'channel', 'consent_granted'];

/**
 * UCI Online Retail in the columns of the weekly lifecycle run (Build Profile's CSV Rows preset), written to `file`,
 * and its catalogue to `catalogFile` (product_id, title, price = the latest unit price, in_stock true).
 * One `order` line per invoice line with a customer (lines without a CustomerID cannot be tied to anyone and are
 * left out); amount = quantity x unit price (negative on cancellations, which Build Profile counts as refunds);
 * timestamps as in the file (UK time, read as UTC); currency GBP. The data set has no contact data, so each
 * customer gets a placeholder address `customer-<id>@example.com`, first name `Customer <id>`, the time zone of
 * their country and a `consent` row (email granted) at their first invoice line: every customer can be emailed,
 * and the local SMTP sink receives it. Returns { rows, customers, products }.
 */
function writeOnlineRetailCsv(file, catalogFile) {
	const { formatCsv, formatCsvRow } = loadSimulator();
	const out = [RETAIL_COLUMNS.join(',')];
	const seen = new Set();
	const products = new Map();
	for (const line of readOnlineRetail()) {
		const customerId = line.customerId;
		if (customerId === '') continue;
		const person = { customer_id: customerId, email: `customer-${customerId}@example.com`, first_name: `Customer ${customerId}`, country: line.country, time_zone: RETAIL_TIME_ZONES[line.country] ?? '', timestamp: line.invoiceDate };
		if (!seen.has(customerId)) {
			seen.add(customerId);
			out.push(formatCsvRow({ ...person, event_type: 'consent', channel: 'email', consent_granted: 'true' }, RETAIL_COLUMNS));
		}
		const title = line.description.trim();
		const amount = (Math.round(line.quantity * line.unitPrice * 100) / 100).toFixed(2);
		out.push(formatCsvRow({ ...person, event_type: 'order', amount, quantity: line.quantity, currency: 'GBP', order_id: line.invoiceNo, product_id: line.stockCode, product_title: title, title }, RETAIL_COLUMNS));
		if (line.unitPrice > 0) products.set(line.stockCode, { product_id: line.stockCode, title: title || (products.get(line.stockCode)?.title ?? ''), price: line.unitPrice.toFixed(2), in_stock: true });
	}
	fs.writeFileSync(file, `${out.join('\n')}\n`);
	if (catalogFile) fs.writeFileSync(catalogFile, formatCsv([...products.values()], ['product_id', 'title', 'price', 'in_stock']));
	return { rows: out.length - 1, customers: seen.size, products: products.size };
}

/** CDNOW_master.txt (23,570 customers, 1997-01 to 1998-06) as customer_id,timestamp,quantity,amount. */
function writeCdnowMasterCsv(file) {
	const lines = fs.readFileSync(path.join(sharedRoot, 'data', 'cdnow', 'CDNOW_master.txt'), 'utf8').trim().split('\n').slice(1);
	const rows = lines.map((line) => line.trim().split(/\s+/)).filter((fields) => fields.length >= 4);
	fs.writeFileSync(file, `customer_id,timestamp,quantity,amount\n${rows.map((r) => [Number(r[0]), r[1], r[2], r[3]].join(',')).join('\n')}\n`);
	return rows.length;
}

/**
 * Writes every demo data file into `folder`; returns { files: [{ name, rows, what }], sample } where sample holds a
 * customer of the shop (with email consent) and a product, for example webhook calls.
 * Options: seed (2025), customers of the shop (150), campaignCustomers of the larger campaign readout (10000),
 * sharedData (true: also CDNOW and, with onlineRetail true, Online Retail from ../shared/data when it is there).
 */
function writeDemoData(folder, { seed = 2025, customers = 150, campaignCustomers = 10000, sharedData = true, onlineRetail = true } = {}) {
	const simulator = loadSimulator();
	const { simulateShop, formatCsv, SHOP_EVENT_COLUMNS, SHOP_CUSTOMER_COLUMNS, SHOP_PRODUCT_COLUMNS, CAMPAIGN_OUTCOME_COLUMNS } = simulator;
	fs.mkdirSync(folder, { recursive: true });
	const files = [];
	const write = (name, text, rows, what) => {
		fs.writeFileSync(path.join(folder, name), text);
		files.push({ name, rows, what });
	};

	// The shop: a year of orders, browsing, email and SMS ending 2025-03-10, with a randomised win-back campaign.
	const shop = simulateShop({ seed, customers, campaign: { treatedShare: 0.8 } });
	const eventColumns = EVENT_FILE_COLUMNS(SHOP_EVENT_COLUMNS);
	const allEvents = withTitle(shop.events);
	const shopWhat = `simulated shop (seed ${seed}): ${shop.truth.counts.people} people, ${shop.truth.counts.orders} orders, ${shop.observationStart} to ${shop.observationEnd}`;
	write('shop-events.csv', formatCsv(allEvents, eventColumns), allEvents.length, `every event of the ${shopWhat}`);
	const events = workflowEvents(allEvents, shop.observationEnd);
	const eventsCsv = formatCsv(events, eventColumns);
	const lean = 'sign-ups, consent, orders and unsubscribes; messages of the last 14 days, browsing of the last 7';
	write('orders.csv', eventsCsv, events.length, `the shop events the weekly lifecycle run and Build Model read (${lean})`);
	write('events.csv', eventsCsv, events.length, `the same, read by the real-time cart and Choose Channel workflows`);
	const early = allEvents.filter((row) => row.timestamp < '2024-06-30');
	write('lifecycle-events.csv', formatCsv(early, eventColumns), early.length, 'every shop event before 2024-06-30 (the Lifecycle Switch workflow ends there; it reads the CSV Rows preset)');
	write('shop-customers.csv', formatCsv(shop.customers, SHOP_CUSTOMER_COLUMNS), shop.customers.length, 'the shop customers as a CRM export');
	write('shop-products.csv', formatCsv(shop.products, SHOP_PRODUCT_COLUMNS), shop.products.length, 'the catalogue');
	const catalog = shop.products.map((product) => ({ product_id: product.productId, title: product.title, category: product.category, brand: product.brand, price: product.price, stock: product.stock, in_stock: product.stock > 0 }));
	write('catalog.csv', formatCsv(catalog, ['product_id', 'title', 'category', 'brand', 'price', 'stock', 'in_stock']), catalog.length, 'the catalogue with snake_case columns and in_stock');
	write('shop-campaign.csv', formatCsv(shop.campaign, CAMPAIGN_OUTCOME_COLUMNS), shop.campaign.length, 'outcomes of the shop win-back campaign (80 % treated)');
	const truthOf = new Map(shop.truth.customers.map((customer) => [customer.customerId, customer]));
	const byId = new Map(shop.customers.map((customer) => [customer.customerId, customer]));
	const potential = shop.campaign.map((row) => {
		const truth = truthOf.get(row.customerId);
		return {
			customer_id: row.customerId,
			email: row.email,
			first_name: byId.get(row.customerId).firstName,
			converts_without: truth.convertsWithout ? 1 : 0,
			converts_with: truth.convertsWith ? 1 : 0,
			order_value: truth.campaignOrderValue,
		};
	});
	write('customers.csv', formatCsv(potential, ['customer_id', 'email', 'first_name', 'converts_without', 'converts_with', 'order_value']), potential.length, "the campaign's customers with both potential outcomes (Measure Uplift campaign workflow)");
	write('shop-truth.json', `${JSON.stringify({ options: shop.options, campaign: shop.truth.campaign, counts: shop.truth.counts, customers: shop.truth.customers, products: shop.truth.products }, null, 1)}\n`, shop.truth.customers.length, 'what the simulation really was: parameters and per-customer truth');

	// A larger campaign for the readout: orders and campaign only, 10 % holdout as the readout plans.
	const larger = simulateShop({ seed: seed + 2, customers: campaignCustomers, email: { everyDays: 0 }, sms: { everyDays: 0 }, browsing: { enabled: false }, campaign: { treatedShare: 0.9 } });
	write('outcomes.csv', formatCsv(larger.campaign, CAMPAIGN_OUTCOME_COLUMNS), larger.campaign.length, `outcomes of a simulated campaign on ${larger.campaign.length} customers (10 % holdout; true average uplift ${(larger.truth.campaign.averageUplift * 100).toFixed(1)} points)`);

	const shared = sharedData && fs.existsSync(path.join(sharedRoot, 'data'));
	if (shared) {
		writeCdnowSampleCsv(path.join(folder, 'cdnow_sample.csv'));
		files.push({ name: 'cdnow_sample.csv', rows: null, what: 'CDNOW 1/10 sample (2,357 customers), Fader, Hardie & Lee (2005)' });
		const master = writeCdnowMasterCsv(path.join(folder, 'cdnow_master.csv'));
		files.push({ name: 'cdnow_master.csv', rows: master, what: 'CDNOW master file (23,570 customers)' });
		if (onlineRetail) {
			const retail = writeOnlineRetailCsv(path.join(folder, 'online-retail.csv'), path.join(folder, 'online-retail-catalog.csv'));
			files.push({ name: 'online-retail.csv', rows: retail.rows, what: `UCI Online Retail invoice lines with a customer (${retail.customers} customers), as order events (GBP) in the weekly run's columns, with a placeholder email and email consent per customer` });
			files.push({ name: 'online-retail-catalog.csv', rows: retail.products, what: 'its products: stock code, description, latest unit price' });
		}
	}
	const readme = ['# Demo data', '', 'Written by `npm start` (test/e2e/harness/demoData.js); every run writes the same files.', '', '| file | rows | what |', '| --- | --- | --- |'];
	for (const file of files) readme.push(`| ${file.name} | ${file.rows ?? ''} | ${file.what} |`);
	if (!shared) readme.push('', '../shared/data was not found beside the project: the CDNOW and Online Retail files are not written.');
	write('README.md', `${readme.join('\n')}\n`, null, 'this list');
	// A customer who can be emailed now (consented and never unsubscribed), with a purchase history.
	const person = shop.customers.find((customer) => customer.consentEmail && truthOf.get(customer.customerId).emailUnsubscribedAt === null && truthOf.get(customer.customerId).orders > 1) ?? shop.customers[0];
	const product = shop.products.find((candidate) => candidate.stock > 0) ?? shop.products[0];
	const sample = {
		customer: { customer_id: person.customerId, email: person.email, first_name: person.firstName, time_zone: person.timeZone },
		product: { product_id: product.productId, title: product.title },
		observationEnd: shop.observationEnd,
	};
	return { files, sample };
}

module.exports = { writeDemoData, writeOnlineRetailCsv, writeCdnowMasterCsv, loadSimulator };
