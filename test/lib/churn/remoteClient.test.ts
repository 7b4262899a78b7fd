import { isRetryableFailure, joinEndpointUrl, parseRetryAfter, planRetry, redactSecrets, redactUrl, urlSecrets } from '../../../lib';

describe('parseRetryAfter (RFC 9110 10.2.3)', () => {
	const now = Date.parse('2026-10-21T07:27:00Z');
	it('reads delay-seconds and HTTP-dates, and nothing else', () => {
		expect(parseRetryAfter('2', now)).toBe(2000);
		expect(parseRetryAfter(['0'], now)).toBe(0);
		expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', now)).toBe(60000);
		expect(parseRetryAfter('Wed, 21 Oct 2026 07:00:00 GMT', now)).toBe(0);
		for (const header of [undefined, null, '', ' ', '-1', '1.5', 'soon', 'NaN', 12]) expect(parseRetryAfter(header, now)).toBeNull();
	});
});

describe('isRetryableFailure', () => {
	it.each([[429], [500], [502], [503], [504], [408]])('retries HTTP %s', (status) => expect(isRetryableFailure({ status })).toBe(true));
	it.each([[400], [401], [403], [404], [422], [501], [505]])('does not retry HTTP %s', (status) => expect(isRetryableFailure({ status })).toBe(false));
	it.each([['ECONNRESET'], ['ECONNABORTED'], ['ETIMEDOUT'], ['ECONNREFUSED'], ['EPIPE']])('retries a broken or timed-out connection (%s)', (code) => expect(isRetryableFailure({ code })).toBe(true));
	it.each([['ERR_CANCELED'], ['ENOTFOUND'], ['CERT_HAS_EXPIRED'], [null]])('does not retry %s', (code) => expect(isRetryableFailure({ code })).toBe(false));
});

describe('planRetry: bounded exponential backoff honouring Retry-After', () => {
	it('doubles from one second, capped, and stops after maxRetries', () => {
		const delays = [0, 1, 2, 3, 4, 5, 6, 7].map((retries) => planRetry({ status: 503 }, { retries, maxRetries: 10, retryAfterMs: null }));
		expect(delays.map((plan) => (plan.retry ? plan.delayMs : null))).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000]);
		expect(planRetry({ status: 503 }, { retries: 3, maxRetries: 3, retryAfterMs: null })).toEqual({ retry: false, reason: 'gave up after 3 retries' });
		expect(planRetry({ status: 503 }, { retries: 1, maxRetries: 1, retryAfterMs: null })).toEqual({ retry: false, reason: 'gave up after 1 retry' });
	});

	it('waits what Retry-After says, and refuses to wait longer than its limit', () => {
		expect(planRetry({ status: 429 }, { retries: 2, maxRetries: 3, retryAfterMs: 0 })).toEqual({ retry: true, delayMs: 0 });
		expect(planRetry({ status: 429 }, { retries: 0, maxRetries: 3, retryAfterMs: 5000 })).toEqual({ retry: true, delayMs: 5000 });
		expect(planRetry({ status: 503 }, { retries: 0, maxRetries: 3, retryAfterMs: 3600000 })).toEqual({ retry: false, reason: 'the endpoint asked to retry after 3600 s, longer than the 60 s this node waits' });
	});

	it('never retries a client error, and never with maxRetries 0', () => {
		expect(planRetry({ status: 401 }, { retries: 0, maxRetries: 3, retryAfterMs: null })).toEqual({ retry: false, reason: 'not retryable' });
		expect(planRetry({ code: 'ECONNRESET' }, { retries: 0, maxRetries: 0, retryAfterMs: null }).retry).toBe(false);
	});
});

describe('secrets in URLs', () => {
	it('finds userinfo, secret-named and token-like query values, as written and decoded', () => {
		expect(urlSecrets('https://u:p4ss@models.example.com/score?key=abc123&region=eu')).toEqual(['u', 'p4ss', 'abc123']);
		expect(urlSecrets('https://h/x?api_key=a%2Fb&access_token=t0k&sig=s1&X-Amz-Signature=f00&q=1')).toEqual(['a%2Fb', 'a/b', 't0k', 's1', 'f00']);
		expect(urlSecrets('https://h/x?id=0123456789abcdefABCDEF&page=2')).toEqual(['0123456789abcdefABCDEF']);
		expect(urlSecrets('https://models.example.com/score')).toEqual([]);
	});

	it('redacts a URL structurally and any text by the secrets it carries', () => {
		expect(redactUrl('https://u:pw@h/score?key=k&x=1')).toBe('https://***:***@h/score?key=***&x=1');
		expect(redactUrl('https://h/score?token=abcd&region=eu')).toBe('https://h/score?token=***&region=eu');
		const secrets = urlSecrets('https://admin:hunter2pass@h/?key=SECRETKEY123');
		expect(redactSecrets('failed https://admin:hunter2pass@h/score?key=SECRETKEY123, echo SECRETKEY123', secrets)).toBe('failed https://***:***@h/score?key=***, echo ***');
		expect(redactSecrets('items 1 to 10', ['1'])).toBe('items 1 to 10');
	});

	it('joins the endpoint path under the base URL and keeps its query', () => {
		expect(joinEndpointUrl('http://127.0.0.1:8080/', 'score')).toBe('http://127.0.0.1:8080/score');
		expect(joinEndpointUrl('https://h/models/?key=k', '/score')).toBe('https://h/models/score?key=k');
		expect(joinEndpointUrl('https://u:p@h?key=k#frag', '//score')).toBe('https://u:p@h/score?key=k');
	});
});
