// Test tooling with file and process access: plain JavaScript, outside what n8n-node lint holds to the cloud rules (it lints **/*.ts).
'use strict';
/**
 * Runs the Python timing baseline (bgnbd_baseline.py: a numpy + scipy RE-IMPLEMENTATION of lifetimes 0.11's
 * BG/NBD fit, not lifetimes itself) on the given customers. Returns its JSON, or { available: false, reason }.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

function runBaseline(customers, repeats = 2) {
	const file = path.join(os.tmpdir(), `churn-baseline-${process.pid}-${customers.length}.csv`);
	const lines = ['frequency,recency,T'];
	for (const customer of customers) lines.push(`${customer.frequency},${customer.recency},${customer.T}`);
	fs.writeFileSync(file, `${lines.join('\n')}\n`);
	try {
		const result = spawnSync('python3', [path.join(__dirname, 'bgnbd_baseline.py'), file, String(repeats)], {
			encoding: 'utf8',
			maxBuffer: 16 * 1024 * 1024,
			timeout: 240_000,
		});
		if (result.error) return { available: false, reason: String(result.error.message) };
		if (result.status !== 0) return { available: false, reason: (result.stderr || '').trim().split('\n').slice(-1)[0] || `exit ${result.status}` };
		return { available: true, ...JSON.parse(result.stdout) };
	} finally {
		fs.rmSync(file, { force: true });
	}
}

module.exports = { runBaseline };
