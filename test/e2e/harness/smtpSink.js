'use strict';
// A tiny SMTP server that accepts every message and records it, for e2e tests of workflows that send
// email (n8n's Send Email node through an SMTP credential). It speaks just enough SMTP for nodemailer:
// greeting, EHLO/HELO, AUTH PLAIN and LOGIN (any credentials accepted), MAIL FROM, RCPT TO, DATA with
// dot-unstuffing, RSET, NOOP, QUIT. No TLS: it does not offer STARTTLS and refuses it if asked, so the
// SMTP credential needs SSL/TLS off and Disable STARTTLS on.
//
// SmtpSink.start() runs the server in a child process, because the harness runs `n8n execute` with
// spawnSync: an in-process server could not answer while that call blocks the test's event loop.
// The child appends each message as one JSON line to a file that the test reads after the run.
// Plain .js: it opens sockets and files, which n8n-node lint forbids in linted .ts files.
const fs = require('node:fs');
const { readJsonLines, serveUntilTerminated, startChildServer, stopChild } = require('./childServer.js');
const net = require('node:net');
const path = require('node:path');

/** Decodes a quoted-printable body (soft line breaks and =XX escapes). */
function decodeQuotedPrintable(text) {
	const bytes = Buffer.from(text.replace(/=\r?\n/g, ''), 'latin1');
	const out = [];
	for (let i = 0; i < bytes.length; i++) {
		if (bytes[i] === 0x3d && i + 2 < bytes.length && /^[0-9A-Fa-f]{2}$/.test(bytes.toString('latin1', i + 1, i + 3))) {
			out.push(parseInt(bytes.toString('latin1', i + 1, i + 3), 16));
			i += 2;
		} else out.push(bytes[i]);
	}
	return Buffer.from(out).toString('utf8');
}

/** The parts of a raw message a test looks at: Subject header and the (decoded) body of a single-part message. */
function parseMessage(data) {
	const split = data.indexOf('\r\n\r\n');
	const head = split < 0 ? data : data.slice(0, split);
	const rawBody = split < 0 ? '' : data.slice(split + 4);
	const headers = {};
	for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
		const colon = line.indexOf(':');
		if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
	}
	const encoding = (headers['content-transfer-encoding'] || '').toLowerCase();
	let body = rawBody;
	if (encoding === 'quoted-printable') body = decodeQuotedPrintable(rawBody);
	else if (encoding === 'base64') body = Buffer.from(rawBody.replace(/\s+/g, ''), 'base64').toString('utf8');
	return { subject: headers.subject || '', headers, body: body.replace(/\r\n/g, '\n') };
}

function addressOf(argument) {
	const match = /<([^>]*)>/.exec(argument);
	return (match ? match[1] : argument.split(/\s+/)[0] || '').trim();
}

