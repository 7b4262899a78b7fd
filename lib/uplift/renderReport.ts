/**
 * Uplift report: a self-contained HTML page (inline CSS and SVG, no scripts, fonts, images or links to load) with
 * each arm's rate and its interval, each variant's incremental revenue (or conversions) and its interval, the
 * numbers in tables, the warnings, and the method in words, ready to attach to an e-mail or store as a file.
 *
 *   chart 1: per arm, conversion rate (Wilson interval) or, without conversions, revenue per unit (t interval)
 *   chart 2: per variant, incremental revenue = (r̄_T - r̄_C) n_T (or incremental conversions) with its interval
 * Every user-supplied string (arm names, title, campaign, currency, notes, warnings) is HTML-escaped
 * (& < > " ' become entities), so names such as "<script>" are shown, never run.
 * Reference: OWASP Cross Site Scripting Prevention Cheat Sheet, rule 1 (HTML entity encoding),
 * https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html ; SVG 1.1,
 * https://www.w3.org/TR/SVG11/
 *
 * Cost: O(arms + comparisons) (the page is a few kilobytes).
 * @example renderUpliftReport(analyzeExperiment(input, options), { title: 'Spring win-back', generatedAt: '2025-04-01' })
 *   // '<!DOCTYPE html><html lang="en">...<svg ...>...</svg>...</html>'
 */
import { escapeHtml, formatNumber } from '../markup';
import type { ArmResult, BusinessImpact, ExperimentAnalysis, MetricComparison } from './analyzeExperiment';

export { escapeHtml };

export interface RenderUpliftReportOptions {
	/** Page title; default "Campaign uplift report". */
	title?: string;
	/** Campaign name shown under the title. */
	campaign?: string;
	/** When the analysis was made, as text (e.g. an ISO date); lib/ never reads the clock. */
	generatedAt?: string;
	/** Currency label for revenue figures, e.g. "EUR". */
	currency?: string;
	/** Free text shown above the method. */
	notes?: string;
}

function formatSigned(value: number | null, digits = 2): string {
	if (value === null || !Number.isFinite(value)) return '–';
	return `${value > 0 && Number(Math.abs(value).toFixed(digits)) !== 0 ? '+' : ''}${formatNumber(value, digits)}`;
}

function formatPercent(value: number | null, digits = 1, signed = false): string {
	if (value === null || !Number.isFinite(value)) return '–';
	return `${signed ? formatSigned(value * 100, digits) : formatNumber(value * 100, digits)}%`;
}

function formatPValue(value: number): string {
	return value < 0.0001 ? '< 0.0001' : value.toFixed(4);
}

function money(value: number | null, currency: string, digits = 2, signed = false): string {
	const text = signed ? formatSigned(value, digits) : formatNumber(value, digits);
	return currency && text !== '–' ? `${text} ${escapeHtml(currency)}` : text;
}

interface ChartRow {
	label: string;
	value: number;
	low: number;
	high: number;
	text: string;
	highlight: boolean;
}

