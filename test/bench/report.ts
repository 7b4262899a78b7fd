/**
 * Benchmark reporting: one JSON line per case on stdout, `{"case": "...", "n": ..., "ms": ..., ...figures}`,
 * so that runs can be compared line by line.
 */
import { performance } from 'node:perf_hooks';

export function report(caseName: string, n: number, ms: number, figures: Record<string, unknown> = {}): void {
	process.stdout.write(`${JSON.stringify({ case: caseName, n, ms: Math.round(ms * 10) / 10, ...figures })}\n`);
}

/** Runs fn once to warm up (unless told not to), then times the best of `repeats` runs. */
export function time<T>(fn: () => T, options: { repeats?: number; warmUp?: boolean } = {}): { result: T; ms: number } {
	const repeats = options.repeats ?? 1;
	let result = options.warmUp === false ? (undefined as T) : fn();
	let best = Number.POSITIVE_INFINITY;
	for (let i = 0; i < repeats; i++) {
		const started = performance.now();
		result = fn();
		best = Math.min(best, performance.now() - started);
	}
	return { result, ms: best };
}

export function peakMemoryMb(): number {
	return Math.round(process.memoryUsage().rss / 1048576);
}
