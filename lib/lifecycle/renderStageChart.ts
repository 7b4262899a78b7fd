/**
 * The lifecycle chart of a run as one self-contained SVG (no scripts, fonts or links): the funnel of customers
 * per stage, and, when customers had a previous stage, the stage-transition grid of what changed since then.
 *
 *   funnel: one bar per stage in model order, length = count / max count, labelled "count (share of all)"
 *   grid:   row p (previous stage), column s (stage now); cell = transitionMatrix[p][s], shaded by the row
 *           share transitionMatrix[p][s] / sum_s transitionMatrix[p][s]; the diagonal (no change) is outlined.
 *           Rows and columns without any customer are left out; "(none)" (no previous stage) is a row of its own;
 *           without any previous stage there is no grid.
 * Every stage name is user text (Stage Names, custom rules) and is escaped, so "<script>" is shown, never run.
 * Reference: the transition (migration) matrix of customer states, Pfeifer & Carraway (2000), Journal of
 * Interactive Marketing 14(2); SVG 1.1, https://www.w3.org/TR/SVG11/
 *
 * Cost: O(s^2) for s stages (a few kilobytes).
 * @example renderStageChart({ stageCounts: { repeat: 3, at_risk: 1 }, transitionMatrix: {} }, { title: 'Week 12' })
 *   // '<svg xmlns="http://www.w3.org/2000/svg" ...>...</svg>'
 */
import { ownField } from '../fieldValues';
import { escapeHtml, formatNumber } from '../markup';
import { NO_PREVIOUS_STAGE } from './summarizeLifecycleStages';

export interface StageChartInput {
	stageCounts: Record<string, number>;
	transitionMatrix?: Record<string, Record<string, number>>;
}

export interface StageChartOptions {
	/** Heading of the chart; default "Customers by lifecycle stage". */
	title?: string;
	/** A line under the heading, e.g. the observation time; lib/ never reads the clock. */
	subtitle?: string;
	/** Colour per stage name; stages without one are grey. */
	colors?: Record<string, string>;
}

/** Colours of the default stages, from first contact (blue) to loss (red); reactivated is green. */
export const DEFAULT_STAGE_COLORS: Readonly<Record<string, string>> = {
	prospect: '#9fb3c8',
	consideration: '#627d98',
	first_purchase: '#2186eb',
	repeat: '#0967d2',
	loyal: '#03449e',
	advocate: '#7c5cc4',
	at_risk: '#f0b429',
	lapsed: '#d64545',
	reactivated: '#3ebd93',
};

const WIDTH = 760;
const LABEL_WIDTH = 150;
const BAR_HEIGHT = 22;
const GAP = 6;
const CELL_HEIGHT = 26;

/** transitionMatrix[row][stage], own properties only (stage names are user text). */
function cell(matrix: Record<string, Record<string, number>>, row: string, stage: string): unknown {
	return ownField(ownField(matrix, row) as object | undefined, stage);
}

