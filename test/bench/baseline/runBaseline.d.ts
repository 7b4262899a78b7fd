export interface BaselineFit {
	ms: number;
	r: number;
	alpha: number;
	a: number;
	b: number;
	logLikelihood: number;
	success: boolean;
	iterations: number;
	evaluations: number;
	hessianPositiveDefinite: boolean;
}
export type BaselineResult =
	| { available: true; implementation: string; numpy: string; scipy: string; customers: number; BFGS: BaselineFit; 'Nelder-Mead': BaselineFit }
	| { available: false; reason: string };
/** Runs bgnbd_baseline.py (numpy + scipy re-implementation of lifetimes 0.11's BG/NBD fit, not lifetimes) on the customers. */
export declare function runBaseline(customers: ReadonlyArray<{ frequency: number; recency: number; T: number }>, repeats?: number): BaselineResult;
