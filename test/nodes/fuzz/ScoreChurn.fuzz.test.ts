/**
 * Fuzz suite of Score Churn (Fit and Score, Score With Model, Evaluate; remote scoring has its own tests).
 * Population-dependent fields: with Fit and Score every score comes from a model fitted on the whole batch
 * (probabilityAlive, churnProbability, expectedPurchases, expectedSpend, predictedClv, churnRisk,
 * churnReasons, lowConfidence, churnModel, churnContributions, churnTopFactor), so (b) runs on Score With
 * Model, where a stored model makes each score depend on its own profile only: nothing is excluded there.
 */
import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';
import { ScoreChurn } from '../../../nodes/ScoreChurn/ScoreChurn.node';
import { scoreChurnProperties } from '../../../nodes/ScoreChurn/properties';
import { readCdnowSummaryWithSpend } from '../../support/sharedData';
import type { NodeFuzzCase, Row } from './support/fuzzHarness';
import { assertNoProblems, checkGoodBesideBad, fuzzParameters, outcomeViolations, prototypeChanges, runNode, slotsArbitrary, snapshotPrototypes, TEST_TIMEOUT_MS } from './support/fuzzHarness';
import { hostileValue, mutated } from './support/hostileValues';

const node = new ScoreChurn();
const DEFAULTS: Record<string, unknown> = Object.fromEntries(scoreChurnProperties.map((property) => [property.name, property.default]));
const PROFILE_FIELDS = ['customerId', 'frequency', 'recency', 'T', 'monetaryValue', 'periodUnit', 'holdoutPurchases'];

/** 150 CDNOW customers (weeks): enough to fit BG/NBD, Pareto/NBD and Gamma-Gamma in well under a second. */
const cdnow: Row[] = readCdnowSummaryWithSpend()
	.slice(0, 150)
	.map((row) => ({ customerId: `cdnow-${row.id}`, frequency: row.x, recency: row.t_x, T: row.T, monetaryValue: row.x > 0 ? row.zbar : null, periodUnit: 'week' }));

const goodProfile = (index: number): fc.Arbitrary<Row> =>
	fc
		.record({ frequency: fc.integer({ min: 0, max: 20 }), T: fc.integer({ min: 1, max: 78 * 7 }), recencyShare: fc.double({ min: 0, max: 1, noNaN: true }), spend: fc.integer({ min: 100, max: 50_000 }) })
		.map(({ frequency, T, recencyShare, spend }) => ({
			customerId: `good-${index}`,
			frequency,
			// Repeat purchases are counted on distinct days: at least as many days of recency as repeat purchases.
			recency: frequency === 0 ? 0 : (frequency + Math.round((Math.max(T, frequency) - frequency) * recencyShare)) / 7,
			T: Math.max(T, frequency) / 7,
			monetaryValue: frequency > 0 ? spend / 100 : null,
			periodUnit: 'week',
		}));
const goodProfiles = fc.integer({ min: 1, max: 6 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => goodProfile(index))));

function badProfile(index: number): fc.Arbitrary<Row> {
	return mutated({ customerId: `bad-${index}`, frequency: 2, recency: 10, T: 30, monetaryValue: 25, periodUnit: 'week' }, PROFILE_FIELDS);
}
const badProfiles = fc.integer({ min: 1, max: 4 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => badProfile(index))));

const keyOf: NodeFuzzCase['keyOf'] = (item) => (item.json.modelItem ? undefined : String(item.json.customerId));

describe('Score Churn fuzz (Continue on fail off and on)', () => {
	let storedModel: IDataObject;
	beforeAll(async () => {
		const fitted = await runNode({ node, parameters: { ...DEFAULTS, operation: 'fitAndScore', options: { spend: true } } }, cdnow, false);
		if (!fitted.output) throw fitted.failure;
		storedModel = fitted.output[fitted.output.length - 1].json;
	});

	it('(a)(b)(c) Score With Model: hostile profiles beside good ones give node errors naming item and field, good scores unchanged, prototypes clean (200 runs)', async () => {
		const scoring: NodeFuzzCase = { setup: { node, parameters: () => ({ ...DEFAULTS, operation: 'scoreWithModel', storedModel, options: { spend: true } }) }, populationFields: [], keyOf };
		await fc.assert(
			fc.asyncProperty(goodProfiles, badProfiles, slotsArbitrary, async (good, bad, slots) => checkGoodBesideBad(scoring, good, bad, slots)),
			fuzzParameters(1331, 200),
		);
	}, TEST_TIMEOUT_MS);

	it('(a)(c) Fit and Score (BG/NBD and Pareto/NBD, spend on): hostile profiles beside 150 CDNOW customers never crash, never pollute, never print NaN (20 runs)', async () => {
		await fc.assert(
			fc.asyncProperty(badProfiles, fc.constantFrom('bgnbd', 'paretonbd'), fc.boolean(), async (bad, model, continueOnFail) => {
				const before = snapshotPrototypes();
				const rows = [...cdnow, ...bad];
				const result = await runNode({ node, parameters: { ...DEFAULTS, operation: 'fitAndScore', model, options: { spend: true } } }, rows, continueOnFail);
				assertNoProblems([...outcomeViolations(result, rows, continueOnFail), ...prototypeChanges(before)]);
			}),
			fuzzParameters(1332, 20),
		);
	}, TEST_TIMEOUT_MS);

	it('(a)(c) Fit and Score on small hostile batches alone (too few customers, degenerate data) fails with a node error, never a crash or a hang (150 runs)', async () => {
		const loneRow = fc.dictionary(fc.constantFrom(...PROFILE_FIELDS, '__proto__', 'constructor'), hostileValue, { minKeys: 1, maxKeys: 6 });
		const degenerate = fc.record({ frequency: fc.constantFrom(0, 1, 1e6, 2 ** 31), recency: fc.constantFrom(0, 1e-300, 5e-324, 1e6), T: fc.constantFrom(1e-300, 5e-324, 1, 1e6, 1e308), monetaryValue: fc.constantFrom(null, 1e-300, 1e308, 0.01) });
		await fc.assert(
			fc.asyncProperty(fc.array(fc.oneof(loneRow, degenerate), { minLength: 1, maxLength: 30 }), fc.boolean(), async (rows, continueOnFail) => {
				const before = snapshotPrototypes();
				const result = await runNode({ node, parameters: { ...DEFAULTS, operation: 'fitAndScore', options: { spend: true, minimumCustomers: 2, minimumRepeatCustomers: 2 } } }, rows, continueOnFail);
				assertNoProblems([...outcomeViolations(result, rows, continueOnFail, { extraFields: ['frequency', 'recency', 'T', 'monetaryValue'] }), ...prototypeChanges(before)]);
			}),
			fuzzParameters(1333, 150),
		);
	}, TEST_TIMEOUT_MS);

	it('(a)(c) Evaluate: hostile holdout values beside 150 CDNOW customers never crash or pollute (15 runs)', async () => {
		const withHoldout = cdnow.map((row, index) => ({ ...row, holdoutPurchases: index % 3 }));
		await fc.assert(
			fc.asyncProperty(badProfiles, fc.boolean(), async (bad, continueOnFail) => {
				const before = snapshotPrototypes();
				const rows = [...withHoldout, ...bad];
				const result = await runNode({ node, parameters: { ...DEFAULTS, operation: 'evaluate', options: {} } }, rows, continueOnFail);
				assertNoProblems([...outcomeViolations(result, rows, continueOnFail), ...prototypeChanges(before)]);
			}),
			fuzzParameters(1334, 15),
		);
	}, TEST_TIMEOUT_MS);
});
