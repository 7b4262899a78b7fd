import { renderStageChart } from '../../../lib/lifecycle/renderStageChart';
import { escapeHtml } from '../../../lib/markup';
import { xmlProblems } from './wellFormedXml';

describe('the strict XML check', () => {
	it('accepts well-formed markup and finds what breaks it', () => {
		expect(xmlProblems('<svg a="1&amp;2"><text>x &lt; y &#233;</text><rect/></svg>')).toEqual([]);
		expect(xmlProblems('<svg><text>a\u0001b</text></svg>')[0]).toBe('character U+0001 at 12 is not allowed in XML 1.0');
		expect(xmlProblems('<svg><text>&#1;</text></svg>')).toEqual(['reference to a character XML does not allow: &#1;']);
		expect(xmlProblems('<svg><text>a & b</text></svg>')).toEqual(['unterminated reference & b']);
		expect(xmlProblems('<svg><text></svg>')).toContain('</svg> at 11 closes no open <svg>');
		expect(xmlProblems('<svg a="1" a="2"/>')).toEqual(['attribute a repeated in <svg>']);
		expect(xmlProblems('<svg/><svg/>')).toEqual(['a second root element <svg> at 6']);
	});
});

describe('stage chart is well-formed XML whatever the stage names', () => {
	const hostile = ['VIP\u0000', 'bell\u0007', 'form\u000Cfeed', 'tab\tand\nline', 'lone \uD800 surrogate', 'end \uFFFF', 'esc\u001B[31m', '<script>&amp;"\'', 'emoji 😀'];

	it('replaces characters XML 1.0 does not allow in stage names with U+FFFD, and the SVG parses strictly', () => {
		const stageCounts = Object.fromEntries(hostile.map((name, i) => [name, i + 1]));
		const transitionMatrix = Object.fromEntries(hostile.map((row) => [row, Object.fromEntries(hostile.map((column, j) => [column, j]))]));
		const svg = renderStageChart({ stageCounts, transitionMatrix }, { title: 'Week\u0002 12', subtitle: 'as of\u0008 today' });
		expect(xmlProblems(svg)).toEqual([]);
		expect(svg).toContain('VIP\uFFFD');
		expect(svg).toContain('bell\uFFFD');
		expect(svg).toContain('lone \uFFFD surrogate');
		expect(svg).toContain('emoji 😀');
		expect(svg).toContain('&lt;script&gt;&amp;amp;&quot;&#39;');
	});

	it('keeps tab, line feed, carriage return and every other allowed character as they are', () => {
		expect(escapeHtml('a\tb\nc\rd é 😀 \u007F \u0085')).toBe('a\tb\nc\rd é 😀 \u007F \u0085');
		expect(escapeHtml('\u0000\u001F\uDC00\uFFFE')).toBe('\uFFFD\uFFFD\uFFFD\uFFFD');
	});
});
