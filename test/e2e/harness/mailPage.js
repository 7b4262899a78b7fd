'use strict';
// The demo's outbox page: a small HTTP server on 127.0.0.1 that lists the emails the SMTP sink received
// (subject, from, to, body) and the chat messages the example workflows posted, newest first. It also is the
// chat webhook those workflows post to (POST /chat on the chat port), so nothing leaves the machine.
//
// MailPage.start() runs the servers in a child process, like SmtpSink, so they answer while the parent blocks in
// spawnSync (the n8n CLI). Pages: GET / (HTML, refreshes itself), GET /messages.json, GET /chat.json;
// POST /chat (JSON body, any shape; appended to the chat log). Plain .js: it opens sockets and files, which
// n8n-node lint forbids in linted .ts files.
const fs = require('node:fs');
const { readJsonLines, startChildServer, stopChild } = require('./childServer.js');
const http = require('node:http');
const path = require('node:path');

function escapeHtml(text) {
	return String(text).replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]);
}

/** The outbox as HTML: emails (newest first) and chat messages. */
function renderMailPage(messages, chats, { editorUrl } = {}) {
	const emails = messages
		.slice()
		.reverse()
		.map(
			(message) => `<article class="mail">
<h2>${escapeHtml(message.subject || '(no subject)')}</h2>
<p class="meta"><b>To</b> ${escapeHtml((message.to || []).join(', '))} &nbsp; <b>From</b> ${escapeHtml(message.headers?.from || message.from || '')} &nbsp; <b>Received</b> ${escapeHtml(message.receivedAt || '')}</p>
<pre>${escapeHtml(message.body || '')}</pre>
</article>`,
		)
		.join('\n');
	const chatItems = chats
		.slice()
		.reverse()
		.map((chat) => `<li><span class="meta">${escapeHtml(chat.receivedAt)}</span> ${escapeHtml(typeof chat.body?.text === 'string' ? chat.body.text : JSON.stringify(chat.body))}</li>`)
		.join('\n');
	return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="10">
<title>Outbox (${messages.length}) - n8n-nodes-lifecycle demo</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #222; }
.mail { border: 1px solid #ddd; border-radius: 6px; padding: 0.5rem 1rem; margin: 1rem 0; }
.mail h2 { font-size: 1.05rem; margin: 0.4rem 0; }
.meta { color: #666; font-size: 0.85rem; }
pre { white-space: pre-wrap; font-family: ui-monospace, monospace; font-size: 0.85rem; background: #fafafa; padding: 0.5rem; }
</style></head><body>
<h1>Outbox of the local SMTP sink</h1>
<p>Every email the demo's n8n sent through the "Local SMTP sink" credential lands here instead of anyone's inbox.${editorUrl ? ` Editor: <a href="${escapeHtml(editorUrl)}">${escapeHtml(editorUrl)}</a>.` : ''} This page refreshes every 10 seconds; JSON: <a href="/messages.json">/messages.json</a>, <a href="/chat.json">/chat.json</a>.</p>
<h2>Chat messages (${chats.length})</h2>
${chats.length ? `<ul>${chatItems}</ul>` : '<p class="meta">None yet: the weekly lifecycle run and the campaign readout post their summaries here.</p>'}
<h2>Emails (${messages.length})</h2>
${emails || '<p class="meta">None yet: execute a workflow that sends email (for example "Example: weekly lifecycle run").</p>'}
</body></html>
`;
}

/** Request handler for both ports: the page and JSON everywhere, POST /chat appends to the chat log. */
function createHandler({ messagesFile, chatFile, editorUrl }) {
	return (request, response) => {
		const url = new URL(request.url, 'http://127.0.0.1');
		if (request.method === 'POST' && url.pathname === '/chat') {
			let body = '';
			request.setEncoding('utf8');
			request.on('data', (chunk) => (body += chunk));
			request.on('end', () => {
				let parsed;
				try {
					parsed = JSON.parse(body || 'null');
				} catch {
					parsed = body;
				}
				fs.appendFileSync(chatFile, `${JSON.stringify({ receivedAt: new Date().toISOString(), body: parsed })}\n`);
				response.writeHead(200, { 'content-type': 'application/json' });
				response.end('{"ok":true}');
			});
			return;
		}
		if (request.method !== 'GET') {
			response.writeHead(405, { 'content-type': 'text/plain' });
			response.end('Only GET, and POST /chat');
			return;
		}
		if (url.pathname === '/messages.json' || url.pathname === '/chat.json') {
			const data = url.pathname === '/chat.json' ? readJsonLines(chatFile) : readJsonLines(messagesFile).map(({ data: _raw, ...message }) => message);
			response.writeHead(200, { 'content-type': 'application/json' });
			response.end(JSON.stringify(data, null, 1));
			return;
		}
		if (url.pathname === '/') {
			response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
			response.end(renderMailPage(readJsonLines(messagesFile), readJsonLines(chatFile), { editorUrl }));
			return;
		}
		response.writeHead(404, { 'content-type': 'text/plain' });
		response.end('Not found');
	};
}

/** The outbox page and the chat webhook in a child process on 127.0.0.1. */
class MailPage {
	/**
	 * Starts the servers: `messagesFile` is the SMTP sink's log (sink.logFile), chat messages go to `chatFile`.
	 * Ports 0 pick free ones. Resolves when both listen.
	 */
	static async start({ messagesFile, chatFile, port = 0, chatPort = 0, editorUrl = '' }) {
		if (!messagesFile || !chatFile) throw new Error('MailPage.start needs messagesFile (the SMTP sink log) and chatFile');
		if (!fs.existsSync(chatFile)) fs.writeFileSync(chatFile, '');
		const { child, ports } = await startChildServer(__filename, [JSON.stringify({ messagesFile, chatFile, port, chatPort, editorUrl })], 'outbox page');
		return new MailPage(child, ports[0], ports[1], chatFile);
	}

	constructor(child, port, chatPort, chatFile) {
		this.child = child;
		this.port = port;
		this.chatPort = chatPort;
		this.chatFile = chatFile;
		this.url = `http://127.0.0.1:${port}/`;
		this.chatUrl = `http://127.0.0.1:${chatPort}/chat`;
	}

	/** Chat messages received so far: [{ receivedAt, body }]. */
	chats() {
		return readJsonLines(this.chatFile);
	}

	async stop() {
		await stopChild(this.child);
	}
}

if (require.main === module && process.argv[2] === '--serve') {
	const settings = JSON.parse(process.argv[3]);
	const handler = createHandler(settings);
	const page = http.createServer(handler);
	const chat = settings.chatPort === settings.port && settings.port !== 0 ? null : http.createServer(handler);
	page.listen(settings.port, '127.0.0.1', () => {
		const done = () => process.stdout.write(`listening ${page.address().port} ${chat ? chat.address().port : page.address().port}\n`);
		if (chat) chat.listen(settings.chatPort, '127.0.0.1', done);
		else done();
	});
	for (const server of [page, chat].filter(Boolean)) {
		server.on('error', (error) => {
			process.stderr.write(`${error.message}\n`);
			process.exit(1);
		});
	}
	process.on('SIGTERM', () => {
		page.close();
		chat?.close();
		setTimeout(() => process.exit(0), 200).unref();
	});
}

module.exports = { MailPage, renderMailPage, escapeHtml };
