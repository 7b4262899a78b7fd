/**
 * CDNOW master (23,570 customers, first purchases January to March 1997, data to 1998-06-30) through
 * Build Profile and Assign Lifecycle Stage at two observation ends: 1997-09-30, then 1998-06-30 with the
 * first stages as previous stages. Shared by the unit test and `npm run bench -- lifecycle`.
 */
import type { AssignLifecycleStagesOptions, AssignLifecycleStagesResult, BuildProfilesResult, LifecycleEvent } from '../../../lib';
import { assignLifecycleStages, buildProfiles } from '../../../lib';
import type { CdnowTransaction } from '../../support/sharedData';

export const CDNOW_FIRST_END = '1997-09-30';
export const CDNOW_SECOND_END = '1998-06-30';

export function cdnowEvents(transactions: readonly CdnowTransaction[]): LifecycleEvent[] {
	return transactions.map((row, sourceIndex) => ({
		customerId: row.customerId,
		type: 'purchase' as const,
		timestamp: Date.parse(`${row.date}T00:00:00Z`),
		value: row.dollars,
		quantity: row.cds,
		currency: 'USD',
		sourceIndex,
	}));
}

export function cdnowProfiles(events: LifecycleEvent[], observationEnd: string): BuildProfilesResult {
	return buildProfiles(events, { observationEnd, afterObservationEnd: 'ignore', periodUnit: 'week' });
}

export interface CdnowLifecycle {
	first: AssignLifecycleStagesResult;
	second: AssignLifecycleStagesResult;
	/** Customer ids of the second run, in its item order. */
	secondIds: string[];
}

/** Stages at the first end, then at the second with the first stages (by customer id) as previous stages. */
export function cdnowLifecycle(firstProfiles: BuildProfilesResult, secondProfiles: BuildProfilesResult, options: AssignLifecycleStagesOptions = {}): CdnowLifecycle {
	const first = assignLifecycleStages(firstProfiles.profiles, options);
	const stageById = new Map<string, string>();
	first.assignments.forEach((assignment) => stageById.set(firstProfiles.profiles[assignment.itemIndex].customerId as string, assignment.lifecycleStage));
	const secondIds = secondProfiles.profiles.map((profile) => profile.customerId as string);
	const second = assignLifecycleStages(secondProfiles.profiles, { ...options, previousStages: secondIds.map((id) => stageById.get(id) ?? null) });
	return { first, second, secondIds };
}
