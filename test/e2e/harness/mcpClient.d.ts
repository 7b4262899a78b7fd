export interface McpTool {
	name: string;
	description?: string;
	inputSchema: { type: string; properties?: Record<string, { type?: string; description?: string }>; required?: string[] };
}
export interface McpConnection {
	serverInstructions(): string | undefined;
	tools(): Promise<McpTool[]>;
	call(name: string, args: Record<string, unknown>): Promise<{ isError: boolean; text: string; value: unknown }>;
	close(): Promise<void>;
}
export declare function connectMcp(url: string, options?: { name?: string; timeoutMs?: number }): Promise<McpConnection>;
