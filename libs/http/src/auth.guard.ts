import {
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  Injectable,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { QueryBus } from '@nestjs/cqrs';
import {
  AuthenticateTokenQuery,
  Principal,
  refuseReadOnlyWrite,
  unauthenticated,
} from '@dailies/core';
import { UserActor } from '@dailies/events';
import type { FastifyRequest } from 'fastify';

const PUBLIC = 'dailies:public';

/** Methods that change nothing: all a read-only API token may use. */
export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Marks a route (or controller) that needs no Bearer token under BearerAuthGuard. */
export const Public = () => SetMetadata(PUBLIC, true);

type AuthedRequest = FastifyRequest & { principal?: Principal };

/**
 * Bearer authentication (access JWT or API token) for the controllers a transport puts it on
 * (/v2's V2Controller); a route marked @Public() needs no token.
 */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly queries: QueryBus,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const header = request.headers.authorization;
    if (!header)
      throw unauthenticated('Send an access token or API token as "Authorization: Bearer <token>"');
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>"');
    request.principal = await this.queries.execute(new AuthenticateTokenQuery(match[1]));
    if (!SAFE_METHODS.has(request.method)) refuseReadOnlyWrite(request.principal);
    return true;
  }
}

/** The authenticated user as the domain's actor. */
export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): UserActor => {
    const principal = context.switchToHttp().getRequest<AuthedRequest>().principal;
    if (!principal) throw unauthenticated();
    return {
      type: 'user',
      id: principal.userId,
      ...(principal.apiTokenId ? { apiTokenId: principal.apiTokenId } : {}),
    };
  },
);

export const CurrentSession = createParamDecorator(
  (_: unknown, context: ExecutionContext): string | undefined => {
    return context.switchToHttp().getRequest<AuthedRequest>().principal?.sessionId;
  },
);

export const ClientIp = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  return context.switchToHttp().getRequest<FastifyRequest>().ip;
});
