import type { N8nHost } from './n8nHost';
export declare function readmeInstallCommands(): string[];
export declare function installAsReadmeSays(name: string): Promise<{ host: N8nHost; home: string; commands: string[]; stdout: string }>;
