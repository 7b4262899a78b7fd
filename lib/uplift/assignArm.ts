/**
 * Deterministic arm assignment: which arm (holdout, treatment, variants) a customer belongs to in a campaign,
 * and whether the customer sits in the global control group that no campaign touches.
 *
 *   g = hashToUniform(globalControl.salt, id);   in the global control group iff g < globalControl.size
 *   u = hashPartsToUniform([...salt, id]);       arm i iff W_{i-1} <= u < W_i,  W_i = (w_1 + ... + w_i) / (w_1 + ... + w_k)
 * With hashing 'colonJoined' (Measure Uplift version 1) u = hashToUniform(salt, id) instead: the same arms as before,
 * unambiguous within a campaign but not across campaigns whose salts contain ":" (see hashToUniform). The global
 * control group always uses salt + ":" + id with its one fixed salt, so it is the same group for every campaign and
 * every node version. Weights whose sum overflows (1e308 + 1e308) are first divided by the largest weight.
 * Properties: the same id gets the same arm on every run, whoever else is assigned (adding or removing customers
 * moves nobody); campaigns with different salts split independently; growing the global control group from size s
 * to s' > s keeps everyone who was in it (g < s implies g < s') while shrinking it only releases customers.
 * Reference: Kohavi, Tang & Xu (2020), Trustworthy Online Controlled Experiments, ch. 4 (randomisation units,
 * hash-based assignment) and ch. 21 (sample ratio mismatch); https://experimentguide.com/
 *
 * Cost: O(number of arms) to validate the options once (createArmAssigner), then O(1) hashing per customer.
 * @example assignArm('c-17', { salt: 'spring-sale', arms: [{ name: 'control', weight: 10 }, { name: 'treatment', weight: 90 }] })
 *   // { customerId: 'c-17', arm: 'treatment', inGlobalControl: false, bucket: 0.6662741888343628 } (on every run)
 */
import { z } from 'zod';

import { hashPartsToUniform, hashToUniform } from './hashToUniform';
import { describeValue } from '../fieldValues';

export const DEFAULT_GLOBAL_CONTROL_SALT = 'lifecycle-global-control';
export const DEFAULT_GLOBAL_CONTROL_ARM = 'globalControl';
/** A secret salt shorter than this can be guessed, and with it who is held out. */
export const MIN_SECRET_SALT_LENGTH = 16;

export const ArmWeightSchema = z.object({ name: z.string().min(1), weight: z.number().finite().positive() }).strict();

export const AssignArmOptionsSchema = z
	.object({
		/** The campaign's salt (e.g. its id), or its parts (e.g. [secret, campaign]): one salt per campaign keeps campaigns independent. */
		salt: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
		/** 'unambiguous' (default): the salt parts and the id as a JSON array; 'colonJoined': salt + ":" + id (version 1). */
		hashing: z.enum(['unambiguous', 'colonJoined']).optional(),
		arms: z.array(ArmWeightSchema).min(1),
		globalControl: z
			.object({
				/** Share of all customers held out of every campaign, in [0, 1). */
				size: z.number().finite().min(0).lt(1),
				salt: z.string().min(1).optional(),
				arm: z.string().min(1).optional(),
			})
			.strict()
			.optional(),
	})
	.strict();

export type ArmWeight = z.infer<typeof ArmWeightSchema>;
export type AssignArmOptions = z.infer<typeof AssignArmOptionsSchema>;

export interface ArmAssignment {
	customerId: string;
	/** The campaign arm, or the global control arm's name (default "globalControl"). */
	arm: string;
	inGlobalControl: boolean;
	/** The customer's campaign uniform u in [0, 1) (its position in the split). */
	bucket: number;
}

export type ArmAssigner = (customerId: string | number) => ArmAssignment;

function describeIssue(issue: z.ZodIssue): string {
	return `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`;
}

/**
 * Validates the options once and returns a fast per-customer assigner (use it for large batches).
 * Cost: O(arms) once, O(1) hashing per call. @example createArmAssigner(options)('c-17').arm // 'treatment' (options as in assignArm's example)
 */
