/**
 * The default lifecycle stage model: nine stages, their keys (as written to `lifecycleStage` unless
 * renamed) and what each means.
 *
 * - prospect (awareness): known, no purchase and no engagement.
 * - consideration: no purchase, but engaged (opened or clicked a message), browsed or carted.
 * - first_purchase: one purchase day, not overdue against the population gap.
 * - repeat: two or more purchase days, not overdue against the customer's own rhythm.
 * - loyal: repeat and in the top share of the run's buyers by purchase days and by revenue.
 * - advocate: loyal plus at least one referral or review.
 * - at_risk: overdue: the time since the last purchase reached the at-risk multiple of the usual gap
 *   (or the churn probability reached its at-risk threshold).
 * - lapsed: long overdue: the lapsed multiple (or the lapsed churn probability).
 * - reactivated: bought again after being at risk or lapsed.
 * Reference: the hiatus heuristic (a customer is inactive after a gap without purchase) of Wübben &
 * von Wangenheim (2008), "Instant customer base analysis: managerial heuristics often 'get it right'",
 * Journal of Marketing 72(3), judged here against each customer's own rhythm; stage names that CRMs use:
 * https://knowledge.hubspot.com/records/use-lifecycle-stages.
 *
 * Cost: constant.
 * @example LIFECYCLE_STAGES.indexOf('at_risk') // 6
 */
export const LIFECYCLE_STAGES = [
	'prospect',
	'consideration',
	'first_purchase',
	'repeat',
	'loyal',
	'advocate',
	'at_risk',
	'lapsed',
	'reactivated',
] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/** Stages a customer is reactivated from. */
export const OVERDUE_STAGES: ReadonlySet<LifecycleStage> = new Set(['at_risk', 'lapsed']);

export function isLifecycleStage(value: unknown): value is LifecycleStage {
	return typeof value === 'string' && (LIFECYCLE_STAGES as readonly string[]).includes(value);
}
