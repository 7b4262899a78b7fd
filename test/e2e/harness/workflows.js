'use strict';
// Workflow files kept in the repo (test/e2e/workflows) and helpers to read what a run produced.
const fs = require('node:fs');
const path = require('node:path');

const workflowsFolder = path.resolve(__dirname, '..', 'workflows');

/** A workflow of test/e2e/workflows, with parameters of named nodes overridden for this run. */
function loadWorkflow(name, overrides = {}) {
	const workflow = JSON.parse(fs.readFileSync(path.join(workflowsFolder, `${name}.json`), 'utf8'));
	for (const [nodeName, parameters] of Object.entries(overrides)) {
		const node = workflow.nodes.find((candidate) => candidate.name === nodeName);
		if (!node) throw new Error(`Workflow ${name} has no node "${nodeName}"`);
		node.parameters = { ...node.parameters, ...parameters };
	}
	return workflow;
}

/** Items that a node put on its first output in the first run. */
function outputOf(result, nodeName, output = 0) {
	const runs = result.data.resultData.runData[nodeName];
	if (!runs) throw new Error(`Node "${nodeName}" did not run; ran: ${Object.keys(result.data.resultData.runData).join(', ')}`);
	return runs[0].data?.main?.[output] ?? [];
}

/** CDNOW_sample.txt as the CSV a shop export would be: customer_id,timestamp,quantity,amount. */
function writeCdnowSampleCsv(file) {
	const source = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'data', 'cdnow', 'CDNOW_sample.txt');
	const rows = fs
		.readFileSync(source, 'utf8')
		.trim()
		.split('\n')
		.map((line) => line.trim().split(/\s+/));
	fs.writeFileSync(file, `customer_id,timestamp,quantity,amount\n${rows.map((r) => [Number(r[1]), r[2], r[3], r[4]].join(',')).join('\n')}\n`);
}

module.exports = { workflowsFolder, loadWorkflow, outputOf, writeCdnowSampleCsv };
