import { assertDistinctFieldNames, EXPERIMENT_SUMMARY_FIELDS, VARIANT_FIELDS, variantFieldName, variantFields } from '../../../lib/uplift/variantFields';
import { analyzeExperiment } from '../../../lib/uplift/analyzeExperiment';
import { LifecycleInputError } from '../../../lib/errors';

function failureOf(variants: string[]): LifecycleInputError {
	let failure: unknown;
	try {
		assertDistinctFieldNames(variants, 'arm');
	} catch (error) {
		failure = error;
	}
	expect(failure).toBeInstanceOf(LifecycleInputError);
	return failure as LifecycleInputError;
}

describe('flat field names of Measure Uplift never collide', () => {
	it('refuses variants "email-b" and "email_b", whose prefixed fields are the same', () => {
		const failure = failureOf(['email-b', 'email_b']);
		expect(failure.message).toBe('The output field email_bTreatmentArm would be written by both variant "email-b" and variant "email_b", so one result would overwrite the other');
		expect(failure.field).toBe('arm');
		expect(failure.hint).toContain('Rename one of the arms in arm');
	});

	it('refuses a variant named "revenue", whose fields would overwrite the first variant\'s revenue interval, p-value and significance', () => {
		expect(failureOf(['email', 'revenue']).message).toContain('would be written by both the first variant "email" and variant "revenue"');
		expect(failureOf(['revenue', 'email']).message).toContain('the first variant "revenue" and variant "revenue"');
	});

	it('refuses a variant whose fields would overwrite a summary field ("srm" gives srmPValue)', () => {
		expect(failureOf(['email', 'srm']).message).toBe('The output field srmPValue would be written by both the summary and variant "srm", so one result would overwrite the other');
	});

	it('accepts distinct names, whatever their punctuation, and a single variant of any name', () => {
		expect(() => assertDistinctFieldNames(['emailB', 'sms-push', 'Email_B'], 'arm')).not.toThrow();
		expect(() => assertDistinctFieldNames(['revenue'], 'arm')).not.toThrow();
		expect(() => assertDistinctFieldNames(['srm'], 'arm')).not.toThrow();
		expect(() => assertDistinctFieldNames([], 'arm')).not.toThrow();
	});

	it('knows every field a variant writes (with CUPED, revenue and business figures)', () => {
		const units = Array.from({ length: 400 }, (_, i) => ({ arm: ['control', 'a', 'b'][i % 3], converted: i % 7 === 0 ? 1 : 0, revenue: i % 7 === 0 ? 20 + (i % 5) : 0, preMetric: i % 11, messages: 1 }));
		const analysis = analyzeExperiment({ units }, { costPerMessage: 0.1 });
		const written = Object.keys(variantFields(analysis, 'a', false));
		expect(written.filter((field) => !VARIANT_FIELDS.includes(field))).toEqual([]);
		expect(written).toContain('revenueVarianceReduction');
		expect(Object.keys(variantFields(analysis, 'a', true))).toEqual(written.map((field) => variantFieldName('a', field)));
		expect(EXPERIMENT_SUMMARY_FIELDS).toContain('srmPValue');
	});
});
