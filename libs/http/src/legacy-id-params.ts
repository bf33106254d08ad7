import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { HexIdTable, isHexId, newIdFromHex } from '@dailies/legacy';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';

/** Route parameters that may hold a legacy 24-hex id, and the table whose ids they are. */
const HEX_ID_PARAMS: Readonly<Record<string, HexIdTable>> = {
  accountId: 'accounts',
  teamId: 'teams',
  projectId: 'projects',
  userId: 'users',
};

/**
 * Old links and clients keep working: a route parameter holding the legacy id of a migrated
 * user, account, team or project is replaced by its new id before the handler runs. The new id
 * is derived from the legacy one (UUIDv5, see @dailies/legacy), so no lookup is needed; an id
 * nobody migrated leads to the usual 404. Assets, comments and review links kept their legacy
 * UUIDs as their ids, so theirs need nothing.
 */
export function translateLegacyParams(params: Record<string, string>): void {
  for (const [name, table] of Object.entries(HEX_ID_PARAMS)) {
    const value = params[name];
    if (typeof value === 'string' && isHexId(value)) params[name] = newIdFromHex(table, value);
  }
}

@Injectable()
export class LegacyIdParamsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const request = context.switchToHttp().getRequest<FastifyRequest>();
      if (request.params && typeof request.params === 'object') {
        translateLegacyParams(request.params as Record<string, string>);
      }
    }
    return next.handle();
  }
}
