import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { requestContext } from '@dailies/events';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';

/** Runs each handler inside the request's context (request id, IP) so events can record them. */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const ctx = { requestId: String(request.id), ip: request.ip };
    return new Observable((subscriber) =>
      requestContext.run(ctx, () => next.handle().subscribe(subscriber)),
    );
  }
}
