/**
 * The README's hand install, done exactly as written: its "By hand" shell block runs with bash in a plain, fresh
 * n8n user folder (no .n8n yet), with the provisioned Node 24's npm, installing the packed tarball (README: "From a
 * release tarball"). Then n8n starts on that folder and must list all six nodes, with the codex categories and
 * aliases of this package, and load none of the demo's code (the tarball does not ship it).
 */
import { ownerSession, DEMO_OWNER, BROWSER_ID } from '../harness/demo';
import type { N8nHost } from '../harness/n8nHost';
import { installAsReadmeSays } from '../harness/readmeInstall';
import { installedFiles } from '../../support/installedFiles';
import { readProjectFile } from '../../support/projectFiles';

interface NodeTypeEntry {
	name: string;
	displayName: string;
	codex?: { categories?: string[]; alias?: string[]; resources?: { primaryDocumentation?: Array<{ url: string }> } };
}

const packageJson = JSON.parse(readProjectFile('package.json'));
const FOLDERS: string[] = packageJson.n8n.nodes.map((entry: string) => entry.split('/')[2]);

describe('install by hand as the README says, then n8n finds the nodes', () => {
	let host: N8nHost;
	let home: string;
	let commands: string[];
	let nodeTypes: NodeTypeEntry[];

	beforeAll(async () => {
		({ host, home, commands } = await installAsReadmeSays('readme-install'));
		await host.start();
		const base = `http://127.0.0.1:${host.port}`;
		const setup = await fetch(`${base}/rest/owner/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(DEMO_OWNER) });
		if (setup.status !== 200) throw new Error(`owner setup failed: HTTP ${setup.status}`);
		const session = await ownerSession(base, DEMO_OWNER);
		if (!session.ok) throw new Error('login failed');
		const response = await fetch(`${base}/types/nodes.json`, { headers: { cookie: session.cookie!, 'browser-id': BROWSER_ID } });
		if (response.status !== 200) throw new Error(`/types/nodes.json: HTTP ${response.status}`);
		nodeTypes = (await response.json()) as NodeTypeEntry[];
	});

	afterAll(async () => {
		await host?.stop();
		host?.dispose();
	});

	it('ran the README commands: created ~/.n8n/nodes and installed with --omit=peer, without n8n-workflow', () => {
		expect(commands[0]).toBe('mkdir -p ~/.n8n/nodes');
		expect(commands.some((command) => /^npm install --omit=peer \S+\.tgz$/.test(command))).toBe(true);
		const installed = installedFiles(`${home}/.n8n/nodes/node_modules`);
		expect(installed.filter((file) => file.startsWith('n8n-workflow/'))).toEqual([]);
		expect(installed.filter((file) => !file.startsWith('n8n-nodes-lifecycle/') && file !== '.package-lock.json')).toEqual([]);
	});

	it('installed only what the package means to ship: LICENSE, no maps, declarations, build cache or demo simulator', () => {
		const files = installedFiles(`${home}/.n8n/nodes/node_modules/n8n-nodes-lifecycle`);
		expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'CHANGELOG.md', 'package.json', 'dist/lib/index.js']));
		expect(files.filter((file) => /\.map$|\.d\.ts$|\.tsbuildinfo$|^dist\/lib\/simulate\/|^dist\/test\//.test(file))).toEqual([]);
	});

	it.each(FOLDERS)('n8n lists %s with the codex categories and aliases of its .node.json', (folder) => {
		const codex = JSON.parse(readProjectFile(`nodes/${folder}/${folder}.node.json`));
		const entry = nodeTypes.find((type) => type.name === codex.node);
		expect(entry).toBeDefined();
		expect(entry!.codex?.categories).toEqual(codex.categories);
		expect(entry!.codex?.alias).toEqual(codex.alias);
		expect(entry!.codex?.resources?.primaryDocumentation?.[0].url).toBe(codex.resources.primaryDocumentation[0].url);
	});

	it('finds the nodes by what a marketer searches for (aliases as n8n serves them)', () => {
		const ours = nodeTypes.filter((type) => type.name.startsWith('n8n-nodes-lifecycle.') && !type.name.endsWith('Tool'));
		expect(ours.map((type) => type.displayName).sort()).toEqual(
			['Assign Lifecycle Stage', 'Build Profile', 'Choose Channel', 'Measure Uplift', 'Recommend Products', 'Score Churn'],
		);
		const findable = (search: string) => ours.filter((type) => (type.codex?.alias ?? []).some((alias) => alias.toLowerCase() === search.toLowerCase())).map((type) => type.displayName);
		expect(findable('CLV')).toContain('Score Churn');
		expect(findable('RFM')).toContain('Build Profile');
		expect(findable('churn')).toContain('Score Churn');
		expect(findable('holdout')).toContain('Measure Uplift');
		expect(findable('A/B test')).toContain('Measure Uplift');
		expect(findable('next best action')).toEqual(expect.arrayContaining(['Recommend Products', 'Choose Channel']));
	});
});
