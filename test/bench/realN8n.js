'use strict';
// What the benches in a real n8n share: the memory of an n8n process, read from /proc, and how a bench ends.
// Plain .js: it reads /proc, which n8n-node lint forbids in .ts files.
const fs = require('node:fs');

/** kB figures of /proc/<pid>/status (VmRSS now, VmHWM the peak so far), in MB; null once the process is gone. */
function memoryOf(pid) {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
		return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
	} catch {
		return null;
	}
}

/** Runs a bench's main(); a failure prints its stack and exits 1, so `npm run bench` reports the bench as failed. */
function runBench(main) {
	main().catch((error) => {
		process.stderr.write(`${error.stack ?? error}\n`);
		process.exit(1);
	});
}

module.exports = { memoryOf, runBench };
