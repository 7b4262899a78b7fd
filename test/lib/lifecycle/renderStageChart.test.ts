import { DEFAULT_STAGE_COLORS, LIFECYCLE_STAGES, renderStageChart, summarizeLifecycleStages } from '../../../lib';

const assignments = [
	...Array.from({ length: 6 }, () => ({ lifecycleStage: 'repeat', previousStage: 'repeat' })),
	...Array.from({ length: 3 }, () => ({ lifecycleStage: 'at_risk', previousStage: 'repeat' })),
	{ lifecycleStage: 'reactivated', previousStage: 'lapsed' },
	{ lifecycleStage: 'first_purchase', previousStage: null },
];
const summary = summarizeLifecycleStages(assignments, LIFECYCLE_STAGES);

/** The numbers drawn as text, in document order. */
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]);

describe('renderStageChart', () => {
	const svg = renderStageChart(summary, { title: 'Week 12', subtitle: 'as of 2025-03-10' });

	it('is one self-contained SVG document: no scripts, links or external assets', () => {
		expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
		expect(svg.endsWith('</svg>')).toBe(true);
		expect(svg).not.toMatch(/<script|<image|<a |href=|url\(|@import|<foreignObject/i);
		expect(svg.match(/https?:\/\/[^"\s<]+/g)).toEqual(['http://www.w3.org/2000/svg']);
	});

	it('draws a bar per stage in model order with its count and share of all customers, zero stages included', () => {
		const labels = texts(svg);
		const stageLabels = labels.filter((text) => (LIFECYCLE_STAGES as readonly string[]).includes(text));
		expect(stageLabels.slice(0, 9)).toEqual([...LIFECYCLE_STAGES]);
		expect(labels).toContain('6 (54.5%)');
		expect(labels).toContain('3 (27.3%)');
		expect(labels).toContain('1 (9.1%)');
		expect(labels.filter((text) => text === '0 (0.0%)')).toHaveLength(5);
		expect(labels).toContain('as of 2025-03-10 · 11 customers');
		// The longest bar is the largest stage; bars scale linearly.
		const widths = [...svg.matchAll(/<rect x="150" y="\d+" width="([\d.]+)" height="22"[^>]*><title>([^:]+): (\d+)/g)].map((match) => [match[2], Number(match[1]), Number(match[3])] as const);
		const repeat = widths.find(([stage]) => stage === 'repeat')!;
		const atRisk = widths.find(([stage]) => stage === 'at_risk')!;
		expect(atRisk[1] / repeat[1]).toBeCloseTo(3 / 6, 2);
		expect(svg).toContain(`fill="${DEFAULT_STAGE_COLORS.at_risk}"`);
	});

	it('draws the transition grid of the rows and columns that hold customers, shaded by row share', () => {
		expect(svg).toContain('Stage now (columns) by previous stage (rows)');
		expect(svg).toContain('<title>repeat -> at_risk: 3 (33.3% of the row)</title>');
		expect(svg).toContain('<title>repeat -> repeat: 6 (66.7% of the row)</title>');
		expect(svg).toContain('<title>lapsed -> reactivated: 1 (100.0% of the row)</title>');
		expect(svg).toContain('(no previous stage)');
		// Rows: repeat, lapsed, (none); columns: first_purchase, repeat, at_risk, reactivated.
		expect(svg.match(/<title>[^<]* -> [^<]*<\/title>/g)).toHaveLength(3 * 4);
		expect(svg).not.toContain('<title>loyal -> ');
	});

	it('has no grid when no customer had a previous stage, and is byte-identical for the same input', () => {
		const first = summarizeLifecycleStages([{ lifecycleStage: 'repeat', previousStage: null }], LIFECYCLE_STAGES);
		expect(renderStageChart(first)).not.toContain('previous stage');
		expect(renderStageChart(summary, { title: 'Week 12', subtitle: 'as of 2025-03-10' })).toBe(svg);
	});

	it('escapes stage names and keeps keys such as __proto__ as plain stages', () => {
		const hostile = summarizeLifecycleStages(
			[
				{ lifecycleStage: '<script>alert(1)</script>', previousStage: '__proto__' },
				{ lifecycleStage: '__proto__', previousStage: '__proto__' },
			],
			['__proto__'],
		);
		const chart = renderStageChart(hostile, { title: '"Q1" & <b>', colors: { __proto__: '"><script>' } as Record<string, string> });
		expect(chart).not.toContain('<script>');
		expect(chart).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(chart).toContain('&quot;Q1&quot; &amp; &lt;b&gt;');
		expect(chart).toContain('<title>__proto__ -> __proto__: 1 (50.0% of the row)</title>');
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});
