import type { SmtpMessage } from './smtpSink';

/** The demo's outbox page and chat webhook, in a child process on 127.0.0.1. */
export declare class MailPage {
	/** messagesFile: the SMTP sink's log (sink.logFile); chat messages are appended to chatFile. Port 0 = a free one. */
	static start(options: { messagesFile: string; chatFile: string; port?: number; chatPort?: number; editorUrl?: string }): Promise<MailPage>;
	readonly port: number;
	readonly chatPort: number;
	/** http://127.0.0.1:<port>/ */
	readonly url: string;
	/** http://127.0.0.1:<chatPort>/chat */
	readonly chatUrl: string;
	chats(): Array<{ receivedAt: string; body: unknown }>;
	stop(): Promise<void>;
}

export declare function renderMailPage(messages: SmtpMessage[], chats: Array<{ receivedAt: string; body: unknown }>, options?: { editorUrl?: string }): string;
export declare function escapeHtml(text: string): string;
