import { compactLifecycleAnswer } from '../../../lib';

/** A customer after the whole weekly chain: profile, churn, stage, recommendations and channel (trimmed). */
const full: Record<string, unknown> = {
	profileId: 'p-1',
	customerId: 'C042',
	email: 'ada@example.com',
	orders: 4,
	revenue: 182.5,
	currency: 'EUR',
	lastPurchaseAt: '2024-04-28T10:00:00.000Z',
	daysSinceLastPurchase: 63,
	rfmSegment: 'At Risk',
	productsPurchased: ['A', 'B'],
	engagement: { email: { sent: 3 } },
	churnRisk: 'high',
	churnProbability: 0.734,
	churnHorizon: '13 weeks',
	churnReasons: 'no purchase for 9 weeks; usual gap 3 weeks over 4 purchase days; P(alive) 0.21; P(no purchase in 13 weeks) 0.734',
	probabilityAlive: 0.21,
	predictedClv: 12.4,
	expectedPurchases: 0.4,
	lifecycleStage: 'at_risk',
	stageReason: 'Last purchase 63 days ago; usual gap 21 days (3.0x); at risk from 2.0x (42 days), lapsed from 4.0x (84 days)',
	previousStage: 'repeat',
	stageChanged: true,
	recommendations: [
		{ productId: 'D', title: 'TEA CUP', reason: 'bought with WHITE METAL LANTERN by 3 customers', score: 0.8 },
		{ productId: 'E', reason: 'popular', score: 0.5 },
		{ productId: 'F', title: 'NAPKINS', reason: 'popular', score: 0.4 },
		{ productId: 'G', title: 'CANDLE', reason: 'popular', score: 0.3 },
	],
	rec1Id: 'D',
	channel: 'email',
	sendAt: '2024-07-01T10:00:00.000+02:00',
	decisionReason: 'email: consent, 2 opens in 3 sends',
	suppressed: false,
	suppressionReason: null,
	messageHistory: [{ channel: 'email', sentAt: '2024-06-01T10:00:00Z' }],
};

describe('compactLifecycleAnswer', () => {
	it('answers with the id, the focus fields first, at most 15 flat fields, and the reason in words', () => {
		const answer = compactLifecycleAnswer(full, { focus: 'stage' });
		const keys = Object.keys(answer);
		expect(keys.length).toBeLessThanOrEqual(15);
		expect(keys.slice(0, 6)).toEqual(['answer', 'customerId', 'lifecycleStage', 'stageReason', 'previousStage', 'stageChanged']);
		for (const value of Object.values(answer)) expect(value === null || ['string', 'number', 'boolean'].includes(typeof value)).toBe(true);
		expect(answer.answer).toBe(
			'stage: at risk - Last purchase 63 days ago; usual gap 21 days (3.0x); at risk from 2.0x (42 days), lapsed from 4.0x (84 days); ' +
				'churn risk: high (73 % chance of no purchase in 13 weeks) - no purchase for 9 weeks; usual gap 3 weeks over 4 purchase days; P(alive) 0.21; P(no purchase in 13 weeks) 0.734; ' +
				'next best products: TEA CUP, E, NAPKINS; channel: email at 2024-07-01T10:00:00.000+02:00 - email: consent, 2 opens in 3 sends; profile: 4 orders, revenue 182.5 EUR, last purchase 63 days ago',
		);
		// The other areas keep their headline fields; their reasons are in the sentence.
		expect(answer).toMatchObject({ churnRisk: 'high', churnProbability: 0.734, nextProducts: 'TEA CUP, E, NAPKINS', channel: 'email', orders: 4 });
		expect(answer).not.toHaveProperty('churnReasons');
		expect(answer).not.toHaveProperty('nextProductIds');
		expect(answer).not.toHaveProperty('email');
		expect(answer).not.toHaveProperty('messageHistory');
	});

	it('names the first three recommendations by title (the id without one) and the reason of the first', () => {
		const answer = compactLifecycleAnswer(full, { focus: 'recommendations' });
		expect(answer).toMatchObject({ nextProducts: 'TEA CUP, E, NAPKINS', nextProductIds: 'D, E, F', nextProductReason: 'bought with WHITE METAL LANTERN by 3 customers' });
		expect(Object.keys(answer).slice(1, 5)).toEqual(['customerId', 'nextProducts', 'nextProductIds', 'nextProductReason']);
		expect(String(answer.answer).startsWith('next best products: TEA CUP, E, NAPKINS; stage: at risk')).toBe(true);
	});

	it('reads the flat rec1Id... fields when there is no list, and keeps an already compact answer as it is', () => {
		const flat = { customerId: 'c1', rec1Id: 'A', rec1Title: 'LANTERN', rec1Reason: 'popular', rec2Id: 'B', rec2Title: null, rec3Id: null };
		expect(compactLifecycleAnswer(flat, { focus: 'recommendations' })).toEqual({ answer: 'next best products: LANTERN, B', customerId: 'c1', nextProducts: 'LANTERN, B', nextProductIds: 'A, B', nextProductReason: 'popular' });
		const stored = compactLifecycleAnswer(full, { focus: 'churn' });
		// The sentence of the stored answer also told what the 15 fields had no room for; the fields stay the same.
		expect({ ...compactLifecycleAnswer(stored, { focus: 'churn' }), answer: '' }).toEqual({ ...stored, answer: '' });
	});

	it('says why nothing is sent when the customer is suppressed', () => {
		const answer = compactLifecycleAnswer({ customerId: 'c9', channel: null, suppressed: true, suppressionReason: 'unsubscribed from every channel', decisionReason: 'none' }, { focus: 'channel' });
		expect(answer.answer).toBe('channel: none - unsubscribed from every channel');
		// Choose Channel writes the channel "none" when nothing may be sent.
		expect(compactLifecycleAnswer({ customerId: 'c9', channel: 'none', suppressed: false, decisionReason: 'no channel with consent' }, { focus: 'channel' }).answer).toBe('channel: none - no channel with consent');
	});

	it('describes an uplift arm and an uplift score', () => {
		expect(compactLifecycleAnswer({ customerId: 'c1', arm: 'control', isControl: true, campaign: 'spring' }, { focus: 'uplift' }).answer).toBe('arm: control (holdout, send nothing)');
		expect(compactLifecycleAnswer({ customerId: 'c1', upliftScore: 0.042 }, { focus: 'uplift' }).answer).toBe('uplift: +4.2 points if contacted');
	});

	it('honours maxFields (at least 3) and omit', () => {
		expect(Object.keys(compactLifecycleAnswer(full, { focus: 'churn', maxFields: 5 }))).toEqual(['answer', 'customerId', 'churnRisk', 'churnProbability', 'churnHorizon']);
		expect(Object.keys(compactLifecycleAnswer(full, { focus: 'churn', maxFields: 1 }))).toHaveLength(3);
		expect(compactLifecycleAnswer(full, { focus: 'profile', omit: ['rfmSegment'] })).not.toHaveProperty('rfmSegment');
		expect(compactLifecycleAnswer(full, { focus: 'profile' })).toHaveProperty('rfmSegment', 'At Risk');
	});

	it('falls back to the profile id, ignores inherited and non-flat fields, and says when it knows nothing', () => {
		const record = Object.assign(Object.create({ churnRisk: 'high' }) as Record<string, unknown>, { profileId: 'p-7', customerId: null, orders: Number.NaN });
		expect(compactLifecycleAnswer(record, { focus: 'churn' })).toEqual({ answer: 'no lifecycle facts on this record', profileId: 'p-7' });
	});
});
