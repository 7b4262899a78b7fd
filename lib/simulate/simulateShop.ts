/**
 * Simulate a web shop from known processes, for tests, benchmarks and the demo: customers, a catalogue, orders,
 * browsing, email and SMS engagement, consent and a randomised campaign, as the flat rows a shop, a CRM and an
 * email tool would export, together with the truth they were drawn from.
 *
 *   purchases   BG/NBD (lib/churn simulateBgNbd, weeks, continuous time): lambda_i ~ Gamma(r, alpha),
 *               p_i ~ Beta(a, b), first purchase ~ Uniform(0, acquisitionWeeks)            (simulateOrders)
 *   spend       Gamma-Gamma: nu_i ~ Gamma(q, gamma), order value ~ Gamma(p, nu_i)          (simulateOrders)
 *   products    Zipf popularity, category affinity per customer, complements               (simulateCatalog, simulateBasket)
 *   people      country, time zone, names, segment and true best hour, consent, response rates (simulateCustomers)
 *   messages    weekly email, monthly SMS; opens and clicks at the customer's local hours   (simulateMessages)
 *   campaign    heterogeneous treatment effects, logit-linear in frequency and weeks since the last purchase (simulateCampaign)
 * Each part draws from its own seeded stream (deriveRandom), so the same options and seed give the same shop byte
 * for byte, and turning one part off leaves the others unchanged. Events are sorted by time (ties in the order
 * sign-up, order, email, SMS) and numbered E0000001, ...; none is at or after the window's end.
 * Reference: Fader, Hardie & Lee (2005), "Counting your customers the easy way", Marketing Science 24(2):275-284,
 * http://brucehardie.com/papers/018/fader_et_al_mksc_05.pdf ; Fader & Hardie (2013), "The Gamma-Gamma model of
 * monetary value", http://brucehardie.com/notes/025/gamma_gamma.pdf ; the parts' files for the rest.
 *
 * Cost: O(E log E) for E events (about 12 per buyer and 1.4 per email or SMS sent with the defaults).
 * @example simulateShop({ seed: 7, customers: 200 }).events[0]
 *   // { customer_id: 'C00001', email: '...@example.com', timestamp: '2024-03-11T...Z', event_type: 'identify', ... }
 */
import { simulateBgNbd } from '../churn/simulateBgNbd';
import { deriveRandom } from './deriveRandom';
import type { ResolvedShopOptions, ShopOptions } from './resolveShopOptions';
import { resolveShopOptions } from './resolveShopOptions';
import { simulateCampaign } from './simulateCampaign';
import { simulateCatalog } from './simulateCatalog';
import { simulateCustomers } from './simulateCustomers';
import type { SimulatedPerson } from './simulateCustomers';
import { simulateMessages } from './simulateMessages';
import { simulateOrders } from './simulateOrders';
import type { ShopEvent } from './shopEvent';
import { createInstantFormatter, formatInstant, toShopEventRow } from './shopEvent';
import type { CampaignOutcomeRow, ShopCustomerRow, ShopEventRow, ShopProductRow } from './shopRows';

// Globals read once: in vm sandboxes (Jest, n8n task runners) each global lookup is slow.
const { round } = Math;

/** What one customer really is, behind the rows. Purchase fields are null for prospects; times in weeks. */
export interface ShopCustomerTruth {
	customerId: string;
	buyer: boolean;
	segment: string;
	timeZone: string;
	/** True best local hour (0-23) for messages. */
	bestHour: number;
	favouriteCategory: string;
	/** BG/NBD: purchases per week while alive (lambda) and drop-out probability after each purchase (p). */
	purchaseRate: number | null;
	dropoutProbability: number | null;
	/** Not yet dropped out at the window's end. */
	aliveAtEnd: boolean | null;
	/** The model's summary in weeks, continuous time: repeat purchases, last minus first, end minus first. */
	frequency: number | null;
	recency: number | null;
	T: number | null;
	/** Purchases in the holdoutWeeks after the window (never emitted as events). */
	holdoutPurchases: number | null;
	/** Gamma-Gamma: the customer's rate nu and expected order value p / nu. */
	spendRate: number | null;
	meanOrderValue: number | null;
	orders: number;
	revenue: number;
	consentEmail: boolean;
	consentSms: boolean;
	emailOpenRate: number;
	/** True email response rate as Choose Channel counts responses (clicks per email): open rate x click given open. */
	emailClickRate: number;
	smsClickRate: number;
	emailSent: number;
	emailOpened: number;
	emailClicked: number;
	smsSent: number;
	smsClicked: number;
	emailUnsubscribedAt: string | null;
	smsUnsubscribedAt: string | null;
	/** Campaign arm, true conversion probabilities and uplift, potential outcomes; null outside the campaign. */
	campaignArm: string | null;
	controlProbability: number | null;
	treatedProbability: number | null;
	uplift: number | null;
	convertsWithout: boolean | null;
	convertsWith: boolean | null;
	campaignOrderValue: number | null;
}

