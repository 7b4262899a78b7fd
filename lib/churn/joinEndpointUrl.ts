/**
 * The URL of an endpoint under a base URL: the path is added to the base's path, the base's query (?key=...) is
 * kept after it, so a key in the base URL still goes with every request.
 *
 *   join('https://h/models/?key=k', '/score') = 'https://h/models/score?key=k'
 *
 * Cost: O(length of the URLs).
 * @example joinEndpointUrl('http://127.0.0.1:8080/', 'score') // 'http://127.0.0.1:8080/score'
 */
export function joinEndpointUrl(baseUrl: string, path: string): string {
	const hash = baseUrl.indexOf('#');
	const withoutHash = hash >= 0 ? baseUrl.slice(0, hash) : baseUrl;
	const question = withoutHash.indexOf('?');
	const base = (question >= 0 ? withoutHash.slice(0, question) : withoutHash).replace(/\/+$/, '');
	const query = question >= 0 ? withoutHash.slice(question) : '';
	const cleanPath = path.trim() === '' ? '' : `/${path.trim().replace(/^\/+/, '')}`;
	return `${base}${cleanPath}${query}`;
}
