import { Query } from '@nestjs/cqrs';
import { forbidden } from '../../../../shared/errors';
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
  /** An API token of scope `read`: every transport refuses its writes (403). */
  readOnly?: boolean;
}

/** Every transport calls this before a write: a read-only API token gets 403, whatever it asks. */
export function refuseReadOnlyWrite(principal: Principal | null | undefined): void {
  if (principal?.readOnly) {
    throw forbidden('This API token is read-only; changes need a read-write token');
  }
}
