import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  Inject,
  Logger,
  Optional,
} from '@nestjs/common';
import { ErrorAlerts } from '@dailies/alerting';
import { DomainError } from '@dailies/core';
import { isDatabaseBusyError, isDatabaseUnavailableError } from '@dailies/db';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HOSTILE_INPUT_CODE } from './hostile-input';
import { Problem, problemFromDomainError, problemFromStatus } from './problem';

/** Every error leaves as problem+json; nothing a client sent can produce a stack trace. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  constructor(@Optional() @Inject(ErrorAlerts) private readonly alerts?: ErrorAlerts) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    sendProblem(
      reply,
      request,
      toProblem(exception, this.logger, request, (error) => this.alerts?.report(error, 'http')),
    );
  }
}

/** Told about errors nobody expected (the 500s), e.g. ErrorAlerts. */
export type UncaughtErrorReport = (error: unknown) => void;

export function toProblem(
  exception: unknown,
  logger: Pick<Logger, 'error'>,
  request?: FastifyRequest,
  report?: UncaughtErrorReport,
): Problem {
  if (exception instanceof DomainError) return problemFromDomainError(exception);
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const message =
      typeof response === 'object' && response && 'message' in response
        ? String((response as { message: unknown }).message)
        : exception.message;
    const detail =
      status === 404 ? `No route ${request?.method ?? ''} ${request?.url ?? ''}`.trim() : message;
    return problemFromStatus(status, detail);
  }
  const fastifyError = exception as { statusCode?: number; code?: string; message?: string };
  if (
    typeof fastifyError?.statusCode === 'number' &&
    fastifyError.statusCode >= 400 &&
    fastifyError.statusCode < 500
  ) {
    return problemFromStatus(fastifyError.statusCode, fastifyDetail(fastifyError));
  }
  if (isDatabaseBusyError(exception)) {
    logger.error({ err: exception, requestId: request?.id }, 'database busy');
    return {
      ...problemFromStatus(503, 'The service is busy right now; nothing was changed. Try again.'),
      retryAfterSeconds: 1,
    };
  }
  if (isDatabaseUnavailableError(exception)) {
    logger.error({ err: exception, requestId: request?.id }, 'database unavailable');
    return {
      ...problemFromStatus(
        503,
        'The service cannot reach its database right now; nothing was changed. Try again shortly.',
      ),
      retryAfterSeconds: 5,
    };
  }
  logger.error({ err: exception, requestId: request?.id }, 'unhandled error');
  report?.(exception);
  return problemFromStatus(
    500,
    'Something went wrong on our side; the request id helps support find it',
  );
}

function fastifyDetail(error: { code?: string; message?: string; statusCode?: number }): string {
  switch (error.code) {
    case HOSTILE_INPUT_CODE:
      return error.message ?? 'Bad request';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'The request body is larger than 1 MB';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'Send JSON with Content-Type: application/json';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'The JSON body is empty';
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'The body is not valid JSON';
    default:
      return error.statusCode === 400 && /JSON/i.test(error.message ?? '')
        ? 'The body is not valid JSON'
        : (error.message ?? 'Bad request');
  }
}

export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest | undefined,
  problem: Problem,
): void {
  const { retryAfterSeconds, ...rest } = problem;
  const body: Problem = {
    ...rest,
    ...(request ? { instance: request.url.split('?')[0], requestId: String(request.id) } : {}),
  };
  const headers: Record<string, string> = {
    'content-type': 'application/problem+json; charset=utf-8',
  };
  if (retryAfterSeconds) headers['retry-after'] = String(retryAfterSeconds);
  void reply.status(problem.status).headers(headers).send(JSON.stringify(body));
}
