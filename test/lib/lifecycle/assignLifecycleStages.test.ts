import type { AssignLifecycleStagesOptions, LifecycleAssignment, LifecycleProfile } from '../../../lib';
import { assignLifecycleStages, LifecycleInputError, ProfileSchema } from '../../../lib';
import { buyer, DAY, daysBeforeEnd, END, iso, visitor } from './lifecycleFixtures';

/** Stage of each profile, with the options given (errors are collected so a test can look at them). */
function assign(profiles: LifecycleProfile[], options: AssignLifecycleStagesOptions = {}) {
	return assignLifecycleStages(profiles, { onInvalid: 'collect', ...options });
}

function without(profile: LifecycleProfile, field: string): LifecycleProfile {
	const copy = { ...profile };
	delete copy[field];
	return copy;
}

function only(profile: LifecycleProfile, options: AssignLifecycleStagesOptions = {}): LifecycleAssignment {
	const { assignments, issues } = assign([profile], { populationGapDays: 30, ...options });
	expect(issues).toEqual([]);
	return assignments[0];
}

describe('assignLifecycleStages: the stages of the default model', () => {
	it('prospect: known, no purchase and no engagement; entered when first seen', () => {
		const result = only(visitor());
		expect(result).toMatchObject({ lifecycleStage: 'prospect', modelStage: 'prospect', stageEnteredAt: '2024-01-05T00:00:00.000Z', rule: null });
		expect(result.stageReason).toBe('Known since 2024-01-05, with no purchase and no engagement yet (no opens, clicks, views or cart adds)');
	});

	it.each([
		['an email open', { emailOpened: 1 }, '1 open or click'],
		['a click on another channel', { engagement: { sms: { sent: 2, opened: 0, clicked: 2 } } }, '2 opens or clicks'],
		['a product viewed', { productsViewed: ['P1'] }, '1 product viewed'],
		['products in the cart', { productsInCart: ['P1', 'P2'] }, '2 products in the cart'],
	])('consideration: no purchase, but %s', (_, fields, text) => {
		const result = only(visitor(fields));
		expect(result.lifecycleStage).toBe('consideration');
		expect(result.stageReason).toBe(`No purchase yet; engaged: ${text}`);
		expect(result.stageEnteredAt).toBeNull();
	});

	it('first_purchase: one purchase day, not overdue against the population gap; entered at that purchase', () => {
		const profile = buyer({ purchaseDays: 1, daysSinceLast: 12 });
		const result = only(profile);
		expect(result).toMatchObject({ lifecycleStage: 'first_purchase', stageEnteredAt: profile.firstPurchaseAt });
		expect(result.stageReason).toBe(`One purchase day (${(profile.firstPurchaseAt as string).slice(0, 10)}); last purchase 12 days ago; one-time buyer, population gap 30 days (the set population gap) (0.4x)`);
	});

	it('repeat: two or more purchase days, active; entered at the second purchase when it is the last', () => {
		const two = buyer({ purchaseDays: 2, gap: 21, daysSinceLast: 10 });
		expect(only(two)).toMatchObject({ lifecycleStage: 'repeat', stageEnteredAt: two.lastPurchaseAt, stageReason: '2 purchase days; last purchase 10 days ago; usual gap 21 days (0.5x)' });
		expect(only(buyer({ purchaseDays: 2, gap: 21, daysSinceLast: 10 }), { loyalMinPurchases: 2, loyalTopPercent: 100 }).lifecycleStage).toBe('loyal');
		expect(only(buyer({ purchaseDays: 3, gap: 21, daysSinceLast: 10 }), { loyalMinPurchases: 4 }).stageEnteredAt).toBeNull();
	});

	it('loyal and advocate: top by purchase days and revenue, active; advocate with a referral or a review', () => {
		const people = [
			buyer({ id: 'small', purchaseDays: 3, revenue: 100 }),
			buyer({ id: 'mid', purchaseDays: 4, revenue: 150 }),
			buyer({ id: 'top', purchaseDays: 6, revenue: 600 }),
			buyer({ id: 'second', purchaseDays: 5, revenue: 300 }),
			buyer({ id: 'reviewer', purchaseDays: 5, revenue: 300, reviews: 1 }),
			buyer({ id: 'spender', purchaseDays: 4, revenue: 900 }),
		];
		// Top 40% of 6 buyers: k = ceil(2.4) = 3 -> cutoffs 5 purchase days (3rd largest) and 300 revenue.
		const { assignments, summary } = assign(people, { loyalTopPercent: 40, populationGapDays: 30 });
		expect(assignments.map((a) => [people[a.itemIndex].customerId, a.lifecycleStage])).toEqual([
			['small', 'repeat'],
			['mid', 'repeat'],
			['top', 'loyal'],
			['second', 'loyal'],
			['reviewer', 'advocate'],
			['spender', 'repeat'],
		]);
		expect([summary.loyalPurchaseCutoff, summary.loyalRevenueCutoff]).toEqual([5, 300]);
		expect(assignments[3].stageReason).toBe('5 purchase days and revenue 300, in the top 40% of 6 buyers (at least 5 days and 300); last purchase 10 days ago; usual gap 21 days (0.5x)');
		expect(assignments[4].stageReason).toMatch(/; 0 referrals and 1 review$/);
	});

	it('at_risk and lapsed: overdue against the own rhythm; entered when the threshold was crossed', () => {
		const atRisk = buyer({ purchaseDays: 4, gap: 21, daysSinceLast: 63 });
		const result = only(atRisk, { loyalMinPurchases: 10 });
		expect(result).toMatchObject({ lifecycleStage: 'at_risk', stageEnteredAt: iso(Date.parse(atRisk.lastPurchaseAt as string) + 42 * DAY) });
		expect(result.stageReason).toBe('Last purchase 63 days ago; usual gap 21 days (3.0x); at risk from 2.0x (42 days), lapsed from 4.0x (84 days)');
		const lapsed = buyer({ purchaseDays: 4, gap: 21, daysSinceLast: 200 });
		expect(only(lapsed)).toMatchObject({ lifecycleStage: 'lapsed', stageEnteredAt: iso(Date.parse(lapsed.lastPurchaseAt as string) + 84 * DAY) });
	});

	it('reactivated: the previous stage was at_risk or lapsed and the customer is active again; entered at the purchase', () => {
		const back = buyer({ purchaseDays: 3, gap: 40, daysSinceLast: 3 });
		for (const previous of ['at_risk', 'lapsed']) {
			const result = only(back, { previousStages: [previous] });
			expect(result).toMatchObject({
				lifecycleStage: 'reactivated',
				previousStage: previous,
				stageChanged: true,
				stageTransition: `${previous}->reactivated`,
				stageEnteredAt: back.lastPurchaseAt,
			});
			expect(result.stageReason).toBe(`Was ${previous} and bought again: last purchase 3 days ago; usual gap 40 days (0.1x)`);
		}
	});
});

