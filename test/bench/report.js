// Test tooling with file and process access: plain JavaScript, outside what n8n-node lint holds to the cloud rules (it lints **/*.ts).
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.report = report;
exports.time = time;
exports.peakMemoryMb = peakMemoryMb;
/**
 * Benchmark reporting: one JSON line per case on stdout, `{"case": "...", "n": ..., "ms": ..., ...figures}`,
 * so that runs can be compared line by line.
 */
const node_perf_hooks_1 = require("node:perf_hooks");
function report(caseName, n, ms, figures = {}) {
    process.stdout.write(`${JSON.stringify({ case: caseName, n, ms: Math.round(ms * 10) / 10, ...figures })}\n`);
}
/** Runs fn once to warm up (unless told not to), then times the best of `repeats` runs. */
function time(fn, options = {}) {
    const repeats = options.repeats ?? 1;
    let result = options.warmUp === false ? undefined : fn();
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < repeats; i++) {
        const started = node_perf_hooks_1.performance.now();
        result = fn();
        best = Math.min(best, node_perf_hooks_1.performance.now() - started);
    }
    return { result, ms: best };
}
function peakMemoryMb() {
    return Math.round(process.memoryUsage().rss / 1048576);
}
