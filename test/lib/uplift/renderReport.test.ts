import { analyzeExperiment } from '../../../lib/uplift/analyzeExperiment';
import { escapeHtml, renderUpliftReport } from '../../../lib/uplift/renderReport';

const hostileArm = '<script>alert("x")</script>';
const arms = [
	{ arm: 'control', units: 5000, conversions: 500, revenueSum: 25000, revenueSumSquares: 2_500_000, messages: 0 },
	{ arm: 'email & "sms"', units: 5000, conversions: 600, revenueSum: 31000, revenueSumSquares: 3_100_000, messages: 10000, discounts: 1200 },
	{ arm: hostileArm, units: 5000, conversions: 520, revenueSum: 25500, revenueSumSquares: 2_600_000, messages: 5000 },
];
const analysis = analyzeExperiment({ arms }, { costPerMessage: 0.02, armWeights: { control: 1, 'email & "sms"': 1, [hostileArm]: 1 } });

describe('renderUpliftReport', () => {
	const html = renderUpliftReport(analysis, { title: 'Spring <win-back> & more', campaign: "O'Brien's list", generatedAt: '2025-04-01', currency: 'EUR', notes: '<img src=x onerror=alert(1)>' });

	it('is a complete, self-contained page: inline style and SVG, no scripts, links or external assets', () => {
		expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
		expect(html).toContain('<style>');
		expect((html.match(/<svg /g) ?? []).length).toBe(2);
		expect(html).not.toMatch(/<script|<img|<link|<iframe|<object|<embed|url\(|@import/i);
		// No tag carries a src or href attribute (the escaped note shows "src=" as text only).
		expect(html).not.toMatch(/<[^>]*\s(src|href)=/i);
		// The only URL is the SVG namespace, which loads nothing.
		expect(html.match(/https?:\/\/[^"\s<]+/g)).toEqual(['http://www.w3.org/2000/svg', 'http://www.w3.org/2000/svg']);
		// Every table scrolls sideways inside its own box in narrow windows instead of overflowing the page.
		expect(html.match(/<div class="table-wrap"><table>/g)).toHaveLength((html.match(/<table>/g) ?? []).length);
		expect(html).toContain('.table-wrap{overflow-x:auto}');
	});

	it('escapes every user string (arm names, title, campaign, notes)', () => {
		expect(html).not.toContain(hostileArm);
		expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
		expect(html).toContain('email &amp; &quot;sms&quot;');
		expect(html).toContain('Spring &lt;win-back&gt; &amp; more');
		expect(html).toContain('O&#39;Brien&#39;s list');
		expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
		expect(escapeHtml('<b>"A&B"</b>')).toBe('&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;');
	});

	it('shows the rates with intervals, the incremental revenue, the numbers and the method', () => {
		expect(html).toContain('Conversion rate by arm, with 95% interval');
		expect(html).toContain('Incremental revenue vs control (EUR), with 95% interval');
		expect(html).toContain('+20.0%');
		expect(html).toContain('10.00%');
		expect(html).toContain('Welch');
		expect(html).toContain('delta method');
		expect(html).toContain('Sample ratio consistent with the plan');
		// ROI of "email & sms": (6000 - (200 + 1200)) / 1400.
		expect(html).toContain(`+${((6000 - 1400) / 1400 * 100).toFixed(1)}%`);
	});

	it('is deterministic and describes the sequential method and CUPED when used', () => {
		expect(renderUpliftReport(analysis)).toBe(renderUpliftReport(analysis));
		const sequential = renderUpliftReport(analyzeExperiment({ arms }, { method: 'sequential' }));
		expect(sequential).toContain('always valid');
		expect(sequential).toContain('Waudby-Smith');
		expect(sequential).toContain('The sample ratio was not checked');
		const units = Array.from({ length: 400 }, (_, i) => ({ arm: i % 2 ? 'email' : 'control', converted: i % 5 === 0 || (i % 2 === 1 && i % 7 === 0) ? 1 : 0, preMetric: i % 5 === 0 ? 3 : i % 3 }));
		expect(renderUpliftReport(analyzeExperiment({ units }))).toContain('CUPED');
	});

	it('draws revenue per customer when there are no conversions, and incremental conversions when there is no revenue', () => {
		const revenueOnly = analyzeExperiment({
			arms: [
				{ arm: 'control', units: 100, revenueSum: 900, revenueSumSquares: 20000 },
				{ arm: 'email', units: 100, revenueSum: 1000, revenueSumSquares: 23000 },
			],
		});
		expect(renderUpliftReport(revenueOnly)).toContain('Revenue per customer by arm');
		const conversionOnly = analyzeExperiment({
			arms: [
				{ arm: 'control', units: 100, conversions: 10 },
				{ arm: 'email', units: 100, conversions: 14 },
			],
		});
		expect(renderUpliftReport(conversionOnly)).toContain('Incremental conversions vs control');
		expect(() => renderUpliftReport({} as never)).toThrow('renderUpliftReport requires the result of analyzeExperiment');
	});
});
