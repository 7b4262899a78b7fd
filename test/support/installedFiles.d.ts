export declare function installedFiles(folder: string): string[];
