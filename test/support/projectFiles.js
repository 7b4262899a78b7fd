'use strict';
// Read-only access to the project's own files for invariant tests (plain JS: file access stays out of
// the TypeScript that n8n-node lint holds to the cloud rules).
const fs = require('node:fs');
const path = require('node:path');

const projectRoot = path.resolve(__dirname, '..', '..');

function readProjectFile(relativePath) {
	return fs.readFileSync(path.join(projectRoot, relativePath), 'utf8');
}

function projectFileExists(relativePath) {
	return fs.existsSync(path.join(projectRoot, relativePath));
}

/** Files under a folder of the project, as project-relative paths, sorted. */
function listProjectFiles(folder, extension) {
	const out = [];
	const walk = (relative) => {
		for (const entry of fs.readdirSync(path.join(projectRoot, relative), { withFileTypes: true })) {
			const child = path.join(relative, entry.name);
			if (entry.isDirectory()) walk(child);
			else if (!extension || entry.name.endsWith(extension)) out.push(child);
		}
	};
	if (fs.existsSync(path.join(projectRoot, folder))) walk(folder);
	return out.sort();
}

module.exports = { projectRoot, readProjectFile, projectFileExists, listProjectFiles };
