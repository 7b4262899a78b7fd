/**
 * Build Profile inside a real n8n 2.41.1 (Node 24), installed from the packed tarball as a community
 * package, executed headless with `n8n execute`. CSV files are read by n8n's own file nodes.
 */
import type { N8nHost as Host } from '../harness/n8nHost';
import { N8nHost } from '../harness/n8nHost';
import { loadWorkflow, outputOf, writeCdnowSampleCsv } from '../harness/workflows';
import { readCdnowSummary } from '../../support/sharedData';

let host: Host;

beforeAll(async () => {
	host = await N8nHost.create('build-profile-cli');
});

afterAll(async () => {
	await host.stop();
	host.dispose();
});

describe('Build Profile in real n8n (CLI)', () => {
	it('reproduces the CDNOW BTYD summary for all 2,357 customers from a CSV read by n8n file nodes', () => {
		const csv = host.file('cdnow_sample.csv');
		writeCdnowSampleCsv(csv);
		const workflow = loadWorkflow('cdnow-build-profile', { 'Read CSV File': { fileSelector: csv } });
		host.importWorkflow(workflow);
		const run = host.execute(workflow.id);
		expect(run.ok).toBe(true);
		const profiles = outputOf(run.result!, 'Build Profile');
		expect(profiles).toHaveLength(2357);
		const byId = new Map(profiles.map((item) => [item.json.customerId as string, item.json]));
		const round = (value: unknown) => Math.round((value as number) * 100) / 100;
		let matches = 0;
		for (const row of readCdnowSummary()) {
			const profile = byId.get(row.id)!;
			if (profile.frequency === row.frequency && round(profile.recency) === row.recency && round(profile.T) === row.T) matches++;
		}
		expect(matches).toBe(2357);
		// Every profile points back to the CSV rows it was built from.
		const paired = profiles.flatMap((item) => (Array.isArray(item.pairedItem) ? item.pairedItem : [item.pairedItem]));
		expect(paired.length).toBe(6919);
		const hints = run.result!.data.resultData.runData['Build Profile'][0].hints ?? [];
		expect(hints.map((hint) => hint.message).join(' ')).toContain('afterObservationEnd');
	});

	const badCsv = [
		'customer_id,email,timestamp,amount,product_id,__proto__',
		'A,,2024-01-01,10.50,P1,x',
		',,2024-01-02,5,P2,x',
		'B,,2024-02-30,5,P3,x',
		'C,,2024-01-03,abc,P4,x',
		'A,,2024-01-05,20,P2,x',
	].join('\n');

	it('stops on the first bad item with a NodeOperationError naming the item and the field', () => {
		const csv = host.writeFile('events.csv', `${badCsv}\n`);
		const workflow = loadWorkflow('csv-build-profile', { 'Read CSV File': { fileSelector: csv } });
		host.importWorkflow(workflow);
		const run = host.execute(workflow.id);
		expect(run.ok).toBe(false);
		const error = run.result?.data.resultData.error ?? { message: run.stdout + run.stderr };
		expect(`${error.message} ${error.description ?? ''}`).toMatch(/Item 1 has no customer id, email, anonymous id or phone/);
	});

	it('with Continue on fail, gives one error item per bad item with its pairedItem, and profiles for the good ones', () => {
		const csv = host.writeFile('events.csv', `${badCsv}\n`);
		const workflow = loadWorkflow('csv-build-profile', { 'Read CSV File': { fileSelector: csv } });
		workflow.id = 'csvBuildProfile0002';
		workflow.nodes.find((node) => node.name === 'Build Profile')!.onError = 'continueRegularOutput';
		host.importWorkflow(workflow);
		const run = host.execute(workflow.id);
		expect(run.ok).toBe(true);
		const items = outputOf(run.result!, 'Build Profile');
		const errors = items.filter((item) => 'error' in item.json);
		const profiles = items.filter((item) => !('error' in item.json));
		expect(errors.map((item) => item.pairedItem)).toEqual([{ item: 1 }, { item: 2 }, { item: 3 }]);
		expect(errors.map((item) => item.json.error)).toEqual([
			'Item 1 has no customer id, email, anonymous id or phone',
			'Field "timestamp" is not a valid date: "2024-02-30"',
			'Field "amount" should be a number but is "abc"',
		]);
		expect(profiles.map((item) => [item.json.customerId, item.json.revenue, item.pairedItem])).toEqual([['A', 30.5, [{ item: 0 }, { item: 4 }]]]);
		expect(Object.prototype.hasOwnProperty.call({}, 'x')).toBe(false);
	});
});
