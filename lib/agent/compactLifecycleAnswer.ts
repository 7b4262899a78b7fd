/**
 * What an AI agent needs to know about one customer, in at most ~15 flat fields.
 *
 * A node run as an agent tool answers for one customer; its full output (a profile has 59 fields, plus the
 * scores, the recommendations and the channel decision) would fill the agent's context. The compact answer
 * keeps the customer's id, every field of the node that answers (its `focus`), the headline fields of the other
 * lifecycle areas found on the record (stage, churn risk, next products, channel...), and one sentence that
 * gives the reasons of all of them in words, e.g.
 * "stage: at risk - last purchase 63 days ago; usual gap 21 days (3.0x)".
 * Every value is flat (text, number, boolean or null), so the answer can also be stored as one row of a table
 * (n8n Data tables reject objects and arrays).
 *
 * Cost: O(fields of the record + recommendation slots).
 * Reference: n8n passes a tool's JSON output to the agent as its answer
 * (https://docs.n8n.io/advanced-ai/examples/understand-tools/).
 * @example compactLifecycleAnswer({ customerId: 'c1', lifecycleStage: 'at_risk', stageReason: 'Last purchase 63 days ago', orders: 4 }, { focus: 'stage' })
 *   // { answer: 'stage: at risk - Last purchase 63 days ago; profile: 4 orders', customerId: 'c1', lifecycleStage: 'at_risk', stageReason: 'Last purchase 63 days ago', orders: 4 }
 */

/** The node whose answer comes first. */
export type CompactAnswerFocus = 'profile' | 'stage' | 'churn' | 'recommendations' | 'channel' | 'uplift';

export interface CompactAnswerOptions {
	focus: CompactAnswerFocus;
	/** Most fields in the answer, the `answer` sentence included; at least 3. Default 15. */
	maxFields?: number;
	/** Fields to leave out, e.g. rfmSegment when the quintiles were computed from one customer only. */
	omit?: readonly string[];
}

export type CompactValue = string | number | boolean | null;

/** Most recommendations named in nextProducts / nextProductIds. */
const PRODUCTS_NAMED = 3;

const FIELDS_BY_FOCUS: Record<CompactAnswerFocus, readonly string[]> = {
	stage: ['lifecycleStage', 'stageReason', 'previousStage', 'stageChanged'],
	churn: ['churnRisk', 'churnProbability', 'churnHorizon', 'churnReasons', 'probabilityAlive', 'predictedClv'],
	recommendations: ['nextProducts', 'nextProductIds', 'nextProductReason'],
	channel: ['channel', 'sendAt', 'decisionReason', 'suppressed', 'suppressionReason'],
	uplift: ['arm', 'isControl', 'campaign', 'upliftScore'],
	profile: ['orders', 'revenue', 'currency', 'lastPurchaseAt', 'daysSinceLastPurchase', 'rfmSegment'],
};

/** The fields an area keeps when it is not the focus: its headline; its reasons stay in the sentence. */
const HEADLINE_FIELDS: Record<CompactAnswerFocus, readonly string[]> = {
	stage: ['lifecycleStage'],
	churn: ['churnRisk', 'churnProbability'],
	recommendations: ['nextProducts'],
	channel: ['channel', 'sendAt'],
	uplift: ['arm'],
	profile: ['orders', 'revenue', 'currency', 'daysSinceLastPurchase'],
};

/** The order in which the other lifecycle fields follow the focus fields. */
const FOCUS_ORDER: readonly CompactAnswerFocus[] = ['stage', 'churn', 'recommendations', 'channel', 'uplift', 'profile'];

const IDENTITY_FIELDS = ['customerId', 'profileId'] as const;

