import { Inject, Injectable, Optional } from '@nestjs/common';
import { Cache, CACHE, cacheKeys, cacheTags } from '@dailies/cache';
import { unauthenticated } from '../../../shared/errors';

/**
 * Remembers that an access token's session is live (user active, refresh family not revoked), so
 * a request with a verified JWT costs no round trip for it. Only a live answer is kept — a refused
 * one throws out of the load and is never stored, so a lock that ends by itself is seen at once.
 * Every event that ends sessions (logout, password change or reset, a reused refresh token, a
 * lock, staff ending sessions) drops the user's entries: the committing instance before its
 * command returns (LocalInvalidation), the others through the cache consumer. A load overtaken
 * by such an invalidation is not stored (Cache.getOrLoad), so no check that read the session
 * before the revocation committed can be served after it.
 */
@Injectable()
export class LiveSessionCache {
  constructor(@Optional() @Inject(CACHE) private readonly cache?: Cache) {}

  /** Resolves when the session is live; throws 401 otherwise. */
  async requireLive(
    userId: string,
    sessionId: string,
    load: () => Promise<boolean>,
  ): Promise<void> {
    const check = async () => {
      if (!(await load())) throw unauthenticated('Session has ended; log in again');
      return true;
    };
    if (!this.cache) {
      await check();
      return;
    }
    await this.cache.getOrLoad(cacheKeys.session(userId, sessionId), check, {
      tags: [cacheTags.sessionsOfUser(userId)],
    });
  }
}
