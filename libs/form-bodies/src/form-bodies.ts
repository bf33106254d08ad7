import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** One claim on HTML form bodies: the paths it covers, its size limit, what it makes of them. */
export interface FormBodyClaim {
  /** Whether a request path (no query string) is this claim's. */
  matches(path: string): boolean;
  limitBytes: number;
  /** The parsed body handed to the route (e.g. the fields, or `{}` when only the URL counts). */
  parse(body: string): unknown;
}

export const FORM_MEDIA_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];
const MAX_FORM_BYTES = 1024 * 1024;

const claimsByServer = new WeakMap<FastifyInstance, FormBodyClaim[]>();

/**
 * The platform accepts JSON only: every other media type is 415. A few routes need HTML forms
 * (the Support Tool's pages, RFC 8058 one-click unsubscribe). Fastify has one parser per media
 * type per server, so the modules that need forms claim their paths here and one parser,
 * installed on first use, serves each claim and keeps refusing forms everywhere else.
 */
export function acceptFormBodies(
  fastify: FastifyInstance,
  claim: FormBodyClaim,
  mediaTypes: readonly string[] = ['application/x-www-form-urlencoded'],
): void {
  let claims = claimsByServer.get(fastify);
  if (!claims) {
    claims = [];
    claimsByServer.set(fastify, claims);
  }
  claims.push(claim);
  const all = claims;
  for (const type of mediaTypes) {
    if (fastify.hasContentTypeParser(type)) continue;
    fastify.addContentTypeParser(
      type,
      { parseAs: 'string', bodyLimit: MAX_FORM_BYTES },
      (request: FastifyRequest, body: string | Buffer, done) => {
        const path = request.url.split('?')[0];
        const owner = all.find((c) => c.matches(path));
        if (!owner) {
          done(new UnsupportedMediaTypeException(`Unsupported Media Type: ${type}`), undefined);
          return;
        }
        const text = String(body);
        if (Buffer.byteLength(text) > owner.limitBytes) {
          done(
            Object.assign(new Error('Request body is too large'), {
              statusCode: 413,
              code: 'FST_ERR_CTP_BODY_TOO_LARGE',
            }),
            undefined,
          );
          return;
        }
        done(null, owner.parse(text));
      },
    );
  }
}
