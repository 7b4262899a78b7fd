/** One request as the endpoint received it (the customers themselves are not logged, only their count and IDs). */
export interface ScoringRequest {
	method: string;
	/** The path, without the query. */
	url: string;
	/** The query string (after "?"), or null. */
	query: string | null;
	/** Whether it carried `Authorization: Bearer <token>`. */
	authorized: boolean;
	contentType: string | null;
	horizon: number | null;
	horizonUnit: string | null;
	customers: number | null;
	customerIds: Array<string | null>;
	/** The fault this request got ('hang', '503', '429', '500', 'reset'), or null for a normal answer. */
	fault: ScoringFault | null;
}

/** What the endpoint does to a POST /score instead of answering: see scoringEndpoint.js. */
export type ScoringFault = 'hang' | 'reset' | '500' | '503' | '429';

export interface StubScore {
	churnProbability: number | null;
	probabilityAlive?: number;
	expectedPurchases?: number;
	churnReasons?: string;
}

/** The stand-in model: churnProbability = (T - recency) / (T + 1), and so on (see scoringEndpoint.js). */
export declare function stubScore(
	customer: { frequency?: unknown; recency?: unknown; T?: unknown },
	horizon: number,
): StubScore;

/** A churn scoring endpoint in a child process on 127.0.0.1 (POST /score, GET /health, bearer token). */
export declare class ScoringEndpoint {
	/** `faults` apply, in order, to the first POST /score requests; later ones are answered normally. */
	static start(options: { folder: string; token: string; faults?: ScoringFault[] }): Promise<ScoringEndpoint>;
	readonly port: number;
	readonly url: string;
	readonly logFile: string;
	requests(): ScoringRequest[];
	stop(): Promise<void>;
}

/** The endpoint's HTTP server in this process (unit tests): requests go to onRequest, faults as in start. */
export declare function createScoringServer(token: string, onRequest: (request: ScoringRequest) => void, faults?: ScoringFault[]): import('node:http').Server;
