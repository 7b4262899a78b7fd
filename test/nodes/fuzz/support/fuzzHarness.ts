/**
 * What every fuzz property checks, the same way for all six nodes:
 *   (a) the node outputs, or fails with a NodeOperationError / NodeApiError (thrown, or as error items with
 *       Continue on fail) that names an item index and a field; never another error, never a hang; no NaN or
 *       Infinity in what the node adds to an item;
 *   (b) good items give the same output with or without bad items beside them (Continue on fail on), except
 *       the population-dependent fields each suite names;
 *   (c) no prototype changes.
 */
import fc from 'fast-check';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, IPairedItemData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { ParameterValue } from '../../support/mockExecuteFunctions';
import { mockExecuteFunctions } from '../../support/mockExecuteFunctions';

/** One node run longer than this is a hang for the fuzz suite (the inputs are at most a few dozen items). */
export const RUN_TIME_LIMIT_MS = 3_000;
/** A whole property (runs and shrinking) stops here and fails, so the suite stays bounded on a busy machine. */
export const PROPERTY_TIME_LIMIT_MS = 25_000;
/** The Jest timeout of one property test: the property's limit plus room for the last run. */
export const TEST_TIMEOUT_MS = PROPERTY_TIME_LIMIT_MS + 15_000;

export type Row = Record<string, unknown>;

export interface RunSetup {
	node: INodeType;
	/** The node's parameters, or a function of the rows for per-item expressions (Previous Stage, Campaign). */
	parameters: Record<string, ParameterValue> | ((rows: Row[]) => Record<string, ParameterValue>);
	/** Extra context methods (getTimezone, getCredentials, a second input). */
	extend?: (context: IExecuteFunctions) => void;
}

export interface RunResult {
	output?: INodeExecutionData[];
	failure?: unknown;
	elapsedMs: number;
}

