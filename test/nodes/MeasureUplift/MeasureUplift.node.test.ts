import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { analyzeExperiment, assignArm, planSampleSize, seededRandom } from '../../../lib';
import { MeasureUplift } from '../../../nodes/MeasureUplift/MeasureUplift.node';
import { measureUpliftProperties } from '../../../nodes/MeasureUplift/properties';
import type { ParameterValue } from '../support/mockExecuteFunctions';
import { itemsOf, mockExecuteFunctions } from '../support/mockExecuteFunctions';

const node = new MeasureUplift();
const DEFAULTS: Record<string, unknown> = Object.fromEntries(measureUpliftProperties.map((property) => [property.name, property.default]));

function contextFor(overrides: Record<string, ParameterValue>, rows: Array<Record<string, unknown>>, continueOnFail = false) {
	const mock = mockExecuteFunctions({ ...DEFAULTS, ...overrides }, itemsOf(rows), { continueOnFail });
	Object.assign(mock.context, { getCredentials: async () => ({ secret: 'a-long-random-secret-salt' }) });
	return mock;
}

async function run(overrides: Record<string, ParameterValue>, rows: Array<Record<string, unknown>>, continueOnFail = false) {
	const mock = contextFor(overrides, rows, continueOnFail);
	const [output] = await node.execute.call(mock.context);
	const files = Object.fromEntries(Object.entries(mock.files).map(([name, buffer]) => [name, buffer.toString('utf8')]));
	return { output, files, hints: mock.hints };
}

async function failureOf(overrides: Record<string, ParameterValue>, rows: Array<Record<string, unknown>>): Promise<NodeOperationError> {
	const failure = await node.execute.call(contextFor(overrides, rows).context).catch((error: unknown) => error);
	expect(failure).toBeInstanceOf(NodeOperationError);
	return failure as NodeOperationError;
}

const customers = Array.from({ length: 2000 }, (_, i) => ({ customerId: `c${i}`, email: `c${i}@example.com` }));

describe('Measure Uplift: Assign', () => {
	// The mocked node is version 1, which keeps salt + ":" + id so running experiments keep their arms.
	it('adds the arm by a salted hash of the customer id: the same as lib, stable, about the planned shares', async () => {
		const { output } = await run({ operation: 'assign', campaign: 'spring' }, customers);
		expect(output).toHaveLength(2000);
		output.forEach((item, index) => expect(item.pairedItem).toEqual({ item: index }));
		const expected = customers.map((c) => assignArm(c.customerId, { salt: 'spring', hashing: 'colonJoined', arms: [{ name: 'control', weight: 10 }, { name: 'treatment', weight: 90 }] }).arm);
		expect(output.map((item) => item.json.arm)).toEqual(expected);
		const controls = output.filter((item) => item.json.isControl).length;
		// Binomial(2000, 0.1): mean 200, sd 13.4; +-4 sd.
		expect(Math.abs(controls - 200)).toBeLessThan(54);
		expect(output[0].json).toMatchObject({ customerId: 'c0', campaign: 'spring', inGlobalControl: false });
		const again = await run({ operation: 'assign', campaign: 'spring' }, customers.slice(500).reverse());
		expect(again.output.map((item) => item.json.arm)).toEqual(expected.slice(500).reverse());
	});

	it('mixes a secret salt from the credential in, and keeps a global control group out of every campaign', async () => {
		const plain = await run({ operation: 'assign', campaign: 'spring' }, customers);
		const secret = await run({ operation: 'assign', campaign: 'spring', saltFrom: 'credential' }, customers);
		const differ = plain.output.filter((item, i) => item.json.arm !== secret.output[i].json.arm).length;
		expect(differ).toBeGreaterThan(100);
		const spring = await run({ operation: 'assign', campaign: 'spring', globalControlSize: 0.05 }, customers);
		const summer = await run({ operation: 'assign', campaign: 'summer', globalControlSize: 0.05 }, customers);
		const heldOut = (result: typeof spring) => result.output.filter((item) => item.json.inGlobalControl).map((item) => item.json.customerId);
		expect(heldOut(spring)).toEqual(heldOut(summer));
		expect(heldOut(spring).length).toBeGreaterThan(50);
		for (const item of spring.output.filter((entry) => entry.json.inGlobalControl)) expect(item.json).toMatchObject({ arm: 'globalControl', isControl: true });
	});

	it('names an item without a customer id; with Continue on fail it becomes an error item and the rest are assigned', async () => {
		const rows = [{ customerId: 'a' }, { email: 'x@example.com' }, { customerId: 'b' }];
		const failure = await failureOf({ operation: 'assign', campaign: 'spring' }, rows);
		expect(failure.message).toContain('Item 1 has no customer ID in customerId');
		const { output } = await run({ operation: 'assign', campaign: 'spring' }, rows, true);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[1].json.error).toContain('customerId');
		expect((await failureOf({ operation: 'assign', campaign: '' }, rows)).message).toBe('Campaign is empty');
		expect((await failureOf({ operation: 'assign', campaign: 'x', controlArm: 'holdout' }, rows)).message).toContain('Control Arm "holdout" is not one of the arms');
	});

	it('checks the secret salt length in the credential test', async () => {
		const test = node.methods.credentialTest.assignmentSaltTest;
		expect((await test.call({} as never, { id: '1', name: 's', type: 't', data: { secret: 'short' } })).status).toBe('Error');
		expect((await test.call({} as never, { id: '1', name: 's', type: 't', data: { secret: 'x'.repeat(16) } })).status).toBe('OK');
	});
});

