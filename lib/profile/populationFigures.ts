/**
 * Population figures: what the per-customer answers take from the whole population, computed by the scheduled
 * (weekly) run and stored, so a real-time run for one customer gives exactly the answer the weekly run gives them
 * instead of ranking the customer among a batch of one.
 *
 * One versioned JSON object; each node writes and reads its own part:
 *   { "kind": "populationFigures", "version": 1,
 *     "observationEnd": "1997-09-30T00:00:00.000Z",                 Build Profile: the run's observation end
 *     "rfm": { "purchasers": 2357, "valued": 2357,                  Build Profile: RFM quintile edges (scoreRfm.ts)
 *              "recency": [ISO date | null x 4], "frequency": [n | null x 4], "monetary": [n | null x 4] },
 *     "lifecycle": { ... } }                                          Assign Lifecycle Stage (lifecyclePopulationFigures.ts)
 * Edges are for scores 2..5: the smallest value of the run with that score or more (null: no value reaches it).
 * A missing part, another version or a malformed field is an error naming the field, never a silent batch-of-one.
 * Reference: the stored model pattern of Score Churn (Score With Model) and Recommend Products (Stored Model).
 *
 * Cost: O(n log n) to compute for n customers; O(1) to read.
 * @example profilePopulationFigures('1997-09-30T00:00:00.000Z', profiles).rfm.frequency // [2, 2, 3, 5]
 */
import { LifecycleInputError } from '../errors';
import { describeValue } from '../fieldValues';
import { parseTimestamp } from './parseTimestamp';
import type { RfmEdges, RfmFigures } from './scoreRfm';
import { rfmEdges } from './scoreRfm';
import { readStoredProfileRow } from './storedProfileRow';

/** Version of the population figures; figures of another version are refused, never guessed. */
export const POPULATION_FIGURES_VERSION = 1;
export const POPULATION_FIGURES_KIND = 'populationFigures';

/** The RFM part as stored: recency edges as ISO 8601 dates. */
export interface StoredRfmEdges {
	purchasers: number;
	valued: number;
	recency: Array<string | null>;
	frequency: Array<number | null>;
	monetary: Array<number | null>;
}

/** The figures as stored (every part optional: each node writes its own). */
export interface PopulationFigures {
	kind: typeof POPULATION_FIGURES_KIND;
	version: number;
	observationEnd?: string;
	rfm?: StoredRfmEdges;
	lifecycle?: Record<string, unknown>;
	[part: string]: unknown;
}

/** What Build Profile reads back: the observation end (ms) and the RFM edges. */
export interface ProfilePopulationFigures {
	observationEnd: number;
	rfm: RfmEdges;
}

const HINT = 'Store the populationFigures of the scheduled run (Build Profile run summary and Assign Lifecycle Stage summary) unchanged and pass them here';

function figuresError(functionName: string, field: string, need: string, got: unknown, hint = HINT): LifecycleInputError {
	return new LifecycleInputError(`${functionName} requires ${field} ${need}; got ${got === undefined ? 'nothing (the field is missing)' : describeValue(got)}`, { field, hint });
}

/** The figures object from JSON text or an object, with its kind and version checked. */
export function readPopulationFigures(value: unknown, functionName: string): PopulationFigures {
	let figures: unknown = value;
	if (typeof value === 'string') {
		if (value.trim() === '') throw figuresError(functionName, 'populationFigures', 'to be the population figures of the scheduled run', value);
		try {
			figures = JSON.parse(value);
		} catch {
			throw figuresError(functionName, 'populationFigures', 'to be valid JSON', value.length > 60 ? `${value.slice(0, 60)}...` : value);
		}
	}
	if (typeof figures !== 'object' || figures === null || Array.isArray(figures)) {
		throw figuresError(functionName, 'populationFigures', 'to be an object { kind: "populationFigures", version, ... }', figures);
	}
	const record = figures as Record<string, unknown>;
	if (record.kind !== POPULATION_FIGURES_KIND) throw figuresError(functionName, 'populationFigures.kind', `to be "${POPULATION_FIGURES_KIND}"`, record.kind);
	if (record.version !== POPULATION_FIGURES_VERSION) {
		throw figuresError(
			functionName,
			'populationFigures.version',
			`to be ${POPULATION_FIGURES_VERSION} (this version of the nodes)`,
			record.version,
			'Run the scheduled run again with this version of the nodes and store its new figures',
		);
	}
	return record as PopulationFigures;
}

