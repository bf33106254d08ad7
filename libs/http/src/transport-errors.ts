import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  Inject,
  Injectable,
  Logger,
  Optional,
} from '@nestjs/common';
import { ErrorAlerts } from '@dailies/alerting';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem, toProblem } from './problem-details.filter';

/** How a transport answers an error: it owns the shape (problem+json, legacy JSON, HTML…). */
export type ErrorResponder = (error: unknown, request: FastifyRequest, reply: FastifyReply) => void;

/** Whether a URL (query string ignored) is `prefix` itself or below it. */
export function pathHasPrefix(url: string, prefix: string): boolean {
  const path = url.split('?')[0];
  return path === prefix || path.startsWith(`${prefix}/`);
}

const logger = new Logger('http');

/** What paths no transport claims get (health, unknown top-level paths): problem+json. */
export const problemResponder: ErrorResponder = (error, request, reply) =>
  sendProblem(reply, request, toProblem(error, logger, request));

/**
 * The seam through which each transport claims its URL prefix for errors raised before (or
 * outside) its own controllers: unknown routes, 405, bodies that are too large (413), not JSON
 * (415) or malformed (400). A transport's controllers carry their own guard and filter; this
 * only covers what the framework answers on the transport's behalf. A transport registers once,
 * at module init: `/v2` problem+json, `/v1` the legacy shape, the Support Tool its HTML page.
 */
@Injectable()
export class TransportErrorRoutes {
  private routes: { prefix: string; respond: ErrorResponder }[] = [];

  register(prefix: string, respond: ErrorResponder): void {
    if (this.routes.some((route) => route.prefix === prefix))
      throw new Error(`Two transports claim the prefix ${prefix}`);
    // Longest prefix first, so `/v2/review` could be claimed apart from `/v2`.
    this.routes = [...this.routes, { prefix, respond }].sort(
      (a, b) => b.prefix.length - a.prefix.length,
    );
  }

  responderFor(url: string): ErrorResponder {
    return (
      this.routes.find((route) => pathHasPrefix(url, route.prefix))?.respond ?? problemResponder
    );
  }

  respond(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
    this.responderFor(request.url)(error, request, reply);
  }
}

/**
 * The only global filter: errors no transport filter caught (the framework's 404 for an unknown
 * route, Fastify's body errors) go to the transport that owns the URL's prefix.
 */
@Catch()
@Injectable()
export class TransportErrorFilter implements ExceptionFilter {
  constructor(
    private readonly routes: TransportErrorRoutes,
    @Optional() @Inject(ErrorAlerts) private readonly alerts?: ErrorAlerts,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    this.routes.respond(exception, request, reply);
    // A 500 here escaped every transport's filter: uncaught (alerting).
    if (reply.statusCode === 500) this.alerts?.report(exception, 'http');
  }
}
