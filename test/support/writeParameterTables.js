'use strict';
// Fills the parameters table of each docs/nodes/<node>.md from the built node description:
//   npm run build && node test/support/writeParameterTables.js
const fs = require('node:fs');
const path = require('node:path');
const { projectRoot } = require('./projectFiles.js');
const { parameterTable } = require('./nodeParameterTable.js');

const START = '<!-- parameters:start -->';
const END = '<!-- parameters:end -->';

/** docs/nodes/<kebab-case>.md for a node folder such as AssignLifecycleStage. */
function docsPageOf(folder) {
	return path.join(projectRoot, 'docs', 'nodes', `${folder.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}.md`);
}

for (const entry of require(path.join(projectRoot, 'package.json')).n8n.nodes) {
	const folder = entry.split('/')[2];
	const description = new (require(path.join(projectRoot, entry))[folder])().description;
	const page = docsPageOf(folder);
	const text = fs.readFileSync(page, 'utf8');
	const start = text.indexOf(START);
	const end = text.indexOf(END);
	if (start < 0 || end < start) throw new Error(`${page} lacks the ${START} ... ${END} markers`);
	fs.writeFileSync(page, `${text.slice(0, start + START.length)}\n${parameterTable(description)}\n${text.slice(end)}`);
	process.stdout.write(`${path.relative(projectRoot, page)}\n`);
}
