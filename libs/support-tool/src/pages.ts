import path from 'node:path';
import { Injectable } from '@nestjs/common';
import { Eta } from 'eta';
import type { FastifyRequest } from 'fastify';
import type { StaffRequest } from './staff-request';

/** Server-rendered pages (Eta templates in ./views, HTML-escaped by default, one layout). */
@Injectable()
export class Pages {
  private readonly eta = new Eta({
    views: path.join(__dirname, 'views'),
    autoEscape: true,
    cache: process.env.NODE_ENV === 'production',
  });

  render(request: FastifyRequest, view: string, data: Record<string, unknown> = {}): string {
    const session = (request as StaffRequest).staffSession;
    return this.eta.render(view, {
      staff: session?.staff ?? null,
      csrfToken: session?.csrfToken ?? '',
      title: '',
      flash:
        typeof (request.query as { done?: unknown })?.done === 'string'
          ? (request.query as { done: string }).done
          : null,
      ...data,
    });
  }
}
