/**
 * Same answer in real time as in the weekly run (issue 14 item 4): for every customer of a simulated shop (300
 * customers and 30 contacts, seed 42, every event type) the weekly run stores its rows, population figures, churn model and
 * recommender model; then each customer alone (their stored row, nothing else) with the stored figures and models
 * gets byte for byte the weekly run's profile (RFM included), stage, churn scores and recommendations. The same for
 * every customer of the CDNOW 1/10 sample (2,357 customers, purchases only, weeks).
 */
import type { CustomerProfile, LifecycleEvent, PopulationFigures, StoredProfileRow } from '../../../lib';
import { SHOP_EVENT_MAPPING, simulateShop } from '../../../lib/simulate';
import { cdnowEvents } from '../lifecycle/cdnowLifecycle';
import { readCdnowSample } from '../../support/sharedData';
import {
	assignLifecycleStages,
	buildRecommender,
	createRecommender,
	mapRecordToEvent,
	parseRecommenderModel,
	profileInteractions,
	profilePopulationFigures,
	readProfilePopulationFigures,
	scoreChurnProfiles,
	updateStoredProfiles,
} from '../../../lib';

const HORIZON = { horizon: 90, horizonUnit: 'day' as const };

function shopEvents(): LifecycleEvent[] {
	const events: LifecycleEvent[] = [];
	simulateShop({ seed: 42, customers: 300 }).events.forEach((row, index) => {
		const event = mapRecordToEvent(row as unknown as Record<string, unknown>, SHOP_EVENT_MAPPING, index, { missingIdentity: 'skip' });
		if (event) events.push(event);
	});
	return events;
}

function withoutSources(profile: CustomerProfile): string {
	const copy: Partial<CustomerProfile> = { ...profile };
	delete copy.sourceIndexes;
	return JSON.stringify(copy);
}

function withoutItemIndex(value: object): string {
	const copy = { ...value } as Record<string, unknown>;
	delete copy.itemIndex;
	return JSON.stringify(copy);
}

/** The weekly run: fold every event into an empty table, every customer out, then stage, score and recommend. */
function weeklyRun(events: LifecycleEvent[]) {
	const update = updateStoredProfiles([], events, { everyCustomer: true });
	const rows = new Map<string, StoredProfileRow>(update.rows.map((row) => [row.profileId, JSON.parse(JSON.stringify(row)) as StoredProfileRow]));
	const profiles = update.profiles;
	const stages = assignLifecycleStages(profiles);
	const churnFit = scoreChurnProfiles(profiles, HORIZON);
	const churnModel = JSON.stringify(churnFit.model);
	const churn = scoreChurnProfiles(profiles, { ...HORIZON, storedModel: JSON.parse(churnModel) });
	const recommenderModel = JSON.stringify(buildRecommender(profileInteractions(profiles)));
	const recommender = createRecommender(parseRecommenderModel(JSON.parse(recommenderModel)));
	const recommendations = profiles.map((profile) => JSON.stringify(recommender(profile as never, { strategy: 'personalised', count: 3 })));
	const summary = update.summary;
	const figures: PopulationFigures = {
		...(JSON.parse(JSON.stringify(stages.summary.populationFigures)) as PopulationFigures),
		// What Build Profile's run summary carries (nodes/BuildProfile/execute.ts).
		...(JSON.parse(JSON.stringify(profilePopulationFigures(summary.observationEnd, profiles))) as PopulationFigures),
	};
	return { rows, profiles, stages, churn, churnModel, recommenderModel, recommendations, figures };
}

/** One customer in real time: their stored row only, the stored figures and models. */
function realTime(row: StoredProfileRow, weekly: ReturnType<typeof weeklyRun>, newEvents: LifecycleEvent[] = []) {
	const figuresText = JSON.stringify(weekly.figures);
	const update = updateStoredProfiles([row], newEvents, { everyCustomer: newEvents.length === 0, populationFigures: readProfilePopulationFigures(figuresText) });
	const profiles = update.profiles;
	const stages = assignLifecycleStages(profiles, { populationFigures: figuresText });
	const churn = scoreChurnProfiles(profiles, { ...HORIZON, storedModel: JSON.parse(weekly.churnModel) });
	const recommender = createRecommender(parseRecommenderModel(JSON.parse(weekly.recommenderModel)));
	return { profiles, stages, churn, recommendations: profiles.map((profile) => JSON.stringify(recommender(profile as never, { strategy: 'personalised', count: 3 }))) };
}

