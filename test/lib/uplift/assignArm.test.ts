// Hash vectors: Python 3 hashlib, u = int.from_bytes(sha256((salt + ":" + id).encode("utf-8")).digest()[:7], "big") >> 4, / 2**52.
// Property tests over 1,000,000 ids (about 4 million SHA-256 hashes, a few seconds).
import { chiSquareSurvival } from '../../../lib/stats/chiSquareCdf';
import { assignArm, createArmAssigner } from '../../../lib/uplift/assignArm';
import type { AssignArmOptions } from '../../../lib/uplift/assignArm';
import { checkSampleRatio } from '../../../lib/uplift/checkSampleRatio';
import { hashToUniform } from '../../../lib/uplift/hashToUniform';

const MILLION = 1_000_000;
const ids = Array.from({ length: MILLION }, (_, i) => `customer-${i}`);
const ARMS = [
	{ name: 'holdout', weight: 10 },
	{ name: 'email', weight: 30 },
	{ name: 'sms', weight: 60 },
];
const campaignA: AssignArmOptions = { salt: 'spring-sale', arms: ARMS, globalControl: { size: 0.05 } };

// Shared across tests: the 1M assignments of campaign A (with a 5% global control group).
const assignA = createArmAssigner(campaignA);
const armsA = ids.map((id) => assignA(id));

describe('hashToUniform', () => {
	it('matches Python hashlib SHA-256 (first 52 bits / 2^52), UTF-8 included', () => {
		expect(hashToUniform('spring-sale', 'c-17')).toBe(0.6833716430025569);
		expect(hashToUniform('spring-sale', 'café-ü')).toBe(0.6907747536168545);
		expect(hashToUniform('lifecycle-global-control', '12345')).toBe(0.18547279279354778);
	});
});

describe('assignArm over 1M ids', () => {
	it('splits within binomial bounds (each share within 5 standard deviations; chi-square p > 0.001)', () => {
		const campaign = armsA.filter((assignment) => !assignment.inGlobalControl);
		const n = campaign.length;
		const counts = ARMS.map((arm) => campaign.filter((assignment) => assignment.arm === arm.name).length);
		ARMS.forEach((arm, i) => {
			const share = arm.weight / 100;
			expect(Math.abs(counts[i] - n * share)).toBeLessThan(5 * Math.sqrt(n * share * (1 - share)));
		});
		const check = checkSampleRatio(counts, ARMS.map((arm) => arm.weight));
		expect(check.pValue).toBeGreaterThan(0.001);
		expect(check.mismatch).toBe(false);
		// The global control group: 5% of everyone, within 5 standard deviations.
		const global = MILLION - n;
		expect(Math.abs(global - 0.05 * MILLION)).toBeLessThan(5 * Math.sqrt(MILLION * 0.05 * 0.95));
	});

	it('is stable when customers are added or removed: the same id keeps its arm', () => {
		// Remove every third customer, add 100,000 new ones, re-assign a fresh batch in a new order.
		const kept = ids.filter((_, i) => i % 3 !== 0 && i % 7 === 0);
		const added = Array.from({ length: 100_000 }, (_, i) => `new-customer-${i}`);
		const batch = [...added, ...kept].reverse();
		const again = createArmAssigner(campaignA);
		const byId = new Map(batch.map((id) => [id, again(id).arm]));
		let compared = 0;
		let moved = 0;
		for (let i = 0; i < MILLION; i++) {
			if (i % 3 === 0 || i % 7 !== 0) continue;
			compared++;
			if (byId.get(ids[i]) !== armsA[i].arm) moved++;
		}
		expect(compared).toBe(kept.length);
		expect(moved).toBe(0);
		expect(assignArm('customer-42', campaignA)).toEqual(armsA[42]);
	});

	it('splits independently across campaigns with different salts (chi-square test of independence)', () => {
		const assignB = createArmAssigner({ salt: 'summer-sale', arms: ARMS });
		const table = ARMS.map(() => ARMS.map(() => 0));
		const index = new Map(ARMS.map((arm, i) => [arm.name, i]));
		ids.forEach((id, i) => {
			if (armsA[i].inGlobalControl) return;
			table[index.get(armsA[i].arm) as number][index.get(assignB(id).arm) as number]++;
		});
		const total = table.flat().reduce((s, v) => s + v, 0);
		const rows = table.map((row) => row.reduce((s, v) => s + v, 0));
		const columns = ARMS.map((_, j) => table.reduce((s, row) => s + row[j], 0));
		let chiSquare = 0;
		for (let i = 0; i < 3; i++) {
			for (let j = 0; j < 3; j++) {
				const expected = (rows[i] * columns[j]) / total;
				chiSquare += (table[i][j] - expected) ** 2 / expected;
			}
		}
		// (3 - 1) x (3 - 1) = 4 degrees of freedom; independence is not rejected.
		expect(chiSquareSurvival(chiSquare, 4)).toBeGreaterThan(0.001);
	});

	it('keeps the global control group across campaigns, and resizing it keeps everyone who stays', () => {
		// Same group in another campaign (its own salt, its own arms).
		const other = createArmAssigner({ salt: 'black-friday', arms: [{ name: 'control', weight: 1 }, { name: 'offer', weight: 1 }], globalControl: { size: 0.05 } });
		// Grown from 5% to 8% (shrinking from 8% to 5% is the same comparison read backwards).
		const grown = createArmAssigner({ ...campaignA, globalControl: { size: 0.08 } });
		let leftGroupWhenGrown = 0;
		let joinedGroupWhenGrown = 0;
		let reshuffledOutside = 0;
		let differsAcrossCampaigns = 0;
		for (let i = 0; i < MILLION; i++) {
			const before = armsA[i];
			const bigger = grown(ids[i]);
			if (other(ids[i]).inGlobalControl !== before.inGlobalControl) differsAcrossCampaigns++;
			if (before.inGlobalControl && !bigger.inGlobalControl) leftGroupWhenGrown++;
			if (!before.inGlobalControl && bigger.inGlobalControl) joinedGroupWhenGrown++;
			// Customers outside the group at both sizes keep their campaign arm.
			if (!before.inGlobalControl && !bigger.inGlobalControl && bigger.arm !== before.arm) reshuffledOutside++;
		}
		expect(differsAcrossCampaigns).toBe(0);
		expect(leftGroupWhenGrown).toBe(0);
		expect(reshuffledOutside).toBe(0);
		// 3% of everyone joins, within 5 standard deviations.
		expect(Math.abs(joinedGroupWhenGrown - 0.03 * MILLION)).toBeLessThan(5 * Math.sqrt(MILLION * 0.03 * 0.97));
	});
});

