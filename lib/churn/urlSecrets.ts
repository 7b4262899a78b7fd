/**
 * The secrets a URL carries, so they can be kept out of every message: the user name and password of
 * `https://user:password@host`, and the values of query parameters that name a secret (?key=, ?api_key=, ?token=,
 * ?sig=, ...) or look like one (20+ characters of letters and digits, such as a bearer or an API key).
 *
 *   secrets = userinfo parts + secret-named query values + token-like query values, each as written in the URL and
 *             percent-decoded
 * Reference: RFC 3986, section 3.2.1 (userinfo; "Use of the format user:password in the userinfo field is
 * deprecated"), https://www.rfc-editor.org/rfc/rfc3986#section-3.2.1 ; OWASP Logging Cheat Sheet (data to exclude).
 *
 * Cost: O(length of the URL).
 * @example urlSecrets('https://u:p4ss@models.example.com/score?key=abc123&region=eu') // ['u', 'p4ss', 'abc123']
 */
const SECRET_NAME = /key|token|secret|pass|pwd|auth|sig|session|credential|jwt|code/i;
const TOKEN_LIKE = /^(?=.*[0-9])(?=.*[A-Za-z])[A-Za-z0-9._~+/=-]{20,}$/;

function decoded(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

/** The raw parts of the URL text: userinfo and query pairs (read by hand so the forms as written are kept). */
function rawParts(url: string): { userinfo: string[]; query: Array<[string, string]> } {
	const authority = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(url)?.[1] ?? '';
	const at = authority.lastIndexOf('@');
	const userinfo = at >= 0 ? authority.slice(0, at).split(':') : [];
	const search = /\?([^#]*)/.exec(url)?.[1] ?? '';
	const query = search
		.split('&')
		.filter(Boolean)
		.map((pair): [string, string] => {
			const equals = pair.indexOf('=');
			return equals < 0 ? [pair, ''] : [pair.slice(0, equals), pair.slice(equals + 1)];
		});
	return { userinfo, query };
}

export function urlSecrets(url: string): string[] {
	const { userinfo, query } = rawParts(url);
	const raw = [...userinfo, ...query.filter(([name, value]) => SECRET_NAME.test(decoded(name)) || TOKEN_LIKE.test(decoded(value))).map(([, value]) => value)];
	const secrets = raw.flatMap((value) => [value, decoded(value)]).filter((value) => value !== '');
	return [...new Set(secrets)];
}
