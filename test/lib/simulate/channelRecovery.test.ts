// Recovery of channel preferences: a simulated shop of 2,000 buyers with known response rates per channel and a
// known best local hour; its event rows go through Build Profile, then lib/channel estimates them back.
//
// Stated tolerances: the fitted population response rate within 10 % (email) and 15 % (SMS, fewer customers and
// sends) of the true mean rate of the consented customers; per-customer posterior email rates correlated with the
// true rates (Pearson r > 0.5, customers with 10+ emails); the chosen send hour within +-1 h of the true best
// hour for 85 % of customers with 10+ opens and clicks; the channel of higher true expected value chosen for 75 %
// of customers who can get both.
import type { LifecycleEvent } from '../../../lib';
import { buildProfiles, chooseChannels, fitChannelPriors, mapRecordToEvent } from '../../../lib';
import { SHOP_EVENT_MAPPING, simulateShop } from '../../../lib/simulate';
import { mean, pearson } from '../../support/sampleStatistics';

const shop = simulateShop({
	seed: 5,
	customers: 2_000,
	browsing: { enabled: false },
	campaign: { enabled: false },
});
const events: LifecycleEvent[] = shop.events.map(
	(row, index) => mapRecordToEvent(row, SHOP_EVENT_MAPPING, index) as LifecycleEvent,
);
const { profiles } = buildProfiles(events, {
	periodUnit: 'week',
	observationEnd: shop.observationEnd,
});
const truthOf = new Map(shop.truth.customers.map((customer) => [customer.customerId, customer]));

const VALUE = 10;
const COST = { email: 0.01, sms: 0.05 };
// Decide just after the window, with no quiet hours, so the send hour is the estimated best hour itself.
const options = {
	now: shop.observationEnd,
	channels: [
		{ name: 'email', valuePerResponse: VALUE, costPerMessage: COST.email },
		{ name: 'sms', valuePerResponse: VALUE, costPerMessage: COST.sms },
	],
	quietHours: null,
	policy: 'expectedValue' as const,
};

function hoursApart(a: number, b: number): number {
	const distance = Math.abs(a - b) % 24;
	return Math.min(distance, 24 - distance);
}

describe('channel preference recovery from a simulated shop (2,000 buyers, weekly email, monthly SMS)', () => {
	it('fits population response rates (clicks per message) close to the true mean rates', () => {
		const priors = fitChannelPriors(profiles, options);
		const email = shop.truth.customers
			.filter((customer) => customer.consentEmail)
			.map((customer) => customer.emailClickRate);
		const sms = shop.truth.customers
			.filter((customer) => customer.consentSms)
			.map((customer) => customer.smsClickRate);
		const fittedMean = (channel: 'email' | 'sms') =>
			priors.response[channel].alpha /
			(priors.response[channel].alpha + priors.response[channel].beta);
		expect(priors.responseFit.email.fitted && priors.responseFit.sms.fitted).toBe(true);
		expect(Math.abs(fittedMean('email') / mean(email) - 1)).toBeLessThan(0.1);
		expect(Math.abs(fittedMean('sms') / mean(sms) - 1)).toBeLessThan(0.15);
	});

	const { decisions } = chooseChannels(profiles, options);

	it('ranks customers by their true email response rate (posterior means, 10+ emails)', () => {
		const estimated: number[] = [];
		const truth: number[] = [];
		for (const decision of decisions) {
			const customer = truthOf.get(decision.customerId as string)!;
			if (decision.responseRates.email === undefined || customer.emailSent < 10) continue;
			estimated.push(decision.responseRates.email);
			truth.push(customer.emailClickRate);
		}
		expect(estimated.length).toBeGreaterThan(1000);
		expect(pearson(estimated, truth)).toBeGreaterThan(0.5);
	});

	it("finds each customer's best local hour from the opens and clicks (within 1 h for 85 % with 10+ engagements)", () => {
		let customers = 0;
		let within = 0;
		for (const decision of decisions) {
			if (decision.bestHour === null || decision.bestHourEngagements < 10) continue;
			customers++;
			if (hoursApart(decision.bestHour, truthOf.get(decision.customerId as string)!.bestHour) <= 1)
				within++;
		}
		expect(customers).toBeGreaterThan(400);
		expect(within / customers).toBeGreaterThan(0.85);
	});

	it('chooses the channel of higher true expected value for 75 % of customers eligible for both', () => {
		let customers = 0;
		let right = 0;
		for (const decision of decisions) {
			if (decision.eligibleChannels.length !== 2) continue;
			const customer = truthOf.get(decision.customerId as string)!;
			const best =
				VALUE * customer.emailClickRate - COST.email >= VALUE * customer.smsClickRate - COST.sms
					? 'email'
					: 'sms';
			customers++;
			if (decision.channel === best) right++;
		}
		expect(customers).toBeGreaterThan(300);
		expect(right / customers).toBeGreaterThan(0.75);
	});

	it('never picks a channel the customer did not consent to or unsubscribed from', () => {
		const violations = decisions.filter((decision) => {
			const customer = truthOf.get(decision.customerId as string)!;
			if (decision.channel === 'email')
				return !customer.consentEmail || customer.emailUnsubscribedAt !== null;
			if (decision.channel === 'sms')
				return !customer.consentSms || customer.smsUnsubscribedAt !== null;
			return false;
		});
		expect(violations).toEqual([]);
	});
});
