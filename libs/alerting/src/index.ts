export * from './alerting.config';
export * from './alerting.module';
export * from './alert-mail';
export * from './error-alerts';
export * from './error-groups';
export * from './fingerprint';
export * from './process-error-handlers';
