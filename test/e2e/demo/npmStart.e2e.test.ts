/**
 * `npm start` as a user runs it: every port it needs is checked before anything starts (a taken one is named with
 * the variable that chooses another, the start fails and leaves nothing running), and Ctrl+C stops n8n gracefully
 * (n8n logs its own stop, so the next start does not find a crashed session).
 */
import type { NpmStartRun } from '../harness/npmStart';
import { demoState, distinctFreePorts, holdPort, processesMentioning, startNpmStart } from '../harness/npmStart';
import { tryListen } from '../harness/ports';
import { disposeDemoFolder, temporaryDemoFolder } from '../harness/demo';

const PORTS = [
	{ variable: 'N8N_PORT', what: 'the n8n editor' },
	{ variable: 'LIFECYCLE_OUTBOX_PORT', what: 'the outbox page' },
	{ variable: 'LIFECYCLE_CHAT_PORT', what: 'the chat webhook of the examples' },
	{ variable: 'N8N_RUNNERS_BROKER_PORT', what: "n8n's task-runner broker" },
	{ variable: 'LIFECYCLE_SMTP_PORT', what: 'the local SMTP sink' },
];

/** The demo's environment on free ports, its state in `folder`. */
async function demoEnvironment(folder: string): Promise<Record<string, string>> {
	const ports = await distinctFreePorts(PORTS.length);
	return { ...Object.fromEntries(PORTS.map((entry, index) => [entry.variable, String(ports[index])])), LIFECYCLE_DEMO_FOLDER: `${folder}/demo` };
}

async function expectNothingLeft(env: Record<string, string>, folder: string): Promise<void> {
	expect(processesMentioning(folder)).toEqual([]);
	for (const entry of PORTS) expect([entry.variable, await tryListen(Number(env[entry.variable]))]).toEqual([entry.variable, null]);
}

describe('npm start: ports', () => {
	let folder: string;
	beforeAll(() => {
		folder = temporaryDemoFolder('npm-start-ports');
	});
	afterAll(() => disposeDemoFolder(folder));

	it.each(PORTS)('names a taken $variable port with the variable to choose another, exits non-zero and leaves nothing running', async ({ variable, what }) => {
		const env = await demoEnvironment(folder);
		const taken = await holdPort(Number(env[variable]));
		try {
			const run = startNpmStart({ env, folder, name: variable });
			const exit = await run.waitForExit(120000);
			const output = run.output();
			expect(exit.code).not.toBe(0);
			expect(exit.code).not.toBeNull();
			expect(output).toContain(`Port ${taken.port} (${what}) is already in use on 127.0.0.1. Stop what uses it, or choose another port: ${variable}=<port> npm start`);
			expect(output).toContain('Nothing was started.');
			expect(output).not.toMatch(/^\s+at /m);
			// It stopped before building or writing anything.
			expect(output).not.toContain('Building the package');
			expect(demoState(env.LIFECYCLE_DEMO_FOLDER).exists).toBe(false);
		} finally {
			await taken.close();
		}
		await expectNothingLeft(env, folder);
	});
});

describe('npm start: Ctrl+C', () => {
	let folder: string;
	let env: Record<string, string>;
	let run: NpmStartRun | undefined;

	beforeAll(async () => {
		folder = temporaryDemoFolder('npm-start-ctrl-c');
		env = await demoEnvironment(folder);
	});
	afterAll(async () => {
		if (run) {
			run.interrupt();
			await run.waitForExit(60000).catch(() => undefined);
		}
		disposeDemoFolder(folder);
	});

	it('stops n8n gracefully: n8n logs its own stop, nothing is left running, and the next start finds no crashed session', async () => {
		run = startNpmStart({ env, folder, name: 'first' });
		await run.waitFor(/Press Ctrl\+C to stop\./, 900000);
		expect(run.output()).toContain(`n8n is running with n8n-nodes-lifecycle installed: http://127.0.0.1:${env.N8N_PORT}`);
		// The host is installed already: no first-run message.
		expect(run.output()).not.toContain('First run');
		run.interrupt();
		const exit = await run.waitForExit(90000);
		const firstOutput = run.output();
		run = undefined;
		// npm waits for the start script, then ends the way a Ctrl+C'd npm does (by SIGINT); the script itself stopped cleanly.
		expect(exit.code === 0 || exit.signal === 'SIGINT').toBe(true);
		expect(firstOutput).toMatch(/SIGINT: stopping n8n \(pid \d+\) and the outbox\.\.\.\nStopped\.\n/);
		const first = demoState(env.LIFECYCLE_DEMO_FOLDER);
		const firstLog = first.mainLog;
		expect(firstLog).toContain('Received SIGTERM. Shutting down...');
		expect(firstLog).toContain('Stopping n8n...');
		expect(first.crashJournal).toBe(false);
		await expectNothingLeft(env, folder);

		run = startNpmStart({ env, folder, name: 'second' });
		await run.waitFor(/Press Ctrl\+C to stop\./, 900000);
		const secondLog = demoState(env.LIFECYCLE_DEMO_FOLDER).mainLog.slice(firstLog.length);
		expect(secondLog).toContain('Editor is now accessible via');
		expect(secondLog).not.toContain('Last session crashed');
		run.interrupt();
		const second = await run.waitForExit(90000);
		expect(second.code === 0 || second.signal === 'SIGINT').toBe(true);
		expect(run.output()).toContain('Stopped.');
		run = undefined;
		await expectNothingLeft(env, folder);
	});
});
