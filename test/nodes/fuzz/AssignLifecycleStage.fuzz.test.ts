/**
 * Fuzz suite of Assign Lifecycle Stage: hostile profiles and Previous Stage values beside good profiles.
 * Population-dependent fields: with the defaults, the population gap (median gap of the run's repeat buyers)
 * and the loyal top share (top 20% of the run's buyers) feed lifecycleStage, stageReason, stageTransition,
 * stageChanged and stageEnteredAt. The (b) property pins both (Population Gap 30 days, Loyal Top Percent 100),
 * which leaves one population-dependent field: stageReason, whose text names the run's buyer count and cutoffs
 * ("in the top 100% of 3 buyers"). It is the only field excluded from (b).
 */
import fc from 'fast-check';
import { AssignLifecycleStage } from '../../../nodes/AssignLifecycleStage/AssignLifecycleStage.node';
import type { NodeFuzzCase, Row } from './support/fuzzHarness';
import { assertNoProblems, isRunLevelNodeError, checkGoodBesideBad, fuzzParameters, outcomeViolations, prototypeChanges, runNode, slotsArbitrary, snapshotPrototypes, TEST_TIMEOUT_MS } from './support/fuzzHarness';
import { hostileValue, mutated, PROTOTYPE_NAMES } from './support/hostileValues';

const node = new AssignLifecycleStage();
const POPULATION_FIELDS = ['stageReason'] as const;
const END = Date.parse('2024-06-30T00:00:00Z');
const DAY = 86_400_000;
const iso = (time: number) => new Date(time).toISOString();
const STAGES = ['prospect', 'consideration', 'first_purchase', 'repeat', 'loyal', 'advocate', 'at_risk', 'lapsed', 'reactivated'];
const PROFILE_FIELDS = [
	'customerId', 'observationEnd', 'firstSeenAt', 'lastSeenAt', 'firstPurchaseAt', 'lastPurchaseAt', 'orders', 'frequency', 'revenue', 'emailOpened',
	'emailClicked', 'smsClicked', 'pushOpened', 'productsViewed', 'productsInCart', 'referrals', 'reviews', 'churnProbability', 'crmStage',
];

/** Previous Stage is an expression per item: here it reads the row's crmStage, which bad rows make hostile. */
function parametersFor(options: Record<string, unknown>, extra: Record<string, unknown> = {}) {
	return (rows: Row[]) => ({
		stageModel: 'default',
		atRiskSignal: 'purchaseRhythm',
		stageNames: {},
		previousStage: (itemIndex: number) => rows[itemIndex]?.crmStage ?? '',
		options,
		...extra,
	});
}

function fuzzCase(options: Record<string, unknown>): NodeFuzzCase {
	return { setup: { node, parameters: parametersFor(options) }, populationFields: POPULATION_FIELDS, keyOf: (item) => (item.json.lifecycleSummary ? undefined : String(item.json.customerId)) };
}

function goodProfile(index: number): fc.Arbitrary<Row> {
	return fc
		.record({
			purchaseDays: fc.integer({ min: 0, max: 8 }),
			gap: fc.integer({ min: 1, max: 90 }),
			daysSinceLast: fc.integer({ min: 0, max: 300 }),
			revenue: fc.integer({ min: 0, max: 100_000 }),
			opened: fc.nat(5),
			referrals: fc.nat(2),
			reviews: fc.nat(2),
			previous: fc.constantFrom('', ...STAGES),
		})
		.map(({ purchaseDays, gap, daysSinceLast, revenue, opened, referrals, reviews, previous }) => {
			const last = END - daysSinceLast * DAY;
			const first = last - gap * Math.max(0, purchaseDays - 1) * DAY;
			const bought = purchaseDays > 0;
			return {
				customerId: `good-${index}`,
				observationEnd: iso(END),
				firstSeenAt: iso(first - DAY),
				lastSeenAt: iso(last),
				firstPurchaseAt: bought ? iso(first) : null,
				lastPurchaseAt: bought ? iso(last) : null,
				orders: purchaseDays,
				frequency: Math.max(0, purchaseDays - 1),
				revenue: bought ? revenue / 100 : 0,
				emailOpened: opened,
				emailClicked: 0,
				productsViewed: [],
				productsInCart: [],
				referrals,
				reviews,
				crmStage: previous,
			};
		});
}
const goodProfiles = fc.integer({ min: 1, max: 6 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => goodProfile(index))));

function badProfile(index: number): fc.Arbitrary<Row> {
	const base: Row = {
		customerId: `bad-${index}`, observationEnd: iso(END), firstSeenAt: iso(END - 40 * DAY), lastSeenAt: iso(END - 10 * DAY), firstPurchaseAt: iso(END - 30 * DAY),
		lastPurchaseAt: iso(END - 10 * DAY), orders: 2, frequency: 1, revenue: 20, emailOpened: 0, emailClicked: 0, productsViewed: [], productsInCart: [], referrals: 0, reviews: 0, crmStage: 'repeat',
	};
	return mutated(base, PROFILE_FIELDS);
}
const badProfiles = fc.integer({ min: 1, max: 4 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => badProfile(index))));

