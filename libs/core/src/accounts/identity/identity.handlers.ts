import { Type } from '@nestjs/common';
import { ChangePasswordHandler } from './commands/change-password/change-password.handler';
import { CreateApiTokenHandler } from './commands/create-api-token/create-api-token.handler';
import { LogInHandler } from './commands/log-in/log-in.handler';
import { LogOutHandler } from './commands/log-out/log-out.handler';
import { RefreshSessionHandler } from './commands/refresh-session/refresh-session.handler';
import { RevokeApiTokenHandler } from './commands/revoke-api-token/revoke-api-token.handler';
import { SignUpHandler } from './commands/sign-up/sign-up.handler';
import { VerifyEmailHandler } from './commands/verify-email/verify-email.handler';
import { ResendVerificationHandler } from './commands/resend-verification/resend-verification.handler';
import { RequestPasswordResetHandler } from './commands/request-password-reset/request-password-reset.handler';
import { ResetPasswordHandler } from './commands/reset-password/reset-password.handler';
import { AuthenticateTokenHandler } from './queries/authenticate-token/authenticate-token.handler';
import { ListApiTokensHandler } from './queries/list-api-tokens/list-api-tokens.handler';
import { AttemptBudgets } from '../../shared/attempt-budgets';
import { LoginThrottle } from './rules/login-throttle';
import { LiveSessionCache } from './rules/live-session-cache';
import { SessionIssuer } from './rules/session-issuer';

/** Handlers and services of the identity use cases, registered by AccountsModule. */
export const IdentityHandlers: Type[] = [
  ChangePasswordHandler,
  CreateApiTokenHandler,
  LogInHandler,
  LogOutHandler,
  RefreshSessionHandler,
  RevokeApiTokenHandler,
  SignUpHandler,
  VerifyEmailHandler,
  ResendVerificationHandler,
  RequestPasswordResetHandler,
  ResetPasswordHandler,
  AuthenticateTokenHandler,
  ListApiTokensHandler,
  AttemptBudgets,
  LoginThrottle,
  SessionIssuer,
  LiveSessionCache,
];
