'use strict';
// Stored snapshots of released node versions (test/nodes/versions/<Node>.v<version>.json). Plain JS: it reads
// and writes files and the environment, which n8n-node lint forbids in linted .ts files.
const fs = require('node:fs');
const path = require('node:path');
const { projectRoot } = require('./projectFiles.js');

const snapshotFolder = path.join(projectRoot, 'test', 'nodes', 'versions');

function snapshotFile(nodeName, version) {
	return path.join(snapshotFolder, `${nodeName}.v${version}.json`);
}

/** The stored snapshot of one node version, or undefined when none is stored yet. */
function readVersionSnapshot(nodeName, version) {
	const file = snapshotFile(nodeName, version);
	return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
}

/** True when the run was asked to record additions: RECORD_NODE_VERSIONS=1. */
function recordingVersions() {
	return process.env.RECORD_NODE_VERSIONS === '1';
}

function writeVersionSnapshot(nodeName, version, snapshot) {
	fs.mkdirSync(snapshotFolder, { recursive: true });
	fs.writeFileSync(snapshotFile(nodeName, version), `${JSON.stringify(snapshot, null, '\t')}\n`);
}

module.exports = { readVersionSnapshot, recordingVersions, writeVersionSnapshot };
