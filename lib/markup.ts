/**
 * Writing user-supplied text and numbers into HTML and SVG, the same way in every report and chart.
 *
 *   escapeHtml: & < > " ' become entities, so names such as "<script>" are shown, never run (text and attributes).
 *   formatNumber: fixed decimals with thousands separators, independent of the machine's locale, "–" for no number.
 * Reference: OWASP Cross Site Scripting Prevention Cheat Sheet, rule 1 (HTML entity encoding),
 * https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html
 *
 * Cost: O(length).
 * @example escapeHtml('<b>"A&B"</b>') // '&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;'
 * @example formatNumber(-1234.5, 1) // '−1,234.5'
 */
const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: unknown): string {
	return String(text ?? '').replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

export function formatNumber(value: number | null, digits = 2): string {
	if (value === null || !Number.isFinite(value)) return '–';
	const fixed = Math.abs(value).toFixed(digits);
	const [whole, fraction] = fixed.split('.');
	const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
	const sign = value < 0 && Number(fixed) !== 0 ? '−' : '';
	return `${sign}${grouped}${fraction !== undefined ? `.${fraction}` : ''}`;
}
