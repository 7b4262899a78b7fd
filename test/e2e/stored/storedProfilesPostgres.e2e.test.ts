/**
 * Stored profiles on PostgreSQL in the production layout (issue 14, item 6): n8n itself on PostgreSQL
 * (DB_TYPE=postgresdb), queue mode with Redis, a main instance and one worker, and the shipped example
 * examples/postgres/stored-profiles-postgres.json (its trigger and sample orders replaced by a webhook) keeping
 * `customer_profiles` in the shop's PostgreSQL database with n8n's Postgres node.
 *
 * In the same n8n, the Data-table variant (storedProfilesWorkflow) folds the same weeks into a Data table, and a
 * full rebuild (one Build Profile over both weeks, then the same Assign Lifecycle Stage) gives the reference stages.
 * Week 1 then week 2 through the Postgres workflow must give the profiles of one build over both weeks, the stages
 * of the full rebuild, and row for row the Data table's rows.
 */
import type { N8nHost as Host } from '../harness/n8nHost';
import { N8nHost } from '../harness/n8nHost';
import { STORED_PROFILE_COLUMNS } from '../../../lib';
import { dataTableRowsWorkflow, EXAMPLE_CREDENTIAL, exampleProfileColumns, fullRebuildWorkflow, postgresWebhookWorkflow } from './storedProfilesPostgresWorkflow';
import { oneShot, storedProfilesWorkflow } from './storedProfilesWorkflow';
import { WEEK_1, WEEK_2 } from './storedProfilesWeeks';

type Row = Record<string, unknown>;

const byId = (rows: Row[]) => Object.fromEntries(rows.map((row) => [row.profileId as string, row]));

/** A stored row in one comparable form: exactly the table's columns, dates as ISO text in UTC with milliseconds. */
function comparableRow(row: Row): Row {
	return Object.fromEntries(
		STORED_PROFILE_COLUMNS.map(({ name, type }) => {
			const value = row[name] ?? null;
			return [name, type === 'date' && value !== null ? new Date(String(value)).toISOString() : value];
		}),
	);
}

/** SQL types the example may give each kind of column (Data-table kinds: string, number, boolean, date). */
const SQL_TYPES: Record<string, RegExp> = {
	string: /^text( NOT NULL| PRIMARY KEY)?$/,
	number: /^(integer|double precision)( NOT NULL)?$/,
	boolean: /^boolean( NOT NULL)?$/,
	date: /^timestamptz( NOT NULL)?$/,
};

