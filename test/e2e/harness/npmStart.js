'use strict';
// Runs `npm start` the way a user does, for the tests of its port checks and its Ctrl+C: in its own process group
// (as a terminal's foreground job), with its output collected in a file, and Ctrl+C sent as a terminal sends it:
// SIGINT to the whole group. Also finds what is left running afterwards.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { projectRoot } = require('./paths.js');

const started = new Set();
process.once('exit', () => {
	for (const run of started) {
		try {
			process.kill(-run.pid, 'SIGKILL');
		} catch {}
	}
});

function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The variables of the demo's ports and folder, dropped from the inherited environment so only `env` sets them. */
const DEMO_VARIABLES = ['N8N_PORT', 'LIFECYCLE_OUTBOX_PORT', 'LIFECYCLE_CHAT_PORT', 'N8N_RUNNERS_BROKER_PORT', 'LIFECYCLE_SMTP_PORT', 'LIFECYCLE_DEMO_FOLDER'];

/**
 * Starts `npm start` in the project with `env` added; its standard output and error go to <folder>/<name>.txt.
 * Returns { pid, output(), exited (promise of { code, signal }), waitFor(pattern, timeoutMs), interrupt() }.
 */
function startNpmStart({ env, folder, name }) {
	const outputFile = path.join(folder, `${name}.txt`);
	const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !DEMO_VARIABLES.includes(name) && !/^npm_/i.test(name)));
	const outputFd = fs.openSync(outputFile, 'w');
	let child;
	try {
		child = spawn('npm', ['start'], { cwd: projectRoot, env: { ...inherited, FORCE_COLOR: '0', ...env }, detached: true, stdio: ['ignore', outputFd, outputFd] });
	} finally {
		fs.closeSync(outputFd);
	}
	const run = { pid: child.pid };
	started.add(run);
	run.exited = new Promise((resolve) =>
		child.once('exit', (code, signal) => {
			started.delete(run);
			resolve({ code, signal });
		}),
	);
	let exit = null;
	run.exited.then((result) => (exit = result));
	run.output = () => (fs.existsSync(outputFile) ? fs.readFileSync(outputFile, 'utf8') : '');
	/** Resolves once the output matches `pattern`; rejects with the output when npm start exits first or time runs out. */
	run.waitFor = async (pattern, timeoutMs) => {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			if (pattern.test(run.output())) return;
			if (exit) throw new Error(`npm start exited (${exit.signal ?? exit.code}) before printing ${pattern}:\n${run.output().slice(-6000)}`);
			if (Date.now() > deadline) throw new Error(`npm start did not print ${pattern} within ${timeoutMs} ms:\n${run.output().slice(-6000)}`);
			await sleep(500);
		}
	};
	/** Ctrl+C in a terminal: SIGINT to every process of the foreground group (npm, the shell, the start script). */
	run.interrupt = () => process.kill(-child.pid, 'SIGINT');
	/** Resolves to { code, signal }, or kills the group and rejects after `timeoutMs`. */
	run.waitForExit = async (timeoutMs) => {
		let timer;
		const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
		const result = await Promise.race([run.exited, timeout]);
		clearTimeout(timer);
		if (result !== 'timeout') return result;
		try {
			process.kill(-child.pid, 'SIGKILL');
		} catch {}
		throw new Error(`npm start did not exit within ${timeoutMs} ms:\n${run.output().slice(-6000)}`);
	};
	return run;
}

/** Processes of this machine whose command line or environment names `text` (e.g. a demo folder): [{ pid, command }]. */
function processesMentioning(text) {
	const found = [];
	for (const name of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
		try {
			const command = fs.readFileSync(path.join('/proc', name, 'cmdline'), 'utf8').replace(/\0/g, ' ').trim();
			const environment = fs.readFileSync(path.join('/proc', name, 'environ'), 'utf8');
			if (command.includes(text) || environment.includes(text)) found.push({ pid: Number(name), command });
		} catch {}
	}
	return found;
}

/** Listens on 127.0.0.1:port (0 = a free one) so that npm start finds it taken; resolves { port, close() }. */
function holdPort(port = 0) {
	return new Promise((resolve, reject) => {
		const server = net.createServer((socket) => socket.destroy());
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve({ port: server.address().port, close: () => new Promise((done) => server.close(() => done())) }));
	});
}

/** `count` distinct free ports (held together while chosen, so none repeats). */
async function distinctFreePorts(count) {
	const held = [];
	for (let i = 0; i < count; i++) held.push(await holdPort(0));
	await Promise.all(held.map((entry) => entry.close()));
	return held.map((entry) => entry.port);
}

/** The state of a demo started with LIFECYCLE_DEMO_FOLDER: its main.log, whether it exists, whether n8n left a crash journal. */
function demoState(demoFolder) {
	const file = (...parts) => path.join(demoFolder, ...parts);
	return {
		exists: fs.existsSync(demoFolder),
		mainLog: fs.existsSync(file('main.log')) ? fs.readFileSync(file('main.log'), 'utf8') : '',
		crashJournal: fs.existsSync(file('.n8n', 'crash.journal')),
	};
}

module.exports = { startNpmStart, processesMentioning, holdPort, distinctFreePorts, demoState };
