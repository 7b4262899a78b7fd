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
	const files: Record<string, string> = {};
	Object.assign(mock.context, {
		getCredentials: async () => ({ secret: 'a-long-random-secret-salt' }),
		helpers: {
			prepareBinaryData: async (buffer: Buffer, fileName: string, mimeType: string) => {
				files[fileName] = buffer.toString('utf8');
				return { data: buffer.toString('base64'), fileName, mimeType };
			},
		},
	});
	return { ...mock, files };
}

async function run(overrides: Record<string, ParameterValue>, rows: Array<Record<string, unknown>>, continueOnFail = false) {
	const mock = contextFor(overrides, rows, continueOnFail);
	const [output] = await node.execute.call(mock.context);
	return { output, files: mock.files, hints: mock.hints };
}

async function failureOf(overrides: Record<string, ParameterValue>, rows: Array<Record<string, unknown>>): Promise<NodeOperationError> {
	const failure = await node.execute.call(contextFor(overrides, rows).context).catch((error: unknown) => error);
	expect(failure).toBeInstanceOf(NodeOperationError);
	return failure as NodeOperationError;
}

const customers = Array.from({ length: 2000 }, (_, i) => ({ customerId: `c${i}`, email: `c${i}@example.com` }));

describe('Measure Uplift: Assign', () => {
	it('adds the arm by a salted hash of the customer id: the same as lib, stable, about the planned shares', async () => {
		const { output } = await run({ operation: 'assign', campaign: 'spring' }, customers);
		expect(output).toHaveLength(2000);
		output.forEach((item, index) => expect(item.pairedItem).toEqual({ item: index }));
		const expected = customers.map((c) => assignArm(c.customerId, { salt: 'spring', arms: [{ name: 'control', weight: 10 }, { name: 'treatment', weight: 90 }] }).arm);
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
		expect(failure.message).toContain('Item 3: converted is "maybe", not a yes/no value');
		const { output } = await run({ operation: 'analyze', analyzeOptions: { plannedSplit: 'control=20, treatment=80' } }, bad, true);
		expect(output.slice(1).map((item) => [item.pairedItem, String(item.json.error).slice(0, 30)])).toEqual([
			[{ item: 3 }, 'Item 3: converted is "maybe", '],
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

describe('Measure Uplift: Plan', () => {
	it('gives the sample size of planSampleSize, and the detectable effect of a given size', async () => {
		const { output } = await run({ operation: 'plan', baseline: 0.1, minimumDetectableEffect: 0.2 }, [{}]);
		const reference = planSampleSize({ metric: 'proportion', baseline: 0.1, minimumDetectableEffect: 0.2, alpha: 0.05 });
		expect(output[0].json).toMatchObject({ plan: 'sampleSize', totalUnits: reference.totalUnits, unitsControl: reference.unitsControl });
		const mde = await run({ operation: 'plan', planFor: 'detectableEffect', baseline: 0.1, totalUnits: reference.totalUnits }, [{}]);
		expect(mde.output[0].json.minimumDetectableEffect as number).toBeCloseTo(0.2, 1);
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
		expect(failure.message).toContain('Item 7 has "high" in engagement');
		const tampered = await failureOf({ operation: 'scoreUplift', upliftModel: JSON.stringify({ kind: 'upliftModel', featureNames: [] }) }, [{ engagement: 1 }]);
		expect(tampered.message).toContain('Uplift Model is not a model from Train Uplift Model');
	});
});
