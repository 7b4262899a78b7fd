// e2e tests start servers and run whole workflows: minutes, not seconds.
jest.setTimeout(600000);
