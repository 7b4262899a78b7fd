/**
 * The shop's people: buyers (acquired at their first purchase, from the BG/NBD simulation) and prospects (signed
 * up, never bought), each with an identity, a place and the traits that drive their behaviour.
 *
 *   country ~ Categorical(SHOP_COUNTRIES shares), time zone = the country's; names drawn from the country's lists
 *   segment ~ Categorical(SHOP_SEGMENTS shares); true best hour ~ Uniform(segment's peak hours)   (local time)
 *   consent: email ~ Bernoulli(email.consent), sms ~ Bernoulli(sms.consent), at sign-up
 *   email open rate ~ Beta(openRate), click given open ~ Beta(clickGivenOpen); sms click rate ~ Beta(clickRate)
 *   category affinity ~ Dirichlet(categoryConcentration, ..., categoryConcentration)
 *   prospects sign up at a time ~ Uniform(window)
 * Emails are unique addresses at example.com (RFC 2606: never deliverable). Phone numbers use the country code
 * +999, which ITU-T has not assigned (E.164), so no simulated number belongs to a real subscriber.
 * Reference: ITU-T E.164 list of assigned country codes, https://www.itu.int/pub/T-SP-E.164D ; RFC 2606,
 * https://www.rfc-editor.org/rfc/rfc2606
 *
 * Cost: O(n + prospects) for n buyers.
 * @example simulateCustomers(resolveShopOptions({ seed: 1 }), [0, 3.5], deriveRandom(1, 'customers'))[0].customerId // 'C00001'
 */
import { sampleBeta } from '../stats/sampleBeta';
import type { RandomSource } from '../stats/seededRandom';
import type { ResolvedShopOptions } from './resolveShopOptions';
import { instantAtWeek } from './resolveShopOptions';
import { sampleDirichlet } from './sampleDirichlet';
import type { ShopCountry, ShopSegment } from './shopVocabulary';
import { SHOP_COUNTRIES, SHOP_SEGMENTS } from './shopVocabulary';
import { weightedSampler } from './weightedSampler';

// Globals read once: in vm sandboxes (Jest, n8n task runners) each global lookup is slow.
const { floor, max } = Math;

export interface SimulatedPerson {
	index: number;
	customerId: string;
	email: string;
	firstName: string;
	lastName: string;
	phone: string;
	country: string;
	timeZone: string;
	segment: string;
	/** True best local hour (0-23) for messages. */
	bestHour: number;
	/** Sign-up instant (ms): the first purchase for buyers. */
	signedUpAt: number;
	buyer: boolean;
	consentEmail: boolean;
	consentSms: boolean;
	emailOpenRate: number;
	emailClickGivenOpen: number;
	smsClickRate: number;
	/** Share of each of the catalogue's categories in the person's purchases. */
	categoryAffinity: number[];
}

/** Lower-case ASCII for an email's local part: accents dropped, anything else removed. */
function emailWord(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '');
}

function pick<T>(values: readonly T[], random: RandomSource): T {
	return values[floor(random() * values.length)];
}

/**
 * People in id order: buyers first (their acquisition times in weeks since the window start, as given), then prospects.
 */
export function simulateCustomers(
	options: ResolvedShopOptions,
	acquisitionWeeks: ReadonlyArray<number>,
	random: RandomSource,
): SimulatedPerson[] {
	const total = acquisitionWeeks.length + options.prospects;
	const width = max(5, String(total).length);
	const phoneWidth = max(8, String(total).length);
	const countryOf = weightedSampler(SHOP_COUNTRIES.map((country) => country.share));
	const segmentOf = weightedSampler(SHOP_SEGMENTS.map((segment) => segment.share));
	const concentrations = new Array<number>(options.catalog.categories).fill(
		options.catalog.categoryConcentration,
	);
	const people: SimulatedPerson[] = new Array(total);
	for (let index = 0; index < total; index++) {
		const buyer = index < acquisitionWeeks.length;
		const weeks = buyer ? acquisitionWeeks[index] : random() * options.weeks;
		const country: ShopCountry = SHOP_COUNTRIES[countryOf(random)];
		const segment: ShopSegment = SHOP_SEGMENTS[segmentOf(random)];
		const firstName = pick(country.firstNames, random);
		const lastName = pick(country.lastNames, random);
		const customerId = `C${`${index + 1}`.padStart(width, '0')}`;
		people[index] = {
			index,
			customerId,
			email: `${emailWord(firstName)}.${emailWord(lastName)}.${index + 1}@example.com`,
			firstName,
			lastName,
			phone: `+999${`${index + 1}`.padStart(phoneWidth, '0')}`,
			country: country.code,
			timeZone: country.timeZone,
			segment: segment.name,
			bestHour: pick(segment.peakHours, random),
			signedUpAt: instantAtWeek(options, weeks),
			buyer,
			consentEmail: random() < options.email.consent,
			consentSms: random() < options.sms.consent,
			emailOpenRate: sampleBeta(options.email.openRate.alpha, options.email.openRate.beta, random),
			emailClickGivenOpen: sampleBeta(
				options.email.clickGivenOpen.alpha,
				options.email.clickGivenOpen.beta,
				random,
			),
			smsClickRate: sampleBeta(options.sms.clickRate.alpha, options.sms.clickRate.beta, random),
			categoryAffinity: sampleDirichlet(concentrations, random),
		};
	}
	return people;
}
