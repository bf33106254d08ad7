import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { QueryBus } from '@nestjs/cqrs';
import { timingSafeEqualStrings } from '@dailies/auth';
import { APP_CONFIG } from '@dailies/config';
import {
  AuthenticateStaffSessionQuery,
  forbidden,
  StaffRole,
  unauthenticated,
} from '@dailies/core';
import type { FastifyRequest } from 'fastify';
import { readCookie, SESSION_COOKIE } from './cookies';
import { StaffRequest } from './staff-request';
import { PUBLIC_SUPPORT, STAFF_ROLES } from './support-controller';
import { SupportConfig } from './support.config';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the session cookie to a staff member (idle timeout applied by the query), checks the
 * route's roles, and on every unsafe request the CSRF token: a `_csrf` form field or the
 * `x-csrf-token` header (htmx sends it from `hx-headers`), equal to the session's token.
 */
@Injectable()
export class StaffSessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly queries: QueryBus,
    @Inject(APP_CONFIG) private readonly config: SupportConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_SUPPORT, targets)) return true;
    const request = context.switchToHttp().getRequest<StaffRequest>();
    const token = readCookie(request, SESSION_COOKIE);
    const session = token
      ? await this.queries.execute(
          new AuthenticateStaffSessionQuery(token, this.config.SUPPORT_SESSION_IDLE_MINUTES * 60),
        )
      : null;
    if (!session) throw unauthenticated('Sign in to use the Support Tool');
    request.staffSession = session;
    if (!SAFE_METHODS.has(request.method) && !csrfMatches(request, session.csrfToken))
      throw forbidden(
        'The form has expired or did not come from the Support Tool; reload the page',
      );
    const roles = this.reflector.getAllAndOverride<StaffRole[] | undefined>(STAFF_ROLES, targets);
    if (roles && !roles.includes(session.staff.role))
      throw forbidden(`This page is for ${roles.join(' or ')} staff`);
    return true;
  }
}

export function csrfMatches(request: FastifyRequest, expected: string): boolean {
  const body = request.body as Record<string, unknown> | undefined;
  const sent =
    (typeof body?._csrf === 'string' ? body._csrf : undefined) ??
    (typeof request.headers['x-csrf-token'] === 'string'
      ? request.headers['x-csrf-token']
      : undefined);
  return typeof sent === 'string' && sent.length > 0 && timingSafeEqualStrings(sent, expected);
}
