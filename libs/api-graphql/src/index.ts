export * from './graphql-api.module';
export * from './graphql.config';
export { LiveSockets, SESSION_ENDED_CLOSE_CODE } from './live/websocket-shutdown';
