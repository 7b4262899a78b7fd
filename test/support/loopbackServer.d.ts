export interface RecordedRequest {
	method: string;
	url: string;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
}
export interface LoopbackServer {
	url: string;
	requests: RecordedRequest[];
	close(): Promise<void>;
}
export declare function startLoopbackServer(handler: (request: RecordedRequest) => { status?: number; body?: unknown } | undefined): Promise<LoopbackServer>;
