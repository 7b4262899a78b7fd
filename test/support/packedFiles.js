'use strict';
// What `npm pack` would put in the tarball, read from `npm pack --dry-run --json` (plain JS: it spawns npm).
const { spawnSync } = require('node:child_process');
const { projectRoot } = require('./projectFiles.js');

/** Paths inside the tarball, relative to its package/ folder, sorted. */
function packedFiles() {
	const result = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: projectRoot, encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`npm pack --dry-run failed:\n${result.stderr}`);
	return JSON.parse(result.stdout)[0].files.map((file) => file.path).sort();
}

module.exports = { packedFiles };
