export * from './api-v2.module';