describe('Assign Lifecycle Stage fuzz (Continue on fail off and on)', () => {
	it('(a)(b)(c) hostile profiles and Previous Stage values beside good ones: node errors naming item and field, good stages unchanged, prototypes clean (200 runs)', async () => {
		const pinned = fuzzCase({ populationGapDays: 30, loyalTopPercent: 100 });
		await fc.assert(
			fc.asyncProperty(goodProfiles, badProfiles, slotsArbitrary, async (good, bad, slots) => checkGoodBesideBad(pinned, good, bad, slots)),
			fuzzParameters(1321, 200),
		);
	}, TEST_TIMEOUT_MS);

	it('(a)(b)(c) the same with the churn-probability signal and the summary item with its chart (150 runs)', async () => {
		const churnSignal: NodeFuzzCase = {
			...fuzzCase({ populationGapDays: 30, loyalTopPercent: 100, includeSummary: true }),
			setup: { node, parameters: parametersFor({ populationGapDays: 30, loyalTopPercent: 100, includeSummary: true }, { atRiskSignal: 'churnProbability' }) },
		};
		const withChurn = (arbitrary: fc.Arbitrary<Row[]>) =>
			arbitrary.chain((rows) => fc.tuple(...rows.map((row) => fc.double({ min: 0, max: 1, noNaN: true }).map((p) => ({ ...row, churnProbability: p })))));
		await fc.assert(
			fc.asyncProperty(withChurn(goodProfiles), badProfiles, slotsArbitrary, async (good, bad, slots) => checkGoodBesideBad(churnSignal, good, bad, slots)),
			fuzzParameters(1322, 150),
		);
	}, TEST_TIMEOUT_MS);

	it('(a)(c) custom rules over hostile field names, operators and values never crash, never run code, never pollute (200 runs)', async () => {
		const rule = fc.record({
			field: fc.oneof(fc.constantFrom(...PROFILE_FIELDS, ...PROTOTYPE_NAMES, 'revenue.toFixed', 'a.b.c', ''), fc.string({ maxLength: 6 })),
			operator: fc.constantFrom('contains', 'equals', 'greaterThan', 'greaterThanOrEqual', 'isEmpty', 'isNotEmpty', 'lessThan', 'lessThanOrEqual', 'notEquals'),
			value: fc.oneof(fc.constantFrom('2024-01-01', '1e308', 'NaN', '-0', '{{ $json }}', 'this.constructor', '') , fc.string({ maxLength: 8 })),
			stage: fc.constantFrom('vip', 'loyal', '__proto__', 'constructor', ' ', 'toString'),
		});
		await fc.assert(
			fc.asyncProperty(fc.array(rule, { minLength: 1, maxLength: 3 }), goodProfiles, badProfiles, fc.boolean(), async (rules, good, bad, continueOnFail) => {
				const before = snapshotPrototypes();
				const rows = [...good, ...bad];
				const setup = { node, parameters: parametersFor({ populationGapDays: 30 }, { stageModel: 'custom', rules: { rule: rules }, noRuleMatch: 'defaultModel' }) };
				const result = await runNode(setup, rows, continueOnFail);
				const problems = outcomeViolations(result, rows, continueOnFail, { extraFields: ['rules', 'Stage Rules', 'field', 'Field', 'value', 'Value', 'stage', 'Stage'] });
				// A rule is a parameter: a bad rule may stop the run without an item index, as a NodeOperationError.
				const ruleProblem = problems.length > 0 && isRunLevelNodeError(result.failure) && /rule/i.test(String((result.failure as Error).message));
				assertNoProblems([...(ruleProblem ? [] : problems), ...prototypeChanges(before)]);
			}),
			fuzzParameters(1323, 200),
		);
	}, TEST_TIMEOUT_MS);

	it('(a)(c) any hostile value in any field of lone profiles never crashes or pollutes (300 runs)', async () => {
		const loneRow = fc.dictionary(fc.constantFrom(...PROFILE_FIELDS, '__proto__', 'constructor'), hostileValue, { minKeys: 1, maxKeys: 8 });
		await fc.assert(
			fc.asyncProperty(fc.array(loneRow, { minLength: 1, maxLength: 4 }), fc.boolean(), async (rows, continueOnFail) => {
				const before = snapshotPrototypes();
				const result = await runNode({ node, parameters: parametersFor({}) }, rows, continueOnFail);
				assertNoProblems([...outcomeViolations(result, rows, continueOnFail), ...prototypeChanges(before)]);
			}),
			fuzzParameters(1324, 300),
		);
	}, TEST_TIMEOUT_MS);
});