/** A campaign with a known effect: control converts 10%, treatment 13%, revenue 50 per conversion. */
function outcomes(n: number, seed: number) {
	const random = seededRandom(seed);
	return Array.from({ length: n }, (_, i) => {
		const arm = i % 5 === 0 ? 'control' : 'treatment';
		const converted = random() < (arm === 'control' ? 0.1 : 0.13);
		return { customerId: `c${i}`, arm, converted, revenue: converted ? 50 : 0 };
	});
}

describe('Measure Uplift: Analyze', () => {
	const rows = outcomes(5000, 3);

	it('gives one flat summary item with the same numbers as analyzeExperiment, and a sentence for a chat message', async () => {
		const { output } = await run({ operation: 'analyze', analyzeOptions: { costPerMessage: 0.01, currency: 'EUR', campaign: 'spring' } }, rows);
		expect(output).toHaveLength(1);
		const json = output[0].json;
		const units = rows.map((row) => ({ ...row, converted: row.converted ? 1 : 0, messages: row.arm === 'control' ? 0 : 1 }));
		const reference = analyzeExperiment({ units }, { control: 'control', costPerMessage: 0.01 });
		const conversion = reference.comparisons.find((c) => c.metric === 'conversion')!;
		const business = reference.business[0];
		expect(json).toMatchObject({ campaign: 'spring', control: 'control', treatmentArm: 'treatment', totalCustomers: 5000, srmFlag: false });
		expect(json.relativeLift).toBeCloseTo(conversion.relativeUplift, 6);
		expect(json.liftCiLow).toBeCloseTo(conversion.ciLow, 6);
		expect(json.pValue).toBeCloseTo(conversion.pValue, 8);
		expect(json.incrementalRevenue).toBeCloseTo(business.incrementalRevenue!, 2);
		expect(json.cost).toBeCloseTo(4000 * 0.01, 6);
		expect(json.roi).toBeCloseTo(business.roi!, 4);
		expect(json.summary).toMatch(/^treatment converted \d+\.?\d*% vs \d+\.?\d*% in control: [+-]\d+\.?\d*% \(95% interval .* p = .*\); incremental revenue EUR .* ROI .*%\.$/);
		expect((output[0].pairedItem as unknown[]).length).toBe(5000);
	});

	it('attaches a self-contained HTML report with the numbers when asked', async () => {
		const { output, files } = await run({ operation: 'analyze', analyzeOptions: { report: true, reportFileName: 'spring.html' } }, rows);
		expect(output[0].binary?.data).toMatchObject({ fileName: 'spring.html', mimeType: 'text/html' });
		const html = files['spring.html'];
		expect(html).toContain('<svg');
		expect(html).not.toMatch(/<script|(src|href)="https?:/i);
		expect(html).toContain(String(output[0].json.totalCustomers === 5000 ? '5,000' : ''));
	});

	it('reproduces the reference vector from per-arm statistics (5000/500 vs 5000/600: +20%, p 0.00355) and flags a sample ratio mismatch', async () => {
		const arms = [
			{ arm: 'control', units: 5000, conversions: 500 },
			{ arm: 'email', units: 5000, conversions: 600 },
		];
		const { output } = await run({ operation: 'analyze', inputForm: 'arms' }, arms);
		expect(output[0].json.relativeLift).toBeCloseTo(0.2, 6);
		expect(output[0].json.pValue).toBeCloseTo(0.00355, 5);
		const skewed = [
			{ arm: 'control', units: 1000, conversions: 100 },
			{ arm: 'email', units: 1100, conversions: 120 },
		];
		const srm = await run({ operation: 'analyze', inputForm: 'arms', analyzeOptions: { plannedSplit: 'control=1, email=1' } }, skewed);
		expect(srm.output[0].json.srmPValue).toBeCloseTo(0.029096, 6);
		expect(srm.output[0].json.srmFlag).toBe(false);
	});

	it('names bad items: non-binary conversion, negative revenue, unknown arm; Continue on fail keeps the rest', async () => {
		const bad = [...rows.slice(0, 200)];
		bad[3] = { ...bad[3], converted: 'maybe' as unknown as boolean };
		bad[5] = { ...bad[5], revenue: -20 };
		bad[8] = { ...bad[8], arm: 'tretment' };
		const failure = await failureOf({ operation: 'analyze', analyzeOptions: { plannedSplit: 'control=20, treatment=80' } }, bad);
		expect(failure.message).toContain('Item 3: converted is the text "maybe", not a yes/no value');
		const { output } = await run({ operation: 'analyze', analyzeOptions: { plannedSplit: 'control=20, treatment=80' } }, bad, true);
		expect(output.slice(1).map((item) => [item.pairedItem, String(item.json.error).slice(0, 30)])).toEqual([
			[{ item: 3 }, 'Item 3: converted is the text '],
			[{ item: 5 }, 'Item 5: revenue is -20; it mus'],
			[{ item: 8 }, 'Item 8: arm "tretment" is not '],
		]);
		expect(output[0].json.totalCustomers).toBe(197);
	});

	it('says what is wrong with no control, a control rate of 0 or an empty arm, instead of NaN', async () => {
		const onlyTreatment = rows.filter((row) => row.arm === 'treatment').slice(0, 50);
		expect((await failureOf({ operation: 'analyze' }, onlyTreatment)).message).toContain('no arm "control"');
		const zeroControl = [
			{ arm: 'control', units: 1000, conversions: 0 },
			{ arm: 'email', units: 1000, conversions: 30 },
		];
		const failure = await failureOf({ operation: 'analyze', inputForm: 'arms' }, zeroControl);
		expect(failure.message).toContain('arm "control" has a mean of 0 (the uplift divides by it). Wait until the control has conversions');
		const empty = [
			{ arm: 'control', units: 0, conversions: 0 },
			{ arm: 'email', units: 1000, conversions: 30 },
		];
		expect((await failureOf({ operation: 'analyze', inputForm: 'arms' }, empty)).message).toContain('requires at least one unit in arm "control"');
	});
});

describe('Measure Uplift: Analyze, more inputs and methods', () => {
	const rows = outcomes(5000, 3);

	it('says so when every customer has the same value (zero variance) instead of giving NaN', async () => {
		const flat = Array.from({ length: 40 }, (_, i) => ({ arm: i % 2 ? 'control' : 'treatment', converted: 1, revenue: 10 }));
		const failure = await failureOf({ operation: 'analyze' }, flat);
		expect(failure.message).toContain('zero variance in conversion in both arms ("control" and "treatment"): every unit has the same value');
		expect(failure.message).toContain('Check that the metric is mapped to the right field, or collect more data');
	});

	it('leaves out a metric whose field no item carries (conversion only), with a note, and refuses when there is no outcome at all', async () => {
		const conversionOnly = rows.map(({ customerId, arm, converted }) => ({ customerId, arm, converted }));
		const { output, hints } = await run({ operation: 'analyze' }, conversionOnly);
		const json = output[0].json;
		expect(json.relativeLift).toBeCloseTo(analyzeExperiment({ units: conversionOnly.map((row) => ({ arm: row.arm, converted: row.converted })) }).comparisons[0].relativeUplift, 6);
		expect(json).not.toHaveProperty('revenueLift');
		expect(json.incrementalRevenue).toBeNull();
		expect(json.warnings).toContain('Revenue Field "revenue" is in none of the items, so revenue is not analysed.');
		expect(hints[0].message).toContain('Revenue Field "revenue" is in none of the items');
		const nothing = rows.map(({ customerId, arm }) => ({ customerId, arm }));
		const failure = await failureOf({ operation: 'analyze' }, nothing);
		expect(failure.message).toBe(
			'No outcome to analyse: Converted Field "converted" is in none of the items, so conversion is not analysed; Revenue Field "revenue" is in none of the items, so revenue is not analysed',
		);
		expect(failure.description).toContain('Map Converted Field');
	});

	it('reads per-arm statistics given as text (a sheet or CSV), and names a bad arm row by its item', async () => {
		const fromSheet = [
			{ arm: 'control', units: '5000', conversions: '500', revenueSum: '25000', revenueSumSquares: '1250000' },
			{ arm: 'email', units: '5000', conversions: '600', revenueSum: '30000', revenueSumSquares: '1500000', messages: '5000' },
		];
		const { output } = await run({ operation: 'analyze', inputForm: 'arms', analyzeOptions: { costPerMessage: 0.1 } }, fromSheet);
		// references.md vector: 5000/500 vs 5000/600 -> +20%, p 0.00355; revenue 5 vs 6 per customer -> +5000, cost 500, ROI 9.
		expect(output[0].json).toMatchObject({ relativeLift: 0.2, incrementalRevenue: 5000, cost: 500, roi: 9 });
		expect(output[0].json.pValue).toBeCloseTo(0.00355, 5);
		expect(output[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }]);

		const threeArms = [
			{ arm: 'control', units: 5000, conversions: 500 },
			{ arm: 'email', units: 'many', conversions: 600 },
			{ arm: 'sms', units: 5000, conversions: 550 },
		];
		const failure = await failureOf({ operation: 'analyze', inputForm: 'arms' }, threeArms);
		expect(failure.message).toBe('Item 1: arm "email" has the text "many" in units; it must be a whole number of customers, 0 or more');
		expect(failure.context.itemIndex).toBe(1);
		const kept = await run({ operation: 'analyze', inputForm: 'arms' }, threeArms, true);
		expect(kept.output).toHaveLength(2);
		expect(kept.output[0].json).toMatchObject({ treatmentArm: 'sms', totalCustomers: 10000 });
		expect(kept.output[0].pairedItem).toEqual([{ item: 0 }, { item: 2 }]);
		expect(kept.output[1]).toMatchObject({ json: { itemIndex: 1 }, pairedItem: { item: 1 } });
		const negative = await failureOf({ operation: 'analyze', inputForm: 'arms' }, [{ arm: 'control', units: 10, revenueSum: -5, revenueSumSquares: 25 }]);
		expect(negative.message).toBe('Item 0: arm "control" has -5 in revenueSum; it must be a number, 0 or more');
	});

	it('gives flat fields per variant with the arm name as prefix, and warns about several comparisons', async () => {
		const random = seededRandom(8);
		const variants = Array.from({ length: 6000 }, (_, i) => {
			const arm = ['control', 'emailB', 'sms-push'][i % 3];
			const converted = random() < { control: 0.1, emailB: 0.14, 'sms-push': 0.11 }[arm]!;
			return { arm, converted, revenue: converted ? 40 : 0 };
		});
		const { output } = await run({ operation: 'analyze', analyzeOptions: { costPerMessage: 0.02 } }, variants);
		const json = output[0].json;
		const reference = analyzeExperiment(
			{ units: variants.map((row) => ({ ...row, converted: row.converted ? 1 : 0, messages: row.arm === 'control' ? 0 : 1 })) },
			{ costPerMessage: 0.02 },
		);
		const lift = (arm: string) => reference.comparisons.find((c) => c.arm === arm && c.metric === 'conversion')!.relativeUplift;
		expect(json.treatmentArm).toBe('emailB');
		expect(json.emailBTreatmentArm).toBe('emailB');
		expect(json.emailBRelativeLift).toBeCloseTo(lift('emailB'), 6);
		expect(json.sms_pushTreatmentArm).toBe('sms-push');
		expect(json.sms_pushRelativeLift).toBeCloseTo(lift('sms-push'), 6);
		expect(json.sms_pushIncrementalRevenue).toBeCloseTo(reference.business[1].incrementalRevenue!, 2);
		expect(json.sms_pushRoi).toBeCloseTo(reference.business[1].roi!, 4);
		expect(json.summary).toMatch(/^emailB converted .*\. sms-push converted .*\.$/);
		expect(json.warnings).toContain('2 variants are each compared with "control"');
	});

	it('always-valid (sequential) intervals contain the fixed-horizon ones; chance to win and risk come with both', async () => {
		const fixed = (await run({ operation: 'analyze' }, rows)).output[0].json;
		const sequential = (await run({ operation: 'analyze', method: 'sequential' }, rows)).output[0].json;
		expect(sequential.method).toBe('sequential');
		expect(sequential.relativeLift).toBeCloseTo(fixed.relativeLift as number, 9);
		expect(sequential.liftCiLow as number).toBeLessThan(fixed.liftCiLow as number);
		expect(sequential.liftCiHigh as number).toBeGreaterThan(fixed.liftCiHigh as number);
		expect(sequential.pValue as number).toBeGreaterThan(fixed.pValue as number);
		expect(fixed.chanceToWin as number).toBeGreaterThan(0.5);
		expect(fixed.riskTreatment as number).toBeLessThan(fixed.riskControl as number);
	});

	it('uses a pre-period metric for CUPED: same effect scale, narrower interval, the variance cut reported', async () => {
		const random = seededRandom(21);
		const withHistory = Array.from({ length: 4000 }, (_, i) => {
			const arm = i % 2 ? 'control' : 'treatment';
			const before = random() * 100;
			const revenue = Math.max(0, before * 0.8 + (arm === 'treatment' ? 6 : 0) + (random() - 0.5) * 30);
			return { arm, converted: revenue > 50, revenue: Math.round(revenue * 100) / 100, revenueBefore: Math.round(before * 100) / 100 };
		});
		const plain = (await run({ operation: 'analyze' }, withHistory)).output[0].json;
		const cuped = (await run({ operation: 'analyze', analyzeOptions: { preMetricField: 'revenueBefore' } }, withHistory)).output[0].json;
		expect(plain.cuped).toBe(false);
		expect(cuped.cuped).toBe(true);
		expect(cuped.revenueVarianceReduction as number).toBeGreaterThan(0.5);
		const width = (json: IDataObject) => (json.incrementalRevenueCiHigh as number) - (json.incrementalRevenueCiLow as number);
		expect(width(cuped)).toBeLessThan(width(plain) * 0.7);
		const reference = analyzeExperiment({
			units: withHistory.map((row) => ({ arm: row.arm, converted: row.converted ? 1 : 0, revenue: row.revenue, preMetric: row.revenueBefore, messages: row.arm === 'control' ? 0 : 1 })),
		});
		expect(cuped.incrementalRevenue).toBeCloseTo(reference.business[0].incrementalRevenue!, 2);
	});
});

