import { Inject, Injectable } from '@nestjs/common';
import { AccessTokenSigner, generateToken, hashToken } from '@dailies/auth';
import { newId } from '@dailies/db';
import { CORE_OPTIONS, CoreOptions } from '../../../shared/core-options';
import { Db } from '../../../shared/db';

export interface IssuedSession {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  sessionId: string;
}

/** Issues an access token and a refresh token of one family (a family = one login). */
@Injectable()
export class SessionIssuer {
  readonly signer: AccessTokenSigner;

  constructor(@Inject(CORE_OPTIONS) private readonly options: CoreOptions) {
    this.signer = new AccessTokenSigner(options.jwtKeys, options.accessTokenTtlSeconds);
  }

  async issue(db: Db, userId: string, familyId: string = newId()): Promise<IssuedSession> {
    const refreshToken = generateToken('rt');
    const expiresAt = new Date(Date.now() + this.options.refreshTokenTtlDays * 86_400_000);
    await db.refreshToken.create({
      data: { id: newId(), userId, familyId, tokenHash: hashToken(refreshToken), expiresAt },
    });
    const access = await this.signer.sign({ userId, sessionId: familyId });
    return {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt.toISOString(),
      refreshToken,
      refreshTokenExpiresAt: expiresAt.toISOString(),
      sessionId: familyId,
    };
  }
}
