import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { acceptFormBodies, FORM_MEDIA_TYPES } from '@dailies/form-bodies';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

export const UNSUBSCRIBE_PATH = '/email/unsubscribe';

/** RFC 8058 bodies are one short field; anything longer is not a one-click request. */
const BODY_LIMIT_BYTES = 4096;

/**
 * The platform's Fastify accepts JSON only (everything else is 415), but mailbox providers POST
 * `List-Unsubscribe=One-Click` as a form. This accepts form bodies on the unsubscribe route
 * alone — the body is read (within a small limit) and ignored, the signed token in the URL is
 * what counts — and keeps answering 415 everywhere else.
 */
@Injectable()
export class UnsubscribeBodyParsers implements OnModuleInit {
  constructor(@Inject(HttpAdapterHost) private readonly host: HttpAdapterHost) {}

  onModuleInit(): void {
    const instance: unknown = this.host.httpAdapter?.getInstance();
    if (!isFastify(instance)) return; // another adapter parses forms itself
    acceptFormBodies(
      instance,
      {
        matches: (path) => path.replace(/\/+$/, '') === UNSUBSCRIBE_PATH,
        limitBytes: BODY_LIMIT_BYTES,
        parse: () => ({}), // the signed token in the URL is what counts
      },
      FORM_MEDIA_TYPES,
    );
  }
}

function isFastify(instance: unknown): instance is FastifyInstance {
  return (
    typeof instance === 'object' &&
    instance !== null &&
    typeof (instance as Partial<FastifyInstance>).addContentTypeParser === 'function' &&
    typeof (instance as Partial<FastifyInstance>).hasContentTypeParser === 'function'
  );
}
