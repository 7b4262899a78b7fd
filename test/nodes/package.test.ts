/**
 * Invariants of the package as n8n loads and verifies it: every node registered and complete, no runtime
 * dependencies, only host-provided imports in shipped code.
 */
import { packedFiles } from '../support/packedFiles';
import { listProjectFiles, projectFileExists, readProjectFile } from '../support/projectFiles';

const packageJson = JSON.parse(readProjectFile('package.json'));
/**
 * n8n's node categories for codex files, as listed in "Node codex files > Node categories"
 * (https://docs.n8n.io/integrations/creating-nodes/build/reference/node-codex-files/). A category outside it puts
 * the node nowhere useful in the nodes panel.
 */
const N8N_CATEGORIES = new Set(['Analytics', 'Communication', 'Data & Storage', 'Development', 'Finance & Accounting', 'Marketing & Content', 'Miscellaneous', 'Productivity', 'Sales', 'Utility']);
const REPOSITORY_BLOB = `${packageJson.repository.url.replace(/^git\+/, '').replace(/\.git$/, '')}/blob/main/`;

/** The repository file a documentation URL points to (it must point into this repository's main branch). */
function repositoryFileOf(url: string): string {
	expect(url.startsWith(REPOSITORY_BLOB)).toBe(true);
	return url.slice(REPOSITORY_BLOB.length).split('#')[0];
}
/** Modules n8n provides to community packages at run time (its allow-list), plus Node's crypto. */
const HOST_MODULES = new Set(['n8n-workflow', 'zod', 'luxon', 'crypto']);

describe('package.json', () => {
	it('follows n8n community conventions with no runtime dependencies', () => {
		expect(packageJson.name).toMatch(/^n8n-nodes-/);
		expect(packageJson.keywords).toContain('n8n-community-node-package');
		expect(packageJson.repository.url).toMatch(/^git\+https:\/\/github\.com\/.+\.git$/);
		expect(packageJson.license).toBe('MIT');
		expect(packageJson.main).toBeUndefined();
		expect(packageJson.n8n).toMatchObject({ n8nNodesApiVersion: 1, strict: true });
		expect(packageJson.dependencies ?? {}).toEqual({});
		expect(packageJson.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		for (const script of ['preinstall', 'install', 'postinstall', 'prepare']) expect(packageJson.scripts[script]).toBeUndefined();
	});

	it('pins zod and luxon to the versions n8n 2.41.1 ships, so tests see what the host provides', () => {
		expect(packageJson.devDependencies.zod).toBe('3.25.76');
		expect(packageJson.devDependencies.luxon).toBe('3.7.2');
		expect(packageJson.devDependencies['n8n-workflow']).toBe('2.41.0');
	});
});

describe('nodes', () => {
	const registered: string[] = packageJson.n8n.nodes;
	const folders = [...new Set(listProjectFiles('nodes', '.node.ts').map((file) => file.split('/')[1]))];

	it('registers every node folder, and every registered node exists', () => {
		expect(registered.map((entry) => entry.split('/')[2]).sort()).toEqual(folders.sort());
		for (const entry of registered) {
			const [, , folder, file] = entry.split('/');
			expect(file).toBe(`${folder}.node.js`);
			expect(projectFileExists(`nodes/${folder}/${folder}.node.ts`)).toBe(true);
		}
	});

	it.each(folders)('%s has a codex, light and dark icons, a subtitle and usableAsTool', (folder) => {
		const source = readProjectFile(`nodes/${folder}/${folder}.node.ts`);
		const name = /name: '([a-zA-Z]+)'/.exec(source)![1];
		expect(name).toBe(folder[0].toLowerCase() + folder.slice(1));
		const codex = JSON.parse(readProjectFile(`nodes/${folder}/${folder}.node.json`));
		expect(codex.node).toBe(`n8n-nodes-lifecycle.${name}`);
		const icons = /icon: \{ light: 'file:([^']+)', dark: 'file:([^']+)' \}/.exec(source)!;
		expect(projectFileExists(`nodes/${folder}/${icons[1]}`)).toBe(true);
		expect(projectFileExists(`nodes/${folder}/${icons[2]}`)).toBe(true);
		expect(source).toContain('usableAsTool: true');
		expect(source).toContain('subtitle:');
	});

	it.each(folders)('%s is findable: n8n categories, search aliases, and a documentation page that exists', (folder) => {
		const codex = JSON.parse(readProjectFile(`nodes/${folder}/${folder}.node.json`));
		expect(codex.categories.length).toBeGreaterThan(0);
		expect(codex.categories.filter((category: string) => !N8N_CATEGORIES.has(category))).toEqual([]);
		expect(codex.alias.length).toBeGreaterThanOrEqual(5);
		expect(new Set(codex.alias.map((alias: string) => alias.toLowerCase())).size).toBe(codex.alias.length);
		const documentation: string = codex.resources.primaryDocumentation[0].url;
		expect(repositoryFileOf(documentation)).toMatch(/^docs\/nodes\/[a-z-]+\.md$/);
		expect(projectFileExists(repositoryFileOf(documentation))).toBe(true);
	});

	it('offers the searches a marketer types (CLV, RFM, churn, holdout, A/B test, next best action) across the nodes', () => {
		const aliases = folders.flatMap((folder) => JSON.parse(readProjectFile(`nodes/${folder}/${folder}.node.json`)).alias as string[]);
		for (const search of ['CLV', 'RFM', 'churn', 'holdout', 'A/B test', 'next best action', 'segmentation', 'uplift']) expect(aliases).toContain(search);
	});
});

describe('credentials', () => {
	it.each(listProjectFiles('credentials', '.credentials.ts'))('%s links to a documentation page that exists', (file) => {
		const url = /documentationUrl = '([^']+)'/.exec(readProjectFile(file))![1];
		expect(repositoryFileOf(url)).toMatch(/^docs\/credentials\/[a-z-]+\.md$/);
		expect(projectFileExists(repositoryFileOf(url))).toBe(true);
	});
});

