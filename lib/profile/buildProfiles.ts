/**
 * Build Profile: canonical events in, one unified profile per person out, in one go: the fold of the events from
 * an empty profile state,
 *
 *   buildProfiles(events, options) = readProfiles(addEvents(emptyProfileState(options), events))
 *
 * Steps: (1) screen events (screenEvent: identity, dates, amounts, currencies, the observation end), counting every
 * event left out and why, and aggregate each kept one under its first identity (addEvents, PersonAggregate);
 * (2) on reading, decide which copy of an event id and which snapshot of an order count (resolveEventCopies),
 * stitch identities (IdentityGraph: never merges two known customer ids), merge each person's aggregates, and
 * shape the profiles: purchase history, BTYD summary (summarizePurchaseDays), engagement and consent per channel,
 * products purchased, viewed and still in the cart (toCustomerProfile); (3) RFM scores across the run's purchasers.
 * Time comes only from the data or the `observationEnd` option, never from the clock. The result does not depend
 * on the order of the events; see profileState.ts for what the state keeps and why batches fold exactly.
 *
 * Cost: O(n + p log p + k α(k)) for n events, p purchasers and k identity keys.
 * @example buildProfiles(events, { periodUnit: 'week', observationEnd: '1997-09-30' }).profiles[0].frequency
 */
import { addEvents } from './addEvents';
import type { BuildProfilesOptions } from './profileSettings';
import { emptyProfileState } from './profileState';
import type { BuildProfilesResult } from './readProfiles';
import { readProfiles } from './readProfiles';
import type { LifecycleEvent } from './schemas';

export type { BuildProfilesOptions, CurrencyHandling } from './profileSettings';
export type { BuildProfilesResult, BuildProfilesSummary } from './readProfiles';
export { FUTURE_TOLERANCE_DAYS, OUTLIER_DAYS, OUTLIER_MIN_EVENTS } from './screenEvent';

export function buildProfiles(events: readonly LifecycleEvent[], options: BuildProfilesOptions = {}): BuildProfilesResult {
	return readProfiles(addEvents(emptyProfileState(options), events));
}