export function createArmAssigner(options: AssignArmOptions): ArmAssigner {
	const parsed = AssignArmOptionsSchema.safeParse(options);
	if (!parsed.success) {
		throw new Error(`assignArm requires { salt, arms: [{ name, weight > 0 }], globalControl?: { size in [0, 1) } }; ${describeIssue(parsed.error.issues[0])}`);
	}
	const { arms, globalControl } = parsed.data;
	checkArmNames(arms, globalControl?.arm ?? DEFAULT_GLOBAL_CONTROL_ARM, globalControl !== undefined);
	const campaignBucket = campaignHash(parsed.data.salt, parsed.data.hashing ?? 'unambiguous');
	const globalSalt = globalControl?.salt ?? DEFAULT_GLOBAL_CONTROL_SALT;
	if (globalControl && globalSalt === [parsed.data.salt].flat().join(':')) {
		throw new Error('assignArm requires a campaign salt different from the global control salt; otherwise the two splits are not independent');
	}
	const globalArm = globalControl?.arm ?? DEFAULT_GLOBAL_CONTROL_ARM;
	const globalSize = globalControl?.size ?? 0;
	const bounds = armBounds(arms.map((arm) => arm.weight));
	const armNames = arms.map((arm) => arm.name);
	return (customerId) => {
		const id = readCustomerId(customerId);
		const bucket = campaignBucket(id);
		if (globalSize > 0 && hashToUniform(globalSalt, id) < globalSize) return { customerId: id, arm: globalArm, inGlobalControl: true, bucket };
		let index = 0;
		while (bucket >= bounds[index]) index++;
		return { customerId: id, arm: armNames[index], inGlobalControl: false, bucket };
	};
}

function checkArmNames(arms: readonly ArmWeight[], globalArm: string, hasGlobalControl: boolean): void {
	const names = new Set<string>();
	for (const arm of arms) {
		if (names.has(arm.name)) throw new Error(`assignArm requires distinct arm names; "${arm.name}" appears twice`);
		names.add(arm.name);
	}
	if (hasGlobalControl && names.has(globalArm)) {
		throw new Error(`assignArm requires the global control arm name "${globalArm}" to differ from the campaign arms; rename one of them`);
	}
}

/** The campaign's coin for an id: the salt parts and the id as one JSON array, or (version 1) salt + ":" + id. */
function campaignHash(salt: string | string[], hashing: 'unambiguous' | 'colonJoined'): (id: string) => number {
	const parts = [salt].flat();
	if (hashing === 'colonJoined') {
		const joined = parts.join(':');
		return (id) => hashToUniform(joined, id);
	}
	return (id) => hashPartsToUniform([...parts, id]);
}

/**
 * Upper bounds W_i of the arms in [0, 1], the last exactly 1. Weights whose sum is not finite (1e308 + 1e308) are
 * divided by the largest first, so huge weights split as their ratios say instead of sending everyone to one arm.
 */
export function armBounds(weights: readonly number[]): number[] {
	let scaled = [...weights];
	if (!Number.isFinite(scaled.reduce((sum, weight) => sum + weight, 0))) {
		const largest = Math.max(...scaled);
		scaled = scaled.map((weight) => weight / largest);
	}
	const total = scaled.reduce((sum, weight) => sum + weight, 0);
	let cumulative = 0;
	const bounds = scaled.map((weight) => (cumulative += weight) / total);
	bounds[bounds.length - 1] = 1;
	return bounds;
}

function readCustomerId(customerId: unknown): string {
	if ((typeof customerId !== 'string' && typeof customerId !== 'number') || customerId === '' || (typeof customerId === 'number' && !Number.isFinite(customerId))) {
		throw new Error(`assignArm requires a non-empty customer id (string or finite number); got ${describeValue(customerId)}`);
	}
	return String(customerId);
}

export function assignArm(customerId: string | number, options: AssignArmOptions): ArmAssignment {
	return createArmAssigner(options)(customerId);
}
