'use strict';
// Runs a workflow the way "Execute workflow" in the editor does: n8n's manual-run REST call (POST
// /rest/workflows/:id/run from a trigger), signed in as the owner, then waits for the execution to finish.
// Needed for workflows with Data table nodes, which only run in a started server (not in `n8n execute`).

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves to the finished execution ({ id, status, finished, ... }); throws when it does not start or finish. */
async function runFromEditor(client, workflowId, triggerName, { timeoutMs = 300000 } = {}) {
	const started = await client.post(`/workflows/${workflowId}/run`, { triggerToStartFrom: { name: triggerName } });
	const executionId = started.data?.data?.executionId;
	if (!executionId) throw new Error(`The run of ${workflowId} did not start: HTTP ${started.status} ${JSON.stringify(started.data).slice(0, 500)}`);
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const response = await client.get(`/executions/${executionId}`);
		const execution = response.data?.data ?? {};
		if (execution.finished === true || ['success', 'error', 'crashed', 'canceled'].includes(String(execution.status))) return execution;
		if (Date.now() > deadline) throw new Error(`Execution ${executionId} did not finish in ${timeoutMs} ms: ${JSON.stringify(execution).slice(0, 500)}`);
		await sleep(500);
	}
}

module.exports = { runFromEditor };
