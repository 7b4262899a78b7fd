/**
 * Measure Uplift inside a real n8n 2.41.1: customers from a CSV -> Assign (20% holdout) -> the treated get an email
 * through n8n's Send Email node to an SMTP sink on 127.0.0.1, the holdout does not -> simulated outcomes (each
 * customer's potential outcomes come in the CSV; a Set node picks the one of their arm) -> Analyze with the HTML
 * report -> n8n's Read/Write Files node writes the report; the test opens it and checks its numbers.
 */
import { analyzeExperiment, assignArm, renderUpliftReport, seededRandom } from '../../../lib';
import type { N8nHost as Host } from '../harness/n8nHost';
import { N8nHost } from '../harness/n8nHost';
import type { SmtpSink as Sink } from '../harness/smtpSink';
import { SmtpSink } from '../harness/smtpSink';
import { loadWorkflow, outputOf } from '../harness/workflows';

/** The cells of each body row of the table under an <h2> heading of the report. */
function tableRows(html: string, heading: string): string[][] {
	const section = html.split(`<h2>${heading}</h2>`)[1].split('</table>')[0];
	return [...section.matchAll(/<tr>((?:<td>.*?<\/td>)+)<\/tr>/g)].map((row) => [...row[1].matchAll(/<td>(.*?)<\/td>/g)].map((cell) => cell[1]));
}

/** The report's number format: fixed decimals, thousands commas, a real minus sign. */
function reportNumber(value: number, digits: number, signed = false): string {
	const text = Math.abs(value).toFixed(digits).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
	const zero = Number(Math.abs(value).toFixed(digits)) === 0;
	return `${value < 0 && !zero ? '−' : signed && !zero ? '+' : ''}${text}`;
}

let host: Host;
let sink: Sink;

/** 150 customers; the campaign lifts conversion from about 10% to about 30%; order values 20-80. */
function customers() {
	const random = seededRandom(2025);
	return Array.from({ length: 150 }, (_, i) => {
		const base = random() < 0.1;
		const lifted = base || random() < 0.22;
		return {
			customer_id: `C${String(i + 1).padStart(3, '0')}`,
			email: `customer${i + 1}@example.com`,
			first_name: `Customer${i + 1}`,
			converts_without: base ? 1 : 0,
			converts_with: lifted ? 1 : 0,
			order_value: 20 + Math.round(random() * 60),
		};
	});
}

beforeAll(async () => {
	host = await N8nHost.create('measure-uplift');
	sink = await SmtpSink.start({ folder: host.folder });
	host.importCredentials([
		{
			id: 'smtpSinkCred0002',
			name: 'SMTP sink',
			type: 'smtp',
			data: { user: 'uplift-e2e', password: 'not-a-secret', host: sink.host, port: sink.port, secure: false, disableStartTls: true, hostName: '' },
		},
	]);
});

afterAll(async () => {
	await sink?.stop();
	await host?.stop();
	host?.dispose();
});

