export interface DemoPort {
	key: 'port' | 'mailPort' | 'chatPort' | 'brokerPort' | 'smtpPort';
	port: number;
	what: string;
	variable: string;
}
export declare function demoPorts(env?: Record<string, string | undefined>): DemoPort[];
export declare function assertPortsFree(ports: Array<{ port: number; what: string; variable: string }>): Promise<void>;
/** null when 127.0.0.1:port can be bound, else the error code. */
export declare function tryListen(port: number): Promise<string | null>;
export declare class PortsError extends Error {}
