/**
 * Hand-built profiles for the lifecycle tests: a buyer is described by purchase days, gap and days since
 * the last purchase, and gets the fields Build Profile would give (observation end 2024-06-30).
 */
import type { LifecycleProfile } from '../../../lib';

export const END = Date.parse('2024-06-30T00:00:00Z');
export const DAY = 86_400_000;
export const iso = (time: number) => new Date(time).toISOString();
export const daysBeforeEnd = (days: number) => iso(END - days * DAY);

export interface BuyerShape {
	id?: string;
	/** Distinct purchase days (default 1). */
	purchaseDays?: number;
	/** Days between consecutive purchase days (default 21). */
	gap?: number;
	/** Days from the last purchase to the observation end (default 10). */
	daysSinceLast?: number;
	revenue?: number | null;
	referrals?: number;
	reviews?: number;
}

let counter = 0;

export function buyer(shape: BuyerShape = {}, extra: Record<string, unknown> = {}): LifecycleProfile {
	const purchaseDays = shape.purchaseDays ?? 1;
	const gap = shape.gap ?? 21;
	const daysSinceLast = shape.daysSinceLast ?? 10;
	const last = END - daysSinceLast * DAY;
	const first = last - gap * (purchaseDays - 1) * DAY;
	return {
		customerId: shape.id ?? `B${++counter}`,
		observationEnd: iso(END),
		firstSeenAt: iso(first),
		lastSeenAt: iso(last),
		firstPurchaseAt: iso(first),
		lastPurchaseAt: iso(last),
		orders: purchaseDays,
		frequency: purchaseDays - 1,
		revenue: shape.revenue === undefined ? 50 * purchaseDays : shape.revenue,
		emailOpened: 0,
		emailClicked: 0,
		productsViewed: [],
		productsInCart: [],
		referrals: shape.referrals ?? 0,
		reviews: shape.reviews ?? 0,
		...extra,
	};
}

export function visitor(extra: Record<string, unknown> = {}): LifecycleProfile {
	return {
		customerId: `V${++counter}`,
		observationEnd: iso(END),
		firstSeenAt: '2024-01-05T00:00:00.000Z',
		lastSeenAt: '2024-02-01T00:00:00.000Z',
		firstPurchaseAt: null,
		lastPurchaseAt: null,
		orders: 0,
		frequency: 0,
		revenue: 0,
		emailOpened: 0,
		emailClicked: 0,
		smsClicked: 0,
		pushOpened: 0,
		productsViewed: [],
		productsInCart: [],
		referrals: 0,
		reviews: 0,
		...extra,
	};
}
