/**
 * Options of simulateShop: every parameter of the processes the shop is drawn from, with defaults that make a
 * small web shop like those in the public BTYD data. Parsed with zod; a bad option throws a LifecycleInputError
 * that names the option and the need.
 *
 * Defaults and where they come from:
 *   purchases (BG/NBD, per week)  r = 0.243, alpha = 4.414, a = 0.793, b = 2.426   CDNOW fit, Fader, Hardie & Lee (2005)
 *   spend (Gamma-Gamma)           p = 6.25, q = 3.74, gamma = 15.44 (mean order 35)  CDNOW fit, Fader & Hardie (2013)
 *   email                         open rate ~ Beta(4, 12) (mean 25 %), click given open ~ Beta(2, 8) (mean 20 %),
 *                                 weekly newsletter, 70 % consent, 0.2 % unsubscribe per message
 *   sms                           click rate ~ Beta(3, 22) (mean 12 %), every 4 weeks, 30 % consent
 *   send time                     70 % of a customer's opens and clicks at its best local hour +- N(0, 1 h),
 *                                 30 % spread over 07:00-22:59 local time
 *   campaign                      logit P(convert | control) = -2.2 + 0.25 f - 0.05 g, the treatment adds
 *                                 0.1 - 0.12 f + 0.045 g to the logit (f = min(frequency, 10), g = weeks since the
 *                                 last purchase): lapsing customers respond, frequent recent buyers buy anyway
 * Reference: Fader, Hardie & Lee (2005), Marketing Science 24(2), http://brucehardie.com/papers/018/fader_et_al_mksc_05.pdf ;
 * Fader & Hardie (2013), "The Gamma-Gamma model of monetary value", http://brucehardie.com/notes/025/gamma_gamma.pdf
 *
 * Cost: O(1).
 * @example resolveShopOptions({ seed: 1 }).customers // 500
 */
import { z } from 'zod';

import { LifecycleInputError } from '../errors';
import { parseTimestamp } from '../profile/parseTimestamp';
import { SHOP_CATEGORIES } from './shopVocabulary';

const positive = z.number().finite().positive();
const share = z.number().finite().min(0).max(1);
const betaShape = z.object({ alpha: positive, beta: positive }).strict();

const logitTerms = z
	.object({
		intercept: z.number().finite(),
		/** Per repeat purchase (frequency capped at 10). */
		frequency: z.number().finite(),
		/** Per week since the last purchase (capped at 52). */
		weeksSinceLastPurchase: z.number().finite(),
	})
	.strict();