describe('Stored profiles in PostgreSQL, n8n on PostgreSQL in queue mode (Redis, main, 1 worker)', () => {
	let host: Host;
	const responses: Record<string, Row[]> = {};

	const call = async (path: string, body: unknown): Promise<Row[]> => {
		const response = await host.webhook(path, body);
		if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status}: ${JSON.stringify(response.data)}\nmain:\n${host.readLog('main')}\nworker:\n${host.readLog('worker-0')}`);
		return response.data as Row[];
	};
	const storedRows = () => host.postgres!.rows<Row>('SELECT * FROM customer_profiles ORDER BY "profileId"');

	beforeAll(async () => {
		host = await N8nHost.create('stored-profiles-postgres', { postgres: true, extraEnv: { GENERIC_TIMEZONE: 'UTC' } });
		host.importCredentials([host.postgres!.credential(EXAMPLE_CREDENTIAL)]);
		const workflows = [postgresWebhookWorkflow(), storedProfilesWorkflow(), fullRebuildWorkflow(), dataTableRowsWorkflow()];
		host.importWorkflows(workflows);
		for (const workflow of workflows) host.publishWorkflow(workflow.id);
		await host.start({ queue: true, workers: 1 });

		responses.postgresWeek1 = await call('stored-profiles-postgres', { orders: WEEK_1 });
		responses.postgresRowsWeek1 = storedRows();
		responses.postgresWeek2 = await call('stored-profiles-postgres', { orders: WEEK_2 });
		responses.postgresRowsWeek2 = storedRows();
		responses.postgresWeek2Again = await call('stored-profiles-postgres', { orders: WEEK_2 });
		responses.postgresRowsWeek2Again = storedRows();
		for (const body of [{ orders: WEEK_1 }, { orders: WEEK_2 }, { orders: [], every: true }]) await call('stored-profiles', body);
		responses.dataTableRows = await call('data-table-rows', {});
		responses.fullRebuild = await call('full-rebuild', { orders: [...WEEK_1, ...WEEK_2] });
	});

	afterAll(async () => {
		await host?.stop();
		host?.dispose();
	});

	it("the example's customer_profiles table has exactly the documented columns, in order, with matching SQL types", () => {
		const columns = exampleProfileColumns();
		expect(columns.map(([name]) => name)).toEqual(STORED_PROFILE_COLUMNS.map(({ name }) => name));
		for (const [name, sqlType] of columns) {
			const kind = STORED_PROFILE_COLUMNS.find((column) => column.name === name)!.type;
			expect([name, sqlType]).toEqual([name, expect.stringMatching(SQL_TYPES[kind])]);
		}
		expect(columns[0]).toEqual(['profileId', 'text PRIMARY KEY']);
	});

	it('n8n itself ran on PostgreSQL and the worker ran the executions', () => {
		const [{ workflows }] = host.postgres!.rows<{ workflows: number }>('SELECT count(*)::int AS workflows FROM workflow_entity', { database: 'n8n' });
		expect(workflows).toBe(4);
		const [{ executions }] = host.postgres!.rows<{ executions: number }>("SELECT count(*)::int AS executions FROM execution_entity WHERE status = 'success'", { database: 'n8n' });
		expect(executions).toBeGreaterThanOrEqual(8);
		expect(host.readLog('worker-0')).toMatch(/Worker (started|finished) execution/);
	});

	it('week 1 creates the tables and stores one row per customer', () => {
		expect(responses.postgresRowsWeek1.map((row) => row.profileId)).toEqual(['C-1', 'C-2', 'anonymous:cookie-9']);
		expect(Object.keys(byId(responses.postgresWeek1)).sort()).toEqual(['C-1', 'C-2', 'anonymous:cookie-9']);
	});

	it('week 2 gives every customer the profile of one build over both weeks (the merged visitor retired)', () => {
		const expected = oneShot([...WEEK_1, ...WEEK_2]);
		const profiles = byId(responses.postgresWeek2);
		expect(Object.keys(profiles).sort()).toEqual(Object.keys(expected).sort());
		for (const [id, profile] of Object.entries(expected)) {
			const fields = Object.fromEntries(Object.keys(profile).map((field) => [field, profiles[id][field]]));
			expect([id, fields]).toEqual([id, profile]);
		}
		expect(profiles['C-1']).toMatchObject({ anonymousIds: ['cookie-9'], productsViewed: ['SKU-2'], orders: 2 });
		expect(profiles['C-2']).toMatchObject({ revenue: 15, consentEmail: false, unsubscribed: ['email'] });
	});

	it('gives the stages (and every other field) of a full rebuild over both weeks in the same n8n', () => {
		const stages = byId(responses.postgresWeek2);
		const rebuilt = byId(responses.fullRebuild);
		expect(Object.keys(stages).sort()).toEqual(Object.keys(rebuilt).sort());
		for (const id of Object.keys(rebuilt)) expect([id, stages[id]]).toEqual([id, rebuilt[id]]);
		expect(Object.values(stages).map((item) => typeof item.lifecycleStage)).toEqual(['string', 'string', 'string']);
	});

	it('stores the same rows as the Data-table variant, and deletes the retired one', () => {
		const postgres = responses.postgresRowsWeek2.map(comparableRow);
		const dataTable = responses.dataTableRows.map(comparableRow).sort((a, b) => String(a.profileId).localeCompare(String(b.profileId)));
		expect(postgres.map((row) => row.profileId)).toEqual(['C-1', 'C-2', 'C-3']);
		expect(postgres).toEqual(dataTable);
	});

	it('stores the watermark: the observation end of the last run', () => {
		const watermarks = host.postgres!.rows<{ tableName: string; observationEnd: string }>('SELECT "tableName", "observationEnd" FROM profile_watermarks');
		expect(watermarks.map(({ tableName, observationEnd }) => [tableName, new Date(observationEnd).toISOString()])).toEqual([['customer_profiles', '2024-05-11T10:00:00.000Z']]);
	});

	it('folding week 2 a second time gives what one build over the three batches gives (exact, whatever the batches)', () => {
		// Week 2's lines carry no event ID, so a second copy is a second line, as in a one-shot build over the three.
		const expected = oneShot([...WEEK_1, ...WEEK_2, ...WEEK_2]);
		const profiles = byId(responses.postgresWeek2Again);
		for (const [id, profile] of Object.entries(expected)) {
			const fields = Object.fromEntries(Object.keys(profile).map((field) => [field, profiles[id][field]]));
			expect([id, fields]).toEqual([id, profile]);
		}
	});
});
