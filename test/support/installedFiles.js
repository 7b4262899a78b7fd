'use strict';
// The files of an installed package folder, relative to it, sorted (plain JS: it reads the file system).
const fs = require('node:fs');
const path = require('node:path');

function installedFiles(folder) {
	const out = [];
	const walk = (relative) => {
		for (const entry of fs.readdirSync(path.join(folder, relative), { withFileTypes: true })) {
			const child = relative ? `${relative}/${entry.name}` : entry.name;
			if (entry.isDirectory()) walk(child);
			else out.push(child);
		}
	};
	walk('');
	return out.sort();
}

module.exports = { installedFiles };
