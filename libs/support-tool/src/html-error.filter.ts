import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  Inject,
  Injectable,
  Logger,
  Optional,
} from '@nestjs/common';
import { ErrorAlerts } from '@dailies/alerting';
import { DomainError } from '@dailies/core';
import { problemFromDomainError } from '@dailies/http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Pages } from './pages';

const logger = new Logger('support-tool');

/** The status and message a staff member sees for an error (never a stack trace). */
export function describeError(error: unknown): {
  status: number;
  message: string;
  fields: string[];
} {
  if (error instanceof DomainError) {
    const problem = problemFromDomainError(error);
    return {
      status: problem.status,
      message: error.message,
      fields: (error.extra.fieldErrors ?? []).map((f) => `${f.field}: ${f.message}`),
    };
  }
  if (error instanceof HttpException)
    return { status: error.getStatus(), message: error.message, fields: [] };
  const fastifyError = error as { statusCode?: number; message?: string };
  if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode < 500)
    return {
      status: fastifyError.statusCode,
      message: fastifyError.message ?? 'Bad request',
      fields: [],
    };
  return {
    status: 500,
    message: 'Something went wrong on our side; nothing was changed.',
    fields: [],
  };
}

/** Answers an error on /support as an HTML page; not signed in (401) goes to the sign-in page. */
export function respondWithHtml(
  pages: Pages,
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  alerts?: ErrorAlerts,
): void {
  const described = describeError(error);
  if (described.status >= 500) {
    logger.error({ err: error, requestId: request.id }, 'support tool error');
    alerts?.report(error, 'support');
  }
  if (described.status === 401) {
    const to = `/support/login?next=${encodeURIComponent(request.url)}`;
    if (request.headers['hx-request']) void reply.header('hx-redirect', to).status(401).send('');
    else void reply.status(303).header('location', to).send('');
    return;
  }
  void reply
    .status(described.status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(pages.render(request, 'error', { title: `Error ${described.status}`, ...described }));
}

@Catch()
@Injectable()
export class HtmlErrorFilter implements ExceptionFilter {
  constructor(
    private readonly pages: Pages,
    @Optional() @Inject(ErrorAlerts) private readonly alerts?: ErrorAlerts,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    respondWithHtml(this.pages, exception, request, reply, this.alerts);
  }
}
