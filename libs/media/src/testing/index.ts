export * from './test-clips';
