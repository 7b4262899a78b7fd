'use strict';
// Test servers (SMTP sink, scoring endpoint, outbox page) run in child processes, because the harness runs
// `n8n execute` with spawnSync: an in-process server could not answer while that call blocks the test's event
// loop. This is what they share: start `node <script> --serve ...` and wait for its "listening <port> ..." line,
// stop it, kill leftovers when the test process exits, and read the JSON-lines logs the children write.
const { spawn } = require('node:child_process');
const fs = require('node:fs');

const liveChildren = new Set();
process.once('exit', () => {
	for (const child of liveChildren) {
		try {
			child.kill('SIGKILL');
		} catch {}
	}
});

/** Starts `node script --serve ...args`; resolves { child, ports } once the child prints "listening <port> [<port> ...]". */
async function startChildServer(script, args, label) {
	const child = spawn(process.execPath, [script, '--serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
	liveChildren.add(child);
	child.on('exit', () => liveChildren.delete(child));
	const ports = await new Promise((resolve, reject) => {
		let output = '';
		const fail = (why) => reject(new Error(`The ${label} did not start: ${why}\n${output}`));
		child.stdout.setEncoding('utf8');
		child.stdout.on('data', (chunk) => {
			output += chunk;
			const match = /listening ([\d ]+)\n/.exec(output);
			if (match) resolve(match[1].trim().split(' ').map(Number));
		});
		child.stderr.on('data', (chunk) => (output += chunk));
		child.once('error', (error) => fail(error.message));
		child.once('exit', (code) => fail(`exited with ${code}`));
	});
	return { child, ports };
}

/** Stops a child started by startChildServer (SIGTERM, then waits for its exit). */
async function stopChild(child) {
	if (child.exitCode !== null || child.signalCode !== null) return;
	await new Promise((resolve) => {
		child.once('exit', resolve);
		child.kill('SIGTERM');
	});
}

/** In the child: listen on 127.0.0.1 (`port`, 0 = a free one), announce it, close on SIGTERM; a listen error ends it. */
function serveUntilTerminated(server, port = 0) {
	server.on('error', (error) => {
		process.stderr.write(`${error.message}\n`);
		process.exit(1);
	});
	server.listen(port, '127.0.0.1', () => process.stdout.write(`listening ${server.address().port}\n`));
	process.on('SIGTERM', () => {
		server.close(() => process.exit(0));
		setTimeout(() => process.exit(0), 1000).unref();
	});
}

/** Every complete JSON line of a log file, in order ([] when the file is missing; a line still being written is left out). */
function readJsonLines(file) {
	if (!fs.existsSync(file)) return [];
	const lines = fs.readFileSync(file, 'utf8').split('\n');
	lines.pop(); // the text after the last newline: empty, or a line still being written
	return lines.filter((line) => line !== '').map((line) => JSON.parse(line));
}

module.exports = { startChildServer, stopChild, serveUntilTerminated, readJsonLines };
