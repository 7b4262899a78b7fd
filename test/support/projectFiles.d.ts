export declare const projectRoot: string;
export declare function readProjectFile(relativePath: string): string;
export declare function projectFileExists(relativePath: string): boolean;
export declare function listProjectFiles(folder: string, extension?: string): string[];
