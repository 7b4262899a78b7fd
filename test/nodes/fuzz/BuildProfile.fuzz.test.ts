/**
 * Fuzz suite of Build Profile (CSV Rows preset): hostile rows beside good customers' rows.
 * Population-dependent fields (excluded from (b) only): the RFM quintile scores, which rank each customer
 * among all purchasers of the run (rfmRecency, rfmFrequency, rfmMonetary, rfmScore, rfmSegment).
 */
import fc from 'fast-check';
import { BuildProfile } from '../../../nodes/BuildProfile/BuildProfile.node';
import type { NodeFuzzCase, Row } from './support/fuzzHarness';
import { assertNoProblems, checkGoodBesideBad, fuzzParameters, goodOutputs, outcomeViolations, prototypeChanges, runNode, slotsArbitrary, snapshotPrototypes, TEST_TIMEOUT_MS } from './support/fuzzHarness';
import { hostileValue, mutated, placeholderWord } from './support/hostileValues';

const node = new BuildProfile();
const POPULATION_FIELDS = ['rfmRecency', 'rfmFrequency', 'rfmMonetary', 'rfmScore', 'rfmSegment'] as const;
const CSV_FIELDS = [
	'customer_id', 'email', 'anonymous_id', 'event_id', 'order_id', 'timestamp', 'event_type', 'amount', 'quantity', 'currency', 'product_id',
	'product_title', 'channel', 'phone', 'consent_granted', 'first_name', 'last_name', 'country', 'time_zone',
];
const DAY = 86_400_000;
const FIRST_GOOD_DAY = Date.parse('2024-01-02T00:00:00Z');
const OBSERVATION_END = '2024-06-30T00:00:00Z';

const profileKey: NodeFuzzCase['keyOf'] = (item) => (typeof item.json.customerId === 'string' && !item.json.runSummary ? item.json.customerId : undefined);

function fuzzCase(options: Record<string, unknown>): NodeFuzzCase {
	return { setup: { node, parameters: { source: 'csvRows', periodUnit: 'day', options } }, populationFields: POPULATION_FIELDS, keyOf: profileKey };
}

/** One good customer's rows: orders (and a consent event) between 2024-01-02 and 2024-05-31, real identities only. */
function goodCustomer(index: number): fc.Arbitrary<Row[]> {
	const order = fc.record({ day: fc.integer({ min: 0, max: 150 }), cents: fc.integer({ min: 1, max: 500_000 }), product: fc.constantFrom('P1', 'P2', 'P3', 'P4') });
	return fc
		.record({ orders: fc.array(order, { minLength: 1, maxLength: 3 }), withEmail: fc.boolean(), withPhone: fc.boolean(), consent: fc.boolean() })
		.map(({ orders, withEmail, withPhone, consent }) => {
			const id = { customer_id: `good-${index}`, ...(withEmail ? { email: `good-${index}@example.com` } : {}), ...(withPhone ? { phone: `+4915100000${index}` } : {}) };
			const rows: Row[] = orders.map((entry, k) => ({
				...id,
				timestamp: new Date(FIRST_GOOD_DAY + entry.day * DAY).toISOString(),
				event_type: 'order',
				amount: (entry.cents / 100).toFixed(2),
				order_id: `go-${index}-${k}`,
				product_id: entry.product,
			}));
			if (consent) rows.push({ ...id, timestamp: new Date(FIRST_GOOD_DAY).toISOString(), event_type: 'consent', channel: 'email', consent_granted: 'true' });
			return rows;
		});
}

const goodRows = fc.integer({ min: 1, max: 4 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => goodCustomer(index))).map((groups) => groups.flat()));

/** A stranger's row made hostile: dated on or before the good rows, so an accepted one cannot move their dates. */
function badRow(index: number): fc.Arbitrary<Row> {
	return mutated({ customer_id: `bad-${index}`, timestamp: '2024-01-01T00:00:00Z', event_type: 'order', amount: '5.00', order_id: `bo-${index}`, product_id: 'P9' }, CSV_FIELDS);
}
const badRows = fc.integer({ min: 1, max: 4 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => badRow(index))));

