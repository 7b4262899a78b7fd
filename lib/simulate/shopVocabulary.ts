/**
 * Shop vocabulary: the fixed word lists the simulator draws names, places and products from. Data only, so
 * that a simulated shop reads like a small European gift and home-goods web shop with customers abroad.
 *
 * Countries carry an ISO 3166-1 alpha-2 code, one IANA time zone each (the one most of their customers live
 * in), a share of the customer base, and first and last names common there. Phone numbers are built from
 * ranges reserved for fiction (see simulateCustomers), emails use example.com (RFC 2606).
 * Reference: IANA tz database, https://www.iana.org/time-zones ; ISO 3166-1, https://www.iso.org/iso-3166-country-codes.html
 *
 * Cost: O(1) (constants).
 * @example SHOP_COUNTRIES[0] // { code: 'DE', timeZone: 'Europe/Berlin', share: 0.24, ... }
 */

export interface ShopCountry {
	/** ISO 3166-1 alpha-2. */
	code: string;
	/** IANA time zone of the customers from this country. */
	timeZone: string;
	/** Share of the customer base (the shares sum to 1). */
	share: number;
	firstNames: readonly string[];
	lastNames: readonly string[];
}

export const SHOP_COUNTRIES: readonly ShopCountry[] = [
	{
		code: 'DE',
		timeZone: 'Europe/Berlin',
		share: 0.24,
		firstNames: [
			'Anna',
			'Lukas',
			'Marie',
			'Felix',
			'Sophie',
			'Jonas',
			'Lena',
			'Paul',
			'Emma',
			'Leon',
		],
		lastNames: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker'],
	},
	{
		code: 'GB',
		timeZone: 'Europe/London',
		share: 0.2,
		firstNames: [
			'Oliver',
			'Amelia',
			'George',
			'Isla',
			'Harry',
			'Ava',
			'Jack',
			'Emily',
			'Charlie',
			'Grace',
		],
		lastNames: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Evans', 'Thomas'],
	},
	{
		code: 'FR',
		timeZone: 'Europe/Paris',
		share: 0.14,
		firstNames: [
			'Louise',
			'Gabriel',
			'Jade',
			'Raphaël',
			'Alice',
			'Arthur',
			'Chloé',
			'Hugo',
			'Léa',
			'Jules',
		],
		lastNames: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand'],
	},
	{
		code: 'NL',
		timeZone: 'Europe/Amsterdam',
		share: 0.08,
		firstNames: ['Daan', 'Julia', 'Sem', 'Tess', 'Lucas', 'Sara', 'Finn', 'Noor', 'Levi', 'Fenna'],
		lastNames: [
			'de Jong',
			'Jansen',
			'de Vries',
			'van den Berg',
			'Bakker',
			'Visser',
			'Smit',
			'Meijer',
		],
	},
	{
		code: 'ES',
		timeZone: 'Europe/Madrid',
		share: 0.08,
		firstNames: [
			'Lucía',
			'Hugo',
			'Sofía',
			'Martín',
			'Martina',
			'Mateo',
			'María',
			'Leo',
			'Paula',
			'Daniel',
		],
		lastNames: [
			'García',
			'Rodríguez',
			'González',
			'Fernández',
			'López',
			'Martínez',
			'Sánchez',
			'Pérez',
		],
	},
	{
		code: 'US',
		timeZone: 'America/New_York',
		share: 0.12,
		firstNames: [
			'Liam',
			'Olivia',
			'Noah',
			'Emma',
			'James',
			'Charlotte',
			'Elijah',
			'Mia',
			'Henry',
			'Harper',
		],
		lastNames: ['Johnson', 'Miller', 'Davis', 'Garcia', 'Moore', 'Anderson', 'Jackson', 'White'],
	},
	{
		code: 'CA',
		timeZone: 'America/Vancouver',
		share: 0.04,
		firstNames: [
			'Ethan',
			'Chloe',
			'Logan',
			'Zoe',
			'Owen',
			'Maya',
			'Nathan',
			'Lily',
			'Ryan',
			'Hannah',
		],
		lastNames: ['Tremblay', 'Roy', 'Gagnon', 'Lee', 'Wong', 'Campbell', 'Stewart', 'MacDonald'],
	},
	{
		code: 'AU',
		timeZone: 'Australia/Sydney',
		share: 0.05,
		firstNames: [
			'Oliver',
			'Charlotte',
			'Noah',
			'Amelia',
			'William',
			'Olivia',
			'Jack',
			'Isla',
			'Leo',
			'Mia',
		],
		lastNames: ['Smith', 'Nguyen', 'Kelly', 'Walker', 'Harris', 'Ryan', 'King', 'Mitchell'],
	},
	{
		code: 'JP',
		timeZone: 'Asia/Tokyo',
		share: 0.05,
		firstNames: ['Haruto', 'Yui', 'Sota', 'Hina', 'Ren', 'Aoi', 'Yuto', 'Sakura', 'Riku', 'Mei'],
		lastNames: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura'],
	},
];

/**
 * Customer segments: when in the (local) day a customer reads messages. The true best hour of each customer
 * is one of its segment's hours; Choose Channel shrinks thin histories towards the segment's pattern.
 */
export interface ShopSegment {
	name: string;
	/** Local hours (0-23) a customer of this segment may peak at. */
	peakHours: readonly number[];
	share: number;
}

