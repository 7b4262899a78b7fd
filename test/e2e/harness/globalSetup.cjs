// Jest global setup of the e2e layer: provision the n8n host (cached) and pack this package once per run.
module.exports = async function globalSetup() {
	const { prepareE2e } = require('./prepare.js');
	await prepareE2e();
};
