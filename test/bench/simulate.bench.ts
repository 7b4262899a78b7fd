// `npm run bench -- simulate`: the shop simulator. Time and size of a full shop (orders, browsing, email, SMS,
// campaign) at 1,000 and 20,000 buyers, of an orders-only shop at 100,000, the CSV text of the events,
// and the BG/NBD parameters fitted back from the simulated summary of the largest one.
import { fitBgNbd } from '../../lib/churn';
import { formatCsv, SHOP_EVENT_COLUMNS, simulateShop } from '../../lib/simulate';
import type { ShopOptions } from '../../lib/simulate';
import { peakMemoryMb, report, time } from './report';

const ORDERS_ONLY: Partial<ShopOptions> = {
	email: { everyDays: 0 },
	sms: { everyDays: 0 },
	browsing: { enabled: false },
	campaign: { enabled: false },
};

function round(value: number, digits = 4): number {
	const factor = 10 ** digits;
	return Math.round(value * factor) / factor;
}

for (const customers of [1_000, 20_000]) {
	const { result: shop, ms } = time(() => simulateShop({ seed: 1, customers }), {
		warmUp: customers === 1_000,
	});
	const csv = time(() => formatCsv(shop.events, SHOP_EVENT_COLUMNS), { warmUp: false });
	report('simulate.shop.full', customers, ms, {
		events: shop.events.length,
		orders: shop.truth.counts.orders,
		orderLines: shop.truth.counts.orderLines,
		campaignCustomers: shop.truth.campaign.customers,
		eventsPerSecond: Math.round(shop.events.length / (ms / 1000)),
		csvMs: round(csv.ms, 1),
		csvMb: round(csv.result.length / 1048576, 1),
		peakMemoryMb: peakMemoryMb(),
	});
}

{
	const customers = 100_000;
	const { result: shop, ms } = time(() => simulateShop({ seed: 2, customers, ...ORDERS_ONLY }), {
		warmUp: false,
	});
	const buyers = shop.truth.customers.filter((customer) => customer.buyer);
	const fit = time(
		() =>
			fitBgNbd(
				buyers.map((customer) => ({
					frequency: customer.frequency as number,
					recency: customer.recency as number,
					T: customer.T as number,
				})),
				{ periodUnit: 'week' },
			),
		{
			warmUp: false,
		},
	);
	const truth = shop.options.purchases;
	report('simulate.shop.ordersOnly', customers, ms, {
		events: shop.events.length,
		orders: shop.truth.counts.orders,
		fitMs: round(fit.ms, 1),
		r: round(fit.result.r),
		alpha: round(fit.result.alpha),
		a: round(fit.result.a),
		b: round(fit.result.b),
		maxStandardErrorsFromTruth: round(
			Math.max(
				...(['r', 'alpha', 'a', 'b'] as const).map(
					(name) => Math.abs(fit.result[name] - truth[name]) / fit.result.standardErrors[name],
				),
			),
			2,
		),
		peakMemoryMb: peakMemoryMb(),
	});
}
