// The public API of the identity aggregate (users signing up and in, sessions and API tokens): commands, queries, views, events.
export * from './commands/change-password/change-password.command';
export * from './commands/create-api-token/create-api-token.command';
export * from './commands/log-in/log-in.command';
export * from './commands/log-out/log-out.command';
export * from './commands/refresh-session/refresh-session.command';
export * from './commands/revoke-api-token/revoke-api-token.command';
export * from './commands/sign-up/sign-up.command';
export * from './commands/verify-email/verify-email.command';
export * from './commands/resend-verification/resend-verification.command';
export * from './commands/request-password-reset/request-password-reset.command';
export * from './commands/reset-password/reset-password.command';
export * from './queries/authenticate-token/authenticate-token.query';
export * from './queries/list-api-tokens/list-api-tokens.query';
export type { SignUpResult } from './commands/sign-up/sign-up.handler';
export type { LogInResult } from './commands/log-in/log-in.handler';
export type { IssuedSession } from './rules/session-issuer';
export {
  apiTokenViewSchema,
  type ApiTokenView,
  createdApiTokenViewSchema,
} from './views/api-token.view';
export * from './identity.events';
export type * from './identity.errors';