describe('assignLifecycleStages: thresholds, exactly at and next to them', () => {
	const gap21 = (daysSinceLast: number) => only(buyer({ purchaseDays: 3, gap: 21, daysSinceLast }), { loyalMinPurchases: 10 }).lifecycleStage;

	it('at risk from exactly 2x the usual gap (42 of 21 days), lapsed from exactly 4x (84)', () => {
		expect([41, 42, 83, 84].map(gap21)).toEqual(['repeat', 'at_risk', 'at_risk', 'lapsed']);
	});

	it('rounds a fractional threshold up to whole days: gap 10.5 days, at risk from 21 days, lapsed from 42', () => {
		const stage = (daysSinceLast: number) => only(buyer({ purchaseDays: 3, gap: 10.5, daysSinceLast }), { loyalMinPurchases: 10 }).lifecycleStage;
		expect([20, 21, 41, 42].map(stage)).toEqual(['repeat', 'at_risk', 'at_risk', 'lapsed']);
	});

	it('takes the thresholds from the options', () => {
		const options = { atRiskMultiple: 1.5, lapsedMultiple: 3, loyalMinPurchases: 10 };
		const stage = (daysSinceLast: number) => only(buyer({ purchaseDays: 3, gap: 20, daysSinceLast }), options).lifecycleStage;
		expect([29, 30, 59, 60].map(stage)).toEqual(['repeat', 'at_risk', 'at_risk', 'lapsed']);
	});

	it('a usual gap below the minimum counts as the minimum (7 days by default)', () => {
		const close = buyer({ purchaseDays: 2, gap: 1, daysSinceLast: 13 });
		expect(only(close)).toMatchObject({ lifecycleStage: 'repeat', stageReason: '2 purchase days; last purchase 13 days ago; usual gap 7 days (the minimum; own 1) (1.9x)' });
		expect(only(buyer({ purchaseDays: 2, gap: 1, daysSinceLast: 14 })).lifecycleStage).toBe('at_risk');
		expect(only(buyer({ purchaseDays: 2, gap: 1, daysSinceLast: 2 }), { minimumGapDays: 0 }).lifecycleStage).toBe('at_risk');
	});

	it('one-time buyers against the population gap: first_purchase up to 59 of 30 days, at risk from 60, lapsed from 120', () => {
		const stage = (daysSinceLast: number) => only(buyer({ purchaseDays: 1, daysSinceLast })).lifecycleStage;
		expect([0, 59, 60, 119, 120].map(stage)).toEqual(['first_purchase', 'first_purchase', 'at_risk', 'at_risk', 'lapsed']);
	});

	it('the population gap is the median own gap of the run\'s repeat buyers (here 25 of 10, 20, 30, 40)', () => {
		const repeaters = [10, 20, 30, 40].map((gap) => buyer({ purchaseDays: 2, gap, daysSinceLast: 1 }));
		const run = (daysSinceLast: number) => assign([...repeaters, buyer({ purchaseDays: 1, daysSinceLast })]);
		expect(run(49).assignments[4].lifecycleStage).toBe('first_purchase');
		const atRisk = run(50);
		expect(atRisk.assignments[4].lifecycleStage).toBe('at_risk');
		expect(atRisk.assignments[4].stageReason).toContain('one-time buyer, population gap 25 days (the median of 4 repeat buyers) (2.0x)');
		expect(atRisk.summary).toMatchObject({ populationGapDays: 25, populationGapSource: 'median of repeat buyers', repeatBuyers: 4, buyers: 5 });
	});

	it('loyal exactly at the cutoffs, not one purchase day or one cent below', () => {
		const options = { loyalTopPercent: 100, loyalMinPurchases: 4, loyalMinRevenue: 200, populationGapDays: 30 };
		const stage = (purchaseDays: number, revenue: number) => only(buyer({ purchaseDays, revenue }), options).lifecycleStage;
		expect([stage(4, 200), stage(3, 200), stage(4, 199.99)]).toEqual(['loyal', 'repeat', 'repeat']);
	});

	it('churn probability as the at-risk signal: at risk from exactly 0.5, lapsed from exactly 0.8; P(alive) works too', () => {
		const options: AssignLifecycleStagesOptions = { atRiskSignal: 'churnProbability', loyalMinPurchases: 10 };
		const stage = (fields: Record<string, unknown>) => only(buyer({ purchaseDays: 3, daysSinceLast: 300 }, fields), options).lifecycleStage;
		expect([0.49, 0.5, 0.79, 0.8].map((churnProbability) => stage({ churnProbability }))).toEqual(['repeat', 'at_risk', 'at_risk', 'lapsed']);
		expect(stage({ probabilityAlive: 0.2 })).toBe('lapsed');
		expect(stage({ probabilityAlive: 0.51 })).toBe('repeat');
		const result = only(buyer({ purchaseDays: 3, daysSinceLast: 300 }, { churnProbability: 0.72 }), options);
		expect(result).toMatchObject({ lifecycleStage: 'at_risk', stageEnteredAt: null, stageReason: 'Churn probability 0.72 (at risk from 0.5, lapsed from 0.8); last purchase 300 days ago' });
		const custom = { ...options, atRiskProbability: 0.3, lapsedProbability: 0.6 };
		expect(only(buyer({ purchaseDays: 3 }, { churnProbability: 0.3 }), custom).lifecycleStage).toBe('at_risk');
	});
});

