import path from 'node:path';
import { Readable } from 'node:stream';
import send from '@fastify/send';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { problemFromStatus, sendProblem } from '@dailies/http';
import {
  contentDisposition,
  LOCAL_STORAGE_PREFIX,
  LocalStorage,
  ObjectStorage,
  PartTooLarge,
  StorageRefusal,
} from '@dailies/storage';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

interface SignedQuery {
  expires?: string;
  signature?: string;
  download?: string;
}

/**
 * Serves the local store's presigned URLs — what S3 serves itself: `PUT
 * /storage/uploads/:uploadId/parts/:n` stores one part (raw bytes, any media type, streamed to
 * disk; answers its ETag), `GET /storage/objects/*` streams an object with Range support
 * (@fastify/send). Each request must carry an unexpired signature over its method and path;
 * a tampered or expired one is a 403. Nothing here is mounted with S3 storage.
 */
@Injectable()
export class LocalStorageRoutes implements OnModuleInit {
  constructor(
    @Inject(HttpAdapterHost) private readonly host: HttpAdapterHost,
    @Inject(ObjectStorage) private readonly storage: ObjectStorage,
  ) {}

  onModuleInit(): void {
    const storage = this.storage;
    const fastify = this.host.httpAdapter?.getInstance<FastifyInstance>();
    if (!(storage instanceof LocalStorage) || !fastify) return;
    void fastify.register(async (child) => {
      // Part bodies are raw bytes of any type: handed on as the request stream, never buffered
      // (the platform's JSON-only parsing stays as it is everywhere else).
      child.removeAllContentTypeParsers();
      child.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
      child.put(`${LOCAL_STORAGE_PREFIX}/uploads/:uploadId/parts/:partNumber`, (request, reply) =>
        putPart(storage, request, reply),
      );
      child.get(`${LOCAL_STORAGE_PREFIX}/objects/*`, (request, reply) =>
        getObject(storage, request, reply),
      );
    });
  }
}

async function putPart(storage: LocalStorage, request: FastifyRequest, reply: FastifyReply) {
  const { uploadId, partNumber } = request.params as { uploadId: string; partNumber: string };
  if (!refuseUnsigned(storage, 'PUT', request, reply)) return;
  const number = Number(partNumber);
  if (!Number.isInteger(number) || number < 1 || number > 10_000) {
    return refuse(request, reply, 400, 'The part number must be 1–10000');
  }
  const body = request.body instanceof Readable ? request.body : Readable.from([]);
  try {
    const part = await storage.writePart(uploadId, number, body);
    void reply.header('etag', `"${part.etag}"`).header('access-control-expose-headers', 'ETag');
    return reply.status(200).send();
  } catch (error) {
    if (error instanceof PartTooLarge) return refuse(request, reply, 413, error.message);
    if (error instanceof StorageRefusal) {
      return refuse(request, reply, 404, 'No such upload (completed, aborted or never started)');
    }
    // The client went away mid-body: nothing was stored, and nobody is left to answer.
    if (request.raw.destroyed || request.raw.readableAborted) return reply;
    throw error;
  }
}

async function getObject(storage: LocalStorage, request: FastifyRequest, reply: FastifyReply) {
  if (!refuseUnsigned(storage, 'GET', request, reply)) return;
  const key = (request.params as { '*': string })['*'];
  let file: string;
  try {
    file = storage.objectFile(key);
  } catch {
    return refuse(request, reply, 404, 'No such object');
  }
  const stored = await storage.head(key);
  if (!stored) return refuse(request, reply, 404, 'No such object');
  const result = await send(request.raw, path.basename(file), {
    root: path.dirname(file),
    dotfiles: 'allow',
    index: false,
    etag: true,
    lastModified: true,
  });
  if (result.type === 'error') return refuse(request, reply, result.statusCode, 'No such object');
  const headers: Record<string, string> = { ...result.headers };
  if (stored.contentType && result.statusCode < 300) headers['content-type'] = stored.contentType;
  const { download } = request.query as SignedQuery;
  if (download) headers['content-disposition'] = contentDisposition(download);
  // The URL is the permission: private, and only as long as it lives.
  headers['cache-control'] = 'private, max-age=60';
  return reply.status(result.statusCode).headers(headers).send(result.stream);
}

/** False (and answered 403) unless the URL carries a valid, unexpired signature for it. */
function refuseUnsigned(
  storage: LocalStorage,
  method: 'GET' | 'PUT',
  request: FastifyRequest,
  reply: FastifyReply,
): boolean {
  const { expires, signature, download } = request.query as SignedQuery;
  const urlPath = decodeURIComponent(request.url.split('?')[0]);
  const verdict =
    expires && signature && /^\d+$/.test(expires)
      ? storage.signer.verify(
          {
            method,
            path: urlPath,
            expires: Number(expires),
            params: download ? { download } : undefined,
          },
          signature,
        )
      : ({ ok: false, reason: 'bad_signature' } as const);
  if (verdict.ok) return true;
  refuse(
    request,
    reply,
    403,
    verdict.reason === 'expired'
      ? 'This signed URL has expired: ask the API for a new one'
      : 'This URL is not signed for this request (missing, altered or for another object)',
  );
  return false;
}

function refuse(request: FastifyRequest, reply: FastifyReply, status: number, detail: string) {
  // A refused part upload may still be sending: let it go, the answer is already decided.
  if (request.body instanceof Readable) request.body.resume();
  sendProblem(reply, request, problemFromStatus(status, detail));
  return reply;
}
