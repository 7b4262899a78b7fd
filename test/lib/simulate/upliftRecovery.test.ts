// Recovery of treatment effects: a simulated shop of 20,000 buyers whose randomised campaign has a known uplift
// for every customer; lib/uplift measures the average effect and learns who responds.
//
// Stated tolerances: analyzeExperiment's 95 % intervals cover the true average treatment effect on conversion
// (mean of tau_i over the campaign's customers) and on revenue (mean of tau_i x the customer's expected order
// value); trainUpliftModel (two logistic models) trained on half the customers predicts the other half's true
// uplift with Pearson r > 0.8, and its top fifth has at least 1.5 times the average true uplift.
import { analyzeExperiment, scoreUplift, trainUpliftModel } from '../../../lib';
import { simulateShop } from '../../../lib/simulate';
import { mean, pearson } from '../../support/sampleStatistics';

// Orders and the campaign only: messages and browsing do not enter the campaign's outcomes.
const shop = simulateShop({
	seed: 31,
	customers: 20_000,
	email: { everyDays: 0 },
	sms: { everyDays: 0 },
	browsing: { enabled: false },
});
const truthOf = new Map(shop.truth.customers.map((customer) => [customer.customerId, customer]));
const FEATURES = ['frequency', 'weeksSinceLastPurchase'] as const;

describe('treatment effect recovery from a simulated campaign (about 14,000 emailable buyers, half treated)', () => {
	it('analyzeExperiment: the 95 % intervals cover the true average effects on conversion and revenue', () => {
		const analysis = analyzeExperiment(
			{
				units: shop.campaign.map((row) => ({
					arm: row.arm,
					converted: row.converted,
					revenue: row.revenue,
					messages: row.messages,
				})),
			},
			{ control: 'control', armWeights: { control: 1, treatment: 1 } },
		);
		expect(shop.campaign.length).toBeGreaterThan(12_000);
		const conversion = analysis.comparisons.find(
			(comparison) => comparison.metric === 'conversion',
		)!;
		const revenue = analysis.comparisons.find((comparison) => comparison.metric === 'revenue')!;
		const trueConversionEffect = shop.truth.campaign.averageUplift;
		const trueRevenueEffect = mean(
			shop.campaign.map(
				(row) =>
					truthOf.get(row.customerId)!.uplift! * truthOf.get(row.customerId)!.meanOrderValue!,
			),
		);
		expect(trueConversionEffect).toBeGreaterThan(0.03);
		expect(conversion.absoluteCiLow).toBeLessThanOrEqual(trueConversionEffect);
		expect(conversion.absoluteCiHigh).toBeGreaterThanOrEqual(trueConversionEffect);
		expect(revenue.absoluteCiLow).toBeLessThanOrEqual(trueRevenueEffect);
		expect(revenue.absoluteCiHigh).toBeGreaterThanOrEqual(trueRevenueEffect);
		expect(analysis.sampleRatio?.mismatch).toBe(false);
	});

	it('trainUpliftModel: predicted uplift on held-out customers follows the true uplift', () => {
		const rows = shop.campaign;
		const training = rows.filter((_, index) => index % 2 === 0);
		const heldOut = rows.filter((_, index) => index % 2 === 1);
		const features = (row: (typeof rows)[number]) =>
			Object.fromEntries(FEATURES.map((name) => [name, row[name]]));
		const model = trainUpliftModel(
			training.map((row) => ({
				features: features(row),
				treated: row.arm === 'treatment',
				converted: row.converted,
			})),
			{ featureNames: [...FEATURES] },
		);
		const predicted = heldOut.map((row) => scoreUplift(model, features(row)).uplift);
		const truth = heldOut.map((row) => truthOf.get(row.customerId)!.uplift as number);
		expect(pearson(predicted, truth)).toBeGreaterThan(0.8);
		const order = predicted.map((value, index) => [value, index]).sort((a, b) => b[0] - a[0]);
		const top = order.slice(0, Math.floor(order.length / 5)).map(([, index]) => truth[index]);
		expect(mean(top)).toBeGreaterThan(1.5 * mean(truth));
	});
});