describe('Measure Uplift in real n8n: Assign -> Send Email to the treated -> outcomes -> Analyze -> report file', () => {
	it('mails only the treated, analyses the outcomes as lib does, and writes a report with those numbers', () => {
		const rows = customers();
		const header = Object.keys(rows[0]).join(',');
		const csv = host.writeFile('customers.csv', `${[header, ...rows.map((row) => Object.values(row).join(','))].join('\n')}\n`);
		const report = host.file('uplift-report.html');
		const workflow = loadWorkflow('measure-uplift-campaign', { 'Read Customers CSV': { fileSelector: csv }, 'Write Report File': { fileName: report } });
		host.importWorkflow(workflow);
		const run = host.execute(workflow.id);
		expect(run.ok).toBe(true);
		const result = run.result!;

		// Assignment: the salted hash of lib, 20/80.
		const arms = rows.map((row) => assignArm(row.customer_id, { salt: 'spring-sale', hashing: 'colonJoined', arms: [{ name: 'control', weight: 20 }, { name: 'treatment', weight: 80 }] }).arm);
		const assigned = outputOf(result, 'Assign Holdout');
		expect(assigned.map((item) => item.json.arm)).toEqual(arms);
		const treatedEmails = rows.filter((_, i) => arms[i] === 'treatment').map((row) => row.email);
		expect(treatedEmails.length).toBeGreaterThan(100);

		// Mail: every treated customer, no holdout customer.
		const recipients = sink.recipients().sort();
		expect(recipients).toEqual([...treatedEmails].sort());
		expect(sink.messages()[0].subject).toMatch(/^Spring sale for Customer\d+$/);

		// Analysis: the same figures as lib on the same outcomes.
		const units = rows.map((row, i) => {
			const converted = arms[i] === 'control' ? row.converts_without : row.converts_with;
			return { arm: arms[i], converted, revenue: converted * row.order_value, messages: arms[i] === 'control' ? 0 : 1 };
		});
		const reference = analyzeExperiment({ units }, { control: 'control', costPerMessage: 0.05, armWeights: { control: 20, treatment: 80 } });
		const conversion = reference.comparisons.find((comparison) => comparison.metric === 'conversion')!;
		const [summary] = outputOf(result, 'Analyze');
		expect(summary.json).toMatchObject({ campaign: 'spring-sale', control: 'control', treatmentArm: 'treatment', totalCustomers: 150, srmFlag: false });
		expect(summary.json.relativeLift).toBeCloseTo(conversion.relativeUplift, 6);
		expect(summary.json.pValue).toBeCloseTo(conversion.pValue, 8);
		const business = reference.business[0];
		expect(summary.json.incrementalRevenue).toBeCloseTo(business.incrementalRevenue!, 2);
		expect(summary.json.incrementalRevenueCiLow).toBeCloseTo(business.incrementalRevenueCiLow!, 2);
		expect(summary.json.incrementalRevenueCiHigh).toBeCloseTo(business.incrementalRevenueCiHigh!, 2);
		expect(summary.json.cost).toBeCloseTo(business.cost, 6);
		expect(summary.json.roi).toBeCloseTo(business.roi!, 4);
		expect(summary.json.srmPValue).toBeCloseTo(reference.sampleRatio!.pValue, 8);
		expect(summary.json.summary).toContain('treatment converted');
		expect(summary.json).not.toHaveProperty('error');

		// The report file n8n wrote: self-contained HTML with the chart and these numbers.
		const html = host.readFile('uplift-report.html');
		expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
		expect(html).toContain('<svg');
		expect(html).toContain('spring-sale');
		const percent = (value: number) => `${value >= 0 ? '+' : '−'}${(Math.abs(value) * 100).toFixed(1)}%`;
		expect(html).toContain(`uplift ${percent(conversion.relativeUplift)}`);
		expect(html).toContain(`p = ${conversion.pValue.toFixed(4)}`);
		// Each arm's customers and conversion rate, and the business figures, as lib computes them.
		const armRows = tableRows(html, 'Arms');
		expect(armRows.map((row) => row.slice(0, 2))).toEqual(reference.arms.map((arm) => [`${arm.arm}${arm.isControl ? ' (control)' : ''}`, reportNumber(arm.units, 0)]));
		expect(armRows.map((row) => row[5])).toEqual(reference.arms.map((arm) => `${reportNumber(arm.conversionRate! * 100, 2)}%`));
		const [impact] = tableRows(html, 'Business impact');
		expect(impact[0]).toBe('treatment');
		expect(impact[3]).toBe(`${reportNumber(business.incrementalRevenue!, 2, true)} EUR`);
		expect(impact[4]).toBe(`${reportNumber(business.incrementalRevenueCiLow!, 2, true)} to ${reportNumber(business.incrementalRevenueCiHigh!, 2, true)}`);
		expect(impact[5]).toBe(`${reportNumber(business.cost, 2)} EUR`);
		expect(impact[6]).toBe(`${reportNumber(business.roi! * 100, 1, true)}%`);
		// And the whole page is the one lib renders from its own analysis of the same outcomes.
		expect(html).toBe(renderUpliftReport(reference, { campaign: 'spring-sale', currency: 'EUR' }));
	});
});
