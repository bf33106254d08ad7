// Test helpers other projects' tests use: a real SMTP server in the test process.
export * from './smtp-test-server';
