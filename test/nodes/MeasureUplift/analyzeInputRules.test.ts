import { NodeOperationError } from 'n8n-workflow';
import { seededRandom } from '../../../lib';
import { MeasureUplift } from '../../../nodes/MeasureUplift/MeasureUplift.node';
import { measureUpliftProperties } from '../../../nodes/MeasureUplift/properties';
import type { ParameterValue } from '../support/mockExecuteFunctions';
import { itemsOf, mockExecuteFunctions } from '../support/mockExecuteFunctions';

const node = new MeasureUplift();
const DEFAULTS: Record<string, unknown> = Object.fromEntries(measureUpliftProperties.map((property) => [property.name, property.default]));

async function outcome(overrides: Record<string, ParameterValue>, rows: Array<Record<string, unknown>>) {
	const mock = mockExecuteFunctions({ ...DEFAULTS, operation: 'analyze', ...overrides }, itemsOf(rows));
	return await node.execute.call(mock.context).catch((error: unknown) => error);
}

/** Control converts 10%; each variant at its own rate; 40 revenue per conversion. */
function campaign(rates: Record<string, number>, n: number) {
	const random = seededRandom(21);
	const arms = Object.keys(rates);
	return Array.from({ length: n }, (_, i) => {
		const arm = arms[i % arms.length];
		const converted = random() < rates[arm];
		return { arm, converted, revenue: converted ? 40 : 0 };
	});
}

describe('Measure Uplift: Analyze input rules', () => {
	it('refuses variants "email-b" and "email_b" instead of writing one over the other', async () => {
		const failure = await outcome({}, campaign({ control: 0.1, 'email-b': 0.14, email_b: 0.1 }, 3000));
		expect(failure).toBeInstanceOf(NodeOperationError);
		expect((failure as NodeOperationError).message).toBe('The output field email_bTreatmentArm would be written by both variant "email-b" and variant "email_b", so one result would overwrite the other');
		expect((failure as NodeOperationError).description).toContain('Rename one of the arms in arm');
	});

	it('refuses a variant named "revenue" instead of overwriting the first variant\'s revenue p-value and significance', async () => {
		const failure = await outcome({}, campaign({ control: 0.1, email: 0.14, revenue: 0.1 }, 3000));
		expect(failure).toBeInstanceOf(NodeOperationError);
		expect((failure as NodeOperationError).message).toContain('the first variant "email" and variant "revenue"');
	});

	it('keeps every variant\'s numbers under its own prefix when names differ', async () => {
		const result = (await outcome({}, campaign({ control: 0.1, emailB: 0.14, 'sms-push': 0.1 }, 3000))) as Array<Array<{ json: Record<string, unknown> }>>;
		const json = result[0][0].json;
		expect(json.treatmentArm).toBe('emailB');
		expect(json.revenuePValue).toBe(json.emailBRevenuePValue);
		expect(json.sms_pushTreatmentArm).toBe('sms-push');
	});

	it('refuses a Planned Split that names an arm twice instead of keeping the last weight', async () => {
		const failure = await outcome({ analyzeOptions: { plannedSplit: 'control=50, treatment=50, control=10' } }, campaign({ control: 0.1, treatment: 0.12 }, 400));
		expect(failure).toBeInstanceOf(NodeOperationError);
		expect((failure as NodeOperationError).message).toBe('Planned Split names the arm "control" twice');
	});
});
