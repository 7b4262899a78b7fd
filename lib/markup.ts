/**
 * Writing user-supplied text and numbers into HTML and SVG, the same way in every report and chart.
 *
 *   escapeHtml: & < > " ' become entities, so names such as "<script>" are shown, never run (text and attributes);
 *   characters XML 1.0 does not allow (controls other than tab, line feed and carriage return, lone surrogates,
 *   U+FFFE, U+FFFF) become U+FFFD, so an SVG with such a name is still well-formed XML and shows where it was.
 *   formatNumber: fixed decimals with thousands separators, independent of the machine's locale, "–" for no number.
 * Reference: OWASP Cross Site Scripting Prevention Cheat Sheet, rule 1 (HTML entity encoding),
 * https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html ; XML 1.0 (Fifth
 * Edition) section 2.2, production [2] Char, https://www.w3.org/TR/xml/#charsets
 *
 * Cost: O(length).
 * @example escapeHtml('<b>"A&B"</b>') // '&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;'
 * @example escapeHtml('VIP\u0007') // 'VIP\uFFFD'
 * @example formatNumber(-1234.5, 1) // '−1,234.5'
 */
const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// Anything but an XML 1.0 Char (production [2]); with the u flag a lone surrogate is a code point outside these ranges.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeHtml(text: unknown): string {
	return String(text ?? '')
		.replace(NOT_XML_CHAR, '\uFFFD')
		.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

export function formatNumber(value: number | null, digits = 2): string {
	if (value === null || !Number.isFinite(value)) return '–';
	const fixed = Math.abs(value).toFixed(digits);
	const [whole, fraction] = fixed.split('.');
	const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
	const sign = value < 0 && Number(fixed) !== 0 ? '−' : '';
	return `${sign}${grouped}${fraction !== undefined ? `.${fraction}` : ''}`;
}
