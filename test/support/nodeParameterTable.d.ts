import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';
export declare function parameterTable(description: INodeTypeDescription): string;
export declare function parameterNames(properties: INodeProperties[], prefix?: string): string[];
