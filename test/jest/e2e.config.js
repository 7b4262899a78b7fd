// End-to-end layer: workflows executed by a real n8n host with the packed package installed.
const path = require('node:path');

module.exports = {
	displayName: 'e2e',
	rootDir: path.resolve(__dirname, '..', '..'),
	testEnvironment: 'node',
	modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.cache/', '<rootDir>/test/e2e/.runs/'],
	testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(__dirname, '..', 'tsconfig.json') }] },
	globalSetup: '<rootDir>/test/e2e/harness/globalSetup.cjs',
	setupFilesAfterEnv: ['<rootDir>/test/e2e/harness/setupTimeout.js'],
};
