import type { INodeType } from 'n8n-workflow';
import { AssignLifecycleStage } from '../../../nodes/AssignLifecycleStage/AssignLifecycleStage.node';
import { BuildProfile } from '../../../nodes/BuildProfile/BuildProfile.node';
import { ChooseChannel } from '../../../nodes/ChooseChannel/ChooseChannel.node';
import { MeasureUplift } from '../../../nodes/MeasureUplift/MeasureUplift.node';
import { RecommendProducts } from '../../../nodes/RecommendProducts/RecommendProducts.node';
import { ScoreChurn } from '../../../nodes/ScoreChurn/ScoreChurn.node';
import { runsAsTool, wantsCompact } from '../../../nodes/shared/toolOutput';
import { mockExecuteFunctions } from '../support/mockExecuteFunctions';

const NODES: Array<[string, INodeType, RegExp | null]> = [
	['Build Profile', new BuildProfile(), null],
	['Assign Lifecycle Stage', new AssignLifecycleStage(), /refuses otherwise/],
	['Score Churn', new ScoreChurn(), /Fit and Score and Evaluate refuse/],
	['Recommend Products', new RecommendProducts(), /the rest refuse/],
	['Choose Channel', new ChooseChannel(), /refuses otherwise/],
	['Measure Uplift', new MeasureUplift(), /those refuse/],
];

describe('tool variant of every node', () => {
	it.each(NODES)('%s has a tool description, shown only on its tool variant, that names what refuses', (_, node, refusal) => {
		const property = node.description.properties.find((candidate) => candidate.name === 'toolDescription')!;
		expect(property).toMatchObject({ type: 'string', displayOptions: { show: { '@tool': [true] } } });
		expect(String(property.default).length).toBeGreaterThan(80);
		expect(String(property.default)).not.toBe(node.description.description);
		if (refusal) expect(String(property.default)).toMatch(refusal);
		expect(node.description.usableAsTool).toBe(true);
	});

	it('knows it runs as a tool from the node type n8n gives the tool variant', () => {
		const asTool = mockExecuteFunctions({}, [], { nodeType: 'n8n-nodes-lifecycle.scoreChurnTool' }).context;
		const normal = mockExecuteFunctions({}, [], { nodeType: 'n8n-nodes-lifecycle.scoreChurn' }).context;
		expect([runsAsTool(asTool), runsAsTool(normal)]).toEqual([true, false]);
		expect([wantsCompact(asTool, undefined), wantsCompact(asTool, 'auto'), wantsCompact(asTool, 'full'), wantsCompact(asTool, 'compact')]).toEqual([true, true, false, true]);
		expect([wantsCompact(normal, undefined), wantsCompact(normal, 'auto'), wantsCompact(normal, 'full'), wantsCompact(normal, 'compact')]).toEqual([false, false, false, true]);
	});
});