describe('assignLifecycleStages: transitions', () => {
	it('without a previous stage: previousStage and stageTransition null, stageChanged true (a first assignment)', () => {
		expect(only(buyer({ purchaseDays: 1 }))).toMatchObject({ previousStage: null, stageChanged: true, stageTransition: null });
	});

	it('unchanged, changed and one-run reactivation', () => {
		const active = buyer({ purchaseDays: 3, gap: 21, daysSinceLast: 5 });
		const overdue = buyer({ purchaseDays: 3, gap: 21, daysSinceLast: 50 });
		const options = { loyalMinPurchases: 10, populationGapDays: 30 };
		const { assignments } = assign([active, overdue, active, active, overdue, buyer({ purchaseDays: 1, daysSinceLast: 5 })], {
			...options,
			previousStages: ['repeat', 'repeat', 'reactivated', 'first_purchase', 'at_risk', 'consideration'],
		});
		expect(assignments.map((a) => [a.stageTransition, a.stageChanged])).toEqual([
			['repeat->repeat', false],
			['repeat->at_risk', true],
			['reactivated->repeat', true],
			['first_purchase->repeat', true],
			['at_risk->at_risk', false],
			['consideration->first_purchase', true],
		]);
	});

	it('accepts a previous stage by output name or stage key, ignoring case and spaces', () => {
		const options = { stageNames: { at_risk: 'Winback' }, previousStages: ['  winBACK ', 'AT_RISK', 'Winback'] };
		const back = buyer({ purchaseDays: 3, gap: 40, daysSinceLast: 3 });
		const { assignments } = assign([back, back, back], { ...options, populationGapDays: 30 });
		expect(assignments.map((a) => [a.previousStage, a.lifecycleStage])).toEqual([
			['Winback', 'reactivated'],
			['Winback', 'reactivated'],
			['Winback', 'reactivated'],
		]);
	});

	it('writes renamed stages (HubSpot lifecycle stages); a name shared by several stages only reactivates when all of them are overdue stages', () => {
		const hubspot = {
			prospect: 'subscriber',
			consideration: 'lead',
			first_purchase: 'customer',
			repeat: 'customer',
			loyal: 'customer',
			advocate: 'evangelist',
			at_risk: 'customer',
			lapsed: 'other',
			reactivated: 'customer',
		};
		const back = buyer({ purchaseDays: 3, gap: 40, daysSinceLast: 3 });
		const { assignments, summary } = assign([visitor(), back, back, buyer({ purchaseDays: 1, daysSinceLast: 400 })], {
			stageNames: hubspot,
			populationGapDays: 30,
			loyalMinPurchases: 10,
			previousStages: [null, 'customer', 'other', 'customer'],
		});
		expect(assignments.map((a) => [a.lifecycleStage, a.modelStage, a.stageTransition, a.stageChanged])).toEqual([
			['subscriber', 'prospect', null, true],
			['customer', 'repeat', 'customer->customer', false],
			['customer', 'reactivated', 'other->customer', true],
			['other', 'lapsed', 'customer->other', true],
		]);
		expect(Object.keys(summary.stageCounts)).toEqual(['subscriber', 'lead', 'customer', 'evangelist', 'other']);
	});

	it('reactivation without a previous stage: two purchase days whose gap reached the lapsed threshold of the population gap', () => {
		// Population gap 30 days: a one-time buyer lapses after 120 days.
		const gapped = (gap: number) => buyer({ purchaseDays: 2, gap, daysSinceLast: 10 });
		const options = { populationGapDays: 30 };
		expect(only(gapped(119), options).lifecycleStage).toBe('repeat');
		const back = only(gapped(120), options);
		expect(back).toMatchObject({ lifecycleStage: 'reactivated', stageEnteredAt: gapped(120).lastPurchaseAt });
		expect(back.stageReason).toBe('Bought again 120 days after the first purchase, when a one-time buyer lapses after 120 days (4.0x the population gap of 30 days); last purchase 10 days ago; usual gap 120 days (0.1x)');
		expect(only(gapped(120), { ...options, inferReactivation: false }).lifecycleStage).toBe('repeat');
		expect(only(gapped(120), { ...options, previousStages: ['repeat'] }).lifecycleStage).toBe('repeat');
		// Three purchase days: the summary holds only the mean gap, so a long last gap is not detected.
		expect(only(buyer({ purchaseDays: 3, gap: 200, daysSinceLast: 10 }), { ...options, loyalMinPurchases: 10 }).lifecycleStage).toBe('repeat');
	});

	it('counts stages and the transition matrix: rows sum to the previous stages, columns to the current ones', () => {
		const back = buyer({ purchaseDays: 3, gap: 40, daysSinceLast: 3 });
		const { summary } = assign([back, back, visitor(), buyer({ purchaseDays: 1, daysSinceLast: 400 })], {
			populationGapDays: 30,
			loyalMinPurchases: 10,
			previousStages: ['at_risk', 'repeat', null, 'at_risk'],
		});
		expect(summary.stageCounts).toMatchObject({ prospect: 1, repeat: 1, lapsed: 1, reactivated: 1, loyal: 0 });
		expect(summary.transitionMatrix.at_risk).toMatchObject({ reactivated: 1, lapsed: 1 });
		expect(summary.transitionMatrix['(none)']).toMatchObject({ prospect: 1 });
		expect({ ...summary.transitions }).toEqual({ 'at_risk->lapsed': 1, 'at_risk->reactivated': 1 });
		expect([summary.changed, summary.withPreviousStage, summary.customers]).toEqual([2, 3, 4]);
		const columnSums = Object.keys(summary.stageCounts).map((stage) => Object.values(summary.transitionMatrix).reduce((total, row) => total + row[stage], 0));
		expect(columnSums).toEqual(Object.values(summary.stageCounts));
	});
});

