import { NodeOperationError } from 'n8n-workflow';
import { assignArm } from '../../../lib';
import { MeasureUplift } from '../../../nodes/MeasureUplift/MeasureUplift.node';
import { measureUpliftProperties } from '../../../nodes/MeasureUplift/properties';
import type { ParameterValue } from '../support/mockExecuteFunctions';
import { itemsOf, mockExecuteFunctions } from '../support/mockExecuteFunctions';

const node = new MeasureUplift();
const DEFAULTS: Record<string, unknown> = Object.fromEntries(measureUpliftProperties.map((property) => [property.name, property.default]));
const ARMS = [
	{ name: 'control', weight: 10 },
	{ name: 'treatment', weight: 90 },
];

function contextFor(overrides: Record<string, ParameterValue>, rows: Array<Record<string, unknown>>, { typeVersion = 2, secret = 'a-long-random-secret-salt' } = {}) {
	const mock = mockExecuteFunctions({ ...DEFAULTS, operation: 'assign', ...overrides }, itemsOf(rows));
	const nodeOfVersion = { ...mock.context.getNode(), typeVersion };
	Object.assign(mock.context, { getCredentials: async () => ({ secret }), getNode: () => nodeOfVersion });
	return mock;
}

async function run(overrides: Record<string, ParameterValue>, rows: Array<Record<string, unknown>>, options?: { typeVersion?: number; secret?: string }) {
	const mock = contextFor(overrides, rows, options);
	const [output] = await node.execute.call(mock.context);
	return { output, hints: mock.hints };
}

async function failureOf(overrides: Record<string, ParameterValue>, options?: { typeVersion?: number; secret?: string }): Promise<NodeOperationError> {
	const failure = await node.execute.call(contextFor(overrides, [{ customerId: 'c1' }], options).context).catch((error: unknown) => error);
	expect(failure).toBeInstanceOf(NodeOperationError);
	return failure as NodeOperationError;
}

describe('Measure Uplift: Assign input rules', () => {
	it('is version 2 by default, and version 2 hashes campaign and customer ID unambiguously', async () => {
		expect(node.description.defaultVersion).toBe(2);
		const first = await run({ campaign: 'a' }, [{ customerId: 'b:1' }]);
		const second = await run({ campaign: 'a:b' }, [{ customerId: '1' }]);
		expect(first.output[0].json.assignmentBucket).not.toBe(second.output[0].json.assignmentBucket);
		expect(first.output[0].json.arm).toBe(assignArm('b:1', { salt: ['a'], arms: ARMS }).arm);
		const secret = await run({ campaign: 'a', saltFrom: 'credential' }, [{ customerId: 'b:1' }]);
		expect(secret.output[0].json.arm).toBe(assignArm('b:1', { salt: ['a-long-random-secret-salt', 'a'], arms: ARMS }).arm);
	});

	it('keeps version 1 arms, and says when a ":" in the campaign makes its split ambiguous', async () => {
		const v1 = await run({ campaign: 'a:b' }, [{ customerId: '1' }], { typeVersion: 1 });
		expect(v1.output[0].json.arm).toBe(assignArm('1', { salt: 'a:b', hashing: 'colonJoined', arms: ARMS }).arm);
		expect(v1.hints[0].message).toContain('contains ":"');
		expect((await run({ campaign: 'spring' }, [{ customerId: '1' }], { typeVersion: 1 })).hints).toEqual([]);
		expect((await run({ campaign: 'a:b' }, [{ customerId: '1' }])).hints).toEqual([]);
	});

	it('refuses a global control size below 0, from 1 up, or not a number, instead of ignoring it', async () => {
		for (const size of [-0.1, 1, 5, Number.NaN, '0.05']) {
			const failure = await failureOf({ campaign: 'spring', globalControlSize: size });
			expect(failure.message).toMatch(/^Global Control Group Size must be a share from 0 to below 1; got /);
		}
		expect((await failureOf({ campaign: 'spring', globalControlSize: -0.1 })).message).toContain('got -0.1');
		expect((await failureOf({ campaign: 'spring', globalControlSize: Number.NaN })).message).toContain('got NaN');
	});

	it('enforces the 16-character secret salt where the salt is used, not only in the credential test', async () => {
		const failure = await failureOf({ campaign: 'spring', saltFrom: 'credential' }, { secret: 'short-salt' });
		expect(failure.message).toBe("The Lifecycle Assignment Salt credential's secret salt has 10 characters; it needs at least 16");
		const ok = await run({ campaign: 'spring', saltFrom: 'credential' }, [{ customerId: 'c1' }], { secret: 'x'.repeat(16) });
		expect(ok.output[0].json.arm).toBeDefined();
	});

	it('splits arms with huge weights as their ratio says', async () => {
		const rows = Array.from({ length: 2000 }, (_, i) => ({ customerId: `c${i}` }));
		const { output } = await run({ campaign: 'spring', controlArm: 'a', arms: { arm: [{ name: 'a', weight: 1e308 }, { name: 'b', weight: 1e308 }] } }, rows);
		const inA = output.filter((item) => item.json.arm === 'a').length;
		// Binomial(2000, 0.5): sd 22; +-5 sd.
		expect(Math.abs(inA - 1000)).toBeLessThan(112);
	});
});
