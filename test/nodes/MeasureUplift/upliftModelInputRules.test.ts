import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { seededRandom } from '../../../lib';
import { MeasureUplift } from '../../../nodes/MeasureUplift/MeasureUplift.node';
import { measureUpliftProperties } from '../../../nodes/MeasureUplift/properties';
import type { ParameterValue } from '../support/mockExecuteFunctions';
import { itemsOf, mockExecuteFunctions } from '../support/mockExecuteFunctions';

const node = new MeasureUplift();
const DEFAULTS: Record<string, unknown> = Object.fromEntries(measureUpliftProperties.map((property) => [property.name, property.default]));

async function outcome(overrides: Record<string, ParameterValue>, rows: Array<Record<string, unknown>>) {
	const mock = mockExecuteFunctions({ ...DEFAULTS, ...overrides }, itemsOf(rows));
	return await node.execute.call(mock.context).catch((error: unknown) => error);
}

function campaign(n: number) {
	const random = seededRandom(9);
	return Array.from({ length: n }, (_, i) => {
		const engagement = random();
		const arm = random() < 0.5 ? 'control' : 'treatment';
		return { customerId: `c${i}`, engagement, arm, converted: random() < 0.05 + (arm === 'treatment' ? 0.3 * engagement : 0) };
	});
}

describe('Measure Uplift: Score Uplift Model input rules', () => {
	it('refuses an uplift model edited after training (its fingerprint no longer matches)', async () => {
		const trained = (await outcome({ operation: 'trainUpliftModel', featureFields: 'engagement' }, campaign(600))) as Array<Array<{ json: IDataObject }>>;
		const model = JSON.parse(JSON.stringify(trained[0][0].json)) as { fingerprint: string; controlModel: { intercept: number } };
		expect(model.fingerprint).toMatch(/^sha256:/);
		const scored = await outcome({ operation: 'scoreUplift', upliftModel: JSON.stringify(model) }, [{ engagement: 0.5 }]);
		expect(Array.isArray(scored)).toBe(true);
		model.controlModel.intercept += 0.5;
		const failure = await outcome({ operation: 'scoreUplift', upliftModel: JSON.stringify(model) }, [{ engagement: 0.5 }]);
		expect(failure).toBeInstanceOf(NodeOperationError);
		expect((failure as NodeOperationError).message).toContain('Uplift Model is not a model from Train Uplift Model: parseUpliftModel rejected the model: its content does not match its fingerprint');
	});
});