/** The part `name` of the figures, an error naming it when missing. */
export function populationFiguresPart(figures: PopulationFigures, name: string, functionName: string, writer: string): Record<string, unknown> {
	const part = Object.prototype.hasOwnProperty.call(figures, name) ? figures[name] : undefined;
	if (typeof part !== 'object' || part === null || Array.isArray(part)) {
		throw figuresError(functionName, `populationFigures.${name}`, `to be an object (written by ${writer})`, part, `Merge the populationFigures of ${writer}'s summary into the stored figures`);
	}
	return part as Record<string, unknown>;
}

function readEdges(part: Record<string, unknown>, name: string, functionName: string, asTime: boolean): Array<number | null> {
	const field = `populationFigures.rfm.${name}`;
	const value = part[name];
	if (!Array.isArray(value) || value.length !== 4) throw figuresError(functionName, field, 'to be a list of 4 edges (scores 2 to 5)', value);
	let previous = Number.NEGATIVE_INFINITY;
	let ended = false;
	return value.map((entry: unknown) => {
		if (entry === null) {
			ended = true;
			return null;
		}
		const number = asTime ? (typeof entry === 'string' ? parseTimestamp(entry) : undefined) : typeof entry === 'number' && Number.isFinite(entry) ? entry : undefined;
		if (number === undefined || ended || number < previous) {
			throw figuresError(functionName, field, `to be rising ${asTime ? 'dates (ISO 8601)' : 'numbers'}, nulls only at the end`, value);
		}
		previous = number;
		return number;
	});
}

/** Build Profile's part of stored figures: the observation end and the RFM edges, checked. */
export function readProfilePopulationFigures(value: unknown, functionName = 'Build Profile'): ProfilePopulationFigures {
	const figures = readPopulationFigures(value, functionName);
	const end = figures.observationEnd;
	const observationEnd = typeof end === 'string' ? parseTimestamp(end) : undefined;
	if (observationEnd === undefined) throw figuresError(functionName, 'populationFigures.observationEnd', 'to be a date (ISO 8601, written by Build Profile)', end);
	const part = populationFiguresPart(figures, 'rfm', functionName, 'Build Profile');
	return {
		observationEnd,
		rfm: {
			recency: readEdges(part, 'recency', functionName, true),
			frequency: readEdges(part, 'frequency', functionName, false),
			monetary: readEdges(part, 'monetary', functionName, false),
		},
	};
}

/** The figures a run writes from its population: the observation end and the RFM edges of every customer. */
export function profilePopulationFigures(observationEnd: string, population: readonly RfmFigures[]): PopulationFigures {
	const edges = rfmEdges(population);
	const purchasers = population.filter((figures) => figures.orders > 0);
	return {
		kind: POPULATION_FIGURES_KIND,
		version: POPULATION_FIGURES_VERSION,
		observationEnd,
		rfm: {
			purchasers: purchasers.length,
			valued: purchasers.filter((figures) => figures.revenue !== null).length,
			recency: edges.recency.map((time) => (time === null ? null : new Date(time).toISOString())),
			frequency: edges.frequency,
			monetary: edges.monetary,
		},
	};
}

/**
 * The population after an update: the updated profiles plus the stored rows the update did not rebuild (a rebuilt
 * row is either updated, under its profileId, or retired).
 */
export function populationAfterUpdate(
	storedRows: readonly unknown[],
	profiles: ReadonlyArray<RfmFigures & { profileId: string }>,
	retiredProfileIds: readonly string[],
): RfmFigures[] {
	const rebuilt = new Set<string>([...profiles.map((profile) => profile.profileId), ...retiredProfileIds]);
	const untouched = storedRows.map((row, index) => readStoredProfileRow(row, index)).filter((row) => !rebuilt.has(row.profileId));
	return [...profiles, ...untouched.map((row) => row.figures)];
}
