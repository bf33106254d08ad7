import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { QueryBus } from '@nestjs/cqrs';
import {
  AuthenticateTokenQuery,
  Principal,
  refuseReadOnlyWrite,
  unauthenticated,
} from '@dailies/core';
import { SAFE_METHODS } from '@dailies/http';
import type { FastifyRequest } from 'fastify';

const ANONYMOUS = 'dailies:v1-anonymous';

/** A /v1 route anyone may call (sign-in, review links). */
export const LegacyAnonymous = () => SetMetadata(ANONYMOUS, true);

/**
 * The token of a legacy Authorization header: `Token token="<token>"` (older clients; also
 * unquoted) or `Bearer <token>`. The token is the new system's access token (or API token).
 */
export function legacyToken(header: string | undefined): string | null {
  if (!header) return null;
  const token =
    /^Token\s+token\s*=\s*"([^"]+)"\s*$/i.exec(header) ??
    /^Token\s+token\s*=\s*([^\s",]+)\s*$/i.exec(header) ??
    /^Bearer\s+(\S+)\s*$/i.exec(header);
  return token ? token[1] : null;
}

/**
 * Authentication of /v1: both header styles, the same token check as /v2 (AuthenticateTokenQuery:
 * expired, logged-out and locked users are refused). Carried by every /v1 controller.
 */
@Injectable()
export class LegacyAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly queries: QueryBus,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    if (
      this.reflector.getAllAndOverride<boolean>(ANONYMOUS, [
        context.getHandler(),
        context.getClass(),
      ])
    ) {
      return true;
    }
    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    const header = request.headers.authorization;
    if (!header) {
      throw unauthenticated('Send your token as "Authorization: Token token="<token>""');
    }
    const token = legacyToken(header);
    if (!token) {
      throw unauthenticated(
        'The Authorization header must be Token token="<token>" or Bearer <token>',
      );
    }
    request.principal = await this.queries.execute(new AuthenticateTokenQuery(token));
    if (!SAFE_METHODS.has(request.method)) refuseReadOnlyWrite(request.principal);
    return true;
  }
}
