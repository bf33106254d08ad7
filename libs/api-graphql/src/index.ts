export * from './graphql-api.module';
export * from './graphql.config';
