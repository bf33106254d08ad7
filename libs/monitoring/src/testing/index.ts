export * from './datadog-intake';
