// CDNOW calibration/holdout split built from the raw 1/10 sample (test support, not a test).
// Calibration: purchases up to 1997-09-30 (weeks 1-39); holdout: 1997-10-01 .. 1998-06-30 (weeks 40-78).
// Purchases are grouped by calendar day (the papers' "transactions"); times are days / 7 (weeks), unrounded.
import { readCdnowSample } from '../../support/sharedData';

export const CALIBRATION_END = '1997-09-30';
export const HOLDOUT_END = '1998-06-30';
export const HOLDOUT_WEEKS = 39;

export interface CdnowCustomer {
	id: string;
	frequency: number;
	recency: number;
	T: number;
	/** Holdout purchase days, in weeks after the calibration end (1/7 .. 39). */
	holdoutTimes: number[];
}

function dayNumber(isoDate: string): number {
	return Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) / 86_400_000;
}

let cached: CdnowCustomer[] | undefined;

/** The 2,357 sample customers in id order (1..2357), summaries unrounded. */
export function cdnowCalibration(): CdnowCustomer[] {
	if (cached) return cached;
	const days = new Map<string, Set<number>>();
	for (const row of readCdnowSample()) {
		let set = days.get(row.customerId);
		if (!set) days.set(row.customerId, (set = new Set()));
		set.add(dayNumber(row.date));
	}
	const end = dayNumber(CALIBRATION_END);
	const customers: CdnowCustomer[] = [];
	for (const [id, set] of days) {
		const sorted = [...set].sort((a, b) => a - b);
		const calibration = sorted.filter((day) => day <= end);
		const first = calibration[0];
		customers.push({
			id,
			frequency: calibration.length - 1,
			recency: (calibration[calibration.length - 1] - first) / 7,
			T: (end - first) / 7,
			holdoutTimes: sorted.filter((day) => day > end).map((day) => (day - end) / 7),
		});
	}
	customers.sort((a, b) => Number(a.id) - Number(b.id));
	cached = customers;
	return customers;
}
