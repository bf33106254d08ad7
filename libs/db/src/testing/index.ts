export * from './test-database';
export * from './pg-statement-tap';