export const SHOP_SEGMENTS: readonly ShopSegment[] = [
	{ name: 'early riser', peakHours: [7, 8], share: 0.2 },
	{ name: 'lunch break', peakHours: [12, 13], share: 0.25 },
	{ name: 'after work', peakHours: [18, 19, 20], share: 0.4 },
	{ name: 'night owl', peakHours: [22, 23], share: 0.15 },
];

/** Product categories with the words their titles are made of and the median price in the shop's currency. */
export interface ShopCategory {
	name: string;
	medianPrice: number;
	adjectives: readonly string[];
	nouns: readonly string[];
	/** The category whose products are bought with this one's most often (the complement structure). */
	complementCategory: string;
}

export const SHOP_CATEGORIES: readonly ShopCategory[] = [
	{
		name: 'Kitchen',
		medianPrice: 14,
		adjectives: ['Enamel', 'Ceramic', 'Bamboo', 'Copper', 'Striped', 'Vintage'],
		nouns: [
			'Mug',
			'Teapot',
			'Cake Tin',
			'Apron',
			'Tea Towel',
			'Measuring Jug',
			'Lunch Box',
			'Cutlery Set',
		],
		complementCategory: 'Tableware',
	},
	{
		name: 'Tableware',
		medianPrice: 12,
		adjectives: ['Blue Floral', 'Stoneware', 'Glazed', 'Rustic', 'Gold Rim', 'Speckled'],
		nouns: [
			'Plate',
			'Bowl',
			'Serving Dish',
			'Napkin Set',
			'Glass Tumbler',
			'Coaster Set',
			'Jug',
			'Cake Stand',
		],
		complementCategory: 'Kitchen',
	},
	{
		name: 'Lighting',
		medianPrice: 24,
		adjectives: ['White Hanging', 'Glass', 'Rattan', 'Industrial', 'Moroccan', 'Paper'],
		nouns: [
			'Lantern',
			'T-Light Holder',
			'Lamp Shade',
			'Fairy Lights',
			'Candle Set',
			'Desk Lamp',
			'Star Light',
		],
		complementCategory: 'Home Decor',
	},
	{
		name: 'Home Decor',
		medianPrice: 18,
		adjectives: ['Heart', 'Botanical', 'Woven', 'Wooden', 'Scandi', 'Velvet'],
		nouns: [
			'Cushion Cover',
			'Wall Art',
			'Photo Frame',
			'Vase',
			'Doorstop',
			'Clock',
			'Mirror',
			'Throw',
		],
		complementCategory: 'Lighting',
	},
	{
		name: 'Garden',
		medianPrice: 16,
		adjectives: ['Galvanised', 'Terracotta', 'Bird', 'Solar', 'Herb', 'Zinc'],
		nouns: [
			'Watering Can',
			'Plant Pot',
			'Bird Feeder',
			'Garden Tool Set',
			'Seed Tin',
			'Kneeler',
			'Trug',
		],
		complementCategory: 'Home Decor',
	},
	{
		name: 'Stationery',
		medianPrice: 6,
		adjectives: ['Retro', 'Spotty', 'Kraft', 'Marbled', 'Pastel', 'Dinosaur'],
		nouns: [
			'Notebook',
			'Pencil Case',
			'Greeting Card',
			'Sticker Set',
			'Wrapping Paper',
			'Gift Tag',
			'Journal',
		],
		complementCategory: 'Party',
	},
	{
		name: 'Party',
		medianPrice: 5,
		adjectives: ['Paper', 'Glitter', 'Rainbow', 'Polka Dot', 'Pirate', 'Unicorn'],
		nouns: ['Bunting', 'Party Cups', 'Balloons', 'Cake Cases', 'Party Bags', 'Napkins', 'Candles'],
		complementCategory: 'Stationery',
	},
	{
		name: 'Toys',
		medianPrice: 11,
		adjectives: ['Wooden', 'Knitted', 'Tin', 'Spaceboy', 'Woodland', 'Circus'],
		nouns: [
			'Jigsaw',
			'Skittles',
			'Doll',
			'Building Blocks',
			'Spinning Top',
			'Money Box',
			'Play Set',
		],
		complementCategory: 'Party',
	},
	{
		name: 'Bags',
		medianPrice: 9,
		adjectives: ['Jumbo', 'Lunch', 'Recycled', 'Polka Dot', 'Vintage Paisley', 'Charlotte'],
		nouns: ['Shopper', 'Tote', 'Storage Bag', 'Lunch Bag', 'Wash Bag', 'Drawstring Bag'],
		complementCategory: 'Stationery',
	},
	{
		name: 'Christmas',
		medianPrice: 8,
		adjectives: ['Glass', 'Felt', 'Snowflake', 'Reindeer', 'Gingerbread', 'Silver'],
		nouns: [
			'Bauble Set',
			'Advent Calendar',
			'Stocking',
			'Tree Topper',
			'Wreath',
			'Hanging Decoration',
		],
		complementCategory: 'Lighting',
	},
];

/** Brands the catalogue's products are spread over. */
export const SHOP_BRANDS: readonly string[] = [
	'Hearth & Co',
	'Little Maker',
	'Nordlicht',
	'Petal Press',
	'Rosewood',
];
