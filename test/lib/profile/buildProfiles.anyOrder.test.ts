/**
 * The same events in any order give the same profiles, bit for bit: the first half of "exact" for stored
 * profiles (issue 14), where batches arrive late, duplicated and out of order (streams: test/support/profileStreams).
 */
import fc from 'fast-check';
import type { BuildProfilesOptions, BuildProfilesResult, LifecycleEvent } from '../../../lib';
import { buildProfiles } from '../../../lib';
import { DAY, eventStreams, shuffled, START } from '../../support/profileStreams';

const streamArbitrary = eventStreams({ maxLength: 60 });

/** The result with its lists in a fixed order: profiles by id, issues by item. Everything else must match as is. */
function comparable(result: BuildProfilesResult) {
	return {
		profiles: [...result.profiles].sort((a, b) => (a.profileId < b.profileId ? -1 : 1)),
		summary: result.summary,
		issues: [...result.issues].sort((a, b) => a.itemIndex - b.itemIndex || (a.message < b.message ? -1 : 1)),
	};
}

describe('buildProfiles gives the same profiles whatever the order of the events', () => {
	it.each<[string, BuildProfilesOptions]>([
		['defaults (observation end from the data)', {}],
		['an observation end, later events ignored, converted currencies, a history of 2', {
			observationEnd: START + 20 * DAY,
			afterObservationEnd: 'ignore',
			currency: { mode: 'convert', baseCurrency: 'USD', rates: { EUR: 1.1 } },
			defaultCurrency: 'USD',
			historyLimit: 2,
		}],
		['an observation end that refuses later events', { observationEnd: START + 10 * DAY }],
		['refunds ignored, zero-value purchases ignored, no deduplication', { refunds: 'ignore', zeroValuePurchases: 'ignore', dedupeByEventId: false }],
	])('with %s (fast-check, 400 runs)', (_name, options) => {
		fc.assert(
			fc.property(streamArbitrary, fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 1, maxLength: 60 }), (events, keys) => {
				const reference = comparable(buildProfiles(events, options));
				const reordered = comparable(buildProfiles(shuffled(events, keys), options));
				expect(reordered).toEqual(reference);
				expect(JSON.stringify(reordered)).toBe(JSON.stringify(reference));
			}),
			{ numRuns: 400 },
		);
	});

	it('keeps the earlier copy of an event id whichever copy arrives first', () => {
		const first = { eventId: 'E1', customerId: 'C1', type: 'purchase', value: 10, timestamp: START, sourceIndex: 0 } as LifecycleEvent;
		const corrected = { ...first, value: 12, timestamp: START + DAY, sourceIndex: 1 } as LifecycleEvent;
		for (const events of [[first, corrected], [corrected, first]]) {
			const [profile] = buildProfiles(events).profiles;
			expect([profile.revenue, profile.skippedReasons]).toEqual([10, { duplicateEventId: 1 }]);
		}
	});

	it('lets the earlier link win when two customer ids claim one email, whichever arrives first', () => {
		const early = { customerId: 'C2', email: 'shared@example.com', type: 'identify', timestamp: START, sourceIndex: 0 } as LifecycleEvent;
		const late = { customerId: 'C1', email: 'shared@example.com', type: 'identify', timestamp: START + DAY, sourceIndex: 1 } as LifecycleEvent;
		for (const events of [[early, late], [late, early]]) {
			const owner = buildProfiles(events).profiles.find((profile) => profile.email === 'shared@example.com');
			expect(owner?.customerId).toBe('C2');
		}
	});

	it('suppresses when consent is granted and withdrawn at the same time, in either order (fail closed)', () => {
		const granted = { customerId: 'C1', type: 'consent', channel: 'email', consentGranted: true, timestamp: START, sourceIndex: 0 } as LifecycleEvent;
		const unsubscribed = { customerId: 'C1', type: 'unsubscribe', channel: 'email', timestamp: START, sourceIndex: 1 } as LifecycleEvent;
		for (const events of [[granted, unsubscribed], [unsubscribed, granted]]) {
			const [profile] = buildProfiles(events).profiles;
			expect([profile.consentEmail, profile.unsubscribed]).toEqual([false, ['email']]);
		}
	});
});