function count(value: unknown): number {
	return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

/** Bars of the funnel, starting at y; returns the SVG parts and the y below them. */
function funnel(stages: string[], counts: Record<string, number>, colors: Record<string, string>, y: number): { parts: string[]; y: number } {
	const total = stages.reduce((sum, stage) => sum + count(ownField(counts, stage)), 0);
	const max = Math.max(1, ...stages.map((stage) => count(ownField(counts, stage))));
	const barSpace = WIDTH - LABEL_WIDTH - 130;
	const parts: string[] = [];
	for (const stage of stages) {
		const value = count(ownField(counts, stage));
		const length = value === 0 ? 0 : Math.max(1, (value / max) * barSpace);
		const share = total === 0 ? 0 : (value / total) * 100;
		parts.push(
			`<text x="${LABEL_WIDTH - 8}" y="${y + 15}" text-anchor="end" class="label">${escapeHtml(stage)}</text>`,
			`<rect x="${LABEL_WIDTH}" y="${y}" width="${length.toFixed(1)}" height="${BAR_HEIGHT}" rx="3" fill="${escapeHtml(ownField(colors, stage) ?? '#bcccdc')}"><title>${escapeHtml(stage)}: ${value}</title></rect>`,
			`<text x="${(LABEL_WIDTH + length + 6).toFixed(1)}" y="${y + 15}" class="value">${formatNumber(value, 0)} (${formatNumber(share, 1)}%)</text>`,
		);
		y += BAR_HEIGHT + GAP;
	}
	return { parts, y };
}

/** The transition grid, starting at y; returns the SVG parts and the y below it. */
function transitionGrid(matrix: Record<string, Record<string, number>>, stages: string[], y: number): { parts: string[]; y: number } {
	const rowNames = [...stages.filter((stage) => ownField(matrix, stage) !== undefined), ...Object.keys(matrix).filter((row) => !stages.includes(row))];
	const rows = rowNames.filter((row) => stages.some((stage) => count(cell(matrix, row, stage)) > 0));
	const columns = stages.filter((stage) => rows.some((row) => count(cell(matrix, row, stage)) > 0));
	// Without any previous stage the grid would only repeat the funnel.
	if (rows.every((row) => row === NO_PREVIOUS_STAGE) || columns.length === 0) return { parts: [], y };
	const cellWidth = Math.min(90, (WIDTH - LABEL_WIDTH - 10) / columns.length);
	const parts: string[] = [
		`<text x="10" y="${y + 14}" class="chart-title">Stage now (columns) by previous stage (rows)</text>`,
	];
	y += 24;
	columns.forEach((column, c) => {
		const x = LABEL_WIDTH + c * cellWidth + cellWidth / 2;
		parts.push(`<text x="${x.toFixed(1)}" y="${y + 12}" text-anchor="middle" class="tick">${escapeHtml(column)}</text>`);
	});
	y += 20;
	for (const row of rows) {
		const rowTotal = columns.reduce((sum, column) => sum + count(cell(matrix, row, column)), 0);
		parts.push(`<text x="${LABEL_WIDTH - 8}" y="${y + 17}" text-anchor="end" class="label">${escapeHtml(row === NO_PREVIOUS_STAGE ? '(no previous stage)' : row)}</text>`);
		columns.forEach((column, c) => {
			const value = count(cell(matrix, row, column));
			const share = rowTotal === 0 ? 0 : value / rowTotal;
			const x = LABEL_WIDTH + c * cellWidth;
			const stroke = row === column ? ' stroke="#1f2933" stroke-width="1.5"' : '';
			parts.push(
				`<rect x="${(x + 1).toFixed(1)}" y="${y + 1}" width="${(cellWidth - 2).toFixed(1)}" height="${CELL_HEIGHT - 2}" fill="#0967d2" fill-opacity="${(0.06 + 0.8 * share).toFixed(3)}"${stroke}><title>${escapeHtml(row)} -> ${escapeHtml(column)}: ${value} (${formatNumber(share * 100, 1)}% of the row)</title></rect>`,
				`<text x="${(x + cellWidth / 2).toFixed(1)}" y="${y + 17}" text-anchor="middle" class="${share > 0.5 ? 'cell-dark' : 'cell'}">${value === 0 ? '·' : formatNumber(value, 0)}</text>`,
			);
		});
		y += CELL_HEIGHT;
	}
	return { parts, y: y + 6 };
}

export function renderStageChart(summary: StageChartInput, options: StageChartOptions = {}): string {
	const colors = { ...DEFAULT_STAGE_COLORS, ...(options.colors ?? {}) };
	const stages = Object.keys(summary.stageCounts);
	const total = stages.reduce((sum, stage) => sum + count(ownField(summary.stageCounts, stage)), 0);
	let y = 10;
	const head: string[] = [`<text x="10" y="${y + 16}" class="heading">${escapeHtml(options.title ?? 'Customers by lifecycle stage')}</text>`];
	y += 24;
	const subtitle = [options.subtitle, `${formatNumber(total, 0)} customers`].filter((text) => text !== undefined && text !== '').join(' · ');
	head.push(`<text x="10" y="${y + 12}" class="tick">${escapeHtml(subtitle)}</text>`);
	y += 26;
	const bars = funnel(stages, summary.stageCounts, colors, y);
	y = bars.y + 10;
	const grid = summary.transitionMatrix ? transitionGrid(summary.transitionMatrix, stages, y) : { parts: [], y };
	const height = Math.ceil(grid.y + 4);
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif" font-size="13">`,
		'<style>.heading{font-size:17px;font-weight:600;fill:#1f2933}.chart-title{font-weight:600;fill:#1f2933}.label,.value,.cell{fill:#1f2933}.tick{fill:#7b8794;font-size:11px}.cell-dark{fill:#ffffff}</style>',
		`<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
		...head,
		...bars.parts,
		...grid.parts,
		'</svg>',
	].join('');
}
