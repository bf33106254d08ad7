import type { Socket } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { v7 } from 'uuid';
import FindMyWay from 'find-my-way';
import type { ErrorResponder } from './transport-errors';

/** Longest request target (path + query) accepted; longer is 414 URI Too Long. */
export const MAX_URL_BYTES = 8 * 1024;
/** Deepest JSON body accepted (objects and arrays); deeper is 400. */
export const MAX_JSON_DEPTH = 64;

export const HOSTILE_INPUT_CODE = 'DAILIES_HOSTILE_INPUT';

/** An error the framework raises on a transport's behalf; its transport gives it a shape. */
export class HostileInputError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly code = HOSTILE_INPUT_CODE,
  ) {
    super(message);
  }
}

/**
 * What is wrong with a parsed JSON value, or undefined: a NUL character in any string or key
 * (PostgreSQL cannot store U+0000 in text or jsonb), or nesting deeper than MAX_JSON_DEPTH.
 * Walks plain objects and arrays only — never Buffers, streams or other class instances (upload
 * parts, raw bodies). Iterative, so a hostile depth cannot overflow the stack.
 */
export function hostileJsonProblem(value: unknown): string | undefined {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { value: current, depth } = next;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return 'Text may not contain NUL (U+0000) characters';
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    const isArray = Array.isArray(current);
    const proto = Object.getPrototypeOf(current) as unknown;
    if (!isArray && proto !== Object.prototype && proto !== null) continue;
    if (depth + 1 > MAX_JSON_DEPTH)
      return `JSON may be nested at most ${MAX_JSON_DEPTH} levels deep`;
    if (isArray) {
      for (const item of current as unknown[]) stack.push({ value: item, depth: depth + 1 });
    } else {
      for (const [key, item] of Object.entries(current)) {
        if (key.includes('\u0000')) return 'Text may not contain NUL (U+0000) characters';
        stack.push({ value: item, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

/** NUL as sent in a URL: raw, percent-encoded (%00) in the path or the query. */
const NUL_IN_URL = /%00/i;

/**
 * One guard for every transport (/v2, /v1, /graphql, health): Fastify hooks on the root
 * instance, so they run before any controller, resolver or 404 handler. Errors leave through
 * Fastify's error handler, which gives them the shape of the transport owning the URL.
 *
 * 405 needs to know which methods a path has: a second find-my-way router (the router Fastify
 * itself uses, so paths match exactly as Fastify matches them) holds every route's method.
 */
export function installHostileInputGuard(fastify: FastifyInstance): void {
  const known = FindMyWay({ ignoreTrailingSlash: true, caseSensitive: true });
  const methodsAdded = new Set<string>();
  fastify.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      const key = `${method} ${route.url}`;
      // OPTIONS is left out: CORS answers preflights on every path (`OPTIONS *`), which would
      // turn every unknown path into a 405.
      if (methodsAdded.has(key) || method === 'HEAD' || method === 'OPTIONS' || !route.url)
        continue;
      methodsAdded.add(key);
      try {
        known.on(method as FindMyWay.HTTPMethod, route.url, () => undefined);
      } catch {
        // a route the second router cannot express: no 405 for it, the 404 stays
      }
    }
  });

  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const url = request.raw.url ?? request.url;
    if (Buffer.byteLength(url) > MAX_URL_BYTES)
      throw new HostileInputError(414, `The URL is longer than ${MAX_URL_BYTES} bytes`);
    if (NUL_IN_URL.test(url) || url.includes('\u0000'))
      throw new HostileInputError(400, 'The URL may not contain NUL (%00) characters');
    if (request.is404) {
      const path = url.split('?')[0];
      const allowed = methodsFor(known, path);
      if (allowed.length > 0 && !allowed.includes(request.method)) {
        if (allowed.includes('GET')) allowed.push('HEAD');
        const allow = allowed.sort().join(', ');
        void reply.header('allow', allow);
        throw new HostileInputError(
          405,
          `${request.method} is not allowed on ${path}; use ${allow}`,
        );
      }
    }
  });

  fastify.addHook('preValidation', async (request: FastifyRequest) => {
    const problem = hostileJsonProblem(request.body);
    if (problem) throw new HostileInputError(400, problem);
  });
}

