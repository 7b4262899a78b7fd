/**
 * Fuzz suite of Measure Uplift. Population-dependent fields: Assign has none (each arm is a salted hash of the
 * item's own id), so (b) runs on Assign and excludes nothing. Analyze and Train Uplift Model output
 * statistics of the whole batch (every field of their result items), so they get (a) and (c) only.
 */
import fc from 'fast-check';
import type { IExecuteFunctions } from 'n8n-workflow';
import { MeasureUplift } from '../../../nodes/MeasureUplift/MeasureUplift.node';
import { measureUpliftProperties } from '../../../nodes/MeasureUplift/properties';
import type { NodeFuzzCase, Row } from './support/fuzzHarness';
import { assertNoProblems, isRunLevelNodeError, checkGoodBesideBad, fuzzParameters, outcomeViolations, prototypeChanges, runNode, slotsArbitrary, snapshotPrototypes, TEST_TIMEOUT_MS } from './support/fuzzHarness';
import { hostileValue, mutated, PROTOTYPE_NAMES } from './support/hostileValues';

const node = new MeasureUplift();
const DEFAULTS: Record<string, unknown> = Object.fromEntries(measureUpliftProperties.map((property) => [property.name, property.default]));
const withSalt = (context: IExecuteFunctions) => Object.assign(context, { getCredentials: async () => ({ secret: 'a-long-random-secret-salt' }) });
const UNIT_FIELDS = ['customerId', 'arm', 'converted', 'revenue', 'discount', 'messages', 'preRevenue', 'recency', 'frequency'];

const goodCustomers = fc.integer({ min: 1, max: 8 }).map((count) => Array.from({ length: count }, (_, index) => ({ customerId: `good-${index}`, email: `good-${index}@example.com` })));
const badCustomers = fc.integer({ min: 1, max: 4 }).chain((count) =>
	fc.tuple(...Array.from({ length: count }, (_, index) => mutated({ customerId: `bad-${index}`, email: `bad-${index}@example.com` }, ['customerId', 'email', 'arm', 'isControl']))),
);

/** A past campaign: 60 good units in control and treatment, with conversions and revenue. */
function goodUnits(seed: number): Row[] {
	return Array.from({ length: 60 }, (_, k) => {
		const treated = (k + seed) % 2 === 0;
		const converted = (k * 7 + seed) % (treated ? 3 : 5) === 0;
		return { customerId: `u${k}`, arm: treated ? 'treatment' : 'control', converted, revenue: converted ? 10 + (k % 9) : 0, discount: treated ? 1 : 0, messages: treated ? 1 : 0, preRevenue: k % 4, recency: k % 10, frequency: k % 3 };
	});
}
const badUnits = fc.array(mutated({ customerId: 'bad', arm: 'treatment', converted: true, revenue: 12, discount: 1, messages: 1, preRevenue: 2, recency: 3, frequency: 1 }, UNIT_FIELDS), { minLength: 1, maxLength: 4 });

