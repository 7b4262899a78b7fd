export declare function report(caseName: string, n: number, ms: number, figures?: Record<string, unknown>): void;
/** Runs fn once to warm up (unless told not to), then times the best of `repeats` runs. */
export declare function time<T>(fn: () => T, options?: {
    repeats?: number;
    warmUp?: boolean;
}): {
    result: T;
    ms: number;
};
export declare function peakMemoryMb(): number;