describe('Measure Uplift: Plan', () => {
	it('gives the sample size of planSampleSize, and the detectable effect of a given size', async () => {
		const { output } = await run({ operation: 'plan', baseline: 0.1, minimumDetectableEffect: 0.2 }, [{}]);
		const reference = planSampleSize({ metric: 'proportion', baseline: 0.1, minimumDetectableEffect: 0.2, alpha: 0.05 });
		expect(output[0].json).toMatchObject({ plan: 'sampleSize', totalUnits: reference.totalUnits, unitsControl: reference.unitsControl });
		const mde = await run({ operation: 'plan', planFor: 'detectableEffect', baseline: 0.1, totalUnits: reference.totalUnits }, [{}]);
		expect(mde.output[0].json.minimumDetectableEffect as number).toBeCloseTo(0.2, 1);
	});

	it('plans for a mean (revenue per customer) and names an impossible baseline', async () => {
		const { output } = await run({ operation: 'plan', metric: 'mean', baseline: 50, standardDeviation: 30, minimumDetectableEffect: 0.05, planOptions: { treatmentShare: 0.9 } }, [{}]);
		const reference = planSampleSize({ metric: 'mean', baseline: 50, standardDeviation: 30, minimumDetectableEffect: 0.05, treatmentShare: 0.9 });
		expect(output[0].json).toMatchObject({ plan: 'sampleSize', metric: 'mean', totalUnits: reference.totalUnits, unitsTreatment: reference.unitsTreatment });
		expect(reference.unitsTreatment).toBeGreaterThan(reference.unitsControl * 8);
		expect((await failureOf({ operation: 'plan', baseline: 1.5 }, [{}])).message).toContain('requires a baseline conversion rate in (0, 1); got 1.5');
	});
});

