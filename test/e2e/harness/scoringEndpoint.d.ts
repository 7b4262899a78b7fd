/** One request as the endpoint received it (the customers themselves are not logged, only their count and IDs). */
export interface ScoringRequest {
	method: string;
	url: string;
	/** Whether it carried `Authorization: Bearer <token>`. */
	authorized: boolean;
	contentType: string | null;
	horizon: number | null;
	horizonUnit: string | null;
	customers: number | null;
	customerIds: Array<string | null>;
}

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
	static start(options: { folder: string; token: string }): Promise<ScoringEndpoint>;
	readonly port: number;
	readonly url: string;
	readonly logFile: string;
	requests(): ScoringRequest[];
	stop(): Promise<void>;
}