export async function runNode(setup: RunSetup, rows: Row[], continueOnFail: boolean): Promise<RunResult> {
	const items: INodeExecutionData[] = rows.map((json) => ({ json: json as IDataObject }));
	const parameters = typeof setup.parameters === 'function' ? setup.parameters(rows) : setup.parameters;
	const { context } = mockExecuteFunctions(parameters, items, { continueOnFail });
	setup.extend?.(context);
	const started = Date.now();
	try {
		const execute = setup.node.execute as (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;
		const [output] = await execute.call(context);
		return { output, elapsedMs: Date.now() - started };
	} catch (failure) {
		return { failure, elapsedMs: Date.now() - started };
	}
}

// ---------- (a) outcome ----------

function describeFailure(failure: unknown): string {
	if (failure instanceof Error) return `${failure.constructor.name}: ${failure.message}\n${(failure.stack ?? '').split('\n').slice(1, 4).join('\n')}`;
	return String(failure);
}

/** Field names an error may name for an item: its own keys and the keys one level down. */
function fieldNamesOf(row: Row | undefined): string[] {
	if (!row || typeof row !== 'object') return [];
	const names = new Set<string>();
	for (const key of Object.keys(row)) {
		names.add(key);
		const value = row[key];
		if (value && typeof value === 'object' && !Array.isArray(value)) for (const inner of Object.keys(value)) names.add(inner);
	}
	return [...names].filter((name) => name.trim() !== '');
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether the text names one of the item's fields as a word (or says "Field: ..."). */
export function namesAField(text: string, row: Row | undefined, extraFields: readonly string[] = []): boolean {
	if (/\bField:/.test(text)) return true;
	return [...fieldNamesOf(row), ...extraFields].some((name) => new RegExp(`(^|[^A-Za-z0-9_])${escapeRegExp(name)}([^A-Za-z0-9_]|$)`).test(text));
}

function errorText(error: { message?: unknown; description?: unknown }): string {
	return `${String(error.message ?? '')} ${String(error.description ?? '')}`;
}

function isNodeError(error: unknown): error is NodeOperationError | NodeApiError {
	return error instanceof NodeOperationError || error instanceof NodeApiError;
}

/** Messages of the JavaScript engine's own TypeError / RangeError / SyntaxError: a crash, even wrapped in a NodeOperationError. */
const ENGINE_MESSAGES = /Cannot read propert|Cannot set propert|is not a function|is not iterable|is not a constructor|Invalid time value|Invalid array length|Maximum call stack|Cannot convert|of undefined|of null|toISOString|Unexpected token|Invalid count value|Invalid string length|BigInt|out of memory/;

/** A node error whose message is an engine error's: the node caught a crash and passed it on as if it were an input problem. */
export function isWrappedCrash(error: unknown): boolean {
	return error instanceof Error && ENGINE_MESSAGES.test(error.message);
}

/**
 * A failure that is acceptable for a run-level problem (a parameter, or too little data): a node error that is
 * not a wrapped crash. Items' problems must still name the item (see outcomeViolations).
 */
export function isRunLevelNodeError(error: unknown): boolean {
	return isNodeError(error) && !isWrappedCrash(error);
}

/** Every number in a value is finite (what n8n would otherwise print as null). */
function nonFinitePaths(value: unknown, path: string, found: string[], seen = new Set<unknown>()): void {
	if (typeof value === 'number' && !Number.isFinite(value)) found.push(`${path} = ${value}`);
	if (value === null || typeof value !== 'object' || seen.has(value)) return;
	seen.add(value);
	for (const [key, inner] of Object.entries(value)) nonFinitePaths(inner, `${path}.${key}`, found, seen);
}

function singleSource(item: INodeExecutionData): number | undefined {
	const paired = item.pairedItem;
	if (typeof paired === 'number') return paired;
	if (Array.isArray(paired)) return paired.length === 1 && !paired[0].input ? paired[0].item : undefined;
	return paired && !paired.input ? paired.item : undefined;
}

/** The second input's item an error item is paired with ({ item, input: 1 }), if any. */
function secondInputSource(item: INodeExecutionData): number | undefined {
	const paired = item.pairedItem;
	const single = Array.isArray(paired) ? (paired.length === 1 ? paired[0] : undefined) : typeof paired === 'number' ? undefined : paired;
	return single && single.input === 1 ? single.item : undefined;
}

export interface OutcomeRules {
	/** Field names (parameters) an error may name besides the item's own keys. */
	extraFields?: readonly string[];
	/** The rows of the second input (Recommend Products' catalog), whose items error items may be paired with. */
	secondInput?: Row[];
}

/**
 * Invariant (a): returns what is wrong with one run's outcome, or [] when it is acceptable.
 * Thrown errors must be n8n node errors with an item index in range and a field named; so must error items.
 */
export function outcomeViolations(result: RunResult, rows: Row[], continueOnFail: boolean, rules: OutcomeRules = {}): string[] {
	const problems: string[] = [];
	if (result.elapsedMs > RUN_TIME_LIMIT_MS) problems.push(`took ${result.elapsedMs} ms (limit ${RUN_TIME_LIMIT_MS} ms)`);
	if (result.failure !== undefined) {
		const failure = result.failure;
		if (!isNodeError(failure)) return [...problems, `threw a plain error, not a NodeOperationError: ${describeFailure(failure)}`];
		if (isWrappedCrash(failure)) return [...problems, `threw a crash wrapped as a node error: "${failure.message}"`];
		const itemIndex = (failure.context as { itemIndex?: unknown }).itemIndex;
		if (typeof itemIndex !== 'number' || !Number.isInteger(itemIndex) || itemIndex < 0 || itemIndex >= rows.length) {
			problems.push(`threw "${failure.message}" without an item index in range (itemIndex ${String(itemIndex)})`);
		} else if (!namesAField(errorText(failure), rows[itemIndex], rules.extraFields)) {
			problems.push(`threw "${errorText(failure)}" for item ${itemIndex} without naming a field`);
		}
		return problems;
	}
	const output = result.output ?? [];
	for (const item of output) {
		if (item.error !== undefined || (item.json && Object.prototype.hasOwnProperty.call(item.json, 'error') && item.json.itemIndex !== undefined)) {
			if (!continueOnFail) problems.push(`returned an error item with Continue on fail off: ${String(item.json.error)}`);
			if (!isNodeError(item.error)) problems.push(`error item without a NodeOperationError: ${describeFailure(item.error)}`);
			else if (isWrappedCrash(item.error)) problems.push(`error item is a crash wrapped as a node error: "${item.error.message}"`);
			const second = secondInputSource(item);
			const inputRows = second === undefined ? rows : (rules.secondInput ?? []);
			const source = second ?? singleSource(item);
			const text = errorText({ message: item.json.error, description: item.json.description });
			if (source === undefined || source < 0 || source >= inputRows.length) problems.push(`error item "${String(item.json.error)}" not paired with one input item`);
			else if (!namesAField(text, inputRows[source], rules.extraFields)) problems.push(`error item "${text}" for item ${source}${second === undefined ? '' : ' of the second input'} names no field`);
			continue;
		}
		const source = singleSource(item);
		const input = source !== undefined && source >= 0 && source < rows.length ? rows[source] : undefined;
		const found: string[] = [];
		for (const [key, value] of Object.entries(item.json ?? {})) {
			// Values passed through unchanged from the input are the input's business, not the node's.
			if (input && Object.prototype.hasOwnProperty.call(input, key) && Object.is(input[key], value)) continue;
			nonFinitePaths(value, key, found);
		}
		if (found.length > 0) problems.push(`output${source === undefined ? '' : ` of item ${source}`} holds non-finite numbers: ${found.slice(0, 3).join(', ')}`);
	}
	return problems;
}

// ---------- (c) prototypes ----------

const WATCHED_PROTOTYPES: Array<[string, object]> = [
	['Object', Object.prototype], ['Array', Array.prototype], ['String', String.prototype], ['Number', Number.prototype],
	['Boolean', Boolean.prototype], ['Function', Function.prototype], ['Date', Date.prototype], ['RegExp', RegExp.prototype],
	['Map', Map.prototype], ['Set', Set.prototype], ['Promise', Promise.prototype], ['Error', Error.prototype],
];

export type PrototypeSnapshot = Array<[string, Array<[PropertyKey, unknown, unknown, unknown]>]>;

export function snapshotPrototypes(): PrototypeSnapshot {
	return WATCHED_PROTOTYPES.map(([name, prototype]) => [
		name,
		Reflect.ownKeys(prototype).map((key) => {
			const descriptor = Object.getOwnPropertyDescriptor(prototype, key) as PropertyDescriptor;
			return [key, descriptor.value, descriptor.get, descriptor.set] as [PropertyKey, unknown, unknown, unknown];
		}),
	]);
}

/** Invariant (c): what changed on a watched prototype since the snapshot (and Object.prototype's own prototype). */
export function prototypeChanges(before: PrototypeSnapshot): string[] {
	const after = snapshotPrototypes();
	const changes: string[] = [];
	before.forEach(([name, entries], k) => {
		const now = after[k][1];
		if (now.length !== entries.length) changes.push(`${name}.prototype has ${now.length} own keys, had ${entries.length}`);
		entries.forEach(([key, value, get, set], i) => {
			const other = now[i];
			if (!other || other[0] !== key || !Object.is(other[1], value) || other[2] !== get || other[3] !== set) changes.push(`${name}.prototype.${String(key)} changed`);
		});
	});
	if (Object.getPrototypeOf(Object.prototype) !== null) changes.push('Object.prototype got a prototype');
	return changes;
}

// ---------- (b) good items beside bad ones ----------

/**
 * Good and bad rows mixed: each bad row inserted at a position drawn by fast-check. Returns the rows and,
 * for each good row, its index in the mixed list.
 */
export function interleave(good: Row[], bad: Row[], slots: number[]): { rows: Row[]; goodIndexes: number[] } {
	const tagged: Array<{ row: Row; good: number | null }> = good.map((row, index) => ({ row, good: index }));
	bad.forEach((row, k) => tagged.splice((slots[k] ?? 0) % (tagged.length + 1), 0, { row, good: null }));
	const goodIndexes: number[] = new Array<number>(good.length);
	tagged.forEach((entry, index) => {
		if (entry.good !== null) goodIndexes[entry.good] = index;
	});
	return { rows: tagged.map((entry) => entry.row), goodIndexes };
}

export const slotsArbitrary = fc.array(fc.nat(1000), { minLength: 8, maxLength: 8 });

function sourcesOf(item: INodeExecutionData): number[] {
	const paired = item.pairedItem;
	if (paired === undefined) return [];
	if (typeof paired === 'number') return [paired];
	return (Array.isArray(paired) ? paired : [paired]).filter((entry: IPairedItemData) => !entry.input).map((entry: IPairedItemData) => entry.item);
}

function withoutFields(json: IDataObject, excluded: readonly string[]): IDataObject {
	const copy: IDataObject = { ...json };
	for (const field of excluded) delete copy[field];
	return copy;
}

export interface Comparable {
	json: IDataObject;
	/** Good-row indexes the output came from. */
	sources: number[];
}

/**
 * The outputs made only of good rows, as good-row indexes, keyed by `keyOf` (the item index by default).
 * Outputs that mix good and bad rows are reported: a bad row must never join a good customer's output.
 */
export function goodOutputs(result: RunResult, goodIndexes: number[], keyOf: (item: INodeExecutionData, sources: number[]) => string | undefined): { byKey: Map<string, Comparable>; problems: string[] } {
	const problems: string[] = [];
	const byKey = new Map<string, Comparable>();
	if (result.failure !== undefined) return { byKey, problems: [`threw with Continue on fail on: ${describeFailure(result.failure)}`] };
	const goodOf = new Map(goodIndexes.map((rowIndex, good) => [rowIndex, good]));
	for (const item of result.output ?? []) {
		const sources = sourcesOf(item);
		const goods = sources.filter((source) => goodOf.has(source)).map((source) => goodOf.get(source) as number);
		if (goods.length === 0) continue;
		if (item.error !== undefined) {
			problems.push(`good row ${goods.join(', ')} came out as an error: ${String(item.json.error)}`);
			continue;
		}
		if (goods.length !== sources.length) {
			// Run-level items (a model, a summary) come from every row; the suites exclude them by key.
			const key = keyOf(item, goods);
			if (key !== undefined) problems.push(`output "${key}" joins good rows ${goods.join(', ')} with bad rows`);
			continue;
		}
		const key = keyOf(item, goods);
		if (key === undefined) continue;
		byKey.set(key, { json: item.json, sources: goods.sort((x, y) => x - y) });
	}
	return { byKey, problems };
}

/**
 * Invariant (b): every output of the good rows alone comes out the same beside the bad rows, apart from the
 * population-dependent fields.
 */
export function differencesBesideBad(alone: Map<string, Comparable>, mixed: Map<string, Comparable>, populationFields: readonly string[]): string[] {
	const problems: string[] = [];
	for (const [key, expected] of alone) {
		const actual = mixed.get(key);
		if (!actual) {
			problems.push(`good output "${key}" is missing beside bad rows`);
			continue;
		}
		try {
			expect(withoutFields(actual.json, populationFields)).toEqual(withoutFields(expected.json, populationFields));
			expect(actual.sources).toEqual(expected.sources);
		} catch (error) {
			problems.push(`good output "${key}" changed beside bad rows: ${(error instanceof Error ? error.message : String(error)).slice(0, 1500)}`);
		}
	}
	return problems;
}

/** Fails the fast-check run with every problem found, so the shrunk counterexample says what broke. */
export function assertNoProblems(problems: string[]): void {
	if (problems.length > 0) throw new Error(problems.join('\n'));
}

export function fuzzParameters(seed: number, numRuns: number): fc.Parameters<unknown> {
	return { seed, numRuns, interruptAfterTimeLimit: PROPERTY_TIME_LIMIT_MS, markInterruptAsFailure: true };
}

/**
 * The three checks every suite runs for one node, as one property over good and bad rows:
 * (a) on the mixed rows with Continue on fail off and on, (b) between the good rows alone and the mixed rows,
 * (c) after every run.
 */
export interface NodeFuzzCase {
	setup: RunSetup;
	/** Population-dependent output fields, excluded from (b) only. */
	populationFields: readonly string[];
	keyOf: (item: INodeExecutionData, goodSources: number[]) => string | undefined;
	rules?: OutcomeRules;
}

export async function checkGoodBesideBad(fuzzCase: NodeFuzzCase, good: Row[], bad: Row[], slots: number[]): Promise<void> {
	const before = snapshotPrototypes();
	const { rows, goodIndexes } = interleave(good, bad, slots);
	const problems: string[] = [];
	const strict = await runNode(fuzzCase.setup, rows, false);
	problems.push(...outcomeViolations(strict, rows, false, fuzzCase.rules).map((problem) => `(a) Continue on fail off: ${problem}`));
	const lenient = await runNode(fuzzCase.setup, rows, true);
	problems.push(...outcomeViolations(lenient, rows, true, fuzzCase.rules).map((problem) => `(a) Continue on fail on: ${problem}`));
	const alone = await runNode(fuzzCase.setup, good, true);
	const aloneOutputs = goodOutputs(alone, good.map((_, index) => index), fuzzCase.keyOf);
	if (alone.failure !== undefined || aloneOutputs.problems.length > 0) problems.push(`the good rows alone do not run cleanly (fix the generator): ${aloneOutputs.problems.join('; ')}`);
	else {
		const mixedOutputs = goodOutputs(lenient, goodIndexes, fuzzCase.keyOf);
		problems.push(...mixedOutputs.problems.map((problem) => `(b) ${problem}`));
		problems.push(...differencesBesideBad(aloneOutputs.byKey, mixedOutputs.byKey, fuzzCase.populationFields).map((problem) => `(b) ${problem}`));
	}
	problems.push(...prototypeChanges(before).map((change) => `(c) ${change}`));
	assertNoProblems(problems);
}
