// Hash vectors: Python 3, u = int.from_bytes(sha256((":" + json.dumps(parts, ensure_ascii=False, separators=(",", ":"))).encode()).digest()[:7], "big") >> 4, / 2**52.
import { assignArm, armBounds, createArmAssigner } from '../../../lib/uplift/assignArm';
import { hashPartsToUniform, hashToUniform } from '../../../lib/uplift/hashToUniform';

const ARMS = [
	{ name: 'control', weight: 10 },
	{ name: 'treatment', weight: 90 },
];
const ids = Array.from({ length: 20_000 }, (_, i) => `c${i}`);

describe('arm hashing is unambiguous', () => {
	it('matches Python for the JSON-array encoding of the parts', () => {
		expect(hashPartsToUniform(['spring-sale', 'c-17'])).toBe(0.6662741888343628);
		expect(hashPartsToUniform(['a', 'b:1'])).toBe(0.683979519756847);
		expect(hashPartsToUniform(['a:b', '1'])).toBe(0.7870483347431738);
		expect(hashPartsToUniform(['café', 'ü\n'])).toBe(0.03189162909200327);
	});

	it('gives campaign "a" with id "b:1" and campaign "a:b" with id "1" different coins', () => {
		expect(assignArm('b:1', { salt: 'a', arms: ARMS }).bucket).not.toBe(assignArm('1', { salt: 'a:b', arms: ARMS }).bucket);
		// A secret and a campaign are two parts, never one salt with a ":" in it.
		expect(assignArm('1', { salt: ['s', 'a:b'], arms: ARMS }).bucket).not.toBe(assignArm('b:1', { salt: ['s:a'], arms: ARMS }).bucket);
	});

	it('keeps the arms of version 1 with hashing colonJoined (salt + ":" + id)', () => {
		const v1 = assignArm('c-17', { salt: ['secret', 'spring-sale'], hashing: 'colonJoined', arms: ARMS });
		expect(v1.bucket).toBe(hashToUniform('secret:spring-sale', 'c-17'));
	});

	it('keeps the same global control group whatever the campaign hashing', () => {
		const unambiguous = createArmAssigner({ salt: 'spring', arms: ARMS, globalControl: { size: 0.05 } });
		const colonJoined = createArmAssigner({ salt: 'spring', hashing: 'colonJoined', arms: ARMS, globalControl: { size: 0.05 } });
		const held = (assigner: typeof unambiguous) => ids.filter((id) => assigner(id).inGlobalControl);
		expect(held(unambiguous)).toEqual(held(colonJoined));
		expect(held(unambiguous).length).toBeGreaterThan(800);
	});
});

describe('arm weights split as their ratios say, however large', () => {
	it('splits 1e308 and 1e308 half and half instead of sending everyone to one arm', () => {
		const assign = createArmAssigner({ salt: 'huge', arms: [{ name: 'a', weight: 1e308 }, { name: 'b', weight: 1e308 }] });
		const inA = ids.filter((id) => assign(id).arm === 'a').length;
		// Binomial(20000, 0.5): sd 71; +-5 sd.
		expect(Math.abs(inA - 10_000)).toBeLessThan(355);
		expect(armBounds([Number.MAX_VALUE, Number.MAX_VALUE, Number.MAX_VALUE])).toEqual([1 / 3, 2 / 3, 1]);
	});

	it('leaves ordinary weights exactly as before', () => {
		expect(armBounds([10, 30, 60])).toEqual([10 / 100, 40 / 100, 1]);
		expect(armBounds([5e-324, 5e-324])).toEqual([0.5, 1]);
	});
});