/** A horizontal interval chart: a dot (or bar from 0) with its interval whisker per row. */
function intervalChart(title: string, rows: ChartRow[], options: { bars: boolean; axisLabel: (value: number) => string }): string {
	const width = 720;
	const left = 170;
	const right = 150;
	const rowHeight = 34;
	const top = 34;
	const height = top + rows.length * rowHeight + 34;
	const values = rows.flatMap((row) => [row.low, row.high, row.value, 0]);
	let min = Math.min(...values);
	let max = Math.max(...values);
	if (min === max) {
		min -= 1;
		max += 1;
	}
	const pad = (max - min) * 0.08;
	min = min < 0 ? min - pad : options.bars ? 0 : Math.max(0, min - pad);
	max += pad;
	// Round tick steps (1, 2 or 5 times a power of ten), and an axis that ends on ticks.
	const rough = (max - min) / 4;
	const magnitude = 10 ** Math.floor(Math.log10(rough));
	const step = [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough) ?? 10 * magnitude;
	min = Math.floor(min / step) * step;
	max = Math.ceil(max / step) * step;
	const ticks: number[] = [];
	for (let tick = min; tick <= max + step / 2; tick += step) ticks.push(Math.abs(tick) < step / 1e6 ? 0 : tick);
	const plotWidth = width - left - right;
	const x = (value: number): number => left + ((value - min) / (max - min)) * plotWidth;
	const parts: string[] = [];
	parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${escapeHtml(title)}">`);
	parts.push(`<title>${escapeHtml(title)}</title>`);
	parts.push(`<text x="${left}" y="20" class="chart-title">${escapeHtml(title)}</text>`);
	for (const value of ticks) {
		const position = x(value).toFixed(1);
		parts.push(`<line x1="${position}" y1="${top - 6}" x2="${position}" y2="${height - 28}" class="grid"/>`);
		parts.push(`<text x="${position}" y="${height - 12}" text-anchor="middle" class="tick">${escapeHtml(options.axisLabel(value))}</text>`);
	}
	if (min < 0 && max > 0) parts.push(`<line x1="${x(0).toFixed(1)}" y1="${top - 6}" x2="${x(0).toFixed(1)}" y2="${height - 28}" class="zero"/>`);
	rows.forEach((row, i) => {
		const y = top + i * rowHeight + rowHeight / 2;
		parts.push(`<text x="${left - 10}" y="${(y + 4).toFixed(1)}" text-anchor="end" class="label">${escapeHtml(row.label)}</text>`);
		if (options.bars) {
			const from = Math.min(x(0), x(row.value));
			const barWidth = Math.abs(x(row.value) - x(0));
			parts.push(`<rect x="${from.toFixed(1)}" y="${(y - 9).toFixed(1)}" width="${barWidth.toFixed(1)}" height="18" class="${row.value >= 0 ? 'bar' : 'bar negative'}"/>`);
		}
		parts.push(`<line x1="${x(row.low).toFixed(1)}" y1="${y}" x2="${x(row.high).toFixed(1)}" y2="${y}" class="whisker"/>`);
		for (const end of [row.low, row.high]) parts.push(`<line x1="${x(end).toFixed(1)}" y1="${y - 6}" x2="${x(end).toFixed(1)}" y2="${y + 6}" class="whisker"/>`);
		parts.push(`<circle cx="${x(row.value).toFixed(1)}" cy="${y}" r="5" class="${row.highlight ? 'dot control' : 'dot'}"/>`);
		parts.push(`<text x="${width - right + 10}" y="${(y + 4).toFixed(1)}" class="value">${escapeHtml(row.text)}</text>`);
	});
	parts.push('</svg>');
	return parts.join('');
}

function armChart(analysis: ExperimentAnalysis, currency: string): string {
	const level = `${formatNumber((1 - analysis.alpha) * 100, 0)}%`;
	if (analysis.metrics.includes('conversion')) {
		const rows = analysis.arms.map((arm: ArmResult) => ({
			label: arm.arm,
			value: arm.conversionRate ?? 0,
			low: arm.conversionRateCiLow ?? 0,
			high: arm.conversionRateCiHigh ?? 0,
			text: formatPercent(arm.conversionRate, 2),
			highlight: arm.isControl,
		}));
		return intervalChart(`Conversion rate by arm, with ${level} interval`, rows, { bars: false, axisLabel: (value) => formatPercent(value, 1) });
	}
	const rows = analysis.arms.map((arm: ArmResult) => ({
		label: arm.arm,
		value: arm.revenuePerUnit ?? 0,
		low: arm.revenuePerUnitCiLow ?? arm.revenuePerUnit ?? 0,
		high: arm.revenuePerUnitCiHigh ?? arm.revenuePerUnit ?? 0,
		text: formatNumber(arm.revenuePerUnit, 2),
		highlight: arm.isControl,
	}));
	return intervalChart(`Revenue per customer by arm${currency ? ` (${currency})` : ''}, with ${level} interval`, rows, { bars: false, axisLabel: (value) => formatNumber(value, 2) });
}

function incrementalChart(analysis: ExperimentAnalysis, currency: string): string {
	const level = `${formatNumber((1 - analysis.alpha) * 100, 0)}%`;
	const revenue = analysis.metrics.includes('revenue');
	const rows = analysis.business.map((impact: BusinessImpact) => {
		const value = (revenue ? impact.incrementalRevenue : impact.incrementalConversions) ?? 0;
		return {
			label: impact.arm,
			value,
			low: (revenue ? impact.incrementalRevenueCiLow : impact.incrementalConversionsCiLow) ?? value,
			high: (revenue ? impact.incrementalRevenueCiHigh : impact.incrementalConversionsCiHigh) ?? value,
			text: revenue ? formatSigned(value, 0) : formatSigned(value, 1),
			highlight: false,
		};
	});
	const title = revenue
		? `Incremental revenue vs ${analysis.control}${currency ? ` (${currency})` : ''}, with ${level} interval`
		: `Incremental conversions vs ${analysis.control}, with ${level} interval`;
	return intervalChart(title, rows, { bars: true, axisLabel: (value) => formatNumber(value, Math.abs(value) >= 100 ? 0 : 1) });
}

