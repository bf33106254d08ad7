// The public API of the audit context.
export * from './commands/purge-audit-log/purge-audit-log.command';
export * from './events';
export * from './queries/list-audit-log/list-audit-log.query';
export * from './redact-secrets';
export * from './views/audit-entry.view';