/** An SMTP server (net.Server, not yet listening) that calls onMessage({ from, to, auth, data, subject, headers, body, receivedAt }). */
function createSmtpServer(onMessage, { name = 'smtp-sink' } = {}) {
	let received = 0;
	return net.createServer((socket) => {
		const reply = (text) => socket.write(`${text}\r\n`);
		let buffer = '';
		let mode = 'command';
		let envelope = { from: null, to: [] };
		let auth = null;
		let authUser = null;
		let dataLines = [];
		const reset = () => {
			envelope = { from: null, to: [] };
			dataLines = [];
		};

		const command = (line) => {
			const [verb = '', ...rest] = line.split(' ');
			const argument = rest.join(' ');
			switch (verb.toUpperCase()) {
				case 'EHLO':
					reset();
					return reply(`250-${name} greets ${argument || 'client'}\r\n250-8BITMIME\r\n250 AUTH PLAIN LOGIN`);
				case 'HELO':
					reset();
					return reply(`250 ${name}`);
				case 'AUTH': {
					const [mechanism = '', initial] = argument.split(' ');
					if (mechanism.toUpperCase() === 'PLAIN') {
						if (initial) {
							auth = Buffer.from(initial, 'base64').toString('utf8').split('\u0000')[1] || '';
							return reply('235 2.7.0 Authentication successful');
						}
						mode = 'auth-plain';
						return reply('334 ');
					}
					if (mechanism.toUpperCase() === 'LOGIN') {
						if (initial) {
							authUser = Buffer.from(initial, 'base64').toString('utf8');
							mode = 'auth-login-password';
							return reply('334 UGFzc3dvcmQ6');
						}
						mode = 'auth-login-user';
						return reply('334 VXNlcm5hbWU6');
					}
					return reply('504 5.5.4 Unrecognized authentication type');
				}
				case 'MAIL':
					reset();
					envelope.from = addressOf(argument.replace(/^FROM:/i, ''));
					return reply('250 2.1.0 OK');
				case 'RCPT':
					if (envelope.from === null) return reply('503 5.5.1 MAIL first');
					envelope.to.push(addressOf(argument.replace(/^TO:/i, '')));
					return reply('250 2.1.5 OK');
				case 'DATA':
					if (envelope.to.length === 0) return reply('503 5.5.1 RCPT first');
					mode = 'data';
					return reply('354 End data with <CR><LF>.<CR><LF>');
				case 'RSET':
					reset();
					return reply('250 2.0.0 OK');
				case 'NOOP':
					return reply('250 2.0.0 OK');
				case 'STARTTLS':
					return reply('454 4.7.0 TLS not available');
				case 'QUIT':
					reply('221 2.0.0 Bye');
					return socket.end();
				default:
					return reply('502 5.5.2 Command not implemented');
			}
		};

		const line = (text) => {
			if (mode === 'data') {
				if (text === '.') {
					const data = dataLines.join('\r\n');
					received++;
					onMessage({ from: envelope.from, to: envelope.to, auth, data, ...parseMessage(data), receivedAt: new Date().toISOString() });
					reset();
					mode = 'command';
					return reply(`250 2.0.0 OK queued as ${received}`);
				}
				dataLines.push(text.startsWith('..') ? text.slice(1) : text);
				return;
			}
			if (mode === 'auth-plain') {
				mode = 'command';
				auth = Buffer.from(text, 'base64').toString('utf8').split('\u0000')[1] || '';
				return reply('235 2.7.0 Authentication successful');
			}
			if (mode === 'auth-login-user') {
				authUser = Buffer.from(text, 'base64').toString('utf8');
				mode = 'auth-login-password';
				return reply('334 UGFzc3dvcmQ6');
			}
			if (mode === 'auth-login-password') {
				mode = 'command';
				auth = authUser;
				return reply('235 2.7.0 Authentication successful');
			}
			return command(text);
		};

		socket.setEncoding('utf8');
		socket.on('data', (chunk) => {
			buffer += chunk;
			let end;
			while ((end = buffer.indexOf('\n')) >= 0) {
				const text = buffer.slice(0, end).replace(/\r$/, '');
				buffer = buffer.slice(end + 1);
				line(text);
			}
		});
		socket.on('error', () => {});
		reply(`220 ${name} ESMTP ready`);
	});
}

/** An SMTP sink in a child process on 127.0.0.1; messages are read from its log file. */
class SmtpSink {
	/** Starts the sink; `folder` holds its message log (e.g. the n8n host's folder); `port` 0 picks a free one. */
	static async start({ folder, name = 'smtp-sink', port = 0 } = {}) {
		if (!folder) throw new Error('SmtpSink.start needs a folder for its message log');
		const logFile = path.join(folder, `smtp-sink-${process.pid}-${Date.now()}.jsonl`);
		fs.writeFileSync(logFile, '');
		const { child, ports } = await startChildServer(__filename, [logFile, name, String(port)], 'SMTP sink');
		return new SmtpSink(child, ports[0], logFile);
	}

	constructor(child, port, logFile) {
		this.child = child;
		this.host = '127.0.0.1';
		this.port = port;
		this.logFile = logFile;
	}

	/** Every message received so far, in order. */
	messages() {
		return readJsonLines(this.logFile);
	}

	/** Every envelope recipient so far, in order of arrival. */
	recipients() {
		return this.messages().flatMap((message) => message.to);
	}

	/** Forgets the messages received so far. */
	clear() {
		fs.writeFileSync(this.logFile, '');
	}

	/** Stops the child process (the log file stays until its folder is removed). */
	async stop() {
		await stopChild(this.child);
	}
}

if (require.main === module && process.argv[2] === '--serve') {
	const [, , , logFile, name, port] = process.argv;
	const server = createSmtpServer((message) => fs.appendFileSync(logFile, `${JSON.stringify(message)}\n`), { name });
	serveUntilTerminated(server, Number(port || 0));
}

module.exports = { SmtpSink, createSmtpServer, parseMessage };