export interface ShopProductTruth {
	productId: string;
	category: string;
	/** Share of the lines drawn by popularity that go to this product (sums to 1). */
	popularity: number;
	/** The product most often bought in the same basket with this one. */
	complementId: string;
}

export interface ShopTruth {
	customers: ShopCustomerTruth[];
	products: ShopProductTruth[];
	campaign: {
		name: string;
		customers: number;
		treated: number;
		averageUplift: number;
		averageUpliftTreated: number;
		averageControlProbability: number;
		averageTreatedProbability: number;
	};
	counts: {
		people: number;
		buyers: number;
		prospects: number;
		orders: number;
		orderLines: number;
		events: number;
		emailCampaigns: number;
		smsCampaigns: number;
	};
}

export interface SimulatedShop {
	/** Every parameter of the simulation, defaults filled in. */
	options: ResolvedShopOptions;
	/** The window: events are at or after its start (browsing may precede a first purchase at the start) and before its end. */
	observationStart: string;
	observationEnd: string;
	customers: ShopCustomerRow[];
	products: ShopProductRow[];
	events: ShopEventRow[];
	campaign: CampaignOutcomeRow[];
	truth: ShopTruth;
}

function signupEvents(people: ReadonlyArray<SimulatedPerson>): ShopEvent[] {
	const events: ShopEvent[] = [];
	for (const person of people) {
		events.push({ time: person.signedUpAt, person: person.index, type: 'identify' });
		events.push({
			time: person.signedUpAt,
			person: person.index,
			type: 'consent',
			channel: 'email',
			consentGranted: person.consentEmail,
		});
		events.push({
			time: person.signedUpAt,
			person: person.index,
			type: 'consent',
			channel: 'sms',
			consentGranted: person.consentSms,
		});
	}
	return events;
}

/**
 * Events by time, ties in their given order: one numeric sort of keys (seconds since the earliest event) x 2^24 +
 * position, exact below 2^53 (events 1 second apart over 17 years, 16.7 million events); a stable comparator
 * sort beyond that.
 */
function sortByTime(events: ShopEvent[]): ShopEvent[] {
	if (events.length === 0) return events;
	let earliest = Infinity;
	let latest = -Infinity;
	for (const event of events) {
		if (event.time < earliest) earliest = event.time;
		if (event.time > latest) latest = event.time;
	}
	const slots = 2 ** 24;
	if (events.length >= slots || (latest - earliest) / 1000 >= 2 ** 29)
		return events.slice().sort((a, b) => a.time - b.time);
	const keys = new Float64Array(events.length);
	for (let k = 0; k < events.length; k++)
		keys[k] = round((events[k].time - earliest) / 1000) * slots + k;
	keys.sort();
	const sorted: ShopEvent[] = new Array(events.length);
	for (let k = 0; k < keys.length; k++) sorted[k] = events[keys[k] % slots];
	return sorted;
}

function isoOrNull(time: number | null): string | null {
	return time === null ? null : formatInstant(time);
}

