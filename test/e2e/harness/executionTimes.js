'use strict';
// Per-node execution times of a host's latest finished execution, read from n8n's own SQLite database with the
// host's Node and its sqlite3 and flatted modules (n8n stores run data as a flatted string). The reader writes its
// answer to a file, not to a pipe, so no output is lost however large it grows.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { nodeBinary, n8nHome } = require('./paths.js');

const READER = `
const sqlite3 = require(process.env.HOST_MODULES + '/sqlite3');
const { parse } = require(process.env.HOST_MODULES + '/flatted');
const answer = (value) => require('node:fs').writeFileSync(process.env.ANSWER_FILE, JSON.stringify(value));
const db = new sqlite3.Database(process.env.DATABASE, sqlite3.OPEN_READONLY);
const deadline = Date.now() + Number(process.env.WAIT_MS);
function attempt() {
	db.get("SELECT e.id, e.status, d.data FROM execution_entity e JOIN execution_data d ON d.executionId = e.id WHERE e.finished = 1 ORDER BY e.id DESC LIMIT 1", (error, row) => {
		if (error || !row) {
			if (Date.now() < deadline) return setTimeout(attempt, 500);
			answer({ error: String(error ?? 'no finished execution') });
			return;
		}
		const runData = parse(row.data).resultData.runData;
		const times = {};
		for (const [node, runs] of Object.entries(runData)) times[node] = runs.reduce((sum, run) => sum + (run.executionTime ?? 0), 0);
		answer({ executionId: row.id, status: row.status, bytes: row.data.length, times });
	});
}
attempt();
`;

/** { executionId, status, bytes (stored run data), times: { node name: ms } } of the latest finished execution. */
function latestExecutionTimes(userFolder, { waitMs = 120000 } = {}) {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'execution-times-'));
	const answerFile = path.join(folder, 'answer.json');
	try {
		const result = spawnSync(nodeBinary, ['-e', READER], {
			encoding: 'utf8',
			stdio: ['ignore', 'ignore', 'pipe'],
			maxBuffer: 1 << 26,
			env: { ...process.env, HOST_MODULES: path.join(n8nHome, 'node_modules'), DATABASE: path.join(userFolder, '.n8n', 'database.sqlite'), WAIT_MS: String(waitMs), ANSWER_FILE: answerFile },
		});
		if (result.status !== 0 || !fs.existsSync(answerFile)) {
			return { error: `reading the execution failed (exit status ${result.status ?? 'none'}${result.signal ? `, signal ${result.signal}` : ''}): ${String(result.stderr).slice(-2000)}` };
		}
		return JSON.parse(fs.readFileSync(answerFile, 'utf8'));
	} finally {
		fs.rmSync(folder, { recursive: true, force: true });
	}
}

module.exports = { latestExecutionTimes };