describe('Build Profile fuzz (CSV Rows; Continue on fail off and on)', () => {
	it('(a)(b)(c) hostile rows beside good customers: node errors naming item and field, good profiles unchanged apart from RFM scores, prototypes clean (200 runs)', async () => {
		const withEnd = fuzzCase({ observationEnd: OBSERVATION_END });
		await fc.assert(
			fc.asyncProperty(goodRows, badRows, slotsArbitrary, async (good, bad, slots) => checkGoodBesideBad(withEnd, good, bad, slots)),
			fuzzParameters(1301, 200),
		);
	}, TEST_TIMEOUT_MS);

	it('(a)(b)(c) the same without Observation End: a hostile date never moves the good customers\' T, recency or days since purchase (150 runs)', async () => {
		const withoutEnd = fuzzCase({});
		await fc.assert(
			fc.asyncProperty(goodRows, badRows, slotsArbitrary, async (good, bad, slots) => checkGoodBesideBad(withoutEnd, good, bad, slots)),
			fuzzParameters(1302, 150),
		);
	}, TEST_TIMEOUT_MS);

	it('(a)(b) one far-future or out-of-range timestamp beside good rows is an item error, never the observation end of everyone (100 runs)', async () => {
		const farDates = fc.constantFrom<unknown>('9999-12-31', '9999-12-31T23:59:59Z', '2200-01-01', 1.7e15, 1.7e18, 1e16, 253402300800000, '275760-09-13');
		const withoutEnd = fuzzCase({});
		await fc.assert(
			fc.asyncProperty(goodRows, farDates, slotsArbitrary, async (good, date, slots) => {
				const bad = [{ customer_id: 'bad-0', timestamp: date, event_type: 'order', amount: '5.00', order_id: 'bo-0' }];
				await checkGoodBesideBad(withoutEnd, good, bad, slots);
			}),
			fuzzParameters(1303, 100),
		);
	}, TEST_TIMEOUT_MS);

	it('(a) strangers who share nothing but placeholder or garbage values are never merged into one profile (150 runs)', async () => {
		// Each stranger has one real identity of its own kind; all carry the same junk in the other identity fields.
		const identityKinds = fc.constantFrom('customer_id', 'email', 'anonymous_id');
		// The placeholder words in their usual spellings, and phones without enough digits; not one-letter ids such as
		// "x", which the issue does not call placeholders.
		const placeholder = placeholderWord.filter((word) => !['x', 'test'].includes(word));
		const shortPhone = fc.constantFrom('-', '+', '()', '0000000', 'no phone', '12', '+49');
		const junkField = fc.constantFrom('phone', 'email', 'anonymous_id', 'customer_id');
		const fieldAndJunk = junkField.chain((field) => fc.tuple(fc.constant(field), field === 'phone' ? fc.oneof(placeholder, shortPhone) : placeholder));
		await fc.assert(
			fc.asyncProperty(fc.array(identityKinds, { minLength: 2, maxLength: 4 }), fieldAndJunk, async (kinds, [field, value]) => {
				const before = snapshotPrototypes();
				const rows: Row[] = kinds.map((kind, k) => {
					const real = kind === 'email' ? `stranger-${k}@example.com` : `stranger-${k}`;
					const row: Row = { timestamp: `2024-02-0${k + 1}T00:00:00Z`, event_type: 'view', product_id: 'P1' };
					row[field] = value;
					row[kind] = real;
					return row;
				});
				const problems: string[] = [];
				for (const continueOnFail of [false, true]) {
					const result = await runNode({ node, parameters: { source: 'csvRows', periodUnit: 'day', options: { observationEnd: OBSERVATION_END } } }, rows, continueOnFail);
					problems.push(...outcomeViolations(result, rows, continueOnFail));
					if (!continueOnFail || result.failure !== undefined) continue;
					const { byKey } = goodOutputs(result, rows.map((_, index) => index), (item, sources) => (item.json.runSummary ? undefined : sources.join(',')));
					for (const key of byKey.keys()) if (key.includes(',')) problems.push(`items ${key} (strangers sharing only ${JSON.stringify(field)}: ${JSON.stringify(value)}) were merged into one profile`);
				}
				problems.push(...prototypeChanges(before));
				assertNoProblems(problems);
			}),
			fuzzParameters(1304, 150),
		);
	}, TEST_TIMEOUT_MS);

	it('(a)(c) any hostile value in any field of a lone row, and hostile keys, never crash or pollute (300 runs)', async () => {
		const loneRow = fc.dictionary(fc.constantFrom(...CSV_FIELDS, '__proto__', 'constructor', 'toString'), hostileValue, { minKeys: 1, maxKeys: 8 });
		await fc.assert(
			fc.asyncProperty(fc.array(loneRow, { minLength: 1, maxLength: 4 }), fc.boolean(), async (rows, continueOnFail) => {
				const before = snapshotPrototypes();
				const result = await runNode({ node, parameters: { source: 'csvRows', periodUnit: 'day', options: {} } }, rows, continueOnFail);
				assertNoProblems([...outcomeViolations(result, rows, continueOnFail), ...prototypeChanges(before)]);
			}),
			fuzzParameters(1305, 300),
		);
	}, TEST_TIMEOUT_MS);

	it('(a)(c) every source preset (Shopify, WooCommerce, Stripe, HubSpot) on hostile and half-formed records never crashes or pollutes (200 runs)', async () => {
		const presets = ['shopifyOrders', 'wooCommerceOrders', 'stripeCharges', 'hubspotContacts', 'hubspotDeals'];
		const shopifyOrder: Row = {
			id: 1001, email: 'a@example.com', phone: '+4915100000001', created_at: '2024-02-01T10:00:00Z', total_price: '12.50', currency: 'EUR', buyer_accepts_marketing: true,
			customer: { id: 7, first_name: 'Ana', last_name: 'Silva' }, billing_address: { country_code: 'PT' }, line_items: [{ product_id: 5, title: 'Lamp', quantity: 1 }],
			status: 'completed', date_created_gmt: '2024-02-01T10:00:00', customer_id: 7, billing: { email: 'a@example.com', phone: '+4915100000001' }, total: '12.50',
			created: 1706781600, amount: 1250, properties: { email: 'a@example.com', createdate: '2024-02-01T10:00:00Z', closedate: '2024-02-01T10:00:00Z', amount: '12.5', dealstage: 'closedwon' },
		};
		const nested = fc.oneof(hostileValue, fc.constant([{ product_id: '__proto__', quantity: 1e308, title: '\u0000' }]), fc.constant({ id: 'n/a', first_name: {} }), fc.constant({ __proto__: { polluted: true } }));
		const record = mutated(shopifyOrder, Object.keys(shopifyOrder), nested);
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(...presets), fc.array(record, { minLength: 1, maxLength: 4 }), fc.boolean(), async (source, rows, continueOnFail) => {
				const before = snapshotPrototypes();
				const result = await runNode({ node, parameters: { source, periodUnit: 'day', options: { missingIdentity: 'skip' } } }, rows, continueOnFail);
				assertNoProblems([...outcomeViolations(result, rows, continueOnFail, { extraFields: ['customer.id', 'line_items', 'properties'] }), ...prototypeChanges(before)]);
			}),
			fuzzParameters(1306, 200),
		);
	}, TEST_TIMEOUT_MS);
});