describe('assignLifecycleStages: bad input and edge cases', () => {
	function issueOf(profile: LifecycleProfile, options: AssignLifecycleStagesOptions = {}) {
		const { issues, assignments } = assign([buyer({ purchaseDays: 2 }, { churnProbability: 0.1 }), profile], { populationGapDays: 30, ...options });
		expect(assignments).toHaveLength(1);
		expect(issues).toHaveLength(1);
		expect(issues[0].itemIndex).toBe(1);
		return issues[0];
	}

	it('names a missing field needed by a rule', () => {
		expect(issueOf(without(buyer(), 'orders'))).toMatchObject({ field: 'orders', message: 'assignLifecycleStages requires orders to be a whole number, 0 or more; got nothing (the field is missing)' });
		expect(issueOf(without(buyer(), 'observationEnd')).field).toBe('observationEnd');
		expect(issueOf(visitor({ emailOpened: undefined, emailClicked: undefined, smsClicked: undefined, pushOpened: undefined, productsViewed: undefined, productsInCart: undefined })).field).toBe('engagement');
		expect(issueOf(buyer({ purchaseDays: 3 }), { atRiskSignal: 'churnProbability' })).toMatchObject({ field: 'churnProbability', hint: expect.stringContaining('Score Churn') });
		expect(issueOf(buyer({ purchaseDays: 5, revenue: null }), { loyalTopPercent: 100 })).toMatchObject({ field: 'revenue', hint: expect.stringContaining('Convert Currencies To') });
		expect(issueOf(without(buyer({ purchaseDays: 5 }), 'reviews'), { loyalTopPercent: 100 }).field).toBe('reviews');
	});

	it('rejects contradictory data', () => {
		const swapped = buyer({ purchaseDays: 2, gap: 30 });
		expect(issueOf({ ...swapped, firstPurchaseAt: swapped.lastPurchaseAt, lastPurchaseAt: swapped.firstPurchaseAt })).toMatchObject({
			field: 'lastPurchaseAt',
			message: expect.stringContaining('to be at or after firstPurchaseAt'),
		});
		expect(issueOf(buyer({ purchaseDays: 2, gap: 2 }, { frequency: 3 })).field).toBe('frequency');
		expect(issueOf(buyer({ purchaseDays: 2 }, { frequency: 0 })).field).toBe('frequency');
		expect(issueOf(buyer({ purchaseDays: 1 }, { frequency: undefined, lastPurchaseAt: daysBeforeEnd(1) })).field).toBe('orders');
		expect(issueOf(visitor({ lastPurchaseAt: daysBeforeEnd(3) })).field).toBe('lastPurchaseAt');
		expect(issueOf(buyer({ purchaseDays: 2 }, { lastPurchaseAt: iso(END + DAY) })).message).toContain('at or before the observation time');
		const { issues } = assign([buyer({ purchaseDays: 2, daysSinceLast: 30 }), buyer({ daysSinceLast: 10 })], { asOf: daysBeforeEnd(20) });
		expect(issues).toMatchObject([{ itemIndex: 1, field: 'lastPurchaseAt', hint: expect.stringContaining('observation time') }]);
	});

	it('rejects a previous stage that is not in the model, naming the stages it accepts', () => {
		const { issues } = assign([buyer(), buyer()], { populationGapDays: 30, previousStages: ['repeat', 'VIP'] });
		expect(issues).toEqual([
			{
				itemIndex: 1,
				field: 'previousStage',
				message: 'assignLifecycleStages requires previousStage to be a stage of the model (prospect, consideration, first_purchase, repeat, loyal, advocate, at_risk, lapsed, reactivated) or empty; got the text "VIP"',
				hint: expect.stringContaining('Stage Names'),
			},
		]);
		expect(assign([buyer()], { populationGapDays: 30, previousStages: [42] }).issues[0].field).toBe('previousStage');
	});

	it('asks for the population gap when a one-time buyer needs it and the run has no repeat buyer', () => {
		const { issues, summary } = assign([buyer({ purchaseDays: 1 }), visitor()]);
		expect(issues).toMatchObject([{ itemIndex: 0, field: 'populationGapDays', hint: expect.stringContaining('Population Gap (Days)') }]);
		expect(summary).toMatchObject({ populationGapDays: null, populationGapSource: 'none', customers: 1, itemsWithErrors: 1 });
	});

	it('throws the first bad item\'s LifecycleInputError by default', () => {
		const failure = (() => {
			try {
				assignLifecycleStages([buyer({ purchaseDays: 2 }), { ...buyer(), orders: 'many' } as unknown as LifecycleProfile, { ...buyer(), orders: -1 }]);
			} catch (error) {
				return error;
			}
			return undefined;
		})();
		expect(failure).toBeInstanceOf(LifecycleInputError);
		expect(failure).toMatchObject({ itemIndex: 1, field: 'orders' });
	});

	it('rejects bad options before reading any item', () => {
		const bad: Array<[AssignLifecycleStagesOptions, string]> = [
			[{ atRiskMultiple: 0 }, 'atRiskMultiple'],
			[{ lapsedMultiple: 2 }, 'lapsedMultiple'],
			[{ atRiskProbability: 0.9 }, 'lapsedProbability'],
			[{ atRiskMultiple: 5 }, 'lapsedMultiple'],
			[{ lapsedProbability: 1.5 }, 'lapsedProbability'],
			[{ loyalTopPercent: 0 }, 'loyalTopPercent'],
			[{ populationGapDays: -3 }, 'populationGapDays'],
			[{ asOf: 'next Tuesday' }, 'asOf'],
			[{ stageNames: { churned: 'x' } as never }, 'stageNames.churned'],
			[{ stageNames: { lapsed: 'a->b' } }, 'stageNames.lapsed'],
			[{ previousStages: ['repeat'] }, 'previousStages'],
		];
		for (const [options, field] of bad) {
			expect(() => assignLifecycleStages([buyer(), buyer()], options)).toThrow(expect.objectContaining({ field }));
		}
	});

	it('takes the observation time from the option over observationEnd, and never from the clock', () => {
		const profile = buyer({ purchaseDays: 3, gap: 21, daysSinceLast: 10 });
		const later = only(profile, { asOf: iso(END + 40 * DAY), loyalMinPurchases: 10 });
		expect(later).toMatchObject({ lifecycleStage: 'at_risk' });
		const { summary } = assign([profile], { asOf: iso(END + 40 * DAY) });
		expect(summary.asOf).toBe(iso(END + 40 * DAY));
	});

	it('gives the same stages for the same customers in any order', () => {
		const people = [
			visitor({ emailOpened: 2 }),
			...[5, 10, 21, 35].map((gap, k) => buyer({ purchaseDays: 2 + k, gap, daysSinceLast: 5 + 20 * k, revenue: 80 * (k + 1) })),
			buyer({ purchaseDays: 1, daysSinceLast: 30 }),
			buyer({ purchaseDays: 1, daysSinceLast: 300 }),
		];
		const forward = assign(people).assignments.map((a) => [people[a.itemIndex].customerId, a.lifecycleStage, a.stageReason]);
		const reversed = [...people].reverse();
		const backward = assign(reversed).assignments.map((a) => [reversed[a.itemIndex].customerId, a.lifecycleStage, a.stageReason]);
		expect(backward.reverse()).toEqual(forward);
		expect(assign(people)).toEqual(assign(people));
	});

	it('hand-built profiles use only field names of Build Profile\'s profile schema', () => {
		for (const profile of [buyer({ purchaseDays: 2 }), visitor()]) {
			expect(Object.keys(profile).filter((key) => !(key in ProfileSchema.shape))).toEqual([]);
		}
	});
});