const METHODS: FindMyWay.HTTPMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

function methodsFor(router: FindMyWay.Instance<FindMyWay.HTTPVersion.V1>, path: string): string[] {
  return METHODS.filter((method) => router.find(method, path) !== null);
}

/**
 * Node's HTTP parser refuses a request whose head exceeds its limit (16 KB) before Fastify sees
 * it; by default Fastify answers a bare JSON 431. This answers in the shape of the transport that
 * owns the URL (read from the request line of the refused packet): 414 when the request line
 * alone is over MAX_URL_BYTES, else 431.
 */
export function clientErrorResponder(
  responderFor: (url: string) => ErrorResponder,
): (error: Error & { code?: string; rawPacket?: unknown }, socket: Socket) => void {
  return (error, socket) => {
    // As Fastify's default handler does for everything but an oversized head.
    if (error.code === 'ECONNRESET' || !socket.writable) return;
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      socket.end('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    if (error.code !== 'HPE_HEADER_OVERFLOW') {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const raw = error.rawPacket;
    // Node passes the refused packet as a Buffer (Fastify's types describe its JSON form).
    const head = Buffer.isBuffer(raw) ? raw.subarray(0, MAX_URL_BYTES * 4).toString('latin1') : '';
    const requestLine = head.split('\r\n', 1)[0];
    const complete = head.includes('\r\n');
    const url = requestLine.split(' ')[1] ?? '/';
    const tooLong = !complete || Buffer.byteLength(url) > MAX_URL_BYTES;
    const status = tooLong ? 414 : 431;
    const answer = captureAnswer(
      responderFor(url),
      url,
      status,
      tooLong
        ? `The URL is longer than ${MAX_URL_BYTES} bytes`
        : 'The request headers are too large (16 KB at most)',
    );
    const reason =
      answer.status === 414
        ? 'URI Too Long'
        : answer.status === 431
          ? 'Request Header Fields Too Large'
          : 'Error';
    const headers = {
      ...answer.headers,
      'content-length': String(Buffer.byteLength(answer.body)),
      connection: 'close',
    };
    socket.end(
      `HTTP/1.1 ${answer.status} ${reason}\r\n${Object.entries(headers)
        .map(([name, value]) => `${name}: ${value}`)
        .join('\r\n')}\r\n\r\n${answer.body}`,
    );
  };
}

interface CapturedAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Runs a transport's responder outside a Fastify request (the parser refused the packet, so
 * there is none) on a minimal stand-in request and reply, and keeps what it would have sent.
 */
function captureAnswer(
  respond: ErrorResponder,
  url: string,
  status: number,
  detail: string,
): CapturedAnswer {
  const id = v7();
  const answer: CapturedAnswer = { status, headers: { 'x-request-id': id }, body: '' };
  const reply = {
    sent: false,
    raw: { destroy: () => undefined },
    status(code: number) {
      answer.status = code;
      return reply;
    },
    code(code: number) {
      answer.status = code;
      return reply;
    },
    header(name: string, value: string) {
      answer.headers[name.toLowerCase()] = String(value);
      return reply;
    },
    headers(values: Record<string, string>) {
      for (const [name, value] of Object.entries(values)) reply.header(name, value);
      return reply;
    },
    send(body: unknown) {
      answer.body = typeof body === 'string' ? body : JSON.stringify(body);
      return reply;
    },
  };
  const request = { url, method: 'GET', id, headers: {}, ip: '' };
  respond(
    new HostileInputError(status, detail),
    request as unknown as FastifyRequest,
    reply as unknown as FastifyReply,
  );
  return answer;
}