describe('assignArm: options and ids', () => {
	it('accepts numeric ids as their string form and reports the global control arm', () => {
		expect(assignArm(12345, campaignA).arm).toBe(assignArm('12345', campaignA).arm);
		const everyone = assignArm('c-1', { salt: 's', arms: [{ name: 'a', weight: 1 }], globalControl: { size: 0.999999, arm: 'heldOut' } });
		expect(everyone.inGlobalControl).toBe(true);
		expect(everyone.arm).toBe('heldOut');
	});

	it('rejects bad options and ids with a message that says what to fix', () => {
		expect(() => assignArm('c-1', { salt: 's', arms: [] })).toThrow('assignArm requires { salt, arms: [{ name, weight > 0 }], globalControl?: { size in [0, 1) } }; arms');
		expect(() => assignArm('c-1', { salt: 's', arms: [{ name: 'a', weight: -1 }] })).toThrow('arms.0.weight');
		expect(() =>
			assignArm('c-1', {
				salt: 's',
				arms: [
					{ name: 'a', weight: 1 },
					{ name: 'a', weight: 2 },
				],
			}),
		).toThrow('assignArm requires distinct arm names; "a" appears twice');
		expect(() => assignArm('c-1', { salt: 's', arms: [{ name: 'globalControl', weight: 1 }], globalControl: { size: 0.1 } })).toThrow(
			'assignArm requires the global control arm name "globalControl" to differ from the campaign arms',
		);
		expect(() => assignArm('c-1', { salt: 'g', arms: ARMS, globalControl: { size: 0.1, salt: 'g' } })).toThrow('assignArm requires a campaign salt different from the global control salt');
		expect(() => assignArm('', campaignA)).toThrow('assignArm requires a non-empty customer id (string or finite number); got the text ""');
		expect(() => assignArm(Number.NaN, campaignA)).toThrow('assignArm requires a non-empty customer id');
		expect(() => assignArm('c-1', { salt: 's', arms: ARMS, globalControl: { size: 1 } })).toThrow('globalControl.size');
	});
});

describe('checkSampleRatio', () => {
	it('references.md: observed [1000, 1100] against 50/50 gives chi-square 4.76190, p 0.029096', () => {
		const check = checkSampleRatio([1000, 1100], [0.5, 0.5]);
		expect(check.chiSquare).toBeCloseTo(4.7619, 5);
		expect(check.pValue).toBeCloseTo(0.029096, 6);
		expect(check.mismatch).toBe(false);
		expect(check.checked).toBe(true);
		expect(check.expected).toEqual([1050, 1050]);
	});

	it('flags p < 0.001 only with at least 8 units per arm', () => {
		const flagged = checkSampleRatio([1000, 1200], [1, 1], { arms: ['control', 'email'] });
		expect(flagged.pValue).toBeLessThan(0.001);
		expect(flagged.mismatch).toBe(true);
		expect(flagged.message).toContain('Sample ratio mismatch');
		const early = checkSampleRatio([1, 30], [1, 1]);
		expect(early.pValue).toBeLessThan(0.001);
		expect(early.checked).toBe(false);
		expect(early.mismatch).toBe(false);
	});

	it('rejects mismatched lengths, negative counts and zero weights', () => {
		expect(() => checkSampleRatio([1, 2, 3], [1, 1])).toThrow('checkSampleRatio requires one observed count and one planned weight per arm');
		expect(() => checkSampleRatio([-1, 2], [1, 1])).toThrow('checkSampleRatio requires counts >= 0; arm 1 has -1');
		expect(() => checkSampleRatio([1, 2], [0, 1])).toThrow('checkSampleRatio requires planned weights > 0; arm 1 has 0');
		expect(() => checkSampleRatio([0, 0], [1, 1])).toThrow('checkSampleRatio requires at least one unit');
	});
});
