'use strict';
// A JSON HTTP server on 127.0.0.1 for tests of nodes that call an HTTP endpoint (plain JS: linted .ts may not
// import node: modules). Records every request; answers with the handler's { status, body }.
const http = require('node:http');

async function startLoopbackServer(handler) {
	const requests = [];
	const server = http.createServer((request, response) => {
		let text = '';
		request.setEncoding('utf8');
		request.on('data', (chunk) => (text += chunk));
		request.on('end', () => {
			let body = null;
			try {
				body = text ? JSON.parse(text) : null;
			} catch {
				body = text;
			}
			const recorded = { method: request.method, url: request.url, headers: request.headers, body };
			requests.push(recorded);
			const { status = 200, body: answer = {} } = handler(recorded) || {};
			response.writeHead(status, { 'content-type': 'application/json' });
			response.end(JSON.stringify(answer));
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		close: () => new Promise((resolve) => server.close(resolve)),
	};
}

module.exports = { startLoopbackServer };