function own(record: Record<string, unknown>, key: string): unknown {
	return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

function isFlat(value: unknown): value is CompactValue {
	return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

/** The first `PRODUCTS_NAMED` recommendations (rec1Title... or the recommendations list) as flat text. */
function productFields(record: Record<string, unknown>): Record<string, CompactValue> {
	const titles: string[] = [];
	const ids: string[] = [];
	let firstReason: string | null = null;
	const list = own(record, 'recommendations');
	if (Array.isArray(list)) {
		for (const entry of list.slice(0, PRODUCTS_NAMED)) {
			if (entry === null || typeof entry !== 'object') continue;
			const product = entry as Record<string, unknown>;
			const id = own(product, 'productId');
			if (id === undefined || id === null) continue;
			ids.push(String(id));
			const title = own(product, 'title');
			titles.push(typeof title === 'string' && title !== '' ? title : String(id));
			const reason = own(product, 'reason');
			if (firstReason === null && typeof reason === 'string') firstReason = reason;
		}
	} else {
		for (let slot = 1; slot <= PRODUCTS_NAMED; slot++) {
			const id = own(record, `rec${slot}Id`);
			if (id === undefined || id === null || id === '') continue;
			ids.push(String(id));
			const title = own(record, `rec${slot}Title`);
			titles.push(typeof title === 'string' && title !== '' ? title : String(id));
			const reason = own(record, `rec${slot}Reason`);
			if (firstReason === null && typeof reason === 'string') firstReason = reason;
		}
	}
	const hasRecommendations = Array.isArray(list) || own(record, 'rec1Id') !== undefined || own(record, 'nextProducts') !== undefined;
	if (!hasRecommendations) return {};
	if (ids.length === 0 && own(record, 'nextProducts') !== undefined) {
		// Already compact (a stored answer read back): keep it as it is.
		const kept: Record<string, CompactValue> = {};
		for (const key of FIELDS_BY_FOCUS.recommendations) {
			const value = own(record, key);
			if (value !== undefined && isFlat(value)) kept[key] = value;
		}
		return kept;
	}
	return { nextProducts: titles.join(', '), nextProductIds: ids.join(', '), nextProductReason: firstReason };
}

/** A stage key in words: at_risk -> at risk. */
function stageWords(stage: string): string {
	return stage.replace(/_/g, ' ');
}

function percent(probability: number): string {
	return `${Math.round(probability * 100)} %`;
}

/** One part of the answer sentence per lifecycle area the record has, the focus first. */
function sentenceParts(fields: Record<string, CompactValue>, order: readonly CompactAnswerFocus[]): string[] {
	const parts: string[] = [];
	for (const area of order) {
		if (area === 'stage' && typeof fields.lifecycleStage === 'string') {
			const reason = typeof fields.stageReason === 'string' && fields.stageReason !== '' ? ` - ${fields.stageReason}` : '';
			parts.push(`stage: ${stageWords(fields.lifecycleStage)}${reason}`);
		} else if (area === 'churn' && typeof fields.churnRisk === 'string') {
			const chance = typeof fields.churnProbability === 'number' ? ` (${percent(fields.churnProbability)} chance of no purchase${typeof fields.churnHorizon === 'string' ? ` in ${fields.churnHorizon}` : ''})` : '';
			const reasons = typeof fields.churnReasons === 'string' && fields.churnReasons !== '' ? ` - ${fields.churnReasons}` : '';
			parts.push(`churn risk: ${fields.churnRisk}${chance}${reasons}`);
		} else if (area === 'recommendations' && typeof fields.nextProducts === 'string') {
			parts.push(fields.nextProducts === '' ? 'next best products: none found' : `next best products: ${fields.nextProducts}`);
		} else if (area === 'channel' && (fields.channel !== undefined || fields.suppressed !== undefined)) {
			if (fields.suppressed === true || fields.channel === null || fields.channel === 'none') {
				parts.push(`channel: none${typeof fields.suppressionReason === 'string' ? ` - ${fields.suppressionReason}` : typeof fields.decisionReason === 'string' ? ` - ${fields.decisionReason}` : ''}`);
			} else {
				const when = typeof fields.sendAt === 'string' ? ` at ${fields.sendAt}` : '';
				const why = typeof fields.decisionReason === 'string' && fields.decisionReason !== '' ? ` - ${fields.decisionReason}` : '';
				parts.push(`channel: ${String(fields.channel)}${when}${why}`);
			}
		} else if (area === 'uplift' && typeof fields.arm === 'string') {
			parts.push(`arm: ${fields.arm}${fields.isControl === true ? ' (holdout, send nothing)' : ''}`);
		} else if (area === 'uplift' && typeof fields.upliftScore === 'number') {
			parts.push(`uplift: ${fields.upliftScore >= 0 ? '+' : ''}${Math.round(fields.upliftScore * 1000) / 10} points if contacted`);
		} else if (area === 'profile' && typeof fields.orders === 'number') {
			const revenue = typeof fields.revenue === 'number' ? `, revenue ${fields.revenue}${typeof fields.currency === 'string' ? ` ${fields.currency}` : ''}` : '';
			const last = typeof fields.daysSinceLastPurchase === 'number' ? `, last purchase ${fields.daysSinceLastPurchase} days ago` : '';
			parts.push(`profile: ${fields.orders} orders${revenue}${last}`);
		}
	}
	return parts;
}

export function compactLifecycleAnswer(record: Record<string, unknown>, options: CompactAnswerOptions): Record<string, CompactValue> {
	const maxFields = Math.max(3, Math.floor(options.maxFields ?? 15));
	const order = [options.focus, ...FOCUS_ORDER.filter((area) => area !== options.focus)];
	// Everything the record offers, in answer order: identity, the focus, the other areas (the sentence reads them all).
	const candidates: Record<string, CompactValue> = {};
	for (const key of IDENTITY_FIELDS) {
		const value = own(record, key);
		if (value !== undefined && value !== null && isFlat(value)) {
			candidates[key] = value;
			break;
		}
	}
	const omitted = new Set(options.omit ?? []);
	const products = productFields(record);
	for (const area of order) {
		if (area === 'recommendations') {
			Object.assign(candidates, products);
			continue;
		}
		for (const key of FIELDS_BY_FOCUS[area]) {
			const value = own(record, key);
			if (value !== undefined && isFlat(value)) candidates[key] = value;
		}
	}
	for (const key of omitted) delete candidates[key];
	const answer: Record<string, CompactValue> = { answer: sentenceParts(candidates, order).join('; ') || 'no lifecycle facts on this record' };
	const kept = new Set<string>([...IDENTITY_FIELDS, ...FIELDS_BY_FOCUS[options.focus], ...order.slice(1).flatMap((area) => HEADLINE_FIELDS[area])]);
	for (const [key, value] of Object.entries(candidates)) {
		if (Object.keys(answer).length >= maxFields) break;
		if (kept.has(key)) answer[key] = value;
	}
	return answer;
}
