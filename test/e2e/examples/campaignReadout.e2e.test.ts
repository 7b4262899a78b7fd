/**
 * The example "campaign readout" in a started n8n 2.41.1, triggered through its webhook: outcomes CSV ->
 * Measure Uplift Analyze with the HTML report -> n8n's file node writes it -> a chat summary -> the response.
 */
import { analyzeExperiment, assignArm, seededRandom } from '../../../lib';
import type { N8nHost as Host } from '../harness/n8nHost';
import { N8nHost } from '../harness/n8nHost';
import { loadWorkflow } from '../harness/workflows';
import type { LoopbackServer } from '../../support/loopbackServer';
import { startLoopbackServer } from '../../support/loopbackServer';

let host: Host;
let chat: LoopbackServer;

beforeAll(async () => {
	host = await N8nHost.create('example-readout');
	chat = await startLoopbackServer(() => ({ body: { ok: true } }));
});

afterAll(async () => {
	await chat?.close();
	await host?.stop();
	host?.dispose();
});

describe('Example workflow: campaign readout (through the running server)', () => {
	it('writes the HTML report file, posts the summary to chat and answers with the analysis', async () => {
		const random = seededRandom(31);
		const units = Array.from({ length: 2000 }, (_, i) => {
			const id = `C${i}`;
			const arm = assignArm(id, { salt: 'weekly-lifecycle', hashing: 'colonJoined', arms: [{ name: 'control', weight: 10 }, { name: 'treatment', weight: 90 }] }).arm;
			const converted = random() < (arm === 'control' ? 0.08 : 0.12) ? 1 : 0;
			return { id, arm, converted, revenue: converted ? Math.round(2000 + random() * 6000) / 100 : 0 };
		});
		const csv = host.writeFile('outcomes.csv', `${['customer_id,arm,converted,revenue', ...units.map((u) => `${u.id},${u.arm},${u.converted},${u.revenue}`)].join('\n')}\n`);
		const report = host.file('uplift-report.html');
		const workflow = loadWorkflow('example-campaign-readout', { 'Read Outcomes CSV': { fileSelector: csv }, 'Write Report File': { fileName: report }, 'Chat Summary': { url: `${chat.url}/chat` } });
		host.importWorkflow(workflow);
		host.publishWorkflow(workflow.id);
		await host.start();
		const response = await host.webhook('campaign-readout', {});
		if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${JSON.stringify(response.data)}\n${host.readLog('main')}`);
		const summary = response.data as Record<string, number | string | boolean>;

		const reference = analyzeExperiment(
			{ units: units.map((u) => ({ ...u, messages: u.arm === 'control' ? 0 : 1 })) },
			{ control: 'control', costPerMessage: 0.01, armWeights: { control: 10, treatment: 90 } },
		);
		const conversion = reference.comparisons.find((comparison) => comparison.metric === 'conversion')!;
		expect(summary).toMatchObject({ campaign: 'weekly-lifecycle', totalCustomers: 2000, treatmentArm: 'treatment', srmFlag: false });
		expect(summary.relativeLift as number).toBeCloseTo(conversion.relativeUplift, 6);
		expect(summary.roi as number).toBeCloseTo(reference.business[0].roi!, 4);

		const html = host.readFile('uplift-report.html');
		expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
		expect(html).toContain('<svg');
		expect(html).toContain(`p = ${conversion.pValue.toFixed(4)}`);

		expect(chat.requests).toHaveLength(1);
		const text = (chat.requests[0].body as { text: string }).text;
		expect(text).toContain('Campaign readout: treatment converted');
		expect(text).toContain('uplift-report.html');
	});
});
