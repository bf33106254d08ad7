import { Query } from '@nestjs/cqrs';
/** Resolves a Bearer token (access JWT or personal API token) to the user behind it. */
export class AuthenticateTokenQuery extends Query<Principal> {
  constructor(readonly token: string) {
    super();
  }
}

export interface Principal {
  userId: string;
  /** The refresh-token family of an access token (absent for API tokens). */
  sessionId?: string;
  apiTokenId?: string;
}
