'use strict';
// The ports `npm start` needs, checked before anything starts: each one is named with what uses it and the
// environment variable that chooses another, so a taken port ends the start with a clear message instead of a
// stack trace after minutes of preparation (or, worse, a "ready" answer from someone else's server).
const net = require('node:net');

/**
 * The demo's ports from the environment: n8n's editor (N8N_PORT, 5678), the outbox page (LIFECYCLE_OUTBOX_PORT,
 * 5679), the chat webhook (LIFECYCLE_CHAT_PORT, 5680), n8n's task-runner broker (N8N_RUNNERS_BROKER_PORT) and the
 * SMTP sink (LIFECYCLE_SMTP_PORT); the last two are internal and default to a free port (0).
 */
function demoPorts(env = process.env) {
	const read = (name, fallback) => {
		const text = env[name];
		if (text === undefined || text === '') return fallback;
		const port = Number(text);
		if (!Number.isInteger(port) || port < 0 || port > 65535) throw new PortsError(`${name}=${text} is not a port number (0-65535)`);
		return port;
	};
	return [
		{ key: 'port', port: read('N8N_PORT', 5678), what: 'the n8n editor', variable: 'N8N_PORT' },
		{ key: 'mailPort', port: read('LIFECYCLE_OUTBOX_PORT', 5679), what: 'the outbox page', variable: 'LIFECYCLE_OUTBOX_PORT' },
		{ key: 'chatPort', port: read('LIFECYCLE_CHAT_PORT', 5680), what: 'the chat webhook of the examples', variable: 'LIFECYCLE_CHAT_PORT' },
		{ key: 'brokerPort', port: read('N8N_RUNNERS_BROKER_PORT', 0), what: "n8n's task-runner broker", variable: 'N8N_RUNNERS_BROKER_PORT' },
		{ key: 'smtpPort', port: read('LIFECYCLE_SMTP_PORT', 0), what: 'the local SMTP sink', variable: 'LIFECYCLE_SMTP_PORT' },
	];
}

/** A port problem the user can fix; its message is meant to be printed as is, without a stack trace. */
class PortsError extends Error {
	constructor(message) {
		super(message);
		this.name = 'PortsError';
	}
}

/** Resolves null when 127.0.0.1:port can be bound, else the error code (EADDRINUSE, EACCES, ...). */
function tryListen(port) {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', (error) => resolve(error.code || error.message));
		server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(null)));
	});
}

/**
 * Throws a PortsError naming every fixed port (not 0) that is taken or used twice, with the variable to choose
 * another; resolves when all are free. Nothing is left listening.
 */
async function assertPortsFree(ports) {
	const problems = [];
	const seen = new Map();
	for (const entry of ports.filter((candidate) => candidate.port !== 0)) {
		if (seen.has(entry.port)) {
			problems.push(`Port ${entry.port} is set for both ${seen.get(entry.port).what} (${seen.get(entry.port).variable}) and ${entry.what} (${entry.variable}): choose another with ${entry.variable}=<port>.`);
			continue;
		}
		seen.set(entry.port, entry);
		const code = await tryListen(entry.port);
		if (code === 'EADDRINUSE') problems.push(`Port ${entry.port} (${entry.what}) is already in use on 127.0.0.1. Stop what uses it, or choose another port: ${entry.variable}=<port> npm start`);
		else if (code) problems.push(`Port ${entry.port} (${entry.what}) cannot be used (${code}): choose another with ${entry.variable}=<port> npm start`);
	}
	if (problems.length > 0) throw new PortsError(`${problems.join('\n')}\nNothing was started.`);
}

module.exports = { demoPorts, assertPortsFree, tryListen, PortsError };
