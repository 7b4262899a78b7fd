// Unit layer: lib/ and nodes with a mocked context. Fast; no server, no network.
const path = require('node:path');

module.exports = {
	displayName: 'unit',
	rootDir: path.resolve(__dirname, '..', '..'),
	testEnvironment: 'node',
	modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.cache/', '<rootDir>/test/e2e/.runs/'],
	testMatch: ['<rootDir>/test/lib/**/*.test.ts', '<rootDir>/test/nodes/**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(__dirname, '..', 'tsconfig.json') }] },
};
