/**
 * Assign Lifecycle Stage on CDNOW master: all 23,570 customers at 1997-09-30, then at 1998-06-30 with the
 * first stages as previous stages. Checked for internal consistency and against a direct computation from
 * the raw transactions (not through Build Profile).
 */
import type { LifecycleStagesSummary } from '../../../lib';
import { LIFECYCLE_STAGES } from '../../../lib';
import { readCdnowMaster } from '../../support/sharedData';
import type { CdnowLifecycle } from './cdnowLifecycle';
import { CDNOW_FIRST_END, CDNOW_SECOND_END, cdnowEvents, cdnowLifecycle, cdnowProfiles } from './cdnowLifecycle';

const DAY = 86_400_000;
const transactions = readCdnowMaster();
const events = cdnowEvents(transactions);
const firstProfiles = cdnowProfiles(events, CDNOW_FIRST_END);
const secondProfiles = cdnowProfiles(events, CDNOW_SECOND_END);
let run: CdnowLifecycle;

beforeAll(() => {
	run = cdnowLifecycle(firstProfiles, secondProfiles);
});

const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, count) => sum + count, 0);

/** Distinct purchase days per customer up to an end date, straight from the transactions. */
function purchaseDaysById(end: string): Map<string, number[]> {
	const days = new Map<string, Set<number>>();
	for (const row of transactions) {
		if (row.date > end) continue;
		let set = days.get(row.customerId);
		if (!set) days.set(row.customerId, (set = new Set()));
		set.add(Date.parse(`${row.date}T00:00:00Z`) / DAY);
	}
	return new Map([...days].map(([id, set]) => [id, [...set].sort((a, b) => a - b)]));
}

describe('Assign Lifecycle Stage on CDNOW master (23,570 customers)', () => {
	it('puts every customer in exactly one stage at both observation ends, without errors', () => {
		for (const [result, profiles] of [
			[run.first, firstProfiles],
			[run.second, secondProfiles],
		] as const) {
			expect(profiles.profiles).toHaveLength(23570);
			expect(result.issues).toEqual([]);
			expect(result.assignments.map((a) => a.itemIndex)).toEqual(profiles.profiles.map((_, index) => index));
			expect(total(result.summary.stageCounts)).toBe(23570);
			expect(Object.keys(result.summary.stageCounts)).toEqual([...LIFECYCLE_STAGES]);
		}
		expect(run.first.summary.asOf).toBe('1997-09-30T00:00:00.000Z');
		expect(run.second.summary.asOf).toBe('1998-06-30T00:00:00.000Z');
	});

	it('has a transition matrix whose rows sum to the stages at 1997-09-30 and columns to those at 1998-06-30', () => {
		const matrix = run.second.summary.transitionMatrix;
		expect(Object.keys(matrix)).toEqual([...LIFECYCLE_STAGES]);
		for (const stage of LIFECYCLE_STAGES) {
			expect(total(matrix[stage])).toBe(run.first.summary.stageCounts[stage]);
			expect(LIFECYCLE_STAGES.reduce((sum, from) => sum + matrix[from][stage], 0)).toBe(run.second.summary.stageCounts[stage]);
		}
		expect(run.second.summary.withPreviousStage).toBe(23570);
		expect(run.second.summary.changed).toBe(23570 - LIFECYCLE_STAGES.reduce((sum, stage) => sum + matrix[stage][stage], 0));
	});

	it('passes overdue customers through reactivated, and only those who bought after 1997-09-30', () => {
		const matrix = run.second.summary.transitionMatrix;
		for (const from of ['at_risk', 'lapsed']) {
			for (const to of ['first_purchase', 'repeat', 'loyal', 'advocate']) expect(matrix[from][to]).toBe(0);
		}
		for (const from of LIFECYCLE_STAGES) if (from !== 'at_risk' && from !== 'lapsed') expect(matrix[from].reactivated).toBe(0);
		const firstEnd = Date.parse(CDNOW_FIRST_END);
		for (const assignment of run.second.assignments) {
			if (assignment.lifecycleStage !== 'reactivated') continue;
			expect(Date.parse(secondProfiles.profiles[assignment.itemIndex].lastPurchaseAt as string)).toBeGreaterThan(firstEnd);
			expect(assignment.stageEnteredAt).toBe(secondProfiles.profiles[assignment.itemIndex].lastPurchaseAt);
		}
	});

	it('takes the population gap as the median gap of repeat buyers, as computed from the raw transactions', () => {
		for (const [end, summary] of [
			[CDNOW_FIRST_END, run.first.summary],
			[CDNOW_SECOND_END, run.second.summary],
		] as Array<[string, LifecycleStagesSummary]>) {
			const gaps = [...purchaseDaysById(end).values()].filter((days) => days.length >= 2).map((days) => (days[days.length - 1] - days[0]) / (days.length - 1));
			gaps.sort((a, b) => a - b);
			const middle = gaps.length / 2;
			const median = gaps.length % 2 ? gaps[Math.floor(middle)] : (gaps[middle - 1] + gaps[middle]) / 2;
			expect(summary.repeatBuyers).toBe(gaps.length);
			expect(summary.populationGapDays).toBeCloseTo(median, 9);
		}
	});

	it('finds as many at-risk and lapsed customers at 1997-09-30 as the rhythm rule applied to the raw transactions', () => {
		const populationGap = Math.max(7, run.first.summary.populationGapDays as number);
		const end = Date.parse(CDNOW_FIRST_END) / DAY;
		const counts = { at_risk: 0, lapsed: 0 };
		for (const days of purchaseDaysById(CDNOW_FIRST_END).values()) {
			const gap = days.length >= 2 ? Math.max(7, (days[days.length - 1] - days[0]) / (days.length - 1)) : populationGap;
			const since = end - days[days.length - 1];
			if (since >= Math.ceil(4 * gap - 1e-9)) counts.lapsed++;
			else if (since >= Math.ceil(2 * gap - 1e-9)) counts.at_risk++;
		}
		expect(run.first.summary.stageCounts).toMatchObject(counts);
	});

	it('gives the stage counts of this implementation (pinned, to catch unintended changes)', () => {
		// Computed by this implementation with the default options; consistent by the tests above.
		expect({ ...run.first.summary.stageCounts }).toEqual({
			prospect: 0,
			consideration: 0,
			first_purchase: 0,
			repeat: 2582,
			loyal: 2146,
			advocate: 0,
			at_risk: 2145,
			lapsed: 16325,
			reactivated: 372,
		});
		expect({ ...run.second.summary.stageCounts }).toEqual({
			prospect: 0,
			consideration: 0,
			first_purchase: 0,
			repeat: 1258,
			loyal: 1575,
			advocate: 0,
			at_risk: 1617,
			lapsed: 15746,
			reactivated: 3374,
		});
		expect(run.first.summary.populationGapDays).toBeCloseTo(48.4, 1);
		expect(run.second.summary.populationGapDays).toBeCloseTo(82.5, 1);
	});
});
