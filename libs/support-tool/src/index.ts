export * from './support-tool.module';
export * from './support.config';
