export declare function readVersionSnapshot(nodeName: string, version: number): unknown;
export declare function recordingVersions(): boolean;
export declare function writeVersionSnapshot(nodeName: string, version: number, snapshot: unknown): void;
