export * from './api-v1.module';
export * from './legacy-auth.guard';
export * from './legacy-errors';
export * from './legacy-input';
