/** One message as the sink received it. */
export interface SmtpMessage {
	/** Envelope sender (MAIL FROM). */
	from: string;
	/** Envelope recipients (RCPT TO). */
	to: string[];
	/** User name given with AUTH PLAIN or LOGIN, or null without AUTH. */
	auth: string | null;
	/** The raw message after dot-unstuffing, CRLF line ends. */
	data: string;
	subject: string;
	/** Headers with lower-case names (folded lines joined). */
	headers: Record<string, string>;
	/** Body of a single-part message, transfer encoding decoded, LF line ends. */
	body: string;
	receivedAt: string;
}

/** A plain SMTP server on 127.0.0.1 in a child process, recording every message it accepts. */
export declare class SmtpSink {
	static start(options: { folder: string; name?: string; port?: number }): Promise<SmtpSink>;
	readonly host: string;
	readonly port: number;
	readonly logFile: string;
	messages(): SmtpMessage[];
	recipients(): string[];
	clear(): void;
	stop(): Promise<void>;
}

/** The server itself (a node:net Server, not yet listening), for tests that run it in-process. */
export declare function createSmtpServer(
	onMessage: (message: SmtpMessage) => void,
	options?: { name?: string },
): { listen(port: number, host: string, callback?: () => void): unknown; close(callback?: () => void): unknown; address(): unknown };
export declare function parseMessage(data: string): Pick<SmtpMessage, 'subject' | 'headers' | 'body'>;
