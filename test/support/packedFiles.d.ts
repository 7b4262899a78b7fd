export declare function packedFiles(): string[];