describe('tarball', () => {
	const files = packedFiles();

	it('ships LICENSE, README, CHANGELOG and package.json, and every registered node and credential', () => {
		expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'CHANGELOG.md', 'package.json']));
		expect(readProjectFile('LICENSE')).toMatch(/^MIT License/);
		// dist/ exists once built (the e2e layer packs a fresh build and checks the installed package too).
		if (!projectFileExists('dist/nodes')) return;
		for (const entry of [...packageJson.n8n.nodes, ...packageJson.n8n.credentials]) expect(files).toContain(entry);
		expect(files).toContain('dist/lib/index.js');
	});

	it('carries no build cache, source maps, type declarations, tests, docs or demo code', () => {
		const unwanted = files.filter((file) =>
			/\.tsbuildinfo$|\.map$|\.d\.ts$|\.ts$|\.png$/.test(file) || /^(dist\/)?(test|docs|examples|\.github|\.ci)\//.test(file) || file.startsWith('dist/lib/simulate/') || file === 'dist/package.json',
		);
		expect(unwanted).toEqual([]);
		expect(files.filter((file) => !/^(dist\/(nodes|credentials|lib)\/|LICENSE$|README\.md$|CHANGELOG\.md$|package\.json$)/.test(file))).toEqual([]);
	});
});

