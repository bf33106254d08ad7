// The public API of the usage context.
export * from './commands/reconcile-usage/reconcile-usage.command';
export * from './events';
export * from './queries/get-usage/get-usage.query';
export * from './services/storage-quota';
export * from './usage-events';
export * from './usage-rule';
export * from './views/usage.view';