describe('Measure Uplift: Train and Score Uplift Model', () => {
	/** Persuadables: the treatment helps customers with high engagement and does nothing for the others. */
	function campaign(n: number, seed: number) {
		const random = seededRandom(seed);
		return Array.from({ length: n }, (_, i) => {
			const engagement = random();
			const recency = random() * 10;
			const arm = random() < 0.5 ? 'control' : 'treatment';
			const rate = 0.05 + (arm === 'treatment' ? 0.3 * engagement : 0);
			return { customerId: `c${i}`, engagement, recency, arm, converted: random() < rate };
		});
	}

	it('learns who is persuaded and ranks new customers by predicted uplift (top decile = most engaged)', async () => {
		const trained = await run({ operation: 'trainUpliftModel', featureFields: 'engagement, recency' }, campaign(4000, 11));
		expect(trained.output).toHaveLength(1);
		const model = trained.output[0].json as IDataObject;
		expect(model).toMatchObject({ kind: 'upliftModel', modelItem: true, featureNames: ['engagement', 'recency'] });
		const fresh = campaign(1000, 12).map(({ customerId, engagement, recency }) => ({ customerId, engagement, recency }));
		const { output } = await run({ operation: 'scoreUplift', upliftModel: JSON.stringify(model) }, fresh);
		expect(output).toHaveLength(1000);
		const ranks = output.map((item) => item.json.upliftRank as number).sort((a, b) => a - b);
		expect(ranks).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
		const top = output.filter((item) => item.json.upliftDecile === 1);
		const bottom = output.filter((item) => item.json.upliftDecile === 10);
		const mean = (items: typeof output) => items.reduce((sum, item) => sum + (item.json.engagement as number), 0) / items.length;
		expect(mean(top)).toBeGreaterThan(0.8);
		expect(mean(bottom)).toBeLessThan(0.2);
	});

	it('names a missing feature and refuses a tampered model', async () => {
		const rows = campaign(400, 5);
		(rows[7] as Record<string, unknown>).engagement = 'high';
		const failure = await failureOf({ operation: 'trainUpliftModel', featureFields: 'engagement, recency' }, rows);
		expect(failure.message).toContain('Item 7 has the text "high" in engagement');
		const tampered = await failureOf({ operation: 'scoreUplift', upliftModel: JSON.stringify({ kind: 'upliftModel', featureNames: [] }) }, [{ engagement: 1 }]);
		expect(tampered.message).toContain('Uplift Model is not a model from Train Uplift Model');
	});

	it('keeps the model versioned, and with Continue on fail turns a customer without features into an error item', async () => {
		const trained = await run({ operation: 'trainUpliftModel', featureFields: 'engagement, recency' }, campaign(600, 13));
		expect(trained.output[0].json).toMatchObject({ kind: 'upliftModel', version: 1, method: 'twoModel', trainingSize: 600 });
		const rows = [
			{ customerId: 'a', engagement: 0.9, recency: 2 },
			{ customerId: 'b', recency: 2 },
			{ customerId: 'c', engagement: 0.1, recency: 2 },
		];
		const { output } = await run({ operation: 'scoreUplift', upliftModel: trained.output[0].json }, rows, true);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[1].json.error).toBe('Item 1 has nothing in engagement; features must be numbers');
		expect(output[0].json).toMatchObject({ customerId: 'a', upliftRank: 1, upliftDecile: 1 });
		expect(output[2].json).toMatchObject({ customerId: 'c', upliftRank: 2 });
		expect((await failureOf({ operation: 'trainUpliftModel', featureFields: 'engagement' }, campaign(12, 1))).message).toContain('requires at least 10 treated and 10 control customers');
	});
});