describe('release and docs', () => {
	it('CI and the release workflow run the same build-and-test command, npm test, and publish with provenance', () => {
		expect(readProjectFile('.ci/run').trim().split('\n').pop()).toBe('npm test');
		const release = readProjectFile('.github/workflows/release.yml');
		expect(release).toMatch(/^\s+run: npm test$/m);
		expect(release).toMatch(/id-token: write/);
		expect(release).toMatch(/^\s+run: npm run release$/m);
		expect(packageJson.scripts.release).toBe('n8n-node release');
		expect(release.indexOf('run: npm test')).toBeLessThan(release.indexOf('run: npm run release'));
	});

	it('keeps the README short, with the two commands, the versioning policy and a glossary', () => {
		const readme = readProjectFile('README.md');
		expect(readme.split('\n').length).toBeLessThanOrEqual(250);
		for (const heading of ['## Install', '## Quick start in five steps', '## Glossary', '## Versioning policy']) expect(readme).toContain(heading);
		expect(readme).toMatch(/^npm start /m);
		expect(readme).toMatch(/^npm test /m);
		expect(readme).toContain('npm install --omit=peer n8n-nodes-lifecycle');
		expect(readProjectFile('CHANGELOG.md')).toMatch(/^# Changelog/);
	});

	it('links from the README only to files that exist (pages other helpers write excepted)', () => {
		const readme = readProjectFile('README.md');
		const missing = [...readme.matchAll(/\]\((?!https?:|#)([^)#]+)(?:#[^)]*)?\)/g)]
			.map((match) => match[1])
			.filter((target) => !target.startsWith('docs/input-rules/') && target !== 'docs/demo.md' && !projectFileExists(target));
		expect(missing).toEqual([]);
	});
});

describe('shipped code', () => {
	/** The project files a module loads through relative imports, followed transitively. */
	function relativeImportClosure(entry: string): Set<string> {
		const seen = new Set<string>();
		const pending = [entry];
		while (pending.length > 0) {
			const file = pending.pop()!;
			if (seen.has(file)) continue;
			seen.add(file);
			const folder = file.split('/').slice(0, -1);
			for (const match of readProjectFile(file).matchAll(/^(?:import|export)\s(?!type\b)[^;'"]*?\bfrom\s*'(\.[^']*)'/gm)) {
				const parts = [...folder];
				for (const segment of match[1].split('/')) {
					if (segment === '..') parts.pop();
					else if (segment !== '.') parts.push(segment);
				}
				const target = parts.join('/');
				const resolved = [`${target}.ts`, `${target}/index.ts`].find(projectFileExists);
				if (resolved) pending.push(resolved);
			}
		}
		return seen;
	}

	it.each(listProjectFiles('nodes', '.node.ts'))('%s does not load the demo shop simulator (lib/simulate)', (entry) => {
		const loaded = [...relativeImportClosure(entry)];
		expect(loaded.length).toBeGreaterThan(3);
		expect(loaded.filter((file) => file.startsWith('lib/simulate/'))).toEqual([]);
	});

	it('imports only relative files and modules the n8n host provides', () => {
		const shipped = [...listProjectFiles('nodes', '.ts'), ...listProjectFiles('lib', '.ts'), ...listProjectFiles('credentials', '.ts')];
		const outside: string[] = [];
		for (const file of shipped) {
			// Import and export statements at the start of a line (a multi-line import included), and require()/import().
			for (const match of readProjectFile(file).matchAll(/^(?:import|export)\s[^;'"()=]*?\bfrom\s*'([^']+)'|^import\s*'([^']+)'|\b(?:require|import)\(\s*'([^']+)'/gm)) {
				const specifier = match[1] ?? match[2] ?? match[3];
				if (!specifier.startsWith('.') && !HOST_MODULES.has(specifier)) outside.push(`${file}: ${specifier}`);
			}
		}
		expect(outside).toEqual([]);
	});

	it('never imports n8n in lib/ and never one node folder from another', () => {
		for (const file of listProjectFiles('lib', '.ts')) expect(readProjectFile(file)).not.toMatch(/from 'n8n-workflow'/);
		for (const file of listProjectFiles('nodes', '.ts')) {
			const folder = file.split('/')[1];
			for (const match of readProjectFile(file).matchAll(/from '\.\.\/([A-Za-z]+)\//g)) {
				expect([folder, 'shared']).toContain(match[1] === '..' ? folder : match[1]);
			}
		}
	});
});
