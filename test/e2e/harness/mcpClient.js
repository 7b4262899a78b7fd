'use strict';
// An MCP client from the npm registry (@modelcontextprotocol/sdk), as Claude Desktop or Cursor would connect:
// Streamable HTTP to an n8n MCP Server Trigger's production URL. No language model: the test lists and calls tools.
const { Client } = require('@modelcontextprotocol/sdk/client/index.js');
const { StreamableHTTPClientTransport } = require('@modelcontextprotocol/sdk/client/streamableHttp.js');

/** Connects to `url`; resolves to { tools(), call(name, args), close() }. */
async function connectMcp(url, { name = 'n8n-nodes-lifecycle-e2e', timeoutMs = 120000 } = {}) {
	const client = new Client({ name, version: '1.0.0' });
	const transport = new StreamableHTTPClientTransport(new URL(url));
	await client.connect(transport);
	return {
		serverInstructions: () => client.getInstructions?.(),
		tools: async () => (await client.listTools(undefined, { timeout: timeoutMs })).tools,
		/** The tool's answer: the text content parsed as JSON when it is JSON (n8n's tools answer JSON text). */
		call: async (toolName, args) => {
			const result = await client.callTool({ name: toolName, arguments: args }, undefined, { timeout: timeoutMs });
			const text = (result.content ?? []).filter((part) => part.type === 'text').map((part) => part.text).join('');
			let value = text;
			for (let depth = 0; depth < 2 && typeof value === 'string'; depth++) {
				try {
					value = JSON.parse(value);
				} catch {
					break;
				}
			}
			return { isError: result.isError === true, text, value };
		},
		close: async () => await client.close(),
	};
}

module.exports = { connectMcp };
