/**
 * The per-node documentation pages (docs/nodes/<node>.md) that the codex links to: each lists every parameter of
 * its node, so a builder reading the page finds what the node panel shows. Regenerate the tables with
 * `npm run build && node test/support/writeParameterTables.js`.
 */
import type { INodeType } from 'n8n-workflow';
import { AssignLifecycleStage } from '../../nodes/AssignLifecycleStage/AssignLifecycleStage.node';
import { BuildProfile } from '../../nodes/BuildProfile/BuildProfile.node';
import { ChooseChannel } from '../../nodes/ChooseChannel/ChooseChannel.node';
import { MeasureUplift } from '../../nodes/MeasureUplift/MeasureUplift.node';
import { RecommendProducts } from '../../nodes/RecommendProducts/RecommendProducts.node';
import { ScoreChurn } from '../../nodes/ScoreChurn/ScoreChurn.node';
import { parameterNames } from '../support/nodeParameterTable';
import { projectFileExists, readProjectFile } from '../support/projectFiles';

const PAGES: Array<[string, INodeType]> = [
	['docs/nodes/build-profile.md', new BuildProfile()],
	['docs/nodes/assign-lifecycle-stage.md', new AssignLifecycleStage()],
	['docs/nodes/score-churn.md', new ScoreChurn()],
	['docs/nodes/recommend-products.md', new RecommendProducts()],
	['docs/nodes/choose-channel.md', new ChooseChannel()],
	['docs/nodes/measure-uplift.md', new MeasureUplift()],
];

describe('node documentation pages', () => {
	it.each(PAGES)('%s lists every parameter of its node in the parameters table', (page, node) => {
		const text = readProjectFile(page);
		expect(text).toContain(`# ${node.description.displayName}`);
		const missing = parameterNames(node.description.properties).filter((name) => !text.includes(`| **${name}** |`));
		expect(missing).toEqual([]);
	});

	it.each(PAGES)('%s links only to files of the repository that exist', (page) => {
		const folder = page.split('/').slice(0, -1);
		for (const match of readProjectFile(page).matchAll(/\]\((?!https?:|#)([^)#]+)(?:#[^)]*)?\)/g)) {
			const parts = [...folder];
			for (const segment of match[1].split('/')) {
				if (segment === '..') parts.pop();
				else if (segment !== '.') parts.push(segment);
			}
			const target = parts.join('/');
			expect([target, projectFileExists(target)]).toEqual([target, true]);
		}
	});
});
