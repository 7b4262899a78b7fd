/**
 * Two weeks of a small shop for the stored-profile e2e tests: week 2 links week 1's anonymous visitor to C-1 (the
 * anonymous row is retired), refunds part of a week-1 order, withdraws consent and brings a new customer.
 */
export const WEEK_1 = [
	{ customer_id: 'C-1', email: 'ana@example.com', event_type: 'order', order_id: 'O-1', amount: '49.90', currency: 'EUR', product_id: 'SKU-1', timestamp: '2024-05-01T10:00:00Z' },
	{ anonymous_id: 'cookie-9', event_type: 'product_viewed', product_id: 'SKU-2', timestamp: '2024-05-02T09:00:00Z' },
	{ customer_id: 'C-2', event_type: 'order', order_id: 'O-2', amount: '20', currency: 'EUR', product_id: 'SKU-3', timestamp: '2024-05-03T10:00:00Z' },
	{ customer_id: 'C-2', event_type: 'consent', channel: 'email', consent_granted: 'true', timestamp: '2024-05-03T10:01:00Z' },
];

export const WEEK_2 = [
	{ anonymous_id: 'cookie-9', email: 'ANA@example.com', event_type: 'identify', timestamp: '2024-05-08T09:00:00Z' },
	{ customer_id: 'C-1', event_type: 'order', order_id: 'O-3', amount: '15', currency: 'EUR', product_id: 'SKU-2', timestamp: '2024-05-09T10:00:00Z' },
	{ customer_id: 'C-2', event_type: 'refund', order_id: 'O-2', amount: '5', currency: 'EUR', timestamp: '2024-05-10T10:00:00Z' },
	{ customer_id: 'C-2', event_type: 'unsubscribe', channel: 'E-Mail', timestamp: '2024-05-10T11:00:00Z' },
	{ customer_id: 'C-3', event_type: 'order', order_id: 'O-4', amount: '99', currency: 'EUR', timestamp: '2024-05-11T10:00:00Z' },
];