function table(headers: string[], rows: string[][]): string {
	const head = headers.map((header) => `<th>${escapeHtml(header)}</th>`).join('');
	const body = rows.map((cells) => `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('');
	// A wrapper that scrolls sideways keeps wide tables readable in narrow windows and mail clients.
	return `<div class="table-wrap"><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

function interval(low: number | null, high: number | null, format: (value: number | null) => string): string {
	return low === null || high === null ? '–' : `${format(low)} to ${format(high)}`;
}

function summarySentence(comparison: MetricComparison, level: string): string {
	const verdict = comparison.significant
		? comparison.relativeUplift > 0
			? 'a significant increase'
			: 'a significant decrease'
		: 'no significant difference';
	return (
		`<li><strong>${escapeHtml(comparison.arm)}</strong> vs <strong>${escapeHtml(comparison.control)}</strong>, ${escapeHtml(comparison.metric)}: ` +
		`uplift ${formatPercent(comparison.relativeUplift, 1, true)} (${level} interval ${formatPercent(comparison.ciLow, 1, true)} to ${formatPercent(comparison.ciHigh, 1, true)}), ` +
		`p = ${formatPValue(comparison.pValue)}, chance to win ${formatPercent(comparison.chanceToWin, 1)}: ${verdict}.</li>`
	);
}

function methodText(analysis: ExperimentAnalysis): string {
	const level = `${formatNumber((1 - analysis.alpha) * 100, 0)}%`;
	const paragraphs = [
		`Each variant is compared with <strong>${escapeHtml(analysis.control)}</strong>. The uplift is (metric with the campaign − metric without) / metric without. ` +
			`Its standard error comes from the delta method (the control mean in the denominator is itself uncertain), and the test is Welch's t test with ` +
			`Welch–Satterthwaite degrees of freedom, for conversion rates as well as for revenue per customer. Absolute differences use the same test without the division.`,
		analysis.method === 'sequential'
			? `The intervals and p-values are <strong>always valid</strong> (sequential): they stay correct however often the results are looked at before the end, ` +
				`at the price of wider intervals. They are the asymptotic confidence sequences of Waudby-Smith, Arbour, Sinha, Kennedy and Ramdas (2023, arXiv:2103.06476), ` +
				`the method of GrowthBook's sequential testing.`
			: `The intervals and p-values are for a single look at the planned end of the test (fixed horizon); looking repeatedly and stopping at the first significant ` +
				`result raises the false-positive rate. Use the sequential method when results are checked while the test runs.`,
		`Chance to win is the probability that the variant beats the control under a normal approximation with a flat prior; the risk of each choice is the ` +
			`expected relative loss if that choice turns out to be the wrong one.`,
		`Conversion-rate intervals per arm are Wilson score intervals; revenue-per-customer intervals are t intervals. ` +
			`Incremental conversions and revenue are the absolute differences per customer times the customers in the variant, with their ${level} intervals; ` +
			`the cost is messages × cost per message plus discounts, and ROI = (incremental revenue − cost) / cost, with an interval from the revenue interval (the cost is known).`,
	];
	if (analysis.cuped) {
		paragraphs.push(
			`CUPED (Deng, Xu, Kohavi and Walker, 2013) removed the part of each metric predicted by the pre-period metric, which narrows the intervals without biasing them ` +
				`(the variance reduction is shown per comparison).`,
		);
	}
	paragraphs.push(
		analysis.sampleRatio
			? `The sample ratio check compares each arm's customers with the planned split (chi-square test); a p-value below ${analysis.sampleRatio.threshold} ` +
					`with at least 8 customers per arm signals broken assignment or tracking.`
			: `The sample ratio was not checked (no planned split was given).`,
	);
	return paragraphs.map((text) => `<p>${text}</p>`).join('');
}

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1f2933;max-width:960px;margin:24px auto;padding:0 16px;line-height:1.45}
h1{font-size:1.6em;margin-bottom:0}h2{font-size:1.2em;margin-top:1.8em;border-bottom:1px solid #d9dee3;padding-bottom:4px}
.meta{color:#5f6b76;margin-top:4px}.table-wrap{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:0.9em;margin:8px 0}
th,td{border-bottom:1px solid #e4e7eb;padding:5px 8px;text-align:right}th:first-child,td:first-child{text-align:left}th{background:#f5f7fa}
.warning{background:#fff8e1;border-left:4px solid #f0b429;padding:8px 12px;margin:6px 0}
svg{display:block;margin:12px 0;font-size:13px}.chart-title{font-weight:600;fill:#1f2933}.label,.value{fill:#1f2933}.tick{fill:#7b8794;font-size:11px}
.grid{stroke:#eef0f2}.zero{stroke:#9aa5b1;stroke-dasharray:4 3}.whisker{stroke:#3e4c59;stroke-width:2}.dot{fill:#2f80ed}.dot.control{fill:#7b8794}
.bar{fill:#a3c9f9}.bar.negative{fill:#f8b4b4}
`;

export function renderUpliftReport(analysis: ExperimentAnalysis, options: RenderUpliftReportOptions = {}): string {
	if (!analysis || !Array.isArray(analysis.arms) || !Array.isArray(analysis.comparisons) || !Array.isArray(analysis.business)) {
		throw new Error('renderUpliftReport requires the result of analyzeExperiment');
	}
	const title = options.title ?? 'Campaign uplift report';
	const currency = options.currency ?? '';
	const level = `${formatNumber((1 - analysis.alpha) * 100, 0)}%`;
	const meta = [options.campaign ? `Campaign: ${escapeHtml(options.campaign)}` : '', options.generatedAt ? `Generated: ${escapeHtml(options.generatedAt)}` : '']
		.filter(Boolean)
		.join(' · ');
	const armRows = analysis.arms.map((arm) => [
		`${escapeHtml(arm.arm)}${arm.isControl ? ' (control)' : ''}`,
		formatNumber(arm.units, 0),
		formatPercent(arm.share, 1),
		formatPercent(arm.plannedShare, 1),
		arm.conversions === null ? '–' : formatNumber(arm.conversions, 0),
		formatPercent(arm.conversionRate, 2),
		interval(arm.conversionRateCiLow, arm.conversionRateCiHigh, (value) => formatPercent(value, 2)),
		money(arm.revenue, currency, 2),
		money(arm.revenuePerUnit, currency, 2),
		interval(arm.revenuePerUnitCiLow, arm.revenuePerUnitCiHigh, (value) => formatNumber(value, 2)),
	]);
	const comparisonRows = analysis.comparisons.map((comparison) => [
		escapeHtml(comparison.arm),
		escapeHtml(comparison.metric),
		comparison.metric === 'conversion' ? formatPercent(comparison.controlMean, 2) : formatNumber(comparison.controlMean, 2),
		comparison.metric === 'conversion' ? formatPercent(comparison.treatmentMean, 2) : formatNumber(comparison.treatmentMean, 2),
		formatPercent(comparison.relativeUplift, 1, true),
		interval(comparison.ciLow, comparison.ciHigh, (value) => formatPercent(value, 1, true)),
		formatPValue(comparison.pValue),
		formatPercent(comparison.chanceToWin, 1),
		`${formatPercent(comparison.riskControl, 2)} / ${formatPercent(comparison.riskTreatment, 2)}`,
		comparison.cuped ? formatPercent(comparison.varianceReduction, 1) : '–',
	]);
	const businessRows = analysis.business.map((impact) => [
		escapeHtml(impact.arm),
		formatSigned(impact.incrementalConversions, 1),
		interval(impact.incrementalConversionsCiLow, impact.incrementalConversionsCiHigh, (value) => formatSigned(value, 1)),
		money(impact.incrementalRevenue, currency, 2, true),
		interval(impact.incrementalRevenueCiLow, impact.incrementalRevenueCiHigh, (value) => formatSigned(value, 2)),
		money(impact.cost, currency, 2),
		formatPercent(impact.roi, 1, true),
		interval(impact.roiCiLow, impact.roiCiHigh, (value) => formatPercent(value, 1, true)),
	]);
	const warnings = analysis.warnings.map((warning) => `<div class="warning">${escapeHtml(warning)}</div>`).join('');
	const body = [
		`<h1>${escapeHtml(title)}</h1>`,
		meta ? `<p class="meta">${meta}</p>` : '',
		`<h2>Summary</h2><ul>${analysis.comparisons.map((comparison) => summarySentence(comparison, level)).join('')}</ul>`,
		analysis.sampleRatio ? `<p>${escapeHtml(analysis.sampleRatio.message)}.</p>` : '',
		warnings,
		`<h2>Charts</h2>`,
		armChart(analysis, currency),
		analysis.business.length ? incrementalChart(analysis, currency) : '',
		`<h2>Arms</h2>`,
		table(['Arm', 'Customers', 'Share', 'Planned', 'Conversions', 'Rate', `Rate ${level} interval`, 'Revenue', 'Per customer', `Per customer ${level} interval`], armRows),
		`<h2>Comparisons</h2>`,
		table(['Variant', 'Metric', 'Control', 'Variant value', 'Uplift', `${level} interval`, 'p-value', 'Chance to win', 'Risk control / variant', 'CUPED variance cut'], comparisonRows),
		`<h2>Business impact</h2>`,
		table(['Variant', 'Incremental conversions', `${level} interval`, 'Incremental revenue', `${level} interval`, 'Cost', 'ROI', `ROI ${level} interval`], businessRows),
		options.notes ? `<h2>Notes</h2><p>${escapeHtml(options.notes)}</p>` : '',
		`<h2>Method</h2>`,
		methodText(analysis),
	].join('\n');
	return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}
