/**
 * Light versioning (n8n's way): a workflow saved with node version N keeps its parameter values, and missing
 * values fall back to version N's defaults. So once a node version is released, its parameters, their
 * defaults and their option values must never change; a change goes to a new node version
 * (`version: [1, 1.1]`, `defaultVersion: 1.1`, the new default shown with `displayOptions.show['@version']`).
 *
 * Each released node version is stored in test/nodes/versions/<Node>.v<version>.json. This test fails when a
 * stored parameter disappears, changes type or default, or loses an option value. Additions (a new parameter,
 * a new option value) are allowed when they keep the old behaviour; record them with
 * `RECORD_NODE_VERSIONS=1 npx jest --selectProjects unit --runTestsByPath test/nodes/nodeVersions.test.ts`,
 * which only ever adds to a stored file.
 */
import type { INodeProperties, INodePropertyCollection, INodePropertyOptions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { AssignLifecycleStage } from '../../nodes/AssignLifecycleStage/AssignLifecycleStage.node';
import { BuildProfile } from '../../nodes/BuildProfile/BuildProfile.node';
import { ChooseChannel } from '../../nodes/ChooseChannel/ChooseChannel.node';
import { MeasureUplift } from '../../nodes/MeasureUplift/MeasureUplift.node';
import { RecommendProducts } from '../../nodes/RecommendProducts/RecommendProducts.node';
import { ScoreChurn } from '../../nodes/ScoreChurn/ScoreChurn.node';
import { readVersionSnapshot, recordingVersions, writeVersionSnapshot } from '../support/nodeVersionSnapshots';

type OptionValue = string | number | boolean;

interface ParameterShape {
	type: string;
	default: unknown;
	values?: OptionValue[];
}

interface VersionSnapshot {
	node: string;
	version: number;
	parameters: Record<string, ParameterShape>;
}

const NODES: Record<string, INodeType> = {
	BuildProfile: new BuildProfile(),
	AssignLifecycleStage: new AssignLifecycleStage(),
	ScoreChurn: new ScoreChurn(),
	RecommendProducts: new RecommendProducts(),
	ChooseChannel: new ChooseChannel(),
	MeasureUplift: new MeasureUplift(),
};

const RECORD_COMMAND = 'RECORD_NODE_VERSIONS=1 npx jest --selectProjects unit --runTestsByPath test/nodes/nodeVersions.test.ts';

function versionsOf(description: INodeTypeDescription): number[] {
	return Array.isArray(description.version) ? description.version : [description.version];
}

/** Whether `@version` display rules show a parameter in this node version (exact versions and _cnd ranges). */
function shownInVersion(property: INodeProperties, version: number): boolean {
	const matches = (rules: unknown[] | undefined) =>
		rules === undefined ||
		rules.some((rule) => {
			if (typeof rule === 'number') return rule === version;
			const condition = (rule as { _cnd?: Record<string, number> })._cnd ?? {};
			return Object.entries(condition).every(([operator, bound]) =>
				operator === 'gte' ? version >= bound : operator === 'lte' ? version <= bound : operator === 'gt' ? version > bound : operator === 'lt' ? version < bound : operator === 'eq' ? version === bound : true,
			);
		});
	const show = property.displayOptions?.show?.['@version'] as unknown[] | undefined;
	const hide = property.displayOptions?.hide?.['@version'] as unknown[] | undefined;
	return matches(show) && (hide === undefined || !matches(hide));
}

/** Every parameter of one node version, nested ones as `collection.child` / `fixedCollection.group.child`. */
function parameterShapes(properties: INodeProperties[], version: number, prefix = '', out: Record<string, ParameterShape> = {}): Record<string, ParameterShape> {
	for (const property of properties) {
		if (property.type === 'notice' || !shownInVersion(property, version)) continue;
		let key = `${prefix}${property.name}`;
		for (let copy = 2; key in out; copy++) key = `${prefix}${property.name}#${copy}`;
		const shape: ParameterShape = { type: property.type, default: property.default };
		out[key] = shape;
		if (property.type === 'options' || property.type === 'multiOptions') {
			shape.values = ((property.options ?? []) as INodePropertyOptions[]).map((option) => option.value as OptionValue);
		} else if (property.type === 'collection') {
			parameterShapes((property.options ?? []) as INodeProperties[], version, `${key}.`, out);
		} else if (property.type === 'fixedCollection') {
			const groups = (property.options ?? []) as INodePropertyCollection[];
			shape.values = groups.map((group) => group.name);
			for (const group of groups) parameterShapes(group.values, version, `${key}.${group.name}.`, out);
		}
	}
	return out;
}

function currentSnapshot(description: INodeTypeDescription, version: number): VersionSnapshot {
	return { node: description.name, version, parameters: parameterShapes(description.properties, version) };
}

/** What an upgrade would change for a workflow saved with the stored version: each one breaks light versioning. */
function breakingChanges(stored: VersionSnapshot, current: VersionSnapshot): string[] {
	const changes: string[] = [];
	for (const [key, was] of Object.entries(stored.parameters)) {
		const now = current.parameters[key];
		if (!now) {
			changes.push(`${key}: removed`);
			continue;
		}
		if (now.type !== was.type) changes.push(`${key}: type ${was.type} -> ${now.type}`);
		if (JSON.stringify(now.default) !== JSON.stringify(was.default)) changes.push(`${key}: default ${JSON.stringify(was.default)} -> ${JSON.stringify(now.default)}`);
		for (const value of was.values ?? []) if (!(now.values ?? []).includes(value)) changes.push(`${key}: option value ${JSON.stringify(value)} removed`);
	}
	return changes;
}

/** The stored snapshot plus what is new in the current description; stored entries are never altered. */
function withAdditions(stored: VersionSnapshot, current: VersionSnapshot): { merged: VersionSnapshot; added: string[] } {
	const parameters: Record<string, ParameterShape> = JSON.parse(JSON.stringify(stored.parameters));
	const added: string[] = [];
	for (const [key, now] of Object.entries(current.parameters)) {
		const was = parameters[key];
		if (!was) {
			parameters[key] = now;
			added.push(`${key}: new parameter`);
			continue;
		}
		for (const value of now.values ?? []) {
			if (was.values && !was.values.includes(value)) {
				was.values.push(value);
				added.push(`${key}: new option value ${JSON.stringify(value)}`);
			}
		}
	}
	return { merged: { ...stored, parameters }, added };
}

const cases = Object.entries(NODES).flatMap(([folder, node]) => versionsOf(node.description).map((version) => [folder, version, node] as const));

describe('released node versions keep their parameters, defaults and option values', () => {
	it.each(cases)('%s version %s', (folder, version, node) => {
		const current = currentSnapshot(node.description, version);
		const stored = readVersionSnapshot(folder, version) as VersionSnapshot | undefined;
		if (!stored) {
			if (recordingVersions()) return writeVersionSnapshot(folder, version, current);
			throw new Error(`${folder} version ${version} has no stored snapshot (test/nodes/versions/${folder}.v${version}.json). Record it with: ${RECORD_COMMAND}`);
		}
		const changes = breakingChanges(stored, current);
		if (changes.length > 0) {
			throw new Error(
				`${folder} version ${version} is released; these changes would alter existing workflows:\n  ${changes.join('\n  ')}\n` +
					`Keep version ${version} as it was and put the change in a new node version (version: [${version}, ${Math.round((version + 0.1) * 10) / 10}], ` +
					`defaultVersion, and displayOptions.show['@version'] for the parameters that differ); see README "Versioning policy".`,
			);
		}
		const { merged, added } = withAdditions(stored, current);
		if (added.length === 0) return;
		if (recordingVersions()) return writeVersionSnapshot(folder, version, merged);
		throw new Error(
			`${folder} version ${version} has additions not yet recorded:\n  ${added.join('\n  ')}\n` +
				`Additions are fine when their defaults keep the old behaviour. Record them (this only adds) with: ${RECORD_COMMAND}`,
		);
	});

	it('finds a breaking change in a description (self-check of the comparison)', () => {
		const stored: VersionSnapshot = { node: 'x', version: 1, parameters: { mode: { type: 'options', default: 'a', values: ['a', 'b'] }, size: { type: 'number', default: 5 } } };
		const current: VersionSnapshot = { node: 'x', version: 1, parameters: { mode: { type: 'options', default: 'b', values: ['b', 'c'] }, extra: { type: 'string', default: '' } } };
		expect(breakingChanges(stored, current)).toEqual(['mode: default "a" -> "b"', 'mode: option value "a" removed', 'size: removed']);
		expect(withAdditions(stored, current).added).toEqual(['mode: new option value "c"', 'extra: new parameter']);
	});

	it('shows @version-gated parameters only in the versions they belong to', () => {
		const gated = { displayName: 'G', name: 'g', type: 'string', default: '', displayOptions: { show: { '@version': [{ _cnd: { gte: 1.1 } }] } } } as INodeProperties;
		expect(shownInVersion(gated, 1)).toBe(false);
		expect(shownInVersion(gated, 1.1)).toBe(true);
	});
});
