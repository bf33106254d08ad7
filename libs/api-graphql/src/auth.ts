import { Injectable, Module } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { LiveSockets } from './live/websocket-shutdown';
import { AuthenticateTokenQuery, Principal, unauthenticated } from '@dailies/core';

/**
 * The same authentication as /v2's BearerAuthGuard: an access JWT or a personal API token,
 * resolved by AuthenticateTokenQuery. Over HTTP it comes in the Authorization header; on the
 * websocket in connectionParams (`authorization: "Bearer …"` or `token: "…"`).
 */
@Injectable()
export class GraphqlAuth {
  constructor(private readonly queries: QueryBus) {}

  /** null without credentials; UNAUTHENTICATED for malformed or invalid ones. */
  async fromHeader(header: string | undefined): Promise<Principal | null> {
    if (header === undefined || header === '') return null;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>"');
    return this.queries.execute(new AuthenticateTokenQuery(match[1]));
  }

  async fromConnectionParams(params: unknown): Promise<Principal | null> {
    if (!params || typeof params !== 'object') return null;
    const record = params as Record<string, unknown>;
    const headers =
      record.headers && typeof record.headers === 'object'
        ? (record.headers as Record<string, unknown>)
        : record;
    const authorization = headers.authorization ?? headers.Authorization;
    if (typeof authorization === 'string') return this.fromHeader(authorization);
    if (typeof record.token === 'string') return this.fromHeader(`Bearer ${record.token}`);
    return null;
  }
}

/** What the GraphQL driver's options need: authentication and the socket registry. */
@Module({ providers: [GraphqlAuth, LiveSockets], exports: [GraphqlAuth, LiveSockets] })
export class GraphqlAuthModule {}
