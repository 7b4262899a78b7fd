/**
 * Stored profiles in a real n8n (issue 14): a webhook workflow reads the `customer_profiles` Data table, folds the
 * new orders into it with Build Profile's Update Stored Profiles mode, upserts the rows and deletes the retired ones.
 * Week 1 then week 2 give the profiles one build over both weeks gives; Data tables only run in a server.
 */
import type { N8nHost as Host } from '../harness/n8nHost';
import { N8nHost } from '../harness/n8nHost';
import { oneShot, storedProfilesWorkflow } from './storedProfilesWorkflow';
import { WEEK_1, WEEK_2 } from './storedProfilesWeeks';

/** Week 1, week 2 and a read of every customer through the webhook, on a fresh n8n (queue mode: Redis + a worker). */
async function runWeeks(queue: boolean): Promise<Array<Array<Record<string, unknown>>>> {
	const host: Host = await N8nHost.create(queue ? 'stored-profiles-queue' : 'stored-profiles', { extraEnv: { GENERIC_TIMEZONE: 'UTC' } });
	try {
		const workflow = storedProfilesWorkflow();
		host.importWorkflow(workflow);
		host.publishWorkflow(workflow.id);
		await host.start({ queue, workers: 1 });
		const responses = [];
		for (const body of [{ orders: WEEK_1 }, { orders: WEEK_2 }, { orders: [], every: true }]) {
			const response = await host.webhook('stored-profiles', body);
			if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${JSON.stringify(response.data)}\n${host.readLog('main')}`);
			responses.push(response.data as Array<Record<string, unknown>>);
		}
		return responses;
	} finally {
		await host.stop();
		host.dispose();
	}
}

const byId = (profiles: Array<Record<string, unknown>>) => Object.fromEntries(profiles.map((profile) => [profile.profileId as string, profile]));

describe('Stored profiles in a Data table (real n8n server)', () => {
	let responses: Array<Array<Record<string, unknown>>>;

	beforeAll(async () => {
		responses = await runWeeks(false);
	});

	it('week 1 creates the table and stores one row per customer', () => {
		expect(Object.keys(byId(responses[0])).sort()).toEqual(['C-1', 'C-2', 'anonymous:cookie-9']);
	});

	it("week 2's orders update only the customers they touch, to the profiles of one build over both weeks", () => {
		const profiles = byId(responses[1]);
		const expected = oneShot([...WEEK_1, ...WEEK_2]);
		expect(Object.keys(profiles).sort()).toEqual(['C-1', 'C-2', 'C-3']);
		for (const id of Object.keys(profiles)) expect(profiles[id]).toEqual(expected[id]);
		expect(profiles['C-1']).toMatchObject({ anonymousIds: ['cookie-9'], productsViewed: ['SKU-2'], orders: 2 });
		expect(profiles['C-2']).toMatchObject({ revenue: 15, consentEmail: false, unsubscribed: ['email'] });
	});

	it('reading every stored customer gives exactly the one-shot profiles (the merged row was deleted)', () => {
		expect(byId(responses[2])).toEqual(oneShot([...WEEK_1, ...WEEK_2]));
	});

	it('gives identical answers in queue mode (Redis and a worker run the Data table workflow)', async () => {
		const queued = await runWeeks(true);
		expect(JSON.stringify(queued)).toBe(JSON.stringify(responses));
	});
});
