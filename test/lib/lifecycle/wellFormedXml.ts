/**
 * A strict XML 1.0 well-formedness check for the markup our charts write (elements, attributes, text, character and
 * the five predefined entity references; no DTD, comments, CDATA or processing instructions, which we never write).
 * Returns the problems found, empty for a well-formed document. Checked: every character is a Char (production [2]),
 * names follow [A-Za-z_:][A-Za-z0-9_.:-]*, attribute values are quoted without "<", every "&" starts a reference to
 * an allowed character, attributes are not repeated, tags nest and close, one root element.
 * Reference: XML 1.0 (Fifth Edition), https://www.w3.org/TR/xml/ (productions 1-3, 39-44, 66-68).
 */
const NOT_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const NAME = '[A-Za-z_:][A-Za-z0-9_.:-]*';
const TOKEN = new RegExp(`<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>|([^<]+)`, 'y');
const ATTRIBUTE = new RegExp(`(${NAME})\\s*=\\s*(?:"([^"<]*)"|'([^'<]*)')`, 'g');

function referenceProblems(text: string): string[] {
	const problems: string[] = [];
	for (const match of text.matchAll(/&([^;]*);?/g)) {
		const body = match[1];
		if (!match[0].endsWith(';')) problems.push(`unterminated reference ${match[0]}`);
		else if (/^(lt|gt|amp|quot|apos)$/.test(body)) continue;
		else if (/^#[0-9]+$/.test(body) || /^#x[0-9a-fA-F]+$/.test(body)) {
			const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
			if (code > 0x10ffff || NOT_CHAR.test(String.fromCodePoint(code))) problems.push(`reference to a character XML does not allow: ${match[0]}`);
		} else problems.push(`unknown reference ${match[0]}`);
	}
	return problems;
}

export function xmlProblems(xml: string): string[] {
	const problems: string[] = [];
	const bad = NOT_CHAR.exec(xml);
	if (bad) problems.push(`character U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} at ${bad.index} is not allowed in XML 1.0`);
	const open: string[] = [];
	let roots = 0;
	TOKEN.lastIndex = 0;
	while (TOKEN.lastIndex < xml.length) {
		const at = TOKEN.lastIndex;
		const match = TOKEN.exec(xml);
		if (!match) return [...problems, `not markup or text at ${at}: ${JSON.stringify(xml.slice(at, at + 20))}`];
		const [, closing, name, attributes, selfClosing, text] = match;
		if (text !== undefined) {
			if (open.length === 0 && text.trim() !== '') problems.push(`text outside the root element at ${at}`);
			problems.push(...referenceProblems(text));
			continue;
		}
		if (closing) {
			if (open.pop() !== name) problems.push(`</${name}> at ${at} closes no open <${name}>`);
			continue;
		}
		if (open.length === 0 && ++roots > 1) problems.push(`a second root element <${name}> at ${at}`);
		const seen = new Set<string>();
		for (const attribute of (attributes ?? '').matchAll(ATTRIBUTE)) {
			if (seen.has(attribute[1])) problems.push(`attribute ${attribute[1]} repeated in <${name}>`);
			seen.add(attribute[1]);
			problems.push(...referenceProblems(attribute[2] ?? attribute[3]));
		}
		if (!selfClosing) open.push(name);
	}
	if (open.length > 0) problems.push(`unclosed <${open.join('>, <')}>`);
	if (roots === 0) problems.push('no root element');
	return problems;
}
