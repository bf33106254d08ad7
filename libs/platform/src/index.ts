export * from './demo-seed';
export * from './platform-root.module';
export * from './run-main';
export * from './start-platform';
export * from './platform.config';
export * from './boot-database';
export * from './start-worker';
export * from './run-worker';