describe('a real-time run of one customer with the stored population figures equals the weekly run', () => {
	const events = shopEvents();
	const weekly = weeklyRun(events);

	it('the sample is a real population (buyers, repeat buyers, churn fitted, products)', () => {
		expect(weekly.profiles.length).toBeGreaterThanOrEqual(300);
		expect(weekly.stages.summary.repeatBuyers).toBeGreaterThan(20);
		expect(new Set(weekly.profiles.map((profile) => profile.rfmScore)).size).toBeGreaterThan(20);
		expect(JSON.parse(weekly.churnModel)).toMatchObject({ source: 'fit', transaction: { kind: 'bgnbd' } });
		expect(weekly.recommendations.filter((text) => JSON.parse(text).recommendations.length === 3).length).toBeGreaterThan(100);
		const stages = weekly.stages.summary.stageCounts as Record<string, number>;
		expect(['first_purchase', 'repeat', 'loyal', 'at_risk', 'lapsed'].filter((stage) => stages[stage] > 0)).toHaveLength(5);
	});

	it('for every customer: the same profile (RFM included), stage, churn scores and recommendations, byte for byte', () => {
		const mismatches: string[] = [];
		weekly.profiles.forEach((profile, index) => {
			const alone = realTime(weekly.rows.get(profile.profileId) as StoredProfileRow, weekly);
			expect(alone.profiles).toHaveLength(1);
			const pairs: Array<[string, string, string]> = [
				['profile', withoutSources(alone.profiles[0]), withoutSources(profile)],
				['stage', withoutItemIndex(alone.stages.assignments[0]), withoutItemIndex(weekly.stages.assignments[index])],
				['churn', withoutItemIndex(alone.churn.scores[0]), withoutItemIndex(weekly.churn.scores[index])],
				['recommendations', alone.recommendations[0], weekly.recommendations[index]],
			];
			for (const [what, got, want] of pairs) if (got !== want) mismatches.push(`${profile.profileId} ${what}:\n  real time ${got}\n  weekly    ${want}`);
		});
		expect(mismatches.slice(0, 3).join('\n')).toBe('');
	});

	it('without the figures, one customer alone is ranked among a batch of one (what the figures prevent)', () => {
		const differs = weekly.profiles.filter((profile) => {
			const alone = updateStoredProfiles([weekly.rows.get(profile.profileId) as StoredProfileRow], [], { everyCustomer: true }).profiles[0];
			return alone.rfmScore !== profile.rfmScore;
		});
		expect(differs.length).toBeGreaterThan(100);
	});

	it('cart events (all an hour after the weekly end) in real time give what the weekly batch over every event and those carts gives each customer, with the stored models', () => {
		const end = Date.parse(weekly.figures.observationEnd as string);
		const customers = weekly.profiles.filter((profile) => profile.customerId !== null).filter((_, index) => index % 10 === 0);
		expect(customers.length).toBeGreaterThanOrEqual(30);
		const carts = customers.map((profile, k) => ({ customerId: profile.customerId, type: 'cart', productId: 'P0001', timestamp: end + 3_600_000, sourceIndex: events.length + k }) as LifecycleEvent);
		const batch = updateStoredProfiles([], [...events, ...carts], { everyCustomer: true }).profiles;
		const batchStages = assignLifecycleStages(batch).assignments;
		const recommender = createRecommender(parseRecommenderModel(JSON.parse(weekly.recommenderModel)));
		customers.forEach((profile, k) => {
			const alone = realTime(weekly.rows.get(profile.profileId) as StoredProfileRow, weekly, [{ ...carts[k], sourceIndex: 0 }]);
			const index = batch.findIndex((candidate) => candidate.profileId === profile.profileId);
			expect(alone.profiles[0].productsInCart).toContain('P0001');
			expect(withoutSources(alone.profiles[0])).toBe(withoutSources(batch[index]));
			expect(withoutItemIndex(alone.stages.assignments[0])).toBe(withoutItemIndex(batchStages[index]));
			const batchChurn = scoreChurnProfiles([batch[index]], { ...HORIZON, storedModel: JSON.parse(weekly.churnModel) });
			expect(withoutItemIndex(alone.churn.scores[0])).toBe(withoutItemIndex(batchChurn.scores[0]));
			expect(alone.recommendations[0]).toBe(JSON.stringify(recommender(batch[index] as never, { strategy: 'personalised', count: 3 })));
		});
	});
});

describe('the same on the CDNOW 1/10 sample (2,357 customers, weeks)', () => {
	it('for every customer: the stored row alone with the stored figures and churn model gives the weekly profile, stage and churn scores', () => {
		const events = cdnowEvents(readCdnowSample());
		const options = { periodUnit: 'week' as const };
		const weekly = updateStoredProfiles([], events, { ...options, everyCustomer: true });
		const stages = assignLifecycleStages(weekly.profiles);
		const fit = scoreChurnProfiles(weekly.profiles, { horizon: 52, horizonUnit: 'week' });
		expect(fit.model).toMatchObject({ source: 'fit' });
		const churnModel = JSON.parse(JSON.stringify(fit.model));
		const churn = scoreChurnProfiles(weekly.profiles, { horizon: 52, horizonUnit: 'week', storedModel: churnModel });
		const figuresText = JSON.stringify({ ...stages.summary.populationFigures, ...profilePopulationFigures(weekly.summary.observationEnd, weekly.profiles) });
		const figures = readProfilePopulationFigures(figuresText);
		const rowOf = new Map(weekly.rows.map((row) => [row.profileId, JSON.parse(JSON.stringify(row)) as StoredProfileRow]));
		expect(weekly.profiles).toHaveLength(2357);
		const mismatches: string[] = [];
		weekly.profiles.forEach((profile, index) => {
			const alone = updateStoredProfiles([rowOf.get(profile.profileId) as StoredProfileRow], [], { ...options, everyCustomer: true, populationFigures: figures }).profiles;
			const pairs: Array<[string, string, string]> = [
				['profile', withoutSources(alone[0]), withoutSources(profile)],
				['stage', withoutItemIndex(assignLifecycleStages(alone, { populationFigures: figuresText }).assignments[0]), withoutItemIndex(stages.assignments[index])],
				['churn', withoutItemIndex(scoreChurnProfiles(alone, { horizon: 52, horizonUnit: 'week', storedModel: churnModel }).scores[0]), withoutItemIndex(churn.scores[index])],
			];
			for (const [what, got, want] of pairs) if (got !== want) mismatches.push(`${profile.profileId} ${what}:\n  real time ${got}\n  weekly    ${want}`);
		});
		expect(mismatches.slice(0, 3).join('\n')).toBe('');
	});
});
