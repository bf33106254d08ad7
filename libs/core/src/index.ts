export * from './accounts';
export * from './projects';
export * from './core.module';
export * from './event-registry';
export * from './shared/core-options';
export * from './shared/errors';
export * from './shared/pagination';
export * from './shared/validate';