export const ShopOptionsSchema = z
	.object({
		/** Seed of every random draw: the same options and seed give the same shop, byte for byte. */
		seed: z.number().finite(),
		/** Buyers: customers with a first purchase in the acquisition window. */
		customers: z.number().int().min(1).max(2_000_000).default(500),
		/** Sign-ups who never buy; default 10 % of customers. */
		prospects: z.number().int().min(0).max(2_000_000).optional(),
		/** First day of the observation window (UTC), ISO 8601. */
		start: z.string().default('2024-03-11'),
		/** Length of the observation window in weeks; the shop's data ends there. */
		weeks: positive.max(520).default(52),
		/** First purchases are spread uniformly over the first acquisitionWeeks. */
		acquisitionWeeks: z.number().finite().min(0).default(39),
		/** Weeks after the window in which purchases are counted for the truth (never emitted as events). */
		holdoutWeeks: z.number().finite().min(0).max(520).default(13),
		currency: z
			.string()
			.regex(/^[A-Z]{3}$/, 'to be an ISO 4217 code such as EUR')
			.default('EUR'),
		purchases: z
			.object({ r: positive, alpha: positive, a: positive, b: positive })
			.strict()
			.default({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }),
		spend: z
			.object({ p: positive, q: positive, gamma: positive })
			.strict()
			.default({ p: 6.25, q: 3.74, gamma: 15.44 }),
		catalog: z
			.object({
				products: z.number().int().min(1).max(100_000).default(120),
				categories: z.number().int().min(1).max(SHOP_CATEGORIES.length).default(8),
				/** Zipf exponent s of product popularity within the catalogue: weight of rank k is 1 / k^s. */
				popularityExponent: z.number().finite().min(0).max(5).default(1),
				/** Chance that a line brings the product's complement into the same basket. */
				complementProbability: share.default(0.35),
				/** Dirichlet concentration of each customer's category affinity (small: a few favourite categories). */
				categoryConcentration: positive.default(0.5),
				/** Mean number of distinct products in an order (1 + geometric). */
				meanLines: z.number().finite().min(1).max(50).default(2.2),
				/** Share of products out of stock. */
				outOfStockShare: share.default(0.05),
			})
			.strict()
			.default({}),
		browsing: z
			.object({
				/** Views and add-to-cart events around orders, and abandoned carts; false for orders only. */
				enabled: z.boolean().default(true),
				/** Extra product views (same category) before each order, on average. */
				viewsPerOrder: z.number().finite().min(0).max(50).default(1.5),
				/** Chance per buyer of one abandoned cart (viewed and carted, not bought) in the window. */
				abandonedCartShare: share.default(0.3),
			})
			.strict()
			.default({}),
		email: z
			.object({
				consent: share.default(0.7),
				/** Days between newsletters; 0 = no email. */
				everyDays: z.number().int().min(0).max(365).default(7),
				openRate: betaShape.default({ alpha: 4, beta: 12 }),
				clickGivenOpen: betaShape.default({ alpha: 2, beta: 8 }),
				unsubscribeRate: share.default(0.002),
			})
			.strict()
			.default({}),
		sms: z
			.object({
				consent: share.default(0.3),
				/** Days between text messages; 0 = no SMS. */
				everyDays: z.number().int().min(0).max(365).default(28),
				clickRate: betaShape.default({ alpha: 3, beta: 22 }),
				unsubscribeRate: share.default(0.005),
			})
			.strict()
			.default({}),
		sendTime: z
			.object({
				/** Share of opens and clicks around the customer's best hour (the rest spread over 07:00-22:59). */
				peakShare: share.default(0.7),
				/** Standard deviation in hours of an engagement around the best hour. */
				spreadHours: z.number().finite().min(0).max(6).default(1),
			})
			.strict()
			.default({}),
		campaign: z
			.object({
				enabled: z.boolean().default(true),
				name: z.string().min(1).default('win-back'),
				/** Arm names as Measure Uplift's Assign step writes them. */
				treatedArm: z.string().min(1).default('treatment'),
				controlArm: z.string().min(1).default('control'),
				/** Share of the campaign's customers in the treated arm (the rest is the holdout). */
				treatedShare: z.number().finite().gt(0).lt(1).default(0.5),
				/** Days after the window's end in which a conversion counts. */
				windowDays: z.number().finite().positive().max(365).default(30),
				baseline: logitTerms.default({
					intercept: -2.2,
					frequency: 0.25,
					weeksSinceLastPurchase: -0.05,
				}),
				effect: logitTerms.default({
					intercept: 0.1,
					frequency: -0.12,
					weeksSinceLastPurchase: 0.045,
				}),
			})
			.strict()
			.default({}),
	})
	.strict();

export type ShopOptions = z.input<typeof ShopOptionsSchema>;
export type ResolvedShopOptions = Omit<z.output<typeof ShopOptionsSchema>, 'prospects'> & {
	prospects: number;
	/** The window's start and end in ms since epoch. */
	startMillis: number;
	endMillis: number;
};

export const MS_PER_WEEK = 7 * 86_400_000;

/** The instant (ms, whole seconds) `weeks` weeks after the window's start. */
export function instantAtWeek(
	options: Pick<ResolvedShopOptions, 'startMillis'>,
	weeks: number,
): number {
	return Math.round((options.startMillis + weeks * MS_PER_WEEK) / 1000) * 1000;
}

export function resolveShopOptions(options: ShopOptions): ResolvedShopOptions {
	const parsed = ShopOptionsSchema.safeParse(options);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const path = issue.path.join('.') || 'options';
		throw new LifecycleInputError(`simulateShop requires a valid ${path}: ${issue.message}`, {
			field: path,
			hint: 'See resolveShopOptions for every option and its default',
		});
	}
	const resolved = parsed.data;
	const parsedStart = parseTimestamp(resolved.start);
	if (parsedStart === undefined) {
		throw new LifecycleInputError(
			`simulateShop requires start to be an ISO 8601 date such as 2024-03-11; got ${JSON.stringify(resolved.start)}`,
			{ field: 'start' },
		);
	}
	const startMillis = Math.floor(parsedStart / 1000) * 1000;
	if (resolved.acquisitionWeeks > resolved.weeks) {
		throw new LifecycleInputError(
			`simulateShop requires acquisitionWeeks <= weeks; got ${resolved.acquisitionWeeks} > ${resolved.weeks}`,
			{ field: 'acquisitionWeeks' },
		);
	}
	if (resolved.catalog.categories > resolved.catalog.products) {
		throw new LifecycleInputError(
			`simulateShop requires catalog.categories <= catalog.products; got ${resolved.catalog.categories} > ${resolved.catalog.products}`,
			{
				field: 'catalog.categories',
			},
		);
	}
	return {
		...resolved,
		prospects: resolved.prospects ?? Math.round(resolved.customers * 0.1),
		startMillis,
		endMillis: startMillis + resolved.weeks * MS_PER_WEEK,
	};
}
