import { ArgumentsHost, Catch, ExceptionFilter, Inject, Logger, Optional } from '@nestjs/common';
import { ErrorAlerts } from '@dailies/alerting';
import { Problem, toProblem, UncaughtErrorReport } from '@dailies/http';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The legacy error codes (API.md "Errors") and their statuses. */
export type LegacyErrorCode = 'not_found' | 'unauthorized' | 'forbidden' | 'invalid' | 'conflict';

export interface LegacyError {
  error: string;
  code: LegacyErrorCode | 'internal';
}

const STATUS: Record<LegacyErrorCode | 'internal', number> = {
  not_found: 404,
  unauthorized: 401,
  forbidden: 403,
  invalid: 422,
  conflict: 409,
  internal: 500,
};

/**
 * The legacy shape of an error the rest of the system classifies as a problem (one mapping for
 * both): bad input of any kind (400, 413, 415 and field errors) is `invalid` (422); a link that
 * expired or was turned off (410) is `not_found`, as the old app answered; a throttled sign-in
 * (429) is `forbidden`, with its Retry-After header. Server faults stay 500 without details,
 * except "unavailable, retry later" (503: database unreachable, load shed), which keeps its status
 * and Retry-After so clients and proxies back off instead of failing hard.
 */
export function legacyErrorOf(problem: Pick<Problem, 'status' | 'detail' | 'errors'>): {
  status: number;
  body: LegacyError;
} {
  const code: LegacyError['code'] =
    problem.status === 401
      ? 'unauthorized'
      : problem.status === 403 || problem.status === 429
        ? 'forbidden'
        : problem.status === 404 || problem.status === 405 || problem.status === 410
          ? 'not_found'
          : problem.status === 409
            ? 'conflict'
            : problem.status >= 400 && problem.status < 500
              ? 'invalid'
              : 'internal';
  const fields = problem.errors?.length
    ? `: ${problem.errors.map((e) => `${e.field} ${e.message}`).join('; ')}`
    : '';
  const status = problem.status === 503 ? 503 : STATUS[code];
  return { status, body: { error: `${problem.detail}${fields}`, code } };
}

export function sendLegacyError(reply: FastifyReply, problem: Problem): void {
  const { status, body } = legacyErrorOf(problem);
  if (problem.retryAfterSeconds)
    void reply.header('retry-after', String(problem.retryAfterSeconds));
  void reply
    .status(status)
    .header('content-type', 'application/json; charset=utf-8')
    .send(JSON.stringify(body));
}

/**
 * Every error of a /v1 route leaves as `{"error", "code"}` — never problem+json, never a stack
 * trace. Bound to the /v1 controllers (LegacyController).
 */
@Catch()
export class LegacyErrorFilter implements ExceptionFilter {
  constructor(@Optional() @Inject(ErrorAlerts) private readonly alerts?: ErrorAlerts) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    legacyErrorResponder(
      exception,
      host.switchToHttp().getRequest<FastifyRequest>(),
      host.switchToHttp().getResponse<FastifyReply>(),
      (error) => this.alerts?.report(error, 'v1'),
    );
  }
}

/** The prefix of the paths served by the Munger. */
export const LEGACY_PREFIX = '/v1';

const logger = new Logger('v1');

/** Errors of /v1 paths, from a /v1 controller or from the HTTP layer before one ran. */
export function legacyErrorResponder(
  exception: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  report?: UncaughtErrorReport,
): void {
  if (reply.sent) {
    // A streamed list already sent its first bytes: all that is left is to cut it off.
    logger.error({ err: exception, requestId: request.id }, 'error while streaming');
    report?.(exception);
    reply.raw.destroy();
    return;
  }
  sendLegacyError(reply, toProblem(exception, logger, request, report));
}
