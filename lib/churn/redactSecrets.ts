/**
 * A text with every occurrence of the given secrets replaced by "***", longest first so a secret that contains
 * another is hidden whole. Secrets shorter than 4 characters are left out of free text (replacing "a" everywhere
 * would garble the message); a URL's own secrets are hidden by redactUrl whatever their length.
 *
 *   redactSecrets(text, secrets) = text with each s in secrets (|s| >= 4, longest first) replaced by ***
 *   redactUrl(url)               = the URL with its userinfo and secret query values (urlSecrets) as ***
 *
 * Cost: O(length of the text x number of secrets).
 * @example redactSecrets('GET https://h/score?key=abc123 failed', ['abc123']) // 'GET https://h/score?key=*** failed'
 * @example redactUrl('https://u:pw@h/score?key=k&x=1') // 'https://***:***@h/score?key=***&x=1'
 */
import { urlSecrets } from './urlSecrets';

export const REDACTED = '***';

export function redactSecrets(text: string, secrets: ReadonlyArray<string>): string {
	const sorted = [...new Set(secrets)].filter((secret) => secret.length >= 4).sort((x, y) => y.length - x.length);
	let result = text;
	for (const secret of sorted) result = result.split(secret).join(REDACTED);
	return result;
}

/** The URL with its userinfo and the values of secret query parameters replaced by ***. */
export function redactUrl(url: string): string {
	const secrets = new Set(urlSecrets(url));
	return url
		.replace(/^([a-z][a-z0-9+.-]*:\/\/)([^/?#@]*)@/i, (_, scheme: string, userinfo: string) => `${scheme}${userinfo.split(':').map(() => REDACTED).join(':')}@`)
		.replace(/([?&][^=&#]*=)([^&#]*)/g, (whole, name: string, value: string) => (secrets.has(value) ? `${name}${REDACTED}` : whole));
}
