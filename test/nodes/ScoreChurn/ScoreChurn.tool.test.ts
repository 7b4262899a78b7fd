import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { ScoreChurn } from '../../../nodes/ScoreChurn/ScoreChurn.node';
import { scoreChurnProperties } from '../../../nodes/ScoreChurn/properties';
import { readCdnowSummaryWithSpend } from '../../support/sharedData';
import type { ParameterValue } from '../support/mockExecuteFunctions';
import { itemsOf, mockExecuteFunctions } from '../support/mockExecuteFunctions';

const node = new ScoreChurn();
const DEFAULTS: Record<string, unknown> = Object.fromEntries(scoreChurnProperties.map((property) => [property.name, property.default]));
/** The type n8n gives the tool variant of this node. */
const TOOL = 'n8n-nodes-lifecycle.scoreChurnTool';

const cdnow = readCdnowSummaryWithSpend().map((row) => ({ customerId: row.id, frequency: row.x, recency: row.t_x, T: row.T, monetaryValue: row.zbar, periodUnit: 'week' }));

async function run(overrides: Record<string, ParameterValue>, rows: Array<Record<string, unknown>>, nodeType?: string) {
	const [output] = await node.execute.call(mockExecuteFunctions({ ...DEFAULTS, ...overrides }, itemsOf(rows), { nodeType }).context);
	return output;
}

describe('Score Churn as an AI agent tool', () => {
	let model: IDataObject;
	let batch: IDataObject[];
	beforeAll(async () => {
		const output = await run({}, cdnow);
		model = output[output.length - 1].json;
		batch = output.slice(0, -1).map((item) => item.json);
	});

	it('scores one customer with the stored model: a compact answer with the batch figures and the reasons in words', async () => {
		const customer = cdnow[17];
		const [answer, ...rest] = await run({ operation: 'scoreWithModel', storedModel: model }, [customer], TOOL);
		expect(rest).toEqual([]);
		expect(answer.pairedItem).toEqual({ item: 0 });
		const json = answer.json;
		expect(Object.keys(json).length).toBeLessThanOrEqual(15);
		const full = batch[17];
		expect(json).toMatchObject({ customerId: customer.customerId, churnRisk: full.churnRisk, churnProbability: full.churnProbability, churnReasons: full.churnReasons, predictedClv: full.predictedClv });
		expect(json.answer).toBe(`churn risk: ${String(full.churnRisk)} (${Math.round((full.churnProbability as number) * 100)} % chance of no purchase in 13 weeks) - ${String(full.churnReasons)}`);
		expect(json).not.toHaveProperty('expectedPurchases');
	});

	it('refuses Fit and Score and Evaluate as a tool instead of falling back to a prior', async () => {
		for (const operation of ['fitAndScore', 'evaluate']) {
			const failure = await run({ operation }, [cdnow[0]], TOOL).catch((error: unknown) => error);
			expect(failure).toBeInstanceOf(NodeOperationError);
			expect((failure as Error).message).toMatch(/^As an AI tool Score Churn sees one customer/);
		}
	});

	it('keeps the full output in a normal run, and follows Tool Output when it is set', async () => {
		const normal = await run({ operation: 'scoreWithModel', storedModel: model }, [cdnow[17]]);
		expect(normal[0].json).toMatchObject({ ...cdnow[17], churnRisk: batch[17].churnRisk, expectedPurchases: batch[17].expectedPurchases });
		const fullTool = await run({ operation: 'scoreWithModel', storedModel: model, options: { toolOutput: 'full' } }, [cdnow[17]], TOOL);
		expect(fullTool[0].json).toEqual(normal[0].json);
		const compactNormal = await run({ operation: 'scoreWithModel', storedModel: model, options: { toolOutput: 'compact' } }, cdnow.slice(0, 3));
		expect(compactNormal.map((item) => item.json.customerId)).toEqual(cdnow.slice(0, 3).map((row) => row.customerId));
		expect(compactNormal[0].json).toHaveProperty('answer');
		// Fit and Score in a normal run with compact output: the model item is not about a customer and is left out.
		const fitted = await run({ options: { toolOutput: 'compact' } }, cdnow);
		expect(fitted).toHaveLength(cdnow.length);
	});
});