describe('Measure Uplift fuzz (Continue on fail off and on)', () => {
	it('(a)(b)(c) Assign: hostile customers beside good ones give node errors naming item and field, good arms unchanged, prototypes clean (200 runs)', async () => {
		const assigning = (globalControlSize: number): NodeFuzzCase => ({
			setup: { node, parameters: { ...DEFAULTS, operation: 'assign', campaign: 'spring', saltFrom: 'credential', globalControlSize }, extend: withSalt },
			populationFields: [],
			keyOf: (item) => String(item.json.customerId),
		});
		await fc.assert(
			fc.asyncProperty(goodCustomers, badCustomers, slotsArbitrary, fc.constantFrom(0, 0.05), async (good, bad, slots, size) => checkGoodBesideBad(assigning(size), good, bad, slots)),
			fuzzParameters(1351, 200),
		);
	}, TEST_TIMEOUT_MS);

	it('(a)(c) Assign with hostile arm names, weights, campaign and global control size fails as a node error or assigns, never crashes (150 runs)', async () => {
		const armName = fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES, 'email-b', 'email_b', 'revenue', 'control', 'Control', ' control', '', 'a:b', '🙂'), fc.string({ maxLength: 6 }));
		const weight = fc.oneof(fc.constantFrom(1e308, Number.MAX_VALUE, 0, -1, Number.NaN, Number.POSITIVE_INFINITY, 5e-324, 1), fc.double());
		const arms = fc.array(fc.record({ name: armName, weight }), { minLength: 1, maxLength: 4 });
		await fc.assert(
			fc.asyncProperty(arms, fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('a:b', '__proto__')), fc.constantFrom(-1, 0, 0.05, 0.99, 1, 5, Number.NaN, 1e308), fc.boolean(), async (armRows, campaign, size, continueOnFail) => {
				const before = snapshotPrototypes();
				const rows = [{ customerId: 'c1' }, { customerId: 'c2' }];
				const result = await runNode({ node, parameters: { ...DEFAULTS, operation: 'assign', campaign, arms: { arm: armRows }, globalControlSize: size, controlArm: armRows[0].name }, extend: withSalt }, rows, continueOnFail);
				// Parameters are not items: a bad one stops the run with a NodeOperationError (no item index needed).
				const parameterError = isRunLevelNodeError(result.failure);
				const problems = parameterError ? [] : outcomeViolations(result, rows, continueOnFail);
				if (result.output) {
					for (const item of result.output) if (item.error === undefined && !armRows.some((row) => row.name === item.json.arm) && item.json.inGlobalControl !== true) problems.push(`item assigned to arm ${JSON.stringify(item.json.arm)}, not one of the arms`);
				}
				assertNoProblems([...problems, ...prototypeChanges(before)]);
			}),
			fuzzParameters(1352, 150),
		);
	}, TEST_TIMEOUT_MS);

	it('(a)(c) Analyze (fixed horizon and sequential, with report, CUPED, costs): hostile units beside a good campaign never crash, pollute or print NaN (150 runs)', async () => {
		const analyzeOptions = { report: true, costPerMessage: 0.1, discountField: 'discount', messagesField: 'messages', preMetricField: 'preRevenue', plannedSplit: 'control=50, treatment=50', campaign: 'spring <b>' };
		await fc.assert(
			fc.asyncProperty(badUnits, fc.nat(10), fc.constantFrom('fixedHorizon', 'sequential'), fc.boolean(), async (bad, seed, method, continueOnFail) => {
				const before = snapshotPrototypes();
				const rows = [...goodUnits(seed), ...bad];
				const result = await runNode({ node, parameters: { ...DEFAULTS, operation: 'analyze', method, analyzeOptions }, extend: withSalt }, rows, continueOnFail);
				assertNoProblems([...outcomeViolations(result, rows, continueOnFail), ...prototypeChanges(before)]);
			}),
			fuzzParameters(1353, 150),
		);
	}, TEST_TIMEOUT_MS);

	it('(a)(c) Train Uplift Model: hostile units beside a good campaign never crash, pollute or print NaN (60 runs)', async () => {
		await fc.assert(
			fc.asyncProperty(badUnits, fc.nat(10), fc.boolean(), async (bad, seed, continueOnFail) => {
				const before = snapshotPrototypes();
				const rows = [...goodUnits(seed), ...bad];
				const result = await runNode({ node, parameters: { ...DEFAULTS, operation: 'trainUpliftModel', featureFields: 'recency, frequency, preRevenue', treatedField: 'arm', convertedField: 'converted' }, extend: withSalt }, rows, continueOnFail);
				assertNoProblems([...outcomeViolations(result, rows, continueOnFail), ...prototypeChanges(before)]);
			}),
			fuzzParameters(1354, 60),
		);
	}, TEST_TIMEOUT_MS);

	it('(a)(c) lone units of any hostile values through Analyze never crash or pollute (200 runs)', async () => {
		const loneRow = fc.dictionary(fc.constantFrom(...UNIT_FIELDS, '__proto__', 'constructor'), hostileValue, { minKeys: 1, maxKeys: 6 });
		await fc.assert(
			fc.asyncProperty(fc.array(loneRow, { minLength: 1, maxLength: 6 }), fc.boolean(), async (rows, continueOnFail) => {
				const before = snapshotPrototypes();
				const result = await runNode({ node, parameters: { ...DEFAULTS, operation: 'analyze', analyzeOptions: {} }, extend: withSalt }, rows, continueOnFail);
				// Too few usable units is a problem of the run, not of one item: a NodeOperationError without item index is right then.
				const tooFew = isRunLevelNodeError(result.failure) && /arm|unit|customers|control|outcome|Field/i.test((result.failure as Error).message);
				assertNoProblems([...(tooFew ? [] : outcomeViolations(result, rows, continueOnFail)), ...prototypeChanges(before)]);
			}),
			fuzzParameters(1355, 200),
		);
	}, TEST_TIMEOUT_MS);
});
