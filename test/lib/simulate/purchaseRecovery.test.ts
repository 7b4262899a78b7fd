// Recovery of the purchase processes: a simulated shop of 20,000 buyers with known BG/NBD and Gamma-Gamma
// parameters; lib/churn fits them back from the simulated summary and from the shop's own order rows read by
// Build Profile (as the Score Churn node would see them).
//
// Stated tolerances: every fitted parameter within 3 standard errors of the truth (the fit's own standard
// errors); mean P(alive) within 0.02 of the share of buyers truly alive; expected purchases in the 13-week
// holdout within 5 % of the simulated holdout purchases; the Gamma-Gamma mean order value within 5 %.
import type { LifecycleEvent } from '../../../lib';
import {
	bgNbdConditionalExpectedPurchases,
	bgNbdProbabilityAlive,
	buildProfiles,
	fitBgNbd,
	fitGammaGamma,
	mapRecordToEvent,
	PRESET_MAPPINGS,
} from '../../../lib';
import { simulateShop } from '../../../lib/simulate';

const TRUTH = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const SPEND = { p: 6.25, q: 3.74, gamma: 15.44 };

// Orders only (no messages, no browsing): the purchase processes are what is tested here.
const shop = simulateShop({
	seed: 2024,
	customers: 20_000,
	purchases: TRUTH,
	spend: SPEND,
	email: { everyDays: 0 },
	sms: { everyDays: 0 },
	browsing: { enabled: false },
	campaign: { enabled: false },
});
const buyers = shop.truth.customers.filter((customer) => customer.buyer);

/** |fitted - truth| / standard error, per parameter. */
function standardDistances<Name extends string>(
	fitted: Record<Name, number>,
	standardErrors: Record<Name, number>,
	truth: Record<Name, number>,
): Record<Name, number> {
	const distances = {} as Record<Name, number>;
	for (const name of Object.keys(truth) as Name[])
		distances[name] = Math.abs(fitted[name] - truth[name]) / standardErrors[name];
	return distances;
}

describe('purchase recovery from a simulated shop (20,000 buyers, 52 weeks, CDNOW-like parameters)', () => {
	it('fitBgNbd on the simulated (x, t_x, T) recovers r, alpha, a, b within 3 standard errors', () => {
		const model = fitBgNbd(
			buyers.map((customer) => ({
				frequency: customer.frequency as number,
				recency: customer.recency as number,
				T: customer.T as number,
			})),
			{ periodUnit: 'week' },
		);
		const distances = standardDistances<keyof typeof TRUTH>(model, model.standardErrors, TRUTH);
		for (const distance of Object.values(distances)) expect(distance).toBeLessThan(3);
	});

	describe('from the order rows through Build Profile (the first 5,000 buyers)', () => {
		const half = new Set(buyers.slice(0, 5_000).map((customer) => customer.customerId));
		const events: LifecycleEvent[] = [];
		shop.events.forEach((row, index) => {
			if (row.event_type === 'order' && half.has(row.customer_id))
				events.push(mapRecordToEvent(row, PRESET_MAPPINGS.csvRows, index) as LifecycleEvent);
		});
		const { profiles } = buildProfiles(events, {
			periodUnit: 'week',
			observationEnd: shop.observationEnd,
		});
		const model = fitBgNbd(profiles, { periodUnit: 'week' });
		const truthOf = new Map(buyers.map((customer) => [customer.customerId, customer]));

		it('recovers the BG/NBD parameters within 3 standard errors (purchases grouped by day, T to the day)', () => {
			expect(profiles).toHaveLength(5_000);
			const distances = standardDistances<keyof typeof TRUTH>(model, model.standardErrors, TRUTH);
			for (const distance of Object.values(distances)) expect(distance).toBeLessThan(3);
		});

		it('predicts who is alive and the holdout purchases that the simulation made', () => {
			const alive =
				profiles.filter((profile) => truthOf.get(profile.customerId as string)!.aliveAtEnd).length /
				profiles.length;
			const meanAlive =
				profiles.reduce((sum, profile) => sum + bgNbdProbabilityAlive(model, profile), 0) /
				profiles.length;
			expect(Math.abs(meanAlive - alive)).toBeLessThan(0.02);
			const predicted = profiles.reduce(
				(sum, profile) => sum + bgNbdConditionalExpectedPurchases(model, profile, 13),
				0,
			);
			const actual = profiles.reduce(
				(sum, profile) =>
					sum + (truthOf.get(profile.customerId as string)!.holdoutPurchases as number),
				0,
			);
			expect(Math.abs(predicted / actual - 1)).toBeLessThan(0.05);
		});

		it('fitGammaGamma on (frequency, monetaryValue) recovers p, q, gamma within 3 standard errors and the mean order value within 5 %', () => {
			const repeaters = profiles
				.filter((profile) => profile.frequency > 0)
				.map((profile) => ({
					frequency: profile.frequency,
					monetaryValue: profile.monetaryValue as number,
				}));
			const spend = fitGammaGamma(repeaters);
			const distances = standardDistances<keyof typeof SPEND>(spend, spend.standardErrors, SPEND);
			for (const distance of Object.values(distances)) expect(distance).toBeLessThan(3);
			const meanOrderValue = (parameters: { p: number; q: number; gamma: number }) =>
				(parameters.p * parameters.gamma) / (parameters.q - 1);
			expect(Math.abs(meanOrderValue(spend) / meanOrderValue(SPEND) - 1)).toBeLessThan(0.05);
		});
	});
});