export function simulateShop(input: ShopOptions): SimulatedShop {
	const options = resolveShopOptions(input);
	const { seed } = options;
	const catalog = simulateCatalog(options, deriveRandom(seed, 'catalog'));
	const purchases = simulateBgNbd(options.purchases, {
		customers: options.customers,
		observationPeriods: options.weeks,
		acquisitionPeriods: options.acquisitionWeeks,
		holdoutPeriods: options.holdoutWeeks,
		keepPurchaseTimes: true,
		random: deriveRandom(seed, 'purchases'),
	});
	const people = simulateCustomers(
		options,
		purchases.map((customer) => (customer.purchaseTimes as number[])[0]),
		deriveRandom(seed, 'customers'),
	);
	const orders = simulateOrders(
		options,
		people,
		purchases,
		catalog,
		deriveRandom(seed, 'orders'),
		deriveRandom(seed, 'browsing'),
	);
	const email = simulateMessages(options, people, 'email', deriveRandom(seed, 'email'));
	const sms = simulateMessages(options, people, 'sms', deriveRandom(seed, 'sms'));
	const campaign = simulateCampaign(
		options,
		people,
		purchases,
		orders.spend,
		email.counts,
		deriveRandom(seed, 'campaign'),
	);

	const all = [...signupEvents(people), ...orders.events, ...email.events, ...sms.events];
	const width = Math.max(7, String(all.length).length);
	const format = createInstantFormatter();
	const events = sortByTime(all).map((event, k) =>
		toShopEventRow(event, people, options.currency, `E${`${k + 1}`.padStart(width, '0')}`, format),
	);

	const campaignByCustomer = new Map(campaign.truth.map((entry) => [entry.customerId, entry]));
	const customers: ShopCustomerTruth[] = people.map((person) => {
		const bought = person.buyer ? purchases[person.index] : undefined;
		const spent = person.buyer ? orders.spend[person.index] : undefined;
		const treatment = campaignByCustomer.get(person.customerId);
		const favourite = person.categoryAffinity.indexOf(Math.max(...person.categoryAffinity));
		return {
			customerId: person.customerId,
			buyer: person.buyer,
			segment: person.segment,
			timeZone: person.timeZone,
			bestHour: person.bestHour,
			favouriteCategory: catalog.categories[favourite],
			purchaseRate: bought?.purchaseRate ?? null,
			dropoutProbability: bought?.dropoutProbability ?? null,
			aliveAtEnd: bought ? bought.alive : null,
			frequency: bought ? bought.frequency : null,
			recency: bought ? bought.recency : null,
			T: bought ? bought.T : null,
			holdoutPurchases: bought ? bought.holdoutPurchases : null,
			spendRate: spent?.spendRate ?? null,
			meanOrderValue: spent?.meanOrderValue ?? null,
			orders: spent?.orders ?? 0,
			revenue: spent?.revenue ?? 0,
			consentEmail: person.consentEmail,
			consentSms: person.consentSms,
			emailOpenRate: person.emailOpenRate,
			emailClickRate: person.emailOpenRate * person.emailClickGivenOpen,
			smsClickRate: person.smsClickRate,
			emailSent: email.counts[person.index].sent,
			emailOpened: email.counts[person.index].opened,
			emailClicked: email.counts[person.index].clicked,
			smsSent: sms.counts[person.index].sent,
			smsClicked: sms.counts[person.index].clicked,
			emailUnsubscribedAt: isoOrNull(email.counts[person.index].unsubscribedAt),
			smsUnsubscribedAt: isoOrNull(sms.counts[person.index].unsubscribedAt),
			campaignArm: treatment?.arm ?? null,
			controlProbability: treatment?.controlProbability ?? null,
			treatedProbability: treatment?.treatedProbability ?? null,
			uplift: treatment?.uplift ?? null,
			convertsWithout: treatment?.convertsWithout ?? null,
			convertsWith: treatment?.convertsWith ?? null,
			campaignOrderValue: treatment?.orderValue ?? null,
		};
	});

	return {
		options,
		observationStart: formatInstant(options.startMillis),
		observationEnd: formatInstant(options.endMillis),
		customers: people.map((person) => ({
			customerId: person.customerId,
			email: person.email,
			firstName: person.firstName,
			lastName: person.lastName,
			phone: person.phone,
			country: person.country,
			timeZone: person.timeZone,
			segment: person.segment,
			signedUpAt: formatInstant(person.signedUpAt),
			consentEmail: person.consentEmail,
			consentSms: person.consentSms,
		})),
		products: catalog.products,
		events,
		campaign: campaign.rows,
		truth: {
			customers,
			products: catalog.products.map((product, k) => ({
				productId: product.productId,
				category: product.category,
				popularity: catalog.popularity[k],
				complementId: catalog.products[catalog.complementOf[k]].productId,
			})),
			campaign: {
				name: options.campaign.name,
				customers: campaign.truth.length,
				treated: campaign.rows.filter((row) => row.arm === options.campaign.treatedArm).length,
				averageUplift: campaign.averageUplift,
				averageUpliftTreated: campaign.averageUpliftTreated,
				averageControlProbability: campaign.averageControlProbability,
				averageTreatedProbability: campaign.averageTreatedProbability,
			},
			counts: {
				people: people.length,
				buyers: options.customers,
				prospects: options.prospects,
				orders: orders.orderCount,
				orderLines: orders.lineCount,
				events: events.length,
				emailCampaigns: email.sendTimes.length,
				smsCampaigns: sms.sendTimes.length,
			},
		},
	};
}
